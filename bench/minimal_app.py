"""The baselines: a minimal Textual App (one Static) and a trivial App whose key updates that Static.

Run as a script, it starts :class:`MinimalApp`, the same way as ``ketamine-tui`` (the same interpreter, the
same driver chosen through ``TEXTUAL_DRIVER``), for the start-up baseline.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

__all__ = ["MINIMAL_TEXT", "MinimalApp", "TrivialKeyApp", "pressed_text"]

MINIMAL_TEXT = "Minimal app on screen"
"""What :class:`MinimalApp` shows; its start-up marker."""


def pressed_text(count: int) -> str:
    """What :class:`TrivialKeyApp` shows after ``count`` presses; its key-to-paint marker."""
    return f"Pressed {count} times"


class MinimalApp(App[None]):
    """One Static and nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(MINIMAL_TEXT)


class TrivialKeyApp(MinimalApp):
    """The minimal App plus one binding: ``down`` (and ``up``) update the Static with a new count."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "press", "Press"),
        Binding("up", "press", "Press"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def action_press(self) -> None:
        """Show the new count."""
        self.count += 1
        self.query_one(Static).update(pressed_text(self.count))


if __name__ == "__main__":
    MinimalApp().run()
