"""The guide's content model: frozen dataclasses, the error that lists a file's problems, and the limits.

The schema builds these classes, the cache stores them and the pages read them. This module imports
nothing from the rest of the app but :mod:`tui.guide.controls`, to show file names safely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from tui.guide.controls import printable

__all__ = [
    "DURATION_LIMITS",
    "HTML_ENTITY",
    "ID",
    "MARKDOWN",
    "MAX_FILE_BYTES",
    "MAX_TEXT",
    "ONE_LINE",
    "RESERVED_IDS",
    "SAFE_URL",
    "YEAR_LIMITS",
    "ContentError",
    "CrisisLine",
    "GlossaryEntry",
    "Guide",
    "Issue",
    "Line",
    "Markdown",
    "Section",
    "Source",
    "Topic",
]

RESERVED_IDS = frozenset({"sources", "about", "crisis", "glossary"})
"""Ids of the pages and panels the app makes itself, which no topic may take (``crisis``: where to get
help now; ``glossary``: the words the guide explains, when it has a glossary)."""

HTML_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
"""An HTML character reference, as refused in an address."""

SAFE_URL = re.compile(rf"https://(?!\S*{HTML_ENTITY.pattern})[^\s<>\"'`]+\Z")
"""A source's address: https, with no space or character that could end it early in Markdown or HTML,
and no HTML entity (``&amp;``, ``&#x202E;``), which a handout would turn into another character."""

DURATION_LIMITS = (1, 3600)
"""The shortest and longest time a topic may stay up in presentation mode, in seconds."""

YEAR_LIMITS = (1800, 2100)
"""The earliest and latest year a source may give."""

MAX_TEXT = 1024 * 1024
"""Longest single text accepted, in characters."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Largest content file accepted (16 MiB): far above a real guide, far below a memory problem."""

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
"""A topic's or source's id: lowercase letters and digits in words joined by single hyphens."""

ONE_LINE = "one line"
"""The mark of a :data:`Line` field, as :func:`typing.get_type_hints` shows it (``include_extras``)."""

Line = Annotated[str, ONE_LINE]
"""Text that fits on one line (a title, a name, an id); other ``str`` fields may hold line breaks."""

MARKDOWN = "markdown"
"""The mark of a :data:`Markdown` field, as :func:`typing.get_type_hints` shows it (``include_extras``)."""

Markdown = Annotated[str, MARKDOWN]
"""Text written in Markdown, which the pane and the handouts render; other texts are shown as written."""


@dataclass(frozen=True)
class Section:
    """A titled part of a topic."""

    title: Line
    body: Markdown


@dataclass(frozen=True)
class Topic:
    """One entry of the sidebar: a titled page made of sections, citing sources by id."""

    id: Line
    title: Line
    summary: str
    sections: tuple[Section, ...]
    sources: tuple[Line, ...]
    """The ids of the sources it cites."""
    duration: int | None = None
    """Seconds this topic stays up in presentation mode; ``None`` means the default."""


@dataclass(frozen=True)
class Source:
    """A reference that topics cite."""

    id: Line
    title: Line
    publisher: Line
    year: int
    url: Line | None = None


@dataclass(frozen=True)
class CrisisLine:
    """A crisis service, labelled with the region it serves."""

    region: Line
    contact: Markdown


@dataclass(frozen=True)
class GlossaryEntry:
    """A word the guide uses, and what it means."""

    term: Line
    definition: Markdown


@dataclass(frozen=True)
class Guide:
    """The whole guide, as loaded and validated."""

    title: Line
    subtitle: Line
    reviewed: date
    disclaimer: Markdown
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    crisis_lines: tuple[CrisisLine, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    """Words the guide explains on a page of their own, in file order; no page when empty."""

    def source(self, source_id: str) -> Source:
        """Return the source with this id (the loader guarantees every cited id exists)."""
        return next(source for source in self.sources if source.id == source_id)


@dataclass(frozen=True)
class Issue:
    """One problem in a content file, with a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        """``path:line:column: message``, with any character a terminal would act on escaped (``\\x1b``):
        every route that prints an issue (``check``, the start-up error, the reload banner) shows a
        hostile file name as text."""
        return f"{printable(self.path)}:{self.line}:{self.column}: {printable(self.message)}"


class ContentError(Exception):
    """A content file cannot be used. ``issues`` holds every problem found, in file order."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(sorted(issues, key=lambda issue: (issue.line, issue.column)))
        first = self.issues[0]
        self.path, self.line, self.column, self.message = (
            first.path,
            first.line,
            first.column,
            first.message,
        )
        super().__init__("\n".join(str(issue) for issue in self.issues))
