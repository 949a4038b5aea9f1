"""One short crisis line that fits itself to its width on every paint (see :mod:`tui.crisis_line`)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from tui.crisis_line import short_crisis_line
from tui.guide import CrisisLine

__all__ = ["CrisisBar"]


class CrisisBar(Widget):
    """The guide's crisis lines as one line: as many regions as the width holds, then "! for more"."""

    DEFAULT_CSS = """
    CrisisBar { width: 100%; height: 1; text-align: center; color: $text-error; text-style: bold; }
    """

    def __init__(self, lines: Sequence[CrisisLine], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = tuple(lines)

    def render(self) -> Content:
        return Content(short_crisis_line(self.lines, self.content_region.width))
