"""The booth's one short crisis line, made from the guide's crisis lines to fit a width.

For example "In crisis? United States 988 · Canada 9-8-8 · ! for more": each region with the first
number in the first sentence of its contact, as many as fit, always ending with "! for more" (``!``
opens the full panel). Only the first sentence: a later one can name another region's number ("The
988 line above works only in the United States"), which must never be shown as this region's.
No Textual imports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len

from tui.guide import CrisisLine

__all__ = ["first_number", "short_crisis_line"]

_NUMBER = re.compile(r"\d(?:[\d -]*\d)?")
"""A phone number as written in text: digits, with single spaces or hyphens between them."""
_PREFIXES = ("In crisis? ", "Crisis: ")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_MORE = "! for more"
_SEPARATOR = " · "


def first_number(contact: str) -> str | None:
    """The first number in a contact's first sentence ("Call or text 9-8-8 ..." gives "9-8-8"), if any."""
    text = " ".join(contact.split())
    end = _SENTENCE_END.search(text)
    found = _NUMBER.search(text[: end.start()] if end else text)
    return re.sub(r"[ -]+$", "", found.group()) if found else None


def short_crisis_line(lines: Sequence[CrisisLine], width: int) -> str:
    """One line of at most ``width`` cells (when it can be done) showing as many regions as fit."""
    items = [
        f"{' '.join(line.region.split())} {number}"
        for line in lines
        if (number := first_number(line.contact))
    ]
    best = ""
    best_count = -1
    for prefix in _PREFIXES:
        for count in range(len(items), -1, -1):
            text = prefix + _SEPARATOR.join([*items[:count], _MORE]) if count else f"{prefix}press {_MORE}"
            if cell_len(text) <= width:
                if count > best_count:
                    best, best_count = text, count
                break
    return best or _MORE
