"""Words as search sees them: folded case and accents, numbers written in groups, and finding them in text.

No Textual imports.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

__all__ = ["WORD", "find_spans", "fold", "number_runs", "words"]

WORD = re.compile(r"\w+")
"""A word: letters, digits and underscores."""

_NUMBER_RUN = re.compile(r"(?<!\w)\d+(?:[ -]\d+)+(?!\w)")
"""Digit groups split by single spaces or hyphens, as phone numbers are written: "116 123", "9-8-8"."""
_SEPARATOR = re.compile(r"[ -]")
_GAP = "[ -]?"
"""What may stand between two digits of a number that is marked in a text ("116 123" for "116123")."""


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Lower-case and strip accents: ``fold("Évidence")`` is ``"evidence"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def number_runs(folded: str) -> Iterator[str]:
    """Each number written in groups in a folded text, its groups joined: "116 123" gives "116123".

    Only runs that look like phone numbers count: three groups or more, or five digits or more (so
    "1-2 weeks" gives nothing).
    """
    for match in _NUMBER_RUN.finditer(folded):
        groups = _SEPARATOR.split(match.group())
        joined = "".join(groups)
        if len(groups) >= 3 or len(joined) >= 5:
            yield joined


def words(text: str) -> set[str]:
    """The folded words of ``text``, with each number written in groups also as one word (see
    :func:`number_runs`), so that "116123" finds "116 123"."""
    folded = fold(text)
    found = set(WORD.findall(folded))
    if any(char.isdigit() for char in folded):
        found.update(number_runs(folded))
    return found


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character."""
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(parts), offsets


def _pattern(term: str) -> str:
    """A term as a regular expression: a number may be written in groups in the text."""
    if term.isdigit() and len(term) > 1:
        return _GAP.join(term)
    return re.escape(term)


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """The spans, in ``text``, of every word that starts with one of the folded ``terms``; a number
    term also finds the number written in groups ("116123" finds "116 123")."""
    folded_terms = sorted({folded for folded in map(fold, terms) if folded}, key=len, reverse=True)
    if not folded_terms:
        return []
    folded, offsets = (text.lower(), None) if text.isascii() else _folded_with_offsets(text)
    found = re.finditer(r"\b(?:" + "|".join(map(_pattern, folded_terms)) + r")\w*", folded)
    if offsets is None:
        return [match.span() for match in found]
    return [(offsets[match.start()], offsets[match.end() - 1] + 1) for match in found]
