"""Reading typed values out of YAML nodes, and finding where text lies in the file.

The guide's schema (``tui.guide.schema``) is written with these: each read notes a problem, in an
author's words, for a value that does not fit, and carries on.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable
from typing import TypeVar

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from tui.guide.controls import CONTROL, plain_ascii
from tui.guide.model import ID
from tui.guide.nodes import INT, STR, Mark, Node, Problem, describe, note

__all__ = ["MAX_TEXT", "Checker", "Lines", "shown"]

T = TypeVar("T")

MAX_TEXT = 1024 * 1024
"""Longest single string accepted, in characters."""

_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` splits at (YAML refuses the control characters among them)."""
_SPACES = re.compile(" *")
_YAML_INT = SafeConstructor()
"""Reads a whole number as YAML 1.1 writes it: ``0x7E4``, ``1_000``, ``1:30`` (90) and ``017`` (octal)."""


def shown(value: str, limit: int = 60) -> str:
    """An author's value quoted for a message, shortened so one message stays one readable line."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


class Checker:
    """Reads typed values out of nodes, noting a problem for each one that does not fit."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, mark: Mark, message: str) -> None:
        note(self.problems, mark, message)

    def fields(
        self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The keys of a mapping, after checking that none is missing or unknown."""
        if node.kind != "map":
            self.fail(node.mark, f"{what} should be a set of 'key: value' lines, found {describe(node)}")
            return None
        known = required + optional
        found: dict[str, Node] = {}
        for key, value in node.pairs:
            if key.value in known:
                found[key.value] = value
                continue
            # A key over 2.3 times the longest known one cannot reach difflib's 0.6 ratio; a 10 MB key
            # would take difflib some 500 MiB to find that out.
            close = len(key.value) <= 3 * max(map(len, known))
            hint = difflib.get_close_matches(key.value, known, n=1) if close else []
            advice = f" (did you mean {hint[0]!r}?)" if hint else f"; expected one of: {', '.join(known)}"
            self.fail(key.mark, f"unknown key {shown(key.value)} in {what}{advice}")
        for name in required:
            if name not in found:
                self.fail(node.mark, f"{what} is missing the key {name!r}")
        return found

    def text(self, node: Node, what: str, *, one_line: bool = False) -> str | None:
        """A non-empty string free of control characters."""
        if node.kind != "scalar" or node.tag != STR:
            value = f" ({shown(node.value)})" if node.kind == "scalar" and node.value else ""
            self.fail(
                node.mark,
                f"{what} should be text, but this is read as {describe(node)}{value}; put the text in quotes",
            )
            return None
        value = node.value
        if not value.strip():
            self.fail(node.mark, f"{what} is empty")
            return None
        if len(value) > MAX_TEXT:
            self.fail(node.mark, f"{what} is longer than {MAX_TEXT:,} characters")
            return None
        control = None if _parser_checked(node) or plain_ascii(value) else CONTROL.search(value)
        if control:
            point = ord(control.group())
            described = (
                f"U+{point:04X}, half of a character pair, which cannot be shown"
                if 0xD800 <= point <= 0xDFFF
                else f"the invisible control character U+{point:04X}"
            )
            self.fail(node.mark, f"{what} contains {described}; remove it")
            return None
        if one_line and "\n" in value.strip():
            self.fail(node.mark, f"{what} must fit on one line")
            return None
        return value.strip() if one_line else value

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        if node.kind != "scalar" or node.tag != INT:
            self.fail(node.mark, f"{what} should be a whole number, found {describe(node)}")
            return None
        number: int | None = None
        if node.value.isascii():
            try:
                number = _YAML_INT.construct_yaml_int(ScalarNode(INT, node.value))
            except (ValueError, IndexError):  # an explicit ``!!int`` on text that is not a number
                number = None
        if number is None or not low <= number <= high:
            self.fail(node.mark, f"{what} should be between {low} and {high}")
            return None
        return number

    def slug(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, one_line=True)
        if value is not None and not ID.match(value):
            self.fail(
                node.mark,
                f"{what} {shown(value)} should use only lowercase letters, digits and single hyphens "
                "(like 'how-it-works')",
            )
            return None
        return value

    def items(self, node: Node, what: str, build: Callable[[Node], T | None]) -> list[T]:
        """Build each item of a non-empty list, skipping the ones that fail."""
        if node.kind != "seq":
            self.fail(
                node.mark, f"{what} should be a list (lines starting with '- '), found {describe(node)}"
            )
            return []
        if not node.items:
            self.fail(node.mark, f"{what} is an empty list")
        built = (build(item) for item in node.items)
        return [value for value in built if value is not None]


def _parser_checked(node: Node) -> bool:
    """Whether the parser has already ruled out every refused character in a scalar's text.

    YAML refuses control characters in the file itself (all but tab and the line breaks, which a scalar
    reads as "\\n"), so only the escapes of a double-quoted scalar ("\\x1b") can bring one in. Without
    them, ASCII text holds none; other text may still hold a bidi control, which the regex finds.
    """
    return node.style != '"' and node.value.isascii() and "\r" not in node.value  # "\r": a belt


class Lines:
    """The indentation of the file's lines, each found when asked for, without copying any line
    (``splitlines()`` takes 400 MiB for a 16 MiB file of short lines).

    Lines are asked for in file order, so a cursor moving forward reads the text about once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.number = 1
        """The line the cursor is on (1-based)."""
        self.start = 0
        """Where that line starts in ``text``, or -1 past the end of the file."""

    def indent(self, number: int) -> int:
        """How many spaces start line ``number`` (1-based); 0 past the end of the file."""
        if number < self.number:
            self.number, self.start = 1, 0
        if number > self.number and self.start >= 0:
            breaks = _LINE_BREAK.finditer(self.text, self.start)
            found = next(itertools.islice(breaks, number - self.number - 1, None), None)
            self.start = found.end() if found is not None else -1
        self.number = number
        spaces = _SPACES.match(self.text, self.start) if self.start >= 0 else None
        return spaces.end() - self.start if spaces else 0
