"""Presentation mode: attract screen, auto-advancing topics that loop, and visitors who take over.

Nothing here writes a resume state. A visitor gets the normal reader; after ``idle`` seconds
without input the attract screen comes back and auto-play resumes.
"""

from __future__ import annotations

import time

from textual import events, on
from textual.screen import Screen

from tui.app import GuideApp
from tui.guide import Guide
from tui.screens.attract import AttractScreen
from tui.screens.present import PresentScreen

__all__ = ["PresentApp"]


class PresentApp(GuideApp):
    """The guide as a self-running booth show."""

    def __init__(
        self,
        guide: Guide,
        *,
        interval: float = 20,
        idle: float = 60,
        kiosk: bool = False,
        exit_key: str = "ctrl+o",
    ) -> None:
        super().__init__(guide, kiosk=kiosk, exit_key=exit_key)
        self.interval, self.idle = interval, idle
        self.last_input = time.monotonic()
        self.visiting = False

    def get_default_screen(self) -> Screen[None]:
        return Screen()  # an empty stage under the show; the show switches the screen above it

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(AttractScreen(self.guide))
        self.set_interval(min(1.0, self.idle / 4), self._check_idle, name="idle check")
        self._attract_timer = self.set_timer(self.interval, self._play_first, name="attract")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def _duration(self, index: int) -> float:
        return float(self.pages[index].duration or self.interval)

    def _play_first(self) -> None:
        # A timer can fire while the app is closing and its screens are already gone.
        if self.screen_stack and isinstance(self.screen, AttractScreen):
            self.play(0)

    def play(self, index: int) -> None:
        """Present the page at ``index`` now, in place of whatever the show is showing."""
        self.switch_screen(self._present(index))

    def _present(self, index: int) -> PresentScreen:
        return PresentScreen(self.pages[index], index, len(self.pages), self._duration(index))

    def _show_attract(self) -> None:
        self.visiting = False
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(AttractScreen(self.guide))
        self._attract_timer = self.set_timer(self.interval, self._play_first, name="attract")

    def on_present_screen_finished(self, event: PresentScreen.Finished) -> None:
        self._go(event.index + 1, loop=True)

    def on_present_screen_step(self, event: PresentScreen.Step) -> None:
        self._go(event.index + event.direction, loop=False)

    def on_present_screen_take_over(self, event: PresentScreen.TakeOver) -> None:
        self._visit(event.index)

    def _go(self, index: int, *, loop: bool) -> None:
        if index >= len(self.pages) and loop:
            self._show_attract()
            return
        self.play(max(0, min(index, len(self.pages) - 1)))

    @on(AttractScreen.Explore)
    def _explore(self) -> None:
        self._attract_timer.stop()
        self._visit(0)

    def _visit(self, index: int) -> None:
        self.visiting = True
        self.last_input = time.monotonic()
        self.switch_screen(self.reader_screen(index))

    def _check_idle(self) -> None:
        if self.screen_stack and self.visiting and time.monotonic() - self.last_input >= self.idle:
            self._show_attract()
