"""Long Markdown cut into pieces at block boundaries, so that laying out one piece never holds the keys
for long, and the pieces laid out one after the other look exactly like the whole.

Rich's Markdown lays out about 1 KB in 2 ms here, so one section of 100 KB would hold the event loop for
0.2 s. The text pane lays a page out piece by piece instead, with one blank line between pieces, as Rich
puts between top-level blocks. So a cut is made only where that is certain to hold, without parsing:
at a line that starts a paragraph or a heading (a letter, a digit that is not a list number, ``#``,
emphasis) after a blank line, outside fenced code, and not after a thematic break (Rich puts no blank
line after one). Markdown with a line that may start raw HTML, or with link reference definitions
(which may span or reach across blocks), is not cut. ``tests/test_markdown_blocks.py`` checks that the
pieces look like the whole.
"""

from __future__ import annotations

import re

__all__ = ["PIECE_BYTES", "split_blocks"]

PIECE_BYTES = 3000
"""A piece ends at the first cut after this many bytes: about 6 ms of layout, within one slice."""

_STARTS_PARAGRAPH = re.compile(r"#{1,6}(?: |$)|[A-Za-z(\"'\u201c\u2018]|\d+(?![.)](?: |$))|[*_]{1,2}[^\s*_]")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_NOT_CUT = re.compile(r"^ {0,3}(?:<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|[!?/])|\[[^\]]*\]:)", re.MULTILINE)
"""A line that may start an HTML block (a tag, a comment; not an autolink such as ``<https://…>``), or a
link reference definition."""


def split_blocks(markdown: str, budget: int = PIECE_BYTES) -> list[str]:
    """``markdown`` in pieces of about ``budget`` bytes or more (one piece if it cannot be cut)."""
    if len(markdown) <= budget or _NOT_CUT.search(markdown):
        return [markdown]
    lines = markdown.split("\n")
    pieces: list[str] = []
    start, size, fence, previous = 0, 0, "", ""
    for number, line in enumerate(lines):
        if fence:
            closing = line.lstrip(" ")
            if closing.startswith(fence) and not closing.rstrip(" ").strip(fence[0]):
                fence = ""
        elif (opening := _FENCE.match(line)) is not None:
            fence = opening.group(1)
        elif (
            size >= budget
            and not lines[number - 1].strip()
            and _STARTS_PARAGRAPH.match(line)
            and not _THEMATIC_BREAK.match(previous)
        ):
            pieces.append("\n".join(lines[start:number]).rstrip("\n"))
            start, size = number, 0
        size += len(line) + 1
        if line.strip():
            previous = line
    pieces.append("\n".join(lines[start:]))
    return pieces
