"""Full-text search over a guide: case- and accent-insensitive, matching whole words and word prefixes.

The index is built once per guide: an inverted index from each normalised word to the places it
occurs, plus a sorted vocabulary so that a prefix is found by bisection. No Textual imports.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from tui.guide import Guide

__all__ = ["Hit", "SearchIndex", "find_match", "find_spans", "fold"]

_WORD = re.compile(r"\w+")
_MARKUP_NOISE = re.compile(r"[*_`|#]+|^\s*(?:[-+]|\d+\.)\s+|\]\([^)]*\)|\[", re.MULTILINE)
"""Markdown punctuation dropped from snippets: emphasis, table bars, list markers, link targets."""


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Lower-case and strip accents: ``fold("Évidence")`` is ``"evidence"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character."""
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(parts), offsets


@dataclass(frozen=True)
class Hit:
    """One search result: a place in the guide and a snippet with the match's span in it."""

    topic_index: int
    section_index: int
    """-1 for the topic's title and summary, else the index of the section."""
    topic_title: str
    section_title: str
    snippet: str
    match_start: int
    match_end: int
    """Where the first matching word lies in ``snippet``."""
    terms: tuple[str, ...] = ()
    """The words to mark in the page: every word that starts with one of them."""

    @property
    def page(self) -> int:
        """The index of the page the hit is on (a topic's page has the topic's index)."""
        return self.topic_index

    @property
    def part(self) -> int:
        """The part of the page the hit is in: 0 for the title and summary, then one per section."""
        return self.section_index + 1


@dataclass(frozen=True)
class _Place:
    topic_index: int
    section_index: int
    text: str


class SearchIndex:
    """Built once per guide, by :meth:`build` (the app calls it in a worker after the first paint);
    ``search(query)`` then answers from memory, building first if it has to."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.places: list[_Place] = []
        self.vocabulary: list[str] = []
        self.postings: dict[str, set[int]] = {}
        self._lock = threading.Lock()
        self._built = False

    def build(self) -> None:
        """Index every title, summary and section; safe to call from any thread, and more than once."""
        with self._lock:
            if not self._built:
                self._build()
                self._built = True

    def _build(self) -> None:
        guide = self.guide
        postings: dict[str, set[int]] = {}
        for t, topic in enumerate(guide.topics):
            texts = [(-1, f"{topic.title}\n{topic.summary}")]
            texts += [(s, f"{section.title}\n{section.body}") for s, section in enumerate(topic.sections)]
            for s, text in texts:
                place = len(self.places)
                self.places.append(_Place(t, s, text))
                for word in set(_WORD.findall(fold(text))):
                    postings.setdefault(word, set()).add(place)
        self.vocabulary = sorted(postings)
        self.postings = postings

    def _places_for(self, prefix: str) -> set[int]:
        found: set[int] = set()
        start = bisect_left(self.vocabulary, prefix)
        for word in self.vocabulary[start:]:
            if not word.startswith(prefix):
                break
            found |= self.postings[word]
        return found

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Places where every word of the query starts a word, in guide order."""
        terms = _WORD.findall(fold(query))
        if not terms:
            return []
        self.build()
        places: set[int] | None = None
        for term in sorted(set(terms), key=len, reverse=True):
            matches = self._places_for(term)
            places = matches if places is None else places & matches
            if not places:
                return []
        assert places is not None
        return [self._hit(self.places[p], terms) for p in sorted(places)[:limit]]

    def _hit(self, place: _Place, terms: list[str]) -> Hit:
        topic = self.guide.topics[place.topic_index]
        section = "Summary" if place.section_index < 0 else topic.sections[place.section_index].title
        body = place.text.split("\n", 1)[1] if place.section_index >= 0 else place.text
        body = _MARKUP_NOISE.sub("", body)
        start, end = find_match(body, terms[0])
        if start < 0:  # the match is in the section's title
            start, end = 0, 0
        snippet, offset = _snippet(body, start)
        return Hit(
            place.topic_index,
            place.section_index,
            topic.title,
            section,
            snippet,
            offset,
            offset + min(end - start, len(snippet) - offset),
            tuple(terms),
        )


def find_match(text: str, term: str) -> tuple[int, int]:
    """The span, in ``text``, of the first word starting with the folded ``term``; (-1, -1) if none."""
    return next(iter(find_spans(text, (term,))), (-1, -1))


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """The spans, in ``text``, of every word that starts with one of the folded ``terms``."""
    words = [re.escape(folded) for folded in map(fold, terms) if folded]
    if not words:
        return []
    folded, offsets = (text.lower(), None) if text.isascii() else _folded_with_offsets(text)
    found = re.finditer(r"\b(?:" + "|".join(words) + r")\w*", folded)
    if offsets is None:
        return [match.span() for match in found]
    return [(offsets[match.start()], offsets[match.end() - 1] + 1) for match in found]


_SPACES = re.compile(r"\s+")


def _snippet(text: str, start: int, width: int = 70) -> tuple[str, int]:
    """One line of text around ``start``, with Markdown's line breaks and indents folded to single spaces;
    returns it and where ``start`` is in it."""
    begin = max(0, start - width // 3)
    if begin:
        space = text.find(" ", begin, start)
        begin = space + 1 if space >= 0 else begin
    before = _SPACES.sub(" ", text[begin:start]).lstrip()
    return (before + _SPACES.sub(" ", text[start : begin + width])).strip(), len(before)
