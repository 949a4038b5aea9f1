"""The booth outside its opening hours: a dark screen with one dim line that moves each minute.

A key, click or tap wakes the show (:class:`ClosedScreen.Wake`); with nothing touched, it goes dark
again after the idle time.
"""

from __future__ import annotations

import time

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

__all__ = ["ClosedScreen"]


class ClosedScreen(Screen[None]):
    """Dark, but for "Open 09:00-18:00" in dim text, at a place that changes every minute (burn-in)."""

    class Wake(Message):
        """A passer-by touched the closed booth."""

    DEFAULT_CSS = """
    ClosedScreen {
        background: $background;
        & #when { width: auto; color: $text-disabled; }
    }
    """

    def __init__(self, hours: str) -> None:
        super().__init__()
        self.hours = hours

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Open {self.hours}"), id="when")

    def on_mount(self) -> None:
        self.set_interval(60, self.move, name="move the closed sign")
        self.call_after_refresh(self.move)

    def move(self) -> None:
        """Put the line somewhere else on the screen, the same place for the whole of a minute."""
        line = self.query_one("#when", Static)
        minute = int(time.time() // 60)
        width, height = self.size
        line.styles.offset = (
            (minute * 7) % max(1, width - line.outer_size.width),
            (minute * 5) % max(1, height),
        )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.post_message(self.Wake())

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        self.post_message(self.Wake())
