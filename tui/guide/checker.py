"""Reading typed values out of YAML nodes, each problem in an author's words.

The guide's schema (``tui.guide.schema``) is written with these: each read notes a problem, in an
author's words, for a value that does not fit, and carries on.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from datetime import date
from typing import TypeVar

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from tui.guide.controls import CONTROL, UNSEEN, blank, char_name, plain_ascii
from tui.guide.model import ID, MAX_TEXT
from tui.guide.nodes import INT, STR, TIMESTAMP, Mark, Node, Problem, describe, note
from tui.guide.places import Lines, place

__all__ = ["MAX_TEXT", "Checker", "closest", "refused_character", "shown"]

T = TypeVar("T")


_YAML_INT = SafeConstructor()
"""Reads a whole number as YAML 1.1 writes it: ``0x7E4``, ``1_000``, ``1:30`` (90) and ``017`` (octal)."""


def shown(value: str, limit: int = 60) -> str:
    """An author's value quoted for a message, shortened so one message stays one readable line."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def closest(word: str, known: Collection[str], n: int = 1) -> list[str]:
    """The names in ``known`` closest to ``word`` (a typo's likely meaning), best first; maybe none."""
    if not known or len(word) > 3 * max(map(len, known)):
        # Too long to reach difflib's 0.6 ratio; a 10 MB key would take difflib some 500 MiB to find out.
        return []
    return difflib.get_close_matches(word, known, n=n)


def refused_character(char: str) -> str:
    """A refused character, as a message names it (``the invisible control character U+001B
    (escape)``)."""
    if 0xD800 <= ord(char) <= 0xDFFF:
        return f"U+{ord(char):04X}, half of a character pair, which cannot be shown"
    kind = "invisible control character" if CONTROL.match(char) else "invisible character"
    return f"the {kind} {char_name(char)}"


class Checker:
    """Reads typed values out of nodes, noting a problem for each one that does not fit.

    With the file's ``lines``, a problem inside a text is placed at the character; without, at the
    text's start.
    """

    def __init__(self, lines: Lines | None = None) -> None:
        self.problems: list[Problem] = []
        self.lines = lines

    def fail(self, mark: Mark, message: str) -> None:
        note(self.problems, mark, message)

    def place(self, node: Node, offset: int, length: int = 1) -> Mark:
        """Where the characters at ``offset`` of a scalar's text are in the file."""
        return place(self.lines, node, offset, length)

    def fields(
        self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The keys of a mapping, after checking that none is missing or unknown.

        A misspelt key close to a missing one is one mistake, reported once where it is written:
        "unknown key 'titel' (did you mean 'title'?)", not also "missing the key 'title'".
        """
        if node.kind != "map":
            self.fail(node.mark, f"{what} should be a set of 'key: value' lines, found {describe(node)}")
            return None
        known = required + optional
        found: dict[str, Node] = {}
        unknown: list[Node] = []
        for key, value in node.pairs:
            if key.value in known:
                found[key.value] = value
            else:
                unknown.append(key)
        meant: set[str] = set()
        for key in unknown:
            missing = [name for name in known if name not in found]
            hint = closest(key.value, missing) or closest(key.value, known)
            if hint:
                meant.add(hint[0])
                advice = f" (did you mean {hint[0]!r}?)"
            else:
                advice = f"; expected one of: {', '.join(known)}"
            self.fail(key.mark, f"unknown key {shown(key.value)} in {what}{advice}")
        for name in required:
            if name not in found and name not in meant:
                self.fail(node.mark, f"{what} is missing the key {name!r}")
        return found

    def text(self, node: Node, what: str, *, one_line: bool = False) -> str | None:
        """A string that shows something, free of the characters the app never draws."""
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
        if _parser_checked(node) or plain_ascii(value):
            pass
        elif (found := UNSEEN.search(value)) is not None:
            where = self.place(node, found.start())
            self.fail(where, f"{what} contains {refused_character(found.group())}; remove it")
            return None
        elif blank(value):
            self.fail(node.mark, f"{what} shows nothing: it holds only invisible characters; write the text")
            return None
        if one_line and "\n" in value.strip():
            self.fail(
                self.place(node, value.index("\n", len(value) - len(value.lstrip()))),
                f"{what} must fit on one line",
            )
            return None
        return value.strip() if one_line else value

    def date(self, node: Node, what: str) -> date | None:
        """A date written YYYY-MM-DD (plain, as YAML reads a date, or quoted)."""
        if node.kind == "scalar" and node.tag in (TIMESTAMP, STR):
            try:
                return date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        self.fail(node.mark, f"{what} should be a date written YYYY-MM-DD, like 2026-11-24")
        return None

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
    them, ASCII text holds none; other text may still hold an invisible character, which the regex finds.
    """
    return node.style != '"' and node.value.isascii() and "\r" not in node.value  # "\r": a belt
