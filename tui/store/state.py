"""Remembered between runs: each guide's last topic and passage, the chosen theme, and whether the
notice at first start (the disclaimer) was read.

One small JSON file in the user state directory, written atomically (a temporary file, then a
rename). A missing file is a first run; an unreadable one is ignored with a notice, and a damaged one
(not the JSON written here, not a regular file, larger than :data:`LIMIT`) is set aside, renamed to
``state.json.damaged``, so that the next start is clean.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.pages import Anchor
from tui.store.files import FileTooLarge, NotARegularFile, read_regular_file, set_aside, write_atomically

__all__ = ["DAMAGED", "LIMIT", "Place", "StateStore"]

_VERSION = 1

LIMIT = 1024 * 1024
"""The largest state file read (1 MiB): the places of thousands of guides."""

DAMAGED = ".damaged"
"""Added to the name of a damaged state file when it is set aside."""


@dataclass(frozen=True)
class Place:
    """Where a reader was in one guide: the topic, and the passage at the top of the screen (which a
    reader who reopens at another width finds again)."""

    topic: str
    at: Anchor = field(default_factory=Anchor)


class StateStore:
    """Reads once, then writes the whole file on each change. Problems become one-line notices."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "state.json"
        self.data: dict[str, Any] = {"version": _VERSION, "theme": None, "guides": {}}
        self.notice: str | None = None
        """The last problem met reading or writing, in words for the user; ``None`` if none."""
        self.writable = True
        """False after a failed write: later changes are kept in memory only, without more notices."""

    def load(self) -> StateStore:
        """Read the file if there is one; on any problem keep the defaults and set ``notice``."""
        try:
            data = json.loads(read_regular_file(self.path, LIMIT).decode("utf-8"))
        except FileNotFoundError:
            return self
        # Damage: a FIFO, a device or a link in its place, a huge or sparse file, text that is not UTF-8
        # or not JSON (ValueError), or JSON nested too deeply to parse (RecursionError).
        except (NotARegularFile, FileTooLarge, ValueError, RecursionError):
            data = None
        except OSError as error:  # the file is there, but cannot be read now: it is left alone
            self.notice = f"Saved reading place not read ({_why(error)}); starting fresh."
            return self
        if not _valid(data):
            aside = set_aside(self.path, DAMAGED)
            kept = "ignored" if aside is None else f"set aside as {aside.name}"
            self.notice = f"Saved reading place was damaged and has been {kept}; starting fresh."
            return self
        self.data = data
        return self

    def place(self, guide_key: str) -> Place | None:
        entry = self.data["guides"].get(guide_key)
        if entry is None:
            return None
        if "scroll" in entry:  # written before passages were kept: a line count from the top
            return Place(entry["topic"], Anchor(line=int(entry["scroll"])))
        return Place(entry["topic"], Anchor(entry["part"], entry["words"], entry["gap"], entry["line"]))

    def theme(self) -> str | None:
        theme = self.data.get("theme")
        return theme if isinstance(theme, str) else None

    def remember_place(self, guide_key: str, place: Place) -> None:
        at = place.at
        entry = {"topic": place.topic, "part": at.part, "words": at.words, "gap": at.gap, "line": at.line}
        self.data["guides"][guide_key] = entry
        self._write()

    def disclaimer_read(self) -> bool:
        """Whether the reader has dismissed the notice at first start (see ``tui.screens.notice``)."""
        return self.data.get("disclaimer_read") is True

    def remember_disclaimer_read(self) -> None:
        self.data["disclaimer_read"] = True
        self._write()

    def remember_theme(self, theme: str) -> None:
        self.data["theme"] = theme
        self._write()

    def _write(self) -> None:
        if not self.writable:
            return
        text = json.dumps(self.data, indent=1, sort_keys=True)
        try:
            write_atomically(self.path, text.encode("utf-8"), prefix=".state-")
        except OSError as error:
            self.notice = f"Reading place not saved ({_why(error)}); it will not be remembered this time."
            self.writable = False


def _why(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else type(error).__name__


def _valid(data: object) -> bool:
    """True for the shape this module writes; anything else is treated as damaged."""
    if not isinstance(data, dict) or type(data.get("version")) is not int or data["version"] != _VERSION:
        return False
    guides = data.get("guides")
    if not isinstance(guides, dict) or not isinstance(data.get("theme"), str | None):
        return False
    if type(data.get("disclaimer_read", False)) is not bool:
        return False
    return all(isinstance(entry, dict) and _valid_place(entry) for entry in guides.values())


def _valid_place(entry: dict[str, Any]) -> bool:
    """A place as this module writes it (or as it wrote it before passages: a scroll)."""
    if not isinstance(entry.get("topic"), str):
        return False
    if set(entry) == {"topic", "scroll"}:
        scroll = entry["scroll"]
        return type(scroll) in (int, float) and 0 <= scroll < 1e9  # not NaN, not a bool
    lines = (entry.get("part"), entry.get("gap"), entry.get("line"))
    return isinstance(entry.get("words"), str) and all(type(n) is int and 0 <= n < 10**9 for n in lines)
