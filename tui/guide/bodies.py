"""Checks inside Markdown texts: the evidence levels and internal links a body holds, and where in the
file a character of a text is, so that a problem found inside a body is reported where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator

from tui.guide.checker import Lines
from tui.guide.nodes import Mark, Node

__all__ = ["EVIDENCE_LEVELS", "INTERNAL_LINK", "broken_links", "evidence_levels", "positions_in"]

EVIDENCE_LEVELS = ("strong", "moderate", "limited", "not supported")
"""The words allowed after ``Evidence:`` in a body."""

_EVIDENCE = re.compile(r"Evidence:[*_]*[ \t]*(\S*(?:[ \t]+supported)?)", re.IGNORECASE)
_LEVEL = re.compile(r"[*_]*[ \t]*(\S*(?:[ \t]+supported)?)", re.IGNORECASE)
"""The level after "Evidence:", matched where ``str.find`` found the word: faster than ``_EVIDENCE``."""
INTERNAL_LINK = re.compile(r"\]\(#([^)\s]*)\)")
"""A Markdown link to a page of the guide, ``[text](#id)``; the id is group 1."""


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


def positions_in(lines: Lines, node: Node, offsets: Iterable[int]) -> Iterator[Mark]:
    """Where characters of a scalar's text are in the file (exact for block and one-line scalars).

    The offsets must ascend: the text is read once, however many there are.
    """
    value, scanned, line_in_text, line_start = node.value, 0, 0, 0
    block = node.style in ("|", ">")
    # A block's text starts on the next line; its own indentation is that of its first line,
    # and any deeper indentation of later lines is part of the text (so already in the column).
    base = lines.indent(node.mark.line + 1) if block else 0
    for offset in offsets:
        line_in_text += value.count("\n", scanned, offset)
        newline = value.rfind("\n", scanned, offset)
        line_start = newline + 1 if newline >= 0 else line_start
        scanned, column_in_line = offset, offset - line_start
        if not block:
            quote = 1 if node.style in ('"', "'") else 0
            yield Mark(node.mark.line + line_in_text, node.mark.column + quote + column_in_line)
            continue
        yield Mark(node.mark.line + 1 + line_in_text, base + column_in_line + 1)
