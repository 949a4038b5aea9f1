"""The guide's content model and its one loader. No Textual imports: the CLI's ``check`` uses it alone.

``load_guide(path)`` returns a frozen :class:`Guide` or raises :class:`ContentError`, which lists every
problem found in the file as ``path:line:column: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tui.memory import paused

__all__ = [
    "DURATION_LIMITS",
    "MAX_FILE_BYTES",
    "RESERVED_IDS",
    "SAFE_URL",
    "YEAR_LIMITS",
    "ContentError",
    "CrisisLine",
    "Guide",
    "Issue",
    "Section",
    "Source",
    "Topic",
    "default_guide_path",
    "load_guide",
    "parse_guide",
    "read_guide_bytes",
]

RESERVED_IDS = frozenset({"sources", "about", "crisis"})
"""Ids of the pages and panels the app makes itself, which no topic may take (``crisis``: where to get
help now)."""

SAFE_URL = re.compile(r"https://[^\s<>\"'`]+\Z")
"""A source's address: https, with no space or character that could end it early in Markdown or HTML."""

DURATION_LIMITS = (1, 3600)
"""The shortest and longest time a topic may stay up in presentation mode, in seconds."""

YEAR_LIMITS = (1800, 2100)
"""The earliest and latest year a source may give."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Largest content file accepted (16 MiB): far above a real guide, far below a memory problem."""


@dataclass(frozen=True)
class Section:
    """A titled part of a topic; ``body`` is Markdown."""

    title: str
    body: str


@dataclass(frozen=True)
class Topic:
    """One entry of the sidebar: a titled page made of sections, citing sources by id."""

    id: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    sources: tuple[str, ...]
    duration: int | None = None
    """Seconds this topic stays up in presentation mode; ``None`` means the default."""


@dataclass(frozen=True)
class Source:
    """A reference that topics cite."""

    id: str
    title: str
    publisher: str
    year: int
    url: str | None = None


@dataclass(frozen=True)
class CrisisLine:
    """A crisis service, labelled with the region it serves."""

    region: str
    contact: str


@dataclass(frozen=True)
class Guide:
    """The whole guide, as loaded and validated."""

    title: str
    subtitle: str
    reviewed: date
    disclaimer: str
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    crisis_lines: tuple[CrisisLine, ...] = ()

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
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


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


def default_guide_path() -> Path:
    """The built-in guide: the copy inside an installed wheel, else the source tree's ``content.yaml``."""
    # The wheel puts the file beside this module; importlib.resources would find the same file, but
    # costs a few milliseconds of imports at start-up (the package is never run from a zip).
    here = Path(__file__).resolve().parent
    packaged = here / "content.yaml"
    return packaged if packaged.is_file() else here.parent / "content.yaml"


def load_guide(path: str | Path) -> Guide:
    """Read, parse and validate a guide file."""
    return parse_guide(read_guide_bytes(path), str(path))


def read_guide_bytes(path: str | Path) -> bytes:
    """A guide file's bytes (at most one more than the limit), or a ContentError saying why not."""
    name = str(path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ContentError([Issue(name, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise ContentError([Issue(name, 1, 1, "this is a folder, not a file")]) from None
    except OSError as error:
        raise ContentError([Issue(name, 1, 1, f"cannot read file: {error.strerror}")]) from None
    return data


def parse_guide(data: bytes, name: str = "<content>") -> Guide:
    """Validate a guide held in memory; ``name`` is used in error messages."""
    from tui import schema  # the schema imports this module's dataclasses

    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise ContentError([Issue(name, 1, 1, f"file is larger than the {limit} MiB limit")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        raise ContentError([Issue(name, line, column, message)]) from None
    # Building many small objects triggers needless collections; the tree has no cycles.
    with paused():
        try:
            guide, problems = schema.build_guide(text)
        except RecursionError:
            problems, guide = [schema.Problem(schema.Mark(1, 1), "the file is nested too deeply")], None
    if guide is None or problems:
        raise ContentError([Issue(name, p.mark.line, p.mark.column, p.message) for p in problems])
    return guide
