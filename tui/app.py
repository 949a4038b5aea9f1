"""The Textual app: holds the guide, the global keys, the theme, and the rule that links never open."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, cast

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from tui.commands import TopicCommands
from tui.fatal import exit_on_signals
from tui.guide import ContentError, Guide, parse_guide, read_guide_bytes
from tui.kiosk import ALLOWED_APP_ACTIONS, ExitChord
from tui.memory import release, settle
from tui.pages import Anchor, Page, build_pages, crisis_page, notice_page
from tui.ready_exit import ExitWhenReady
from tui.screens import ReaderScreen
from tui.search import SearchIndex
from tui.store.state import Place, StateStore
from tui.watch import FileWatcher

__all__ = ["GuideApp"]


class GuideApp(ExitWhenReady):
    """A terminal reader for one guide.

    ``guide_key`` names the guide in the saved state (its file path); ``state`` is where the
    reading place and theme are remembered, or ``None`` to remember nothing. The app owns the guide:
    its pages and search index are derived from it, and the screens observe them, so a reload is one
    assignment to :attr:`guide`.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it
    COMMANDS = App.COMMANDS | {TopicCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "exclamation_mark", "crisis", "Help now", priority=True, tooltip="Crisis lines and the disclaimer"
        ),
        Binding("question_mark", "help", "Keys", tooltip="List every key"),
        Binding("q", "quit", "Quit", tooltip="Leave the guide"),
        Binding("t", "cycle_theme", "Theme", show=False, tooltip="Switch to the next colour theme"),
        Binding(
            "ctrl+p", "command_palette", "Palette", show=False, tooltip="Find a topic or a command by name"
        ),
        Binding("tab", "focus_next", "Next pane", show=False, tooltip="Next pane (in the text: next link)"),
        Binding(
            "shift+tab", "focus_previous", "Previous pane", show=False, tooltip="Previous pane (or link)"
        ),
    ]

    guide: var[Guide] = var(cast(Guide, None), init=False)
    """The guide on show; assigning another (a reload) replaces the pages and the search index."""

    pages: var[tuple[Page, ...]] = var((), init=False)
    """The pages of the guide, in sidebar order (derived from :attr:`guide`)."""

    search_index: var[SearchIndex | None] = var(None, init=False)
    """The search index of the guide (derived from :attr:`guide`; built after the first paint)."""

    problems: var[tuple[str, ...]] = var((), init=False, always_update=True)
    """What is wrong with the guide file since its last change, as ``file:line:col: message`` lines."""

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
        notice: bool = False,
    ) -> None:
        super().__init__()
        self.set_reactive(GuideApp.guide, guide)
        self._derive(guide)
        self.guide_key = guide_key
        self.state = state
        self._place: Place | None = None
        """The reading place last reported, written to the state file when the app ends."""
        chosen = theme or (state.theme() if state else None)
        if chosen in self.available_themes:
            self.theme = chosen
        place = state.place(guide_key) if state and not fresh else None
        ids = [page.id for page in self.pages]
        known = place is not None and place.topic in ids
        self.start_index = ids.index(place.topic) if place is not None and known else 0
        self.start_at = place.at if place is not None and known else None
        """Where the reader opens: the remembered topic and passage, or the top of the first page."""
        self.watcher = FileWatcher(watch) if watch is not None else None
        self.kiosk = kiosk
        self.exit_key = exit_key
        self.exit_chord = ExitChord()
        self.notice = notice
        """Whether the notice at first start (the disclaimer) comes over the first frame."""
        if kiosk:
            self.use_command_palette = False

    def _derive(self, guide: Guide) -> None:
        """The pages, the search index and the titles of ``guide``."""
        pages = build_pages(guide)
        self.search_index = SearchIndex(guide, pages)  # a hit names a page and a part of it
        self.pages = pages
        self.title, self.sub_title = guide.title, guide.subtitle

    def watch_guide(self, guide: Guide) -> None:
        self._derive(guide)
        self._build_index()
        self.problems = ()
        release()  # so that the guide just replaced can be collected
        settle()

    def reader_screen(self, start: int = 0, at: Anchor | None = None) -> ReaderScreen:
        """A reader on this app's guide, kept in step with it (a reload reaches it)."""
        screen = ReaderScreen(self.pages, self.search_index, start, at)
        return screen.data_bind(GuideApp.pages, GuideApp.problems, index=GuideApp.search_index)

    def get_default_screen(self) -> Screen[None]:
        return self.reader_screen(self.start_index, self.start_at)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In kiosk mode only a short allow-list of app actions may run (see ``tui.kiosk``)."""
        if self.kiosk and action not in ALLOWED_APP_ACTIONS:
            return False
        return super().check_action(action, parameters)

    async def on_event(self, event: events.Event) -> None:
        """The operator's way out of kiosk mode: the exit key, three times in a row. It is counted here,
        before any screen sees it (a screen that stops every key cannot eat it), and goes no further."""
        if (
            self.kiosk
            and isinstance(event, events.Key)
            and not event.is_forwarded
            and event.key == self.exit_key
        ):
            if self.exit_chord.press():
                self.exit()
            return
        await super().on_event(event)

    def _build_index(self) -> None:
        if self.search_index is not None:
            self.run_worker(self.search_index.build, thread=True, group="index")

    def on_mount(self) -> None:
        # The search index is built off the UI thread after the first paint, not before it.
        self.call_after_refresh(self._build_index)
        exit_on_signals(self.exit)  # each leaves the terminal restored (see tui/fatal.py)
        if self.watcher is not None:
            self.set_interval(0.5, self._check_file, name="watch content file")
        if self.state is not None:
            self._report_state_problem()
            self.theme_changed_signal.subscribe(self, self._remember_theme)

    def on_ready(self) -> None:
        settle()  # the first frame is up: the screen's widgets live as long as the app
        if self.notice and not self.quitting:  # a quit typed ahead ends the app at its first frame
            from tui.screens.notice import NoticeScreen

            self.push_screen(NoticeScreen(notice_page(self.guide)), self._disclaimer_read)

    def _disclaimer_read(self, _: None) -> None:
        if self.state is not None:
            self.state.remember_disclaimer_read()
            self._report_state_problem()

    def on_unmount(self) -> None:
        if self.state is not None and self._place is not None:
            self.state.remember_place(self.guide_key, self._place)
        release()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "index" and event.state == WorkerState.SUCCESS:
            settle()  # the search index is built, and lives as long as the app

    def _check_file(self) -> None:
        if self.watcher is not None and self.watcher.poll():
            self._reload(self.watcher.path)

    @work(thread=True, exclusive=True, group="reload")
    def _reload(self, path: Path) -> None:
        """Read the changed file off the UI thread; only a valid guide replaces the one on show. A pipe
        is refused, not read: this thread must end for the app to end (so must never wait)."""
        try:
            guide = parse_guide(read_guide_bytes(path, pipe_seconds=0), str(path))
        except ContentError as error:
            self.call_from_thread(setattr, self, "problems", tuple(str(issue) for issue in error.issues))
            return
        self.call_from_thread(setattr, self, "guide", guide)

    def on_reader_screen_place_changed(self, message: ReaderScreen.PlaceChanged) -> None:
        """Keep the reading place, to be written when the app ends (and at each topic switch)."""
        switched = self._place is None or message.place.topic != self._place.topic
        self._place = message.place
        if switched and self.state is not None:
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

    def action_crisis(self) -> None:
        """Open the crisis lines and the disclaimer over whatever is on screen."""
        from tui.screens.crisis import CrisisScreen

        if not isinstance(self.screen, CrisisScreen):
            self.push_screen(CrisisScreen(crisis_page(self.guide)))

    def action_help(self) -> None:
        """List every key that works here (keys the app refuses, as in kiosk mode, are left out)."""
        from tui.screens.help import HelpScreen, allowed_groups  # 2 ms at start-up otherwise

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(allowed_groups(self, ReaderScreen.BINDINGS, self.BINDINGS)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, with its own key panel replaced by this app's list of every key."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command
        yield SystemCommand("Keys", "List every key of the reader", self.action_help)

    def action_cycle_theme(self) -> None:
        names = sorted(self.available_themes)
        self.theme = names[(names.index(self.theme) + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Show a link's address instead of opening a browser, whatever asked for it."""
        from tui.screens.link import LinkScreen

        self.push_screen(LinkScreen(url, kiosk=self.kiosk))
