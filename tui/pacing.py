"""How long the show keeps each screenful up: long enough to read its words at the operator's pace.

A topic's ``--interval`` (or its own ``duration``) stays the least time it is shown; a topic with
more words than that time allows stays up longer, screenful by screenful. No Textual imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate

__all__ = [
    "DEFAULT_WPM",
    "SCREEN_SECONDS",
    "WPM_RANGE",
    "count_words",
    "dwell_times",
    "screen_at",
]

DEFAULT_WPM = 200
"""Words a minute: an unhurried reading speed for text on a screen at a booth."""
WPM_RANGE = (60, 600)
"""The reading speeds ``--wpm`` accepts."""
SCREEN_SECONDS = (3.0, 120.0)
"""The least and most time one screenful is kept up, whatever its words."""


def count_words(lines: Iterable[str]) -> int:
    """Words in ``lines``: runs of text with a letter or digit (table rules and bullets are not words)."""
    return sum(1 for line in lines for token in line.split() if any(c.isalnum() for c in token))


def dwell_times(words: Sequence[int], wpm: float, minimum: float) -> list[float]:
    """Seconds for each screenful holding ``words[i]`` words, read at ``wpm``; they add up to at least
    ``minimum`` (a short topic is stretched to it, screenfuls in proportion)."""
    low, high = SCREEN_SECONDS
    dwells = [min(high, max(low, count * 60 / wpm)) for count in words] or [minimum]
    total = sum(dwells)
    if total < minimum:
        dwells = [dwell * minimum / total for dwell in dwells]
    return dwells


def screen_at(dwells: Sequence[float], elapsed: float) -> int:
    """The screenful on show ``elapsed`` seconds into the topic."""
    for index, end in enumerate(accumulate(dwells)):
        if elapsed < end:
            return index
    return max(0, len(dwells) - 1)
