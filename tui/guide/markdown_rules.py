"""What a Markdown flaw is, and the room that the narrowest text pane has: shared by the quick search
for flaws (:mod:`tui.guide.markdown_check`) and the parse that confirms them
(:mod:`tui.guide.markdown_parse`). No imports."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CODE_ROOM", "NARROWEST", "QUOTE_ROOM", "SMALLEST_ROOM", "Flaw", "table_room"]

NARROWEST = 12
"""The width of the narrowest text pane, in columns, in which every word of an accepted text is shown.
Rich drops what does not fit: a quote inside a quote inside a quote leaves it no room at all."""

QUOTE_ROOM = 4
"""Columns that a quote takes from the left (a bulleted list takes 3, a numbered list the width of
its last number and 2 more)."""
CODE_ROOM = 4
"""Columns that a code block, or a top-level heading's frame, takes from the left."""
SMALLEST_ROOM = 2
"""A Chinese character or an emoji takes two columns: less room than that shows nothing of it."""


def table_room(columns: int) -> int:
    """The columns that a table of ``columns`` columns needs to show every word (2-column words
    included): 4 a column, less one."""
    return 4 * columns - 1


@dataclass(frozen=True, order=True)
class Flaw:
    """Something in a Markdown text that would not reach the reader as written."""

    offset: int
    """Where it starts in the text."""
    length: int
    """How many characters it spans (at least 1)."""
    message: str
    """What is wrong and what to write instead, in an author's words, on one line."""
