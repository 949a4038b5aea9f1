"""Presentation mode: attract screen, auto-advancing topics that loop, and visitors who take over.

Nothing here writes a resume state. A visitor gets the normal reader; after ``idle`` seconds
without input the attract screen comes back from whatever is on screen (a paused topic, a panel,
the reader) and auto-play resumes. Outside the opening hours the screen goes dark. The booth's
records (a heartbeat and the record of the day, see :mod:`tui.booth`) are kept in ``records``.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from textual import events, on
from textual.screen import Screen

from tui.app import GuideApp
from tui.booth import BoothRecords
from tui.guide import Guide
from tui.hours import OpeningHours
from tui.screens import ReaderScreen
from tui.screens.attract import AttractScreen
from tui.screens.closed import ClosedScreen
from tui.screens.present import SHIFTS, PresentScreen
from tui.store.daylog import FLUSH_SECONDS
from tui.store.heartbeat import BEAT_SECONDS

__all__ = ["PresentApp"]

_TAKE_OVER_EVENTS = (events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""A click, a tap or the wheel on a playing topic hands the reader to the visitor, as a key does."""


class PresentApp(GuideApp):
    """The guide as a self-running booth show.

    ``wpm`` paces the show to a reading speed (``None``: each topic its ``interval`` alone, as tests and
    the soak use); ``hours`` darkens it outside them; ``takeaway`` is an address shown on the attract
    screen as a QR code; ``records`` is the folder for the heartbeat and the record of the day (True:
    the user state directory, None: keep none).
    """

    def __init__(
        self,
        guide: Guide,
        *,
        interval: float = 20,
        idle: float = 60,
        kiosk: bool = False,
        exit_key: str = "ctrl+o",
        wpm: float | None = None,
        hours: OpeningHours | None = None,
        takeaway: str | None = None,
        records: Path | bool | None = True,
    ) -> None:
        super().__init__(guide, kiosk=kiosk, exit_key=exit_key)
        self.interval, self.idle, self.wpm = interval, idle, wpm
        self.hours, self.takeaway = hours, takeaway
        self.last_input = time.monotonic()
        self.visiting = False
        self.played = 0
        """Topics presented so far: picks each one's shift against burn-in."""
        if records is True:
            from tui.store.files import default_state_dir

            records = default_state_dir()
        self.records = BoothRecords(records) if isinstance(records, Path) else None

    def get_default_screen(self) -> Screen[None]:
        return Screen()  # an empty stage under the show; the show switches the screen above it

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(self._attract())
        self.set_interval(min(1.0, self.idle / 4), self._check_idle, name="idle check")
        self._attract_timer = self.set_timer(self.interval, self._play_first, name="attract")
        if self.records is not None:
            self.set_interval(BEAT_SECONDS, self._beat, name="heartbeat")
            self.set_interval(FLUSH_SECONDS, self.records.flush, name="record of the day")

    def on_unmount(self) -> None:
        super().on_unmount()
        if self.records is not None:
            self.records.close()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp):
            self.last_input = time.monotonic()
        if isinstance(event, _TAKE_OVER_EVENTS) and not event.is_forwarded and self._playing() is not None:
            self._visit(self.screen.index if isinstance(self.screen, PresentScreen) else 0)
            return
        await super().on_event(event)

    def _attract(self) -> AttractScreen:
        loops = self.records.loops if self.records is not None else 0
        return AttractScreen(self.guide, takeaway=self.takeaway, shift=loops % SHIFTS - 1)

    def _duration(self, index: int) -> float:
        return float(self.pages[index].duration or self.interval)

    def _playing(self) -> PresentScreen | None:
        """The topic on screen, if it is playing (not paused, nothing over it)."""
        screen = self.screen if self.screen_stack else None
        return screen if isinstance(screen, PresentScreen) and not screen.paused else None

    def _play_first(self) -> None:
        # A timer can fire while the app is closing and its screens are already gone.
        if self.screen_stack and isinstance(self.screen, AttractScreen):
            self.play(0)

    def play(self, index: int) -> None:
        """Present the page at ``index`` now, in place of whatever the show is showing."""
        self.switch_screen(self._present(index))

    def _present(self, index: int) -> PresentScreen:
        self.played += 1
        return PresentScreen(
            self.pages[index],
            index,
            len(self.pages),
            self._duration(index),
            wpm=self.wpm,
            crisis_lines=self.guide.crisis_lines,
            shift=self.played,
        )

    def _to_base(self) -> None:
        """Close whatever is over the show (panels, help, a reader) and end a visit."""
        if self.visiting and self.records is not None:
            self.records.left(self.last_input)
        self.visiting = False
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def _show_attract(self) -> None:
        self._to_base()
        self.switch_screen(self._attract())
        self._attract_timer = self.set_timer(self.interval, self._play_first, name="attract")

    def _show_closed(self) -> None:
        self._attract_timer.stop()
        self._to_base()
        self.switch_screen(ClosedScreen(str(self.hours)))

    def on_present_screen_finished(self, event: PresentScreen.Finished) -> None:
        self._go(event.index + 1, loop=True)

    def on_present_screen_step(self, event: PresentScreen.Step) -> None:
        self._go(event.index + event.direction, loop=False)

    def on_present_screen_take_over(self, event: PresentScreen.TakeOver) -> None:
        self._visit(event.index)

    def _go(self, index: int, *, loop: bool) -> None:
        if index >= len(self.pages) and loop:
            if self.records is not None:
                self.records.loop("attract")
            self._show_attract()
            return
        self.play(max(0, min(index, len(self.pages) - 1)))

    @on(AttractScreen.Explore)
    def _explore(self) -> None:
        self._attract_timer.stop()
        self._visit(0)

    @on(ClosedScreen.Wake)
    def _wake(self) -> None:
        self._show_attract()

    def _visit(self, index: int) -> None:
        self.visiting = True
        self.last_input = time.monotonic()
        if self.records is not None:
            self.records.takeover()
            self.records.opened(self.pages[index].id, self.last_input)
        self.switch_screen(self.reader_screen(index))

    def on_reader_screen_place_changed(self, message: ReaderScreen.PlaceChanged) -> None:
        super().on_reader_screen_place_changed(message)
        if self.visiting and self.records is not None:
            self.records.opened(message.place.topic, time.monotonic())

    def _is_open(self) -> bool:
        return self.hours is None or self.hours.is_open(datetime.now().time())

    def _check_idle(self) -> None:
        """After ``idle`` seconds without input, anything but the attract screen or a playing topic
        gives way to the attract screen; outside opening hours, to the dark screen."""
        if not self.screen_stack:
            return
        quiet = time.monotonic() - self.last_input >= self.idle
        base = self.screen_stack[1] if len(self.screen_stack) > 1 else self.screen
        settled = isinstance(self.screen, AttractScreen) or self._playing() is not None
        if not self._is_open():
            if quiet and not isinstance(self.screen, ClosedScreen):
                self._show_closed()
        elif isinstance(base, ClosedScreen) or (quiet and not settled):
            self._show_attract()

    def _beat(self) -> None:
        if self.records is not None and self.screen_stack:
            self.records.beat(self._state())

    def _state(self) -> str:
        """One word for the heartbeat: what the booth is doing."""
        screen = self.screen
        if isinstance(screen, ClosedScreen):
            return "closed"
        if self.visiting:
            return "visitor"
        if isinstance(screen, PresentScreen):
            return "paused" if screen.paused else "playing"
        return "attract"
