"""A Textual driver that renders every frame like a terminal driver would, then records when it was painted.

Textual's own headless driver skips the last step of painting (turning the screen into terminal
sequences), so it would flatter the app. :class:`PaintDriver` says it is *not* headless: the app renders
each frame in full and writes it here; the driver drops the bytes but notes, for each frame, the wall
clock, the process CPU time and the visible text.

It works in two modes:

* **Child mode**, for whole-process timing: select it with ``TEXTUAL_DRIVER=paintdriver:PaintDriver``
  (with this folder on ``PYTHONPATH``) and set ``BENCH_PAINT_OUT`` to a file. At the first frame whose
  text (whitespace removed) contains ``BENCH_PAINT_MARKER``, it writes a JSON record (times and peak RSS)
  to that file and ends the process at once with ``os._exit(0)``: the process lives exactly until first
  paint.
* **In-process mode**, for key-to-paint timing: set ``app.driver_class = PaintDriver`` and read
  :attr:`PaintDriver.frames`.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.drivers.headless_driver import HeadlessDriver

__all__ = ["Frame", "PaintDriver", "peak_rss", "visible_text"]

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_SPACE = re.compile(r"\s+")


def visible_text(data: str) -> str:
    """The characters a frame puts on screen, without escape sequences or whitespace."""
    return _SPACE.sub("", _ESCAPES.sub("", data))


def peak_rss() -> int | None:
    """This process's peak resident set size in bytes (``VmHWM``), or ``None`` where Linux's /proc is absent.

    Unlike ``ru_maxrss`` of a child, it is not inflated by the parent: after ``fork``, the child's high-water
    mark starts from the parent's size, and ``exec`` keeps it in ``ru_maxrss`` but not in ``VmHWM``.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


@dataclass
class Frame:
    """One painted frame: when it was flushed and what it showed (raw terminal sequences)."""

    wall: float
    """``time.perf_counter()`` when the frame was flushed."""
    cpu: float
    """``time.process_time()`` when the frame was flushed."""
    data: str

    def shows(self, marker: str) -> bool:
        """Whether the frame's visible text contains ``marker`` (whitespace in it is ignored)."""
        return visible_text(marker) in visible_text(self.data)


class PaintDriver(HeadlessDriver):
    """Headless input, full output rendering, one :class:`Frame` per flush."""

    frames: ClassVar[list[Frame]] = []
    """Frames painted in this process (in-process mode)."""

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        self._chunks: list[str] = []
        self._out = os.environ.get("BENCH_PAINT_OUT")
        self._marker = visible_text(os.environ.get("BENCH_PAINT_MARKER", ""))
        self._first: float | None = None
        self._count = 0
        self._last = ""
        if self._out:
            timeout = float(os.environ.get("BENCH_PAINT_TIMEOUT", "120"))
            timer = threading.Timer(timeout, self._give_up)
            timer.daemon = True
            timer.start()

    @property
    def is_headless(self) -> bool:
        """Not headless, so that the app renders every frame to terminal sequences."""
        return False

    def write(self, data: str) -> None:
        """Keep the frame's text until :meth:`flush`."""
        self._chunks.append(data)

    def flush(self) -> None:
        """A frame is complete: record it, and in child mode end the process once the marker is seen."""
        if not self._chunks:
            return
        wall, cpu, now = time.perf_counter(), time.process_time(), time.monotonic()
        data = "".join(self._chunks)
        self._chunks.clear()
        if not self._out:
            PaintDriver.frames.append(Frame(wall, cpu, data))
            return
        self._count += 1
        if self._first is None:
            self._first = now
        self._last = visible_text(data)
        if self._marker in self._last:
            self._finish({"first_frame": self._first, "marker_frame": now, "frames": self._count}, 0)

    def _finish(self, record: dict[str, Any], code: int) -> None:
        assert self._out is not None
        record["peak_rss"] = peak_rss()
        with open(self._out, "w", encoding="utf-8") as file:
            json.dump(record, file)
        os._exit(code)

    def _give_up(self) -> None:
        error = f"{self._marker!r} was never painted; the last frame showed {self._last[:400]!r}"
        self._finish({"error": error, "frames": self._count}, 3)
