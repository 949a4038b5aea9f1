"""The booth's sign of life: a small status file in the state directory, and what ``status`` says of it.

The show rewrites ``booth.json`` at the end of each loop and every :data:`BEAT_SECONDS` seconds, and
removes it when it ends. ``ketamine-tui status`` reads it: "playing, loop 37, last visitor 2 min ago",
or "not running". It holds no visitor's data: a state word, counts and times. No Textual imports.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from tui.store.files import read_regular_file, write_atomically

__all__ = ["BEAT_SECONDS", "Beat", "Heartbeat", "describe"]

BEAT_SECONDS = 30.0
"""How often a running show rewrites its heartbeat, at the least."""
_STALE = 3 * BEAT_SECONDS


@dataclass(frozen=True)
class Beat:
    """What the show was doing when it last wrote: a state word, the loop, and times (epoch seconds)."""

    pid: int
    state: str
    """``attract``, ``playing``, ``paused``, ``visitor`` or ``closed`` (outside opening hours)."""
    loop: int
    last_visitor: float | None
    written: float


class Heartbeat:
    """Writes and reads ``booth.json`` in ``directory``. A failed write is ignored: the show goes on."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "booth.json"

    def write(self, beat: Beat) -> bool:
        """Write ``beat``; False if it could not be written."""
        try:
            write_atomically(self.path, json.dumps(asdict(beat)).encode(), prefix=".booth-")
        except OSError:
            return False
        return True

    def read(self) -> Beat | None:
        """The last beat written, or None if there is none or it is damaged."""
        try:
            data = json.loads(read_regular_file(self.path, 4096))
            beat = Beat(**data)
        except (OSError, ValueError, TypeError):
            return None
        fields = (beat.pid, beat.loop, beat.written)
        if not all(isinstance(n, int | float) for n in fields) or not isinstance(beat.state, str):
            return None
        return beat

    def clear(self) -> None:
        """Remove the heartbeat, if this process wrote it."""
        beat = self.read()
        if beat is not None and beat.pid == os.getpid():
            self.path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _ago(seconds: float) -> str:
    if seconds < 90:
        return f"{max(0, round(seconds))} s ago"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min ago"
    return f"{round(seconds / 3600)} h ago"


def describe(beat: Beat | None, now: float | None = None) -> tuple[bool, str]:
    """Whether the show is running, and one line saying what it does (for ``ketamine-tui status``)."""
    now = time.time() if now is None else now
    if beat is None:
        return False, "not running"
    if not _alive(beat.pid):
        return False, f"not running (it stopped without clearing its heartbeat {_ago(now - beat.written)})"
    if now - beat.written > _STALE:
        return False, f"not responding: its last heartbeat was {_ago(now - beat.written)}"
    visitor = (
        "no visitor yet" if beat.last_visitor is None else f"last visitor {_ago(now - beat.last_visitor)}"
    )
    return True, f"{beat.state}, loop {beat.loop}, {visitor}"
