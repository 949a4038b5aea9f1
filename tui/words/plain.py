"""A part's Markdown as one line of plain text, and a snippet of that line cut to a width at word boundaries.

No Textual imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["ELLIPSIS", "heading_and_body", "plain_text", "snippet"]

ELLIPSIS = "…"
"""Stands where a snippet is cut."""

_NOISE = re.compile(
    r"""\\(?P<escaped>[!-/:-@\[-`{-~])           # a backslash escape: the character
    | !?\[(?P<label>(?:[^\]\\]|\\.)*)\]\([^)]*\)  # a link or an image: its words
    | <(?P<url>https?://[^>\s]+)>                 # an address in angle brackets: the address
    | ^[ \t]*(?:[-+*]|\d+[.)])[ \t]+              # a list item's marker
    | ^[ \t]*(?:\#{1,6}|>)[ \t]*                  # a heading's hashes, a quote's bracket
    | ^[ \t]*\|?[ \t:|-]*-{3,}[ \t:|-]*$          # a table's rule or a horizontal rule
    | [*`]+ | (?<![\w\\])_+ | _+(?!\w)            # emphasis and code marks
    | (?P<bar>\|)                                 # a table's column bar: a space
    """,
    re.MULTILINE | re.VERBOSE,
)
_SPACES = re.compile(r"\s+")


def _plain(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "label":
        return plain_text(match.group("label"))
    if kind in ("escaped", "url"):
        return match.group(kind)
    return " " if kind == "bar" else ""


def plain_text(markdown: str) -> str:
    """The words of some Markdown as one line: marks dropped, links as their words, spaces single."""
    return _SPACES.sub(" ", _NOISE.sub(_plain, markdown)).strip()


def heading_and_body(markdown: str) -> tuple[str, str]:
    """A part's heading line (without its hashes) and the Markdown under it; ("", markdown) if it has none."""
    if not markdown.startswith("#"):
        return "", markdown
    heading, _, body = markdown.partition("\n")
    return heading.lstrip("#").strip(), body


def _fit(text: str, begin: int, room: int, cells: Callable[[str], int]) -> int:
    """Where a piece of ``text`` from ``begin`` that takes at most ``room`` cells ends."""
    if text.isascii() or cells is len:
        return min(len(text), begin + max(room, 0))
    end, used = begin, 0
    while end < len(text) and used + cells(text[end]) <= room:
        used += cells(text[end])
        end += 1
    return end


def snippet(
    text: str, spans: Sequence[tuple[int, int]], width: int, cells: Callable[[str], int] = len
) -> tuple[str, list[tuple[int, int]]]:
    """A piece of the one-line ``text`` at most ``width`` cells wide (as ``cells`` counts them), around
    the first of ``spans``, cut between words with :data:`ELLIPSIS` where it is cut; and the spans
    that fall in it, moved to its offsets."""
    if cells(text) <= width:
        return text, [span for span in spans if span[1] <= len(text)]
    focus = spans[0][0] if spans else 0
    room = width - 2 * cells(ELLIPSIS)
    begin = max(0, min(focus - room // 3, len(text) - room))
    if begin and text[begin - 1] != " ":
        space = text.find(" ", begin, focus)
        begin = space + 1 if space >= 0 else focus
    lead = ELLIPSIS if begin else ""
    end = _fit(text, begin, width - cells(lead), cells)
    tail = ""
    if end < len(text):
        end = _fit(text, begin, width - cells(lead) - cells(ELLIPSIS), cells)
        space = text.rfind(" ", begin, end + 1)
        end = space if space > begin and text[end : end + 1] != " " else end
        tail = ELLIPSIS
    piece = text[begin:end].rstrip()
    moved = [
        (max(start, begin) - begin + len(lead), min(stop, begin + len(piece)) - begin + len(lead))
        for start, stop in spans
        if stop > begin and start < begin + len(piece)
    ]
    return lead + piece + tail, moved
