"""The characters no guide text may hold: control characters (but tab and newline) and the bidi
overrides and isolates that can disguise text. Shared by the loader and the cache; no imports."""

from __future__ import annotations

import re

__all__ = ["CONTROL", "has_control", "plain_ascii"]

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""One refused character."""


def plain_ascii(value: str) -> bool:
    """ASCII with no control character but tab and newline: a fast check that spares the regex."""
    return value.isascii() and value.replace("\n", " ").replace("\t", " ").isprintable()


def has_control(value: str) -> bool:
    """Whether ``value`` holds a refused character."""
    return not plain_ascii(value) and CONTROL.search(value) is not None
