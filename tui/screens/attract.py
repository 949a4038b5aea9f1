"""The attract screen of presentation mode: title, disclaimer, and an invitation to explore."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Markdown, Static

from tui.guide import Guide

__all__ = ["AttractScreen"]


class AttractScreen(Screen[None]):
    """Shown first and between loops. Any key or click posts :class:`AttractScreen.Explore`."""

    class Explore(Message):
        """A visitor pressed a key or clicked: hand them the reader."""

    DEFAULT_CSS = """
    AttractScreen {
        align: center middle;
        background: $background;
        & > Vertical { width: 80; max-width: 100%; height: auto; }
        & #title { text-style: bold; color: $primary; text-align: center; width: 100%; padding: 1 0; }
        & #subtitle { text-align: center; width: 100%; color: $text-muted; padding-bottom: 1; }
        & Markdown { background: $background; padding: 1 2; border: round $panel; }
        & #invite { width: auto; text-style: bold reverse; padding: 0 2; margin-top: 2; }
    }
    """

    def __init__(self, guide: Guide) -> None:
        super().__init__()
        self.guide = guide

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.guide.title.upper()), id="title")
            yield Static(Content(self.guide.subtitle), id="subtitle")
            yield Markdown(self.guide.disclaimer, open_links=False)
            with Center():
                yield Static(Content("Press any key to explore"), id="invite")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.post_message(self.Explore())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Explore())
