"""A topic on a big screen: chapter strip, large title, the text, the crisis line and a progress bar.

The screen only shows and counts; :class:`tui.present.PresentApp` decides what comes next. Long text
moves on a screenful at a time, each kept up long enough to read its words (see :mod:`tui.pacing`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tui.guide import CrisisLine
from tui.pacing import count_words, dwell_times, screen_at
from tui.pages import Page
from tui.widgets import PageView, Target
from tui.widgets.crisis_bar import CrisisBar

__all__ = ["SHIFTS", "PresentScreen"]

TICK = 0.25
"""Seconds between progress updates (shorter for pages shown for less than a second)."""
SHIFTS = 3
"""The parts that never move (the strip and the bottom lines) sit one of this many cells to the side,
a different one for each topic, so that no edge stays on the same cells all day (burn-in)."""


class PresentScreen(Screen[None]):
    """Plays one page for at least ``minimum`` seconds, scrolling long text a screenful at a time.

    With ``wpm`` each screenful stays up long enough to read it at that many words a minute (the page
    then takes longer than ``minimum`` when it must); without, the screenfuls share ``minimum``.
    """

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
        & #bottom { dock: bottom; height: auto; background: $panel; }
        & #progress-line { height: 1; padding: 0 2; }
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

    def __init__(
        self,
        page: Page,
        index: int,
        total: int,
        minimum: float,
        *,
        wpm: float | None = None,
        crisis_lines: Sequence[CrisisLine] = (),
        shift: int = 0,
    ) -> None:
        super().__init__()
        self.page, self.index, self.total = page, index, total
        self.number = index + 1
        self.minimum = minimum
        self.duration = minimum
        """The page's time: ``minimum``, or longer when its screenfuls need it to be read."""
        self.wpm = wpm
        self.crisis_lines = tuple(crisis_lines)
        self.shift = shift % SHIFTS
        self.tick = min(TICK, minimum / 4)
        self.elapsed = 0.0
        self.paused = False
        self._dwells: list[float] = [minimum]
        self._laid_out: tuple[int, int, int] = (0, 0, 0)
        # Kept at hand rather than queried: the show can replace this screen before its mount handler
        # or a tick has run, and a query on a screen being removed finds nothing.
        self._view = PageView(measure=100)
        self._bar = ProgressBar(total=self.duration, show_eta=False, show_percentage=False)
        self._label = Static(id="progress-label")
        self._strip = Static(Content(f"Topic {self.number} of {self.total}"), id="strip")
        self._line = Horizontal(id="progress-line")
        self._crisis = CrisisBar(self.crisis_lines)

    def compose(self) -> ComposeResult:
        yield self._strip
        yield Static(Content(self.page.title), id="big-title")
        yield self._view
        with Vertical(id="bottom"):
            yield self._crisis
            with self._line:
                yield self._bar
                yield self._label

    def on_mount(self) -> None:
        # The large title stays put above the text, so the text's own first heading is left out.
        self._view.target = Target(self.page.without_title())
        side = SHIFTS - 1 - self.shift
        for part in (self._strip, self._line):
            part.styles.padding = (0, 1 + side, 0, 1 + self.shift)
        self._crisis.styles.padding = (0, side, 0, self.shift)
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

    def screenfuls(self) -> list[float]:
        """Seconds for each screenful of the text as it is laid out now (worked out again when it changes)."""
        view = self._view
        height = max(1, view.scrollable_content_region.height)
        lines = view.lines
        key = (len(lines), height, view.size.width)
        if key != self._laid_out:
            self._laid_out = key
            count = max(1, -(-len(lines) // height))
            if self.wpm is None:
                self._dwells = [self.minimum / count] * count
            else:
                words = [
                    count_words(line.text for line in lines[n * height : (n + 1) * height])
                    for n in range(count)
                ]
                words[0] += count_words([self.page.title])
                self._dwells = dwell_times(words, self.wpm, self.minimum)
            self.duration = max(self.minimum, sum(self._dwells))
        return self._dwells

    def _scroll_for_time(self) -> None:
        """Long text moves on a screenful at a time, each kept up for its share of the page's time."""
        view = self._view
        step = screen_at(self.screenfuls(), self.elapsed)
        height = max(1, view.scrollable_content_region.height)
        target = min(view.max_scroll_y, step * height)
        if target != view.scroll_y:
            view.scroll_to(y=target, animate=False)

    def _show_progress(self) -> None:
        self._bar.update(total=self.duration, progress=min(self.elapsed, self.duration))
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

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click or a tap: a visitor. (The app takes the wheel, which the text would use itself.)"""
        event.stop()
        self.post_message(self.TakeOver(self.index))
