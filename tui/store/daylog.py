"""The record of the day: what the booth played and what visitors looked at, local and anonymous.

One small JSON file a day in ``days/`` in the state directory: loops played, visitor take-overs, and
for each topic that visitors opened, how often and for how long. Nothing else: no search text, no
times of day, nothing about a person. The show keeps counts in memory and adds them to the file every
:data:`FLUSH_SECONDS` seconds and at the end of each loop. No Textual imports.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tui.store.files import read_regular_file, write_atomically

__all__ = ["FLUSH_SECONDS", "DayLog", "DayRecord", "read_days"]

FLUSH_SECONDS = 60.0
"""How often counts kept in memory are added to the day's file, at the least."""
_VERSION = 1
_LIMIT = 1 << 20


@dataclass
class DayRecord:
    """One day's counts; ``topics`` maps a topic id to [times opened, seconds spent]."""

    loops: int = 0
    takeovers: int = 0
    topics: dict[str, list[float]] = field(default_factory=dict)

    def add(self, other: DayRecord) -> None:
        self.loops += other.loops
        self.takeovers += other.takeovers
        for topic, (opens, seconds) in other.topics.items():
            mine = self.topics.setdefault(topic, [0, 0.0])
            mine[0], mine[1] = mine[0] + opens, mine[1] + seconds

    def to_json(self) -> dict[str, Any]:
        topics = {topic: [int(opens), round(seconds, 1)] for topic, (opens, seconds) in self.topics.items()}
        return {"version": _VERSION, "loops": self.loops, "takeovers": self.takeovers, "topics": topics}

    @classmethod
    def from_json(cls, data: object) -> DayRecord | None:
        """The record in ``data``, or None for anything this module did not write."""
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            return None
        loops, takeovers, topics = data.get("loops"), data.get("takeovers"), data.get("topics")
        if type(loops) is not int or type(takeovers) is not int or not isinstance(topics, dict):
            return None
        record = cls(loops, takeovers)
        for topic, pair in topics.items():
            if not (isinstance(pair, list) and len(pair) == 2 and all(type(n) in (int, float) for n in pair)):
                return None
            record.topics[str(topic)] = [int(pair[0]), float(pair[1])]
        return record


def _read(path: Path) -> DayRecord | None:
    try:
        return DayRecord.from_json(json.loads(read_regular_file(path, _LIMIT)))
    except FileNotFoundError:
        return DayRecord()
    except (OSError, ValueError):
        return None


class DayLog:
    """Counts for the days in ``directory``/days, kept in memory until :meth:`flush`."""

    def __init__(self, directory: Path, today: Callable[[], date] = date.today) -> None:
        self.folder = directory / "days"
        self.today = today
        self.pending: dict[date, DayRecord] = {}

    def _now(self) -> DayRecord:
        return self.pending.setdefault(self.today(), DayRecord())

    def loop(self) -> None:
        """The show played every topic once more."""
        self._now().loops += 1

    def takeover(self) -> None:
        """A visitor took the reader."""
        self._now().takeovers += 1

    def topic(self, topic_id: str, seconds: float, *, opened: bool = True) -> None:
        """A visitor spent ``seconds`` on a topic (``opened``: and opened it)."""
        record = self._now().topics.setdefault(topic_id, [0, 0.0])
        record[0] += int(opened)
        record[1] += max(0.0, seconds)

    def flush(self) -> bool:
        """Add what is pending to each day's file; False if a file could not be read or written (the
        counts are kept for the next try, and a damaged file is left as it is)."""
        done = True
        for day, record in list(self.pending.items()):
            path = self.folder / f"{day.isoformat()}.json"
            stored = _read(path)
            if stored is None:
                done = False
                continue
            stored.add(record)
            try:
                write_atomically(path, json.dumps(stored.to_json()).encode(), prefix=".day-")
            except OSError:
                done = False
                continue
            del self.pending[day]
        return done


def read_days(directory: Path) -> list[tuple[str, DayRecord]]:
    """Every day recorded in ``directory``/days, oldest first (damaged files are left out)."""
    folder = directory / "days"
    days: list[tuple[str, DayRecord]] = []
    for path in sorted(folder.glob("????-??-??.json")) if folder.is_dir() else []:
        record = _read(path)
        if record is not None:
            days.append((path.stem, record))
    return days
