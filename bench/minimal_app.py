"""The start-up baseline: a minimal Textual App, one Static.

Run as a script, it starts the same way as ``ketamine-tui`` (the same interpreter, the same driver chosen
through ``TEXTUAL_DRIVER``).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

__all__ = ["MINIMAL_TEXT", "MinimalApp"]

MINIMAL_TEXT = "Minimal app on screen"
"""What :class:`MinimalApp` shows; its start-up marker."""


class MinimalApp(App[None]):
    """One Static and nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(MINIMAL_TEXT)


if __name__ == "__main__":
    MinimalApp().run()
