"""Full-text search over a guide's pages, as forgiving as it can be without guessing.

Case and accents do not matter; every word of the query must start a word of the same part; US and UK
spellings find each other (``tui.words.spelling``); a word of five letters or more may have one typo,
and what is found only that way is listed after the exact hits, as close matches. For a query about a
crisis ("help", "suicide", "988", "Samaritans"…) the crisis lines come first.

The index covers every page, generated ones included (Sources, About), so that a hit names a page and a
part of it. It is built once per guide: an inverted index from each folded word to the parts it occurs
in, a sorted vocabulary so that a word start is found by bisection, the words whose spelling differs by
region, and a typo finder. No Textual imports.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.guide import Guide
from tui.hits import Hit, Results
from tui.pages import Page, build_pages, help_now_part
from tui.words import (
    MIN_LETTERS,
    Typos,
    find_spans,
    fold,
    heading_and_body,
    plain_text,
    spelling_key,
    starting,
    within_one_edit,
    words,
)

__all__ = ["CRISIS_WORDS", "Hit", "Results", "SearchIndex", "find_spans", "fold"]

CRISIS_WORDS = frozenset(
    {"crisis", "crises", "help", "helpline", "hotline", "lifeline", "suicide", "suicidal", "emergency"}
    | {"urgent", "overdose", "samaritans"}
)
"""A query with one of these words (or its start, or a typo of it) lists the crisis lines first."""

_QUERY_TERM = re.compile(r"(?<!\w)\d+(?:[ -]+\d+)+(?!\w)|\w+")
"""A word of a query, or a number written in groups ("116 123", "9-8-8"), which is one term."""
_GROUP_GAP = re.compile(r"[ -]+")


@dataclass(frozen=True, slots=True)
class _Place:
    page: int
    part: int
    title: str
    text: str


def _about_crisis(word: str) -> bool:
    """Whether a query word is a crisis word, the start of one (five letters or more), or a typo of one."""
    if word in CRISIS_WORDS:
        return True
    start = len(word) >= MIN_LETTERS and any(crisis.startswith(word) for crisis in CRISIS_WORDS)
    return start or (len(word) >= MIN_LETTERS and any(within_one_edit(word, w) for w in CRISIS_WORDS))


class SearchIndex:
    """Built once per guide, by :meth:`build` (the app calls it in a worker after the first paint);
    :meth:`find` then answers from memory, building first if it has to.

    ``pages`` are the guide's pages as the app shows them (made from the guide if not given): a hit's
    page and part are indexes into them.
    """

    def __init__(self, guide: Guide, pages: Sequence[Page] | None = None) -> None:
        self.guide = guide
        self.pages = tuple(pages) if pages is not None else build_pages(guide)
        self._places: list[_Place] = []
        self._postings: dict[str, set[int]] = {}
        self.vocabulary: list[str] = []
        """Every folded word of the guide, sorted."""
        self._spelt: dict[str, list[str]] = {}
        """The words whose spelling key differs from them, by key ("anesthetic": ["anaesthetic"])."""
        self._spelt_keys: list[str] = []
        self._typos = Typos(())
        self._crisis: int | None = None
        """The place of the crisis lines, if the guide has them."""
        self._lock = threading.Lock()
        self._built = False

    def build(self) -> None:
        """Index every part of every page; safe to call from any thread, and more than once."""
        with self._lock:
            if not self._built:
                self._build()
                self._built = True

    def _build(self) -> None:
        help_now = help_now_part(self.guide)
        postings: dict[str, set[int]] = {}
        for p, page in enumerate(self.pages):
            for q, part in enumerate(page.build()):  # not page.parts: the reader's cache stays as small
                index = len(self._places)
                text = plain_text(heading_and_body(part.markdown)[1])
                self._places.append(_Place(p, q, part.title, text))
                self._crisis = index if part == help_now else self._crisis
                for word in words(f"{part.title}\n{text}"):
                    postings.setdefault(word, set()).add(index)
        self._postings, self.vocabulary = postings, sorted(postings)
        keys: set[str] = set()
        for word in self.vocabulary:
            if word.isalpha():
                key = spelling_key(word)
                keys.add(key)
                if key != word:
                    self._spelt.setdefault(key, []).append(word)
        self._spelt_keys = sorted(self._spelt)
        self._typos = Typos(keys)

    def _places_of(self, found: Iterable[str]) -> set[int]:
        return set().union(*(self._postings[word] for word in found))

    def _word(self, word: str) -> tuple[set[int], list[str]]:
        """The places of the words that ``word`` starts, in any spelling; and the words found that it
        does not start ("anesthetic" for "anaesthetic"), to be marked as well."""
        key = spelling_key(word) if word.isalpha() else word
        others = list(starting(self.vocabulary, key)) if key != word else []
        others += (spelt for k in starting(self._spelt_keys, key) for spelt in self._spelt[k])
        others = [other for other in others if not other.startswith(word)]
        return self._places_of([*starting(self.vocabulary, word), *others]), others

    def _typo(self, word: str, found: list[str]) -> tuple[set[int], list[str]]:
        """The places of the words one edit from ``word`` that it does not already find; and those words."""
        if len(word) < MIN_LETTERS or not word.isalpha():
            return set(), []
        near = self._typos.close_to(spelling_key(word))
        close = [
            w for key in sorted(near) for w in ([key] * (key in self._postings) + self._spelt.get(key, []))
        ]
        close = [w for w in close if not w.startswith(word) and w not in found]
        return self._places_of(close), close

    def _number(self, groups: Sequence[str]) -> tuple[set[int], list[str]]:
        """Where a number written in groups is: as one word ("116123" also stands for "116 123" in the
        text); else, group by group. And the words to mark."""
        joined = "".join(groups)
        places = self._places_of(starting(self.vocabulary, joined))
        if places:
            return places, [joined]
        apart = [self._postings.get(group, set()) for group in groups[:-1]]
        return set.intersection(*apart, self._places_of(starting(self.vocabulary, groups[-1]))), [*groups]

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """The hits of :meth:`find`, as a list."""
        return list(self.find(query, limit).hits)

    def find(self, query: str, limit: int = 50) -> Results:
        """The parts where every word of the query starts a word: the crisis lines first when the query
        is about a crisis, then the exact hits in guide order, then the close matches; ``limit`` at most."""
        terms = list(dict.fromkeys(tuple(_GROUP_GAP.split(t)) for t in _QUERY_TERM.findall(fold(query))))
        if not terms:
            return Results()
        self.build()
        exact: list[set[int]] = []
        near: list[set[int]] = []
        marks: list[tuple[str, ...]] = []
        typo_marks: list[tuple[str, ...]] = []
        for term in terms:
            if len(term) > 1:
                places, numbers = self._number(term)
                exact.append(places)
                near.append(places)
                marks.append(tuple(numbers))
                typo_marks.append(())
                continue
            places, others = self._word(term[0])
            typo_places, typos = self._typo(term[0], others)
            exact.append(places)
            near.append(places | typo_places)
            marks.append((term[0], *others))
            typo_marks.append(tuple(typos))
        found = set.intersection(*sorted(exact, key=len))
        close = set.intersection(*sorted(near, key=len)) - found if any(typo_marks) else set()
        crisis = self._crisis
        about = any(_about_crisis(term[0]) for term in terms if len(term) == 1)
        first = crisis is not None and (crisis in found or crisis in close or about)
        found.discard(-1 if crisis is None else crisis)
        close.discard(-1 if crisis is None else crisis)
        terms_exact, terms_close = tuple(marks), tuple(a + b for a, b in zip(marks, typo_marks, strict=True))
        hits = [self._hit(crisis, terms_close, False)] if first and crisis is not None else []
        hits += (self._hit(p, terms_exact, False) for p in sorted(found)[: limit - len(hits)])
        hits += (self._hit(p, terms_close, True) for p in sorted(close)[: limit - len(hits)])
        return Results(tuple(hits), len(found) + len(close) + first, len(close))

    def _hit(self, place: int, terms: tuple[tuple[str, ...], ...], close: bool) -> Hit:
        at = self._places[place]
        return Hit(at.page, at.part, self.pages[at.page].title, at.title, at.text, terms, close)
