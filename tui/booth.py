"""The booth's records: its heartbeat and the record of the day, fed by the show as things happen.

The show tells :class:`BoothRecords` what happened (a loop played, a visitor took over, a topic was
opened, the visitor left); this keeps the counts and the times, and writes them through
:mod:`tui.store.heartbeat` and :mod:`tui.store.daylog`. No Textual imports.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tui.store.daylog import DayLog
from tui.store.heartbeat import Beat, Heartbeat

__all__ = ["BoothRecords"]


class BoothRecords:
    """Heartbeat and day log in ``directory`` (the user state directory)."""

    def __init__(self, directory: Path) -> None:
        self.heartbeat = Heartbeat(directory)
        self.days = DayLog(directory)
        self.loops = 0
        self.last_visitor: float | None = None
        """When the last visitor took over (epoch seconds)."""
        self.flushed = False
        """Whether the day's file has been written in this run (a run stopped before then leaves none)."""
        self._topic: tuple[str, float] | None = None  # the topic a visitor reads, and since when (monotonic)

    def loop(self, state: str) -> None:
        """Every topic has played once more: count it, and write the heartbeat and the day."""
        self.loops += 1
        self.days.loop()
        self.beat(state)
        self.flush()

    def takeover(self) -> None:
        self.last_visitor = time.time()
        self.days.takeover()

    def opened(self, topic_id: str, now: float) -> None:
        """A visitor's reader shows ``topic_id`` from ``now`` (monotonic seconds)."""
        if self._topic is not None and self._topic[0] == topic_id:
            return
        self.left(now)
        self._topic = (topic_id, now)
        self.days.topic(topic_id, 0.0)

    def left(self, last_input: float) -> None:
        """The visitor left the topic they were reading; their time on it ends at ``last_input``."""
        if self._topic is not None:
            topic_id, since = self._topic
            self.days.topic(topic_id, max(0.0, last_input - since), opened=False)
            self._topic = None

    def beat(self, state: str) -> None:
        self.heartbeat.write(Beat(os.getpid(), state, self.loops, self.last_visitor, time.time()))

    def flush(self) -> None:
        self.flushed = self.days.flush() or self.flushed

    def close(self) -> None:
        """The show ends: add what is pending (if the day's file was written before) and stop the beat."""
        if self.flushed:
            self.days.flush()
        self.heartbeat.clear()
