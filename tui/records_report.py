"""``ketamine-tui status`` and ``stats``: the booth's heartbeat and record of the day, in words or CSV."""

from __future__ import annotations

import csv
import io
import sys

from tui.store.daylog import DayRecord, read_days
from tui.store.files import default_state_dir
from tui.store.heartbeat import Heartbeat, describe

__all__ = ["format_csv", "format_days", "report"]


def report(command: str, *, csv: bool = False) -> int:
    """Print the status or the stats; the exit status (``status``: 1 when the show is not running)."""
    folder = default_state_dir()
    if command == "status":
        running, line = describe(Heartbeat(folder).read())
        print(line)
        return 0 if running else 1
    days = read_days(folder)
    sys.stdout.write(format_csv(days) if csv else format_days(days))
    return 0


def format_days(days: list[tuple[str, DayRecord]]) -> str:
    """Each day as a heading line, then the topics visitors opened, the most opened first."""
    if not days:
        return "No record yet: the show keeps one when `present` runs (without --no-state).\n"
    lines: list[str] = []
    for day, record in days:
        lines.append(f"{day}: {record.loops} loops played, {record.takeovers} visitor take-overs")
        ranked = sorted(record.topics.items(), key=lambda item: (-item[1][0], item[0]))
        for topic, (opens, seconds) in ranked:
            lines.append(f"  {topic}: opened {int(opens)} times, {_minutes(seconds)} in all")
    return "\n".join(lines) + "\n"


def format_csv(days: list[tuple[str, DayRecord]]) -> str:
    """One row a day and topic (a day with no topic opened has one row with the topic left empty)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "loops", "takeovers", "topic", "opens", "seconds"])
    for day, record in days:
        rows = sorted(record.topics.items()) or [("", [0, 0.0])]
        for topic, (opens, seconds) in rows:
            writer.writerow([day, record.loops, record.takeovers, topic, int(opens), round(seconds)])
    return out.getvalue()


def _minutes(seconds: float) -> str:
    return f"{round(seconds)} s" if seconds < 90 else f"{seconds / 60:.1f} min"
