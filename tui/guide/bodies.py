"""Checks inside Markdown texts: the evidence levels and internal links a body holds, the topics that
mention suicide, and the links to the crisis lines. Plain regular expressions, shared by the schema
(which places each problem) and the rules that the cache checks too.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

__all__ = [
    "CRISIS_LINK",
    "EVIDENCE_LEVELS",
    "INTERNAL_LINK",
    "SUICIDE",
    "bad_evidence",
    "broken_links",
    "evidence_levels",
    "mentions_suicide",
]

EVIDENCE_LEVELS = ("strong", "moderate", "limited", "not supported")
"""The words allowed after ``Evidence:`` in a body."""

_EVIDENCE = re.compile(r"Evidence:[*_]*[ \t]*(\S*(?:[ \t]+supported)?)", re.IGNORECASE)
_LEVEL = re.compile(r"[*_]*[ \t]*(\S*(?:[ \t]+supported)?)", re.IGNORECASE)
"""The level after "Evidence:", matched where ``str.find`` found the word: faster than ``_EVIDENCE``."""
INTERNAL_LINK = re.compile(r"\]\(#([^)\s]*)\)")
"""A Markdown link to a page of the guide, ``[text](#id)``; the id is group 1."""
SUICIDE = re.compile(r"[Ss]uicid|SUICID")
"""A mention of suicide (suicide, suicidal, suicidality; capitalised, or in capitals), which calls for a
link to the crisis lines."""


def mentions_suicide(text: str) -> bool:
    """Whether ``text`` mentions suicide (:data:`SUICIDE`): two plain searches, faster than the regex."""
    return ("uicid" in text or "UICID" in text) and SUICIDE.search(text) is not None


CRISIS_LINK = "](#crisis)"
"""How a text links to the crisis lines: ``[crisis lines](#crisis)``."""


def broken_links(text: str, known: Container[str]) -> list[tuple[str, int]]:
    """Each internal link in ``text`` to an id not in ``known``: the id, and where its ``#`` is."""
    return [
        (link.group(1), link.start(1) - 1)
        for link in INTERNAL_LINK.finditer(text)
        if link.group(1) not in known
    ]


def evidence_levels(body: str) -> Iterator[str]:
    """The word (or "not supported") after each "Evidence:" in ``body``, in any case."""
    if not body.isascii():  # lower() could change lengths: let the regex do it
        yield from (match.group(1) for match in _EVIDENCE.finditer(body))
        return
    lowered = body.lower()
    start = lowered.find("evidence:")
    while start >= 0:
        match = _LEVEL.match(body, start + len("evidence:"))
        assert match is not None  # every part of the pattern may be empty
        yield match.group(1)
        start = lowered.find("evidence:", match.end())


def bad_evidence(body: str) -> list[tuple[int, str]]:
    """Each "Evidence:" followed by a word that is not a level: where the word is, and the word."""
    if all(_level(written) in EVIDENCE_LEVELS for written in evidence_levels(body)):
        return []
    return [
        (match.start(1), _level(match.group(1)))
        for match in _EVIDENCE.finditer(body)
        if _level(match.group(1)) not in EVIDENCE_LEVELS
    ]


def _level(written: str) -> str:
    return written.rstrip(".,;:*_)").lower()
