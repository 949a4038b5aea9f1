"""What the reader asks its text pane to show, and how topic numbers are typed: small rules, no widgets.

:func:`reading_target` builds the one request (:class:`~tui.widgets.Target`) for a page: where to open it,
the words of a search to mark, and what comes after it. :class:`TopicNumber` turns digit keys into topic
numbers, two digits pressed quickly making 10 and up.
"""

from __future__ import annotations

from functools import partial

from tui.pages import Anchor, Page, escape_markdown
from tui.search import Hit, find_spans
from tui.widgets import Mark, Target

__all__ = ["SECOND_DIGIT", "TopicNumber", "reading_target"]

SECOND_DIGIT = 0.6
"""Seconds in which a second digit makes a two-digit topic number (1 then 0: topic 10)."""


def reading_target(pages: tuple[Page, ...], index: int, at: Anchor | None, hit: Hit | None) -> Target:
    """Page ``index`` at a place (or at a search hit, every word of the query marked and the one the
    result shows scrolled to), ending with what comes next."""
    mark = None
    if hit is not None:
        word = hit.word or hit.part_title
        mark = Mark(hit.part, partial(find_spans, terms=hit.terms), partial(find_spans, terms=(word,)))
    if index + 1 < len(pages):
        coda = f"*Next: {index + 2}. {escape_markdown(pages[index + 1].title)}. Space goes on.*"
    else:
        coda = "*The end of the guide. 1 goes back to the first topic.*"
    return Target(pages[index], at, mark, coda)


class TopicNumber:
    """Digits typed as topic numbers: each digit goes to its topic at once (1 to 9); a second digit
    within ``SECOND_DIGIT`` seconds makes a two-digit number, if there is such a topic."""

    def __init__(self) -> None:
        self._first: tuple[int, float] | None = None

    def press(self, digit: int, now: float, topics: int) -> int | None:
        """The topic number (1-based) to go to, or None."""
        first, self._first = self._first, None
        if first is not None and now - first[1] < SECOND_DIGIT and 10 <= first[0] * 10 + digit <= topics:
            return first[0] * 10 + digit
        if digit:
            self._first = (digit, now)
            return digit
        return None
