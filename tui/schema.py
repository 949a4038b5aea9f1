"""Check a YAML node tree against the guide format and build the frozen model from it.

Every problem is collected, not just the first, so an author can fix a file in one pass.
The format is documented in ``docs/content-format.md``.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TypeVar

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from tui.content import CrisisLine, Guide, Section, Source, Topic
from tui.yamltree import INT, STR, TIMESTAMP, Mark, Node, Problem, compose, describe, note

__all__ = ["EVIDENCE_LEVELS", "RESERVED_IDS", "Mark", "Problem", "build_guide"]

T = TypeVar("T")

EVIDENCE_LEVELS = ("strong", "moderate", "limited", "not supported")
"""The words allowed after ``Evidence:`` in a body."""

RESERVED_IDS = frozenset({"sources", "about"})
"""Page ids the app generates itself, so topics cannot use them."""

MAX_TEXT = 1024 * 1024
"""Longest single string accepted, in characters."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_EVIDENCE = re.compile(r"Evidence:[*_]*[ \t]*(\S*(?:[ \t]+supported)?)", re.IGNORECASE)
_INTERNAL_LINK = re.compile(r"\]\(#([^)\s]*)\)")
_URL = re.compile(r"https://[^\s<>\"'`]+\Z")
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` splits at (YAML refuses the control characters among them)."""
_SPACES = re.compile(" *")
_YAML_INT = SafeConstructor()
"""Reads a whole number as YAML 1.1 writes it: ``0x7E4``, ``1_000``, ``1:30`` (90) and ``017`` (octal)."""


def _shown(value: str, limit: int = 60) -> str:
    """An author's value quoted for a message, shortened so one message stays one readable line."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


class _Checker:
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
            self.fail(key.mark, f"unknown key {_shown(key.value)} in {what}{advice}")
        for name in required:
            if name not in found:
                self.fail(node.mark, f"{what} is missing the key {name!r}")
        return found

    def text(self, node: Node, what: str, *, one_line: bool = False) -> str | None:
        """A non-empty string free of control characters."""
        if node.kind != "scalar" or node.tag != STR:
            shown = f" ({_shown(node.value)})" if node.kind == "scalar" and node.value else ""
            self.fail(
                node.mark,
                f"{what} should be text, but this is read as {describe(node)}{shown}; put the text in quotes",
            )
            return None
        value = node.value
        if not value.strip():
            self.fail(node.mark, f"{what} is empty")
            return None
        if len(value) > MAX_TEXT:
            self.fail(node.mark, f"{what} is longer than {MAX_TEXT:,} characters")
            return None
        control = _CONTROL.search(value)
        if control:
            code = f"U+{ord(control.group()):04X}"
            self.fail(node.mark, f"{what} contains the invisible control character {code}; remove it")
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
        if value is not None and not _SLUG.match(value):
            self.fail(
                node.mark,
                f"{what} {_shown(value)} should use only lowercase letters, digits and single hyphens "
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


def build_guide(text: str) -> tuple[Guide | None, list[Problem]]:
    """Validate YAML text as a guide. Returns the guide, or ``None`` and every problem found."""
    root, problems = compose(text)
    if root is None:
        return None, problems or [Problem(Mark(1, 1), "the file is empty")]
    check = _Checker()
    check.problems.extend(problems)
    guide = _GuideBuilder(check, _Lines(text)).build(root)
    return (guide if not check.problems else None), check.problems


class _Lines:
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


class _GuideBuilder:
    """Walks the root mapping; remembers where ids and references are, for cross-checks."""

    def __init__(self, check: _Checker, lines: _Lines) -> None:
        self.check = check
        self.lines = lines
        self.topic_ids: dict[str, Mark] = {}
        self.source_ids: dict[str, Mark] = {}
        self.citations: list[tuple[str, Mark]] = []
        self.linked_bodies: list[Node] = []
        """Section bodies holding internal links, checked once every topic id is known."""

    def build(self, root: Node) -> Guide | None:
        check = self.check
        names = ("title", "subtitle", "reviewed", "disclaimer", "topics", "sources")
        found = check.fields(root, "the guide", names, ("crisis_lines",))
        if found is None:
            return None
        title = check.text(found["title"], "the guide's title", one_line=True) if "title" in found else None
        subtitle = (
            check.text(found["subtitle"], "the subtitle", one_line=True) if "subtitle" in found else None
        )
        reviewed = self.reviewed(found["reviewed"]) if "reviewed" in found else None
        disclaimer = check.text(found["disclaimer"], "the disclaimer") if "disclaimer" in found else None
        lines = (
            check.items(found["crisis_lines"], "crisis_lines", self.crisis_line)
            if "crisis_lines" in found
            else []
        )
        sources = check.items(found["sources"], "sources", self.source) if "sources" in found else []
        topics = check.items(found["topics"], "topics", self.topic) if "topics" in found else []
        for source_id, mark in self.citations:
            if source_id not in self.source_ids:
                check.fail(mark, f"the source {source_id!r} is cited but not defined under 'sources'")
        for body in self.linked_bodies:
            broken = [
                (link.group(1), link.start(1) - 1)
                for link in _INTERNAL_LINK.finditer(body.value)
                if link.group(1) not in self.topic_ids and link.group(1) not in RESERVED_IDS
            ]
            if not broken:
                continue  # placing nothing would still walk the file to the body (strict zip)
            marks = self.positions_in(body, (offset for _, offset in broken))
            for (target, _), mark in zip(broken, marks, strict=True):
                check.fail(mark, f"the link '#{target}' points to no topic; use a topic id")
        if None in (title, subtitle, reviewed, disclaimer) or check.problems:
            return None
        assert title and subtitle and reviewed and disclaimer
        return Guide(title, subtitle, reviewed, disclaimer, tuple(topics), tuple(sources), tuple(lines))

    def reviewed(self, node: Node) -> date | None:
        if node.kind == "scalar" and node.tag in (TIMESTAMP, STR):
            try:
                return date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        self.check.fail(node.mark, "reviewed should be a date written YYYY-MM-DD, like 2026-11-24")
        return None

    def positions_in(self, node: Node, offsets: Iterable[int]) -> Iterator[Mark]:
        """Where characters of a scalar's text are in the file (exact for block and one-line scalars).

        The offsets must ascend: the text is read once, however many there are.
        """
        value, scanned, line_in_text, line_start = node.value, 0, 0, 0
        block = node.style in ("|", ">")
        # A block's text starts on the next line; its own indentation is that of its first line,
        # and any deeper indentation of later lines is part of the text (so already in the column).
        base = self.lines.indent(node.mark.line + 1) if block else 0
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

    def crisis_line(self, node: Node) -> CrisisLine | None:
        found = self.check.fields(node, "a crisis line", ("region", "contact"))
        if found is None or len(found) < 2:
            return None
        region = self.check.text(found["region"], "region", one_line=True)
        contact = self.check.text(found["contact"], "contact")
        return CrisisLine(region, contact) if region and contact else None

    def source(self, node: Node) -> Source | None:
        check = self.check
        found = check.fields(node, "a source", ("id", "title", "publisher", "year"), ("url",))
        if found is None:
            return None
        # Record the id even when another key is missing, so its citations are not reported as well.
        source_id = self.unique(found["id"], "source id", self.source_ids) if "id" in found else None
        if not {"title", "publisher", "year"} <= found.keys():
            return None
        title = check.text(found["title"], "the source's title", one_line=True)
        publisher = check.text(found["publisher"], "publisher", one_line=True)
        year = check.integer(found["year"], "year", 1800, 2100)
        url = self.url(found["url"]) if "url" in found else None
        if source_id is None or title is None or publisher is None or year is None:
            return None
        return Source(source_id, title, publisher, year, url)

    def url(self, node: Node) -> str | None:
        value = self.check.text(node, "url", one_line=True)
        if value is not None and not _URL.match(value):
            self.check.fail(
                node.mark, f"url {_shown(value)} should start with https:// and contain no spaces"
            )
            return None
        return value

    def unique(self, node: Node, what: str, seen: dict[str, Mark]) -> str | None:
        value = self.check.slug(node, what)
        if value is None:
            return None
        if value in seen:
            first = seen[value]
            self.check.fail(node.mark, f"{what} {value!r} is already used at line {first.line}")
            return None
        seen[value] = node.mark
        return value

    def topic(self, node: Node) -> Topic | None:
        check = self.check
        found = check.fields(
            node, "a topic", ("id", "title", "summary", "sections", "sources"), ("duration",)
        )
        if found is None or not {"id", "title", "summary", "sections", "sources"} <= found.keys():
            return None
        topic_id = self.unique(found["id"], "topic id", self.topic_ids)
        if topic_id in RESERVED_IDS:
            check.fail(found["id"].mark, f"the topic id {topic_id!r} is reserved for a page the app makes")
        title = check.text(found["title"], "the topic's title", one_line=True)
        summary = check.text(found["summary"], "the summary")
        sections = check.items(found["sections"], "sections", self.section)
        cited = check.items(found["sources"], "the topic's sources", self.citation)
        duration = check.integer(found["duration"], "duration", 1, 3600) if "duration" in found else None
        if topic_id is None or title is None or summary is None:
            return None
        return Topic(topic_id, title, summary.strip(), tuple(sections), tuple(cited), duration)

    def citation(self, node: Node) -> str | None:
        source_id = self.check.slug(node, "a source id")
        if source_id is not None:
            self.citations.append((source_id, node.mark))
        return source_id

    def section(self, node: Node) -> Section | None:
        found = self.check.fields(node, "a section", ("title", "body"))
        if found is None or len(found) < 2:
            return None
        title = self.check.text(found["title"], "the section's title", one_line=True)
        body = self.check.text(found["body"], "the section's body")
        if body is not None:
            if _INTERNAL_LINK.search(body):
                self.linked_bodies.append(found["body"])
            for match in _EVIDENCE.finditer(body):
                level = match.group(1).rstrip(".,;:*_)").lower()
                if level not in EVIDENCE_LEVELS:
                    self.check.fail(
                        found["body"].mark,
                        f"'Evidence:' is followed by {level!r}; use one of: {', '.join(EVIDENCE_LEVELS)}",
                    )
        return Section(title, body) if title and body is not None else None
