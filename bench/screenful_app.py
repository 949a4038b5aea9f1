"""Textual's floor for a topic switch: an App whose key replaces a screenful of text laid out in advance.

It has the reader's shape (a fixed-width column on the left, text filling the rest of a 120x40 screen),
but does nothing the reader does per key but the last step: its ``down`` binding shows the next of many
pages of strips made when the App starts (new Strip objects, so nothing of them is cached yet, as for a
page the reader has just laid out), and asks for a repaint. The key-to-paint time is what Textual 8
takes to render and write a new pane of text, which no reader built on it can undercut.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

__all__ = ["FIRST_TEXT", "ScreenfulKeyApp", "pressed_text"]

FIRST_TEXT = "Screenful app on screen"
"""What the first page says: the App's start-up marker."""


def pressed_text(count: int) -> str:
    """What the first line says after ``count`` presses: the key-to-paint marker."""
    return f"Pressed {count} times"


_WORDS = [
    "ketamine",
    "dose",
    "session",
    "evidence",
    "clinic",
    "monitoring",
    "benefit",
    "risk",
    "therapy",
    "outcome",
    "review",
]


def _page(number: int, width: int, height: int) -> list[Strip]:
    """``height`` lines of words ``width`` cells wide, one word in five bold, as Markdown text is."""
    plain = Style(color="#e0e0e0", bgcolor="#121212")
    bold = Style(color="#0178d4", bgcolor="#121212", bold=True)
    strips = []
    for row in range(height):
        segments, used, index = [], 0, row * 7 + number
        while True:
            word = _WORDS[index % len(_WORDS)] + " "
            if used + len(word) > width:
                break
            segments.append(Segment(word, bold if index % 5 == 0 else plain))
            used, index = used + len(word), index + 1
        segments.append(Segment(" " * (width - used), plain))
        strips.append(Strip(segments, width))
    return strips


PAGES = 64
"""Pages made at start: more than the bench presses the key."""


class _Screenful(Widget):
    """Shows page ``count``, whose first line says how many keys were pressed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self._pages: list[list[Strip]] = []

    def on_resize(self) -> None:
        width, height = self.size
        self._pages = [_page(number, width, height) for number in range(PAGES)]
        for number, page in enumerate(self._pages):
            text = pressed_text(number) if number else FIRST_TEXT
            page[0] = Strip([Segment(text.ljust(width))], width)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if not self._pages:
            return Strip.blank(self.size.width)
        return self._pages[self.count % PAGES][y]


class ScreenfulKeyApp(App[None]):
    """A 32-cell column and a pane of text; ``down`` (and ``up``) replace the pane's whole text."""

    CSS = "Static { width: 32; height: 1fr; } _Screenful { width: 1fr; height: 1fr; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "press", "Press"),
        Binding("up", "press", "Press"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("\n".join(f"Topic {n}" for n in range(38)))
            yield _Screenful()

    def action_press(self) -> None:
        """Show the other page."""
        pane = self.query_one(_Screenful)
        pane.count += 1
        pane.refresh()
