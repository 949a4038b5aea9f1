"""The Textual app: holds the guide, the global keys, the theme, and the rule that links never open."""

from __future__ import annotations

import asyncio
import signal
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui.commands import TopicCommands
from tui.guide import ContentError, Guide, load_guide
from tui.kiosk import ALLOWED_APP_ACTIONS, ExitChord
from tui.memory import release, settle, tidy
from tui.pages import Page, build_pages
from tui.screens import ReaderScreen
from tui.search import SearchIndex
from tui.store.state import StateStore
from tui.watch import FileWatcher

if TYPE_CHECKING:
    from tui.widgets.line_cache import LineCache

__all__ = ["TIDY_DELAY", "GuideApp"]

TIDY_DELAY = 0.5
"""Seconds after the last topic switch at which the young objects are collected (see tui.memory)."""


class GuideApp(App[None]):
    """A terminal reader for one guide.

    ``guide_key`` names the guide in the saved state (its file path); ``state`` is where the
    reading place and theme are remembered, or ``None`` to remember nothing.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it
    COMMANDS = App.COMMANDS | {TopicCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave the guide", id="quit"),
        Binding("t", "cycle_theme", "Theme", show=False, tooltip="Switch to the next colour theme"),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    ]

    def __init__(
        self,
        guide: Guide,
        *,
        guide_key: str = "",
        state: StateStore | None = None,
        fresh: bool = False,
        theme: str | None = None,
        watch: Path | None = None,
        kiosk: bool = False,
        exit_key: str = "ctrl+o",
        saved_lines: LineCache | None = None,
    ) -> None:
        super().__init__()
        self.saved_lines = saved_lines
        """Where the text pane keeps its first screen between runs, or ``None`` to keep nothing."""
        self.guide = guide
        self.guide_key = guide_key
        self.state = state
        self.pages = build_pages(guide)
        self.search_index = SearchIndex(guide)
        self.title = guide.title
        self.sub_title = guide.subtitle
        chosen = theme or (state.theme() if state else None)
        if chosen in self.available_themes:
            self.theme = chosen
        place = state.place(guide_key) if state and not fresh else None
        ids = [page.id for page in self.pages]
        known = place is not None and place.topic in ids
        self.start_index = ids.index(place.topic) if place is not None and known else 0
        self.start_scroll = place.scroll if place is not None and known else 0.0
        """Where the reader opens: the remembered topic and scroll, or the top of the first page."""
        self.watcher = FileWatcher(watch) if watch is not None else None
        self.kiosk = kiosk
        self.exit_key = exit_key
        self.exit_chord = ExitChord()
        self._tidy_timer: Timer | None = None
        if kiosk:
            self.use_command_palette = False

    def reader(self) -> ReaderScreen | None:
        """The reader screen, wherever it is in the stack (under help or search, or a visitor's)."""
        return next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(
            self.pages, self.search_index, self.start_index, self.start_scroll, saved_lines=self.saved_lines
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In kiosk mode only a short allow-list of app actions may run (see ``tui.kiosk``)."""
        if self.kiosk and action not in ALLOWED_APP_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def on_key(self, event: events.Key) -> None:
        """The operator's way out of kiosk mode: the exit key, three times in a row."""
        if self.kiosk and event.key == self.exit_key and self.exit_chord.press():
            self.exit()

    def on_mount(self) -> None:
        # The search index is built off the UI thread after the first paint, not before it.
        self.call_after_refresh(self.run_worker, self.search_index.build, thread=True, group="index")
        with suppress(NotImplementedError, RuntimeError):  # no signal handlers off the main thread
            loop = asyncio.get_running_loop()
            for signal_number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signal_number, self.exit)
        if self.watcher is not None:
            self.set_interval(0.5, self._check_file, name="watch content file")
        if self.state is not None:
            self._report_state_problem()
            self.theme_changed_signal.subscribe(self, self._remember_theme)

    def on_ready(self) -> None:
        settle()  # the first frame is up: the screen's widgets live as long as the app

    def on_unmount(self) -> None:
        release()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "index" and event.state == WorkerState.SUCCESS:
            settle()  # the search index is built, and lives as long as the app

    def _check_file(self) -> None:
        if self.watcher is not None and self.watcher.poll():
            self._reload(self.watcher.path)

    @work(thread=True, exclusive=True, group="reload")
    def _reload(self, path: Path) -> None:
        """Read the changed file off the UI thread; only a valid guide replaces the one on show."""
        try:
            guide = load_guide(path)
        except ContentError as error:
            self.call_from_thread(self._show_problems, [str(issue) for issue in error.issues])
            return
        pages, index = build_pages(guide), SearchIndex(guide)
        index.build()
        self.call_from_thread(self._apply, guide, pages, index)

    def _apply(self, guide: Guide, pages: tuple[Page, ...], index: SearchIndex) -> None:
        self.guide, self.pages, self.search_index = guide, pages, index
        self.title, self.sub_title = guide.title, guide.subtitle
        reader = self.reader()
        if reader is not None:
            reader.replace_pages(pages, index)
        release()  # so that the guide just replaced can be collected
        settle()

    def _show_problems(self, lines: list[str]) -> None:
        reader = self.reader()
        if reader is not None:
            reader.show_problems(lines)

    def on_reader_screen_place_changed(self, message: ReaderScreen.PlaceChanged) -> None:
        if self._tidy_timer is not None:
            self._tidy_timer.stop()
        self._tidy_timer = self.set_timer(TIDY_DELAY, tidy, name="collect after a switch")
        if self.state is not None:
            self.state.remember_place(self.guide_key, message.place)
            self._report_state_problem()

    def _remember_theme(self, theme: Theme) -> None:
        if self.state is not None:
            self.state.remember_theme(theme.name)
            self._report_state_problem()

    def _report_state_problem(self) -> None:
        if self.state is not None and self.state.notice:
            self.notify(self.state.notice, severity="warning", markup=False)
            self.state.notice = None

    async def action_quit(self) -> None:
        """Remember the exact place, scroll included, then leave."""
        reader = self.reader()
        if reader is not None:
            self.on_reader_screen_place_changed(ReaderScreen.PlaceChanged(reader.place()))
        self.exit()

    def action_cycle_theme(self) -> None:
        names = sorted(self.available_themes)
        self.theme = names[(names.index(self.theme) + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Show a link's address instead of opening a browser, whatever asked for it."""
        self.notify(url, title="Link (not opened)", markup=False, timeout=8)
