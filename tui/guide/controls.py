"""The characters no guide text may hold, and how to name them and show them safely.

:data:`UNSEEN` is the one list of characters never drawn, whatever route brings them (the renderers and
exports strip them as a defence in depth); the loader refuses every one of them in every text, so
nothing an author writes is removed silently (the policy is in ``docs/security.md``). :data:`CONTROL`
is its older, narrower part: the characters that act on a terminal or disguise text. No imports but
the standard library's.
"""

from __future__ import annotations

import re

__all__ = [
    "CONTROL",
    "UNSEEN",
    "blank",
    "char_name",
    "has_control",
    "has_unseen",
    "plain_ascii",
    "printable",
    "strip_unseen",
]

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""One character that acts on a terminal or disguises text: C0 and C1 controls (but tab and newline),
DEL, the bidi marks, embeddings, overrides and isolates, and lone surrogates."""


UNSEEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
    "\U000e0000-\U000e007f]"
)
"""What is never drawn, from any route (a Markdown entity such as ``&#x202E;`` included): the refused
characters of :data:`CONTROL`, and the invisible ones: zero-width spaces and joiners, the word joiner
and invisible operators, the byte-order mark, the line and paragraph separators, and tag characters."""

_BLANK = re.compile(
    r"[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U0001d173-\U0001d17a\U000e0100-\U000e01ef]*\\Z"
)
"""Text that shows nothing: spaces and line breaks, and the invisible characters that :data:`UNSEEN`
leaves to the text (the soft hyphen, variation selectors, Hangul fillers, the blank Braille cell...)."""

_NAMES = {0x09: "tab", 0x0A: "line feed", 0x0D: "carriage return", 0x1B: "escape", 0x85: "next line"}


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
    """Whether ``value`` holds a character of :data:`CONTROL`."""
    return not plain_ascii(value) and CONTROL.search(value) is not None


def has_unseen(value: str) -> bool:
    """Whether ``value`` holds a character of :data:`UNSEEN`: one the loader refuses."""
    return not plain_ascii(value) and UNSEEN.search(value) is not None


def blank(value: str) -> bool:
    """Whether ``value`` shows nothing: empty, or only spaces, line breaks and invisible characters."""
    return _BLANK.match(value) is not None


def char_name(char: str) -> str:
    """A character as a message names it: ``U+202E (right-to-left override)``."""
    import unicodedata  # only for a message: not at start-up

    point = ord(char)
    name = _NAMES.get(point) or unicodedata.name(char, "").lower()
    if 0xD800 <= point <= 0xDFFF:
        name = "half of a character pair"
    return f"U+{point:04X} ({name})" if name else f"U+{point:04X}"


def printable(text: str) -> str:
    """``text`` (a file name, say) with every character that a terminal would not simply draw written
    as an escape: ``\\x1b``, ``\\u202e``, ``\\U000e0041``. A byte that was not UTF-8, kept by Python as
    a surrogate (``\\udcff``), is written as the byte (``\\xff``). Nothing else changes."""
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char.isprintable() and not UNSEEN.match(char):
            out.append(char)
            continue
        point = ord(char)
        if 0xDC80 <= point <= 0xDCFF:
            point -= 0xDC00
        out.append(
            f"\\x{point:02x}"
            if point < 0x100
            else f"\\u{point:04x}"
            if point < 0x10000
            else f"\\U{point:08x}"
        )
    return "".join(out)
