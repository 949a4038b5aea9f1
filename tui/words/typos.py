"""Typo tolerance: the words of a vocabulary one edit away from a word (a letter added, dropped, changed,
or two letters swapped).

One edit at place ``i`` of a word of ``n`` letters leaves its first ``i`` letters and its last ``n - i - 2``
or more as they were, so the word and a match share their first or their last ``(n - 1) // 2`` letters.
The vocabulary is kept sorted twice per length, forwards and backwards, and only the words that share
such a start or end are compared: a lookup reads a few words, not the whole vocabulary. No Textual imports.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["MIN_LETTERS", "Typos", "starting", "within_one_edit"]

MIN_LETTERS = 5
"""Words shorter than this are matched exactly: one edit in a short word makes too many other words."""


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter added, dropped or changed, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i, shorter = 0, min(len(a), len(b))
    while i < shorter and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return swapped or a[i + 1 :] == b[i + 1 :]


def starting(words: Sequence[str], start: str) -> Iterator[str]:
    """The words of a sorted sequence that start with ``start``."""
    for index in range(bisect_left(words, start), len(words)):
        if not words[index].startswith(start):
            return
        yield words[index]


class Typos:
    """A vocabulary that answers "which of your words are one edit away from this one?"."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        forwards: dict[int, list[str]] = {}
        for word in set(vocabulary):
            if len(word) >= MIN_LETTERS - 1:
                forwards.setdefault(len(word), []).append(word)
        self._forwards = {length: sorted(words) for length, words in forwards.items()}
        self._backwards = {length: sorted(w[::-1] for w in words) for length, words in forwards.items()}

    def close_to(self, word: str) -> set[str]:
        """The vocabulary's words one edit from ``word`` (``word`` itself left out); none for a word of
        fewer than :data:`MIN_LETTERS` letters."""
        if len(word) < MIN_LETTERS:
            return set()
        shared = (len(word) - 1) // 2
        start, end = word[:shared], word[::-1][:shared]
        found: set[str] = set()
        for length in (len(word) - 1, len(word), len(word) + 1):
            if length in self._forwards:
                found.update(w for w in starting(self._forwards[length], start) if within_one_edit(word, w))
                found.update(
                    w[::-1] for w in starting(self._backwards[length], end) if within_one_edit(word, w[::-1])
                )
        found.discard(word)
        return found
