"""The characters no guide text may hold: control characters (but tab and newline), the bidi
overrides and isolates that can disguise text, and lone surrogates (half of a UTF-16 pair, which no
terminal can show). Shared by the schema's checker and the rules that the cache checks too; no imports."""

from __future__ import annotations

import re

__all__ = ["CONTROL", "UNSEEN", "has_control", "plain_ascii", "strip_unseen"]

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""One refused character."""


UNSEEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
    "\U000e0000-\U000e007f]"
)
"""What is never drawn, from any route (a Markdown entity such as ``&#x202E;`` included): the refused
characters of :data:`CONTROL`, and the invisible ones: zero-width spaces and joiners, the word joiner
and invisible operators, the byte-order mark, the line and paragraph separators, and tag characters."""


def strip_unseen(text: str) -> str:
    """``text`` without the characters of :data:`UNSEEN` (tab and newline stay)."""
    return text if plain_ascii(text) else UNSEEN.sub("", text)


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


def plain_ascii(value: str) -> bool:
    """ASCII with no control character but tab and newline: a fast check that spares the regex
    (deleting every allowed byte leaves nothing; 6 times faster than ``str.isprintable`` on copies
    without tabs and newlines)."""
    return value.isascii() and not value.encode("ascii").translate(None, _PRINTABLE_ASCII)


def has_control(value: str) -> bool:
    """Whether ``value`` holds a refused character."""
    return not plain_ascii(value) and CONTROL.search(value) is not None
