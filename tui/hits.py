"""A search result: a part of a page, its text, the words to mark in it, and a snippet cut to a width.

No Textual imports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from tui.words import find_spans, snippet

__all__ = ["NEARBY", "Hit", "Results"]

NEARBY = 60
"""How near, in characters, words of the query must be to count as together (see :attr:`Hit.focus`)."""


@dataclass(frozen=True)
class Hit:
    """One search result: a part of a page, its text, and the words to mark in it."""

    page: int
    """The index of the page in the guide's pages."""
    part: int
    """The index of the part in the page: 0 for the title and lead, then one per section."""
    page_title: str
    part_title: str
    text: str = field(repr=False)
    """The part's text under its heading, as one line of plain text."""
    words: tuple[tuple[str, ...], ...] = ()
    """For each word of the query, the words found for it (a number, a spelling, a close match):
    every word in the text that starts with one of them is marked (see :func:`find_spans`)."""
    close: bool = False
    """Whether the part was found only with a typo forgiven."""

    @property
    def terms(self) -> tuple[str, ...]:
        """Every word to mark, for all the words of the query."""
        return tuple(dict.fromkeys(term for found in self.words for term in found))

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """Where the marked words are in :attr:`text`."""
        return find_spans(self.text, self.terms)

    @cached_property
    def focus(self) -> int:
        """Which of :attr:`spans` the snippet and the reader show: the first of those with the most words
        of the query after it within :data:`NEARBY` characters, and of those, the one they are closest to."""
        if len(self.words) < 2 or not self.spans:
            return 0
        starts = [sorted(start for start, _ in find_spans(self.text, found)) for found in self.words]

        def together(n: int) -> tuple[int, int, int]:
            at = self.spans[n][0]
            gaps = [next((s - at for s in found if s >= at), NEARBY) for found in starts]
            near = [gap for gap in gaps if gap < NEARBY]
            return len(near), -max(near, default=0), -n

        return max(range(len(self.spans)), key=together)

    @property
    def word(self) -> str:
        """The marked word in focus in the text ("" when the words are only in the heading)."""
        return self.text[slice(*self.spans[self.focus])] if self.spans else ""

    def snippet(self, width: int, cells: Callable[[str], int] = len) -> tuple[str, list[tuple[int, int]]]:
        """The text around the word in focus, ``width`` cells at most, and the marked words in it."""
        spans = self.spans[self.focus :] + self.spans[: self.focus]
        return snippet(self.text, spans, width, cells)


@dataclass(frozen=True)
class Results:
    """What a query found: the hits to show, and how many parts it found in all."""

    hits: tuple[Hit, ...] = ()
    total: int = 0
    close: int = 0
    """How many of the :attr:`total` were found only with a typo forgiven (listed after the others)."""
