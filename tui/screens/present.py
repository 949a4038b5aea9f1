"""A topic on a big screen: chapter strip, large title, the text, and a progress bar to the next one.

The screen only shows and counts; :class:`tui.present.PresentApp` decides what comes next.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tui.pages import Page
from tui.widgets import PageView, Target

__all__ = ["PresentScreen"]

TICK = 0.25
"""Seconds between progress updates (shorter for pages shown for less than a second)."""


class PresentScreen(Screen[None]):
    """Plays one page for ``duration`` seconds, scrolling long text a page at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_pause", "Pause/play"),
        Binding("left", "step(-1)", "Previous"),
        Binding("right", "step(1)", "Next"),
    ]

    DEFAULT_CSS = """
    PresentScreen {
        background: $background;
        & #strip { height: 1; background: $panel; color: $text-muted; padding: 0 2; }
        & #big-title { text-style: bold; color: $primary; padding: 1 4 0 4; text-align: center; }
        & PageView { padding: 1 6; }
        & #progress-line { dock: bottom; height: 1; padding: 0 2; background: $panel; }
        & #progress-line ProgressBar { width: 1fr; }
        & #progress-line Bar { width: 1fr; }
        & #progress-label { width: auto; padding-left: 2; }
        &.-narrow #big-title { padding: 0 1; }
        &.-narrow PageView { padding: 0 1; }
    }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012

    class Finished(Message):
        """The page's time is up."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Step(Message):
        """The viewer asked for the previous (-1) or next (+1) page."""

        def __init__(self, index: int, direction: int) -> None:
            super().__init__()
            self.index, self.direction = index, direction

    class TakeOver(Message):
        """Any other key: a visitor wants to read at their own pace."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, page: Page, index: int, total: int, duration: float) -> None:
        super().__init__()
        self.page, self.index, self.total = page, index, total
        self.number = index + 1
        self.duration = duration
        self.tick = min(TICK, duration / 4)
        self.elapsed = 0.0
        self.paused = False
        # Kept at hand rather than queried: the show can replace this screen before its mount handler
        # or a tick has run, and a query on a screen being removed finds nothing.
        self._view = PageView(measure=100)
        self._bar = ProgressBar(total=self.duration, show_eta=False, show_percentage=False)
        self._label = Static(id="progress-label")

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Topic {self.number} of {self.total}"), id="strip")
        yield Static(Content(self.page.title), id="big-title")
        yield self._view
        with Horizontal(id="progress-line"):
            yield self._bar
            yield self._label

    def on_mount(self) -> None:
        # The large title stays put above the text, so the text's own first heading is left out.
        self._view.target = Target(self.page.without_title())
        self.set_interval(self.tick, self._tick, name="presentation tick")
        self._show_progress()

    def _tick(self) -> None:
        # Not while a panel is over it (is_current is true under a modal): the next page would replace
        # the panel, the crisis lines included. A tick can also come while the screen is being replaced.
        if self.paused or self.app.screen is not self:
            return
        self.elapsed += self.tick
        self._scroll_for_time()
        self._show_progress()
        if self.elapsed >= self.duration:
            self.paused = True  # no second Finished while the next page is being set up
            self.post_message(self.Finished(self.index))

    def _scroll_for_time(self) -> None:
        """Long text scrolls a screenful at a time, so that all of it passes within the topic's time."""
        view = self._view
        height = max(1, view.scrollable_content_region.height)
        steps = -(-int(view.max_scroll_y) // height)  # screenfuls below the first
        if steps <= 0:
            return
        step = min(int(self.elapsed / (self.duration / (steps + 1))), steps)
        target = min(view.max_scroll_y, step * height)
        if target != view.scroll_y:
            view.scroll_to(y=target, animate=False)

    def _show_progress(self) -> None:
        self._bar.update(progress=min(self.elapsed, self.duration))
        left = max(0, round(self.duration - self.elapsed))
        state = "paused, space to play" if self.paused else f"next in {left} s"
        self._label.update(Content(f"{self.number}/{self.total} · {state}"))

    def action_toggle_pause(self) -> None:
        self.paused = not self.paused
        self._show_progress()

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(self.index, direction))

    def on_key(self, event: events.Key) -> None:
        if event.key not in ("space", "left", "right"):
            event.stop()
            self.post_message(self.TakeOver(self.index))
