"""Remembered between runs: each guide's last topic and passage, and the chosen theme.

One small JSON file in the user state directory, written atomically (a temporary file, then a
rename). A missing file is a first run; an unreadable or corrupt one is ignored with a notice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.pages import Anchor
from tui.store.files import read_regular_file, write_atomically

__all__ = ["Place", "StateStore"]

_VERSION = 1


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
            raw = read_regular_file(self.path).decode("utf-8")  # a planted FIFO would block the start
        except FileNotFoundError:
            return self
        except (OSError, UnicodeDecodeError) as error:
            self.notice = f"Saved reading place not read ({_why(error)}); starting fresh."
            return self
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if not _valid(data):
            self.notice = "Saved reading place was damaged and has been ignored; starting fresh."
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


def _why(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else type(error).__name__


def _valid(data: object) -> bool:
    """True for the shape this module writes; anything else is treated as damaged."""
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        return False
    guides = data.get("guides")
    if not isinstance(guides, dict) or not isinstance(data.get("theme"), str | None):
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
