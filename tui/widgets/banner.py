"""A banner for content problems found on reload; the last good guide stays on screen beneath it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

__all__ = ["ProblemBanner"]


class ProblemBanner(Static):
    """Hidden until :meth:`show_problems`; click it or press ``x`` to dismiss. Docked to the top of the
    screen, under the header, which the reader screen splits off first."""

    DEFAULT_CSS = """
    ProblemBanner {
        display: none;
        dock: top;
        height: auto;
        max-height: 12;
        padding: 0 1;
        background: $error 20%;
        color: $text;
        border-left: thick $error;
        &.-shown { display: block; }
    }
    """

    def show_problems(self, lines: list[str]) -> None:
        """Show the errors (plain text, never markup) with a line saying what the app is doing."""
        shown = lines[:8] + ([f"… and {len(lines) - 8} more"] if len(lines) > 8 else [])
        heading = Content.assemble(
            ("The content file has problems; still showing the last good version.", "bold"),
            "  (x dismisses)\n",
        )
        self.update(Content.assemble(heading, "\n".join(shown)))
        self.add_class("-shown")

    def dismiss(self) -> None:
        self.remove_class("-shown")

    def on_click(self) -> None:
        self.dismiss()
