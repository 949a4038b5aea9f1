"""Shared pieces of the bench: paths, child processes, statistics and the shape of a figure."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "BENCH",
    "REPO",
    "SIZE",
    "TIMES",
    "ChildRun",
    "Effect",
    "Figure",
    "child_env",
    "log",
    "median",
    "run_child",
    "run_keys",
]

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TIMES = "\u00d7"
"""The multiplication sign, for ratios in the report."""
SIZE = (120, 40)
"""Terminal size, in columns and lines, for every app the bench runs."""


def log(message: str) -> None:
    """Progress, on standard error."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    """The median; the bench reports medians only."""
    return float(statistics.median(values))


@dataclass
class Figure:
    """One row of the results table: a median, its baseline and its target. Times are in seconds, sizes in
    bytes."""

    id: str
    label: str
    unit: str
    """``"s"`` or ``"bytes"``: how ``measured`` and ``baseline`` are shown."""
    measured: float
    baseline: float | None = None
    baseline_label: str = ""
    target: str = ""
    """The target in words, such as ``"≤ 10 ms"``."""
    max_ratio: float | None = None
    """The most ``measured`` may be, as a multiple of ``baseline``."""
    max_value: float | None = None
    """The most ``measured`` may be, in ``unit``."""
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    count: str = ""
    """What the samples are, when they are not runs (such as ``"7 queries"``); shown instead of ``n=``."""

    @property
    def ratio(self) -> float | None:
        """Measured over baseline, when there is a baseline."""
        return self.measured / self.baseline if self.baseline else None

    @property
    def met(self) -> bool | None:
        """Whether every limit of the target holds; ``None`` when there is none."""
        checks = []
        if self.max_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.max_ratio)
        if self.max_value is not None:
            checks.append(self.measured <= self.max_value)
        return all(checks) if checks else None

    def to_json(self) -> dict[str, Any]:
        """The figure with its derived ratio and verdict, for ``results.json``."""
        data = self.__dict__.copy()
        data.update(ratio=self.ratio, met=self.met)
        return data


@dataclass
class Effect:
    """What a mechanism buys: one measure with the mechanism and without it, taken in alternation."""

    mechanism: str
    measure: str
    guide: str
    with_it: list[float]
    """Seconds, with the mechanism."""
    without: list[float]
    statistic: str = "median"
    """How the samples become one value: ``"median"``, or ``"max"`` for the longest freeze."""

    def value(self, samples: list[float]) -> float:
        """The samples as one number."""
        return max(samples) if self.statistic == "max" else median(samples)

    def to_json(self) -> dict[str, Any]:
        """The effect with both values, for ``results.json``."""
        data = self.__dict__.copy()
        data.update(value_with=self.value(self.with_it), value_without=self.value(self.without))
        return data


_HOME: str | None = None


def _private_home() -> str:
    """A folder for the children's XDG state, cache and config, shared by one run of the bench."""
    global _HOME
    if _HOME is None:
        _HOME = tempfile.mkdtemp(prefix="bench-xdg-")
        atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
    return _HOME


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child: this one, a fixed terminal size and colour, and the bench on the path.

    The XDG folders point into a private folder, so the reader neither resumes where the user left off
    nor writes the user's state; caches, if the app keeps any, stay warm across the runs of one bench.
    Bytecode is cached there too (``PYTHONPYCACHEPREFIX``), even where ``PYTHONDONTWRITEBYTECODE`` is
    set: otherwise an editable install compiles every module of ``tui`` at each start, which a user's
    installed copy does not.
    """
    skip = ("TEXTUAL_", "BENCH_", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {key: value for key, value in os.environ.items() if not key.startswith(skip)}
    home = _private_home()
    for name in ("STATE", "CACHE", "CONFIG", "DATA"):
        env[f"XDG_{name}_HOME"] = os.path.join(home, name.lower())
    # Compiled bytecode, as an installed wheel has it, without writing into the source tree.
    env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
    env.update(
        PYTHONPATH=str(BENCH),
        COLUMNS=str(SIZE[0]),
        LINES=str(SIZE[1]),
        TERM="xterm-256color",
        COLORTERM="truecolor",
    )
    env.update(extra)
    return env


@dataclass
class ChildRun:
    """One whole-process run until first paint."""

    wall: float
    """Seconds from spawning the process until it ended (it ends at the marker's first paint)."""
    first_frame: float | None
    """Seconds from spawning to the first frame of any kind, as the child saw it."""
    marker_frame: float | None
    """Seconds from spawning to the frame showing the marker, as the child saw it."""
    cpu: float
    """User plus system CPU seconds of the process (``os.wait4``): steadier than wall time when busy."""
    max_rss: int
    """Peak resident set size of the process, in bytes: ``VmHWM`` as the child saw it at first paint
    (``ru_maxrss`` from ``os.wait4`` only where there is no /proc: it counts the parent's size at fork)."""
    error: str = ""


def run_child(argv: Sequence[str], marker: str, *, timeout: float = 180.0) -> ChildRun:
    """Start ``argv`` with :class:`PaintDriver` as its driver; time it until it paints ``marker``."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out, err = Path(tmp) / "paint.json", Path(tmp) / "stderr.txt"
        env = child_env(
            TEXTUAL_DRIVER="paintdriver:PaintDriver",
            BENCH_PAINT_OUT=str(out),
            BENCH_PAINT_MARKER=marker,
            BENCH_PAINT_TIMEOUT=str(timeout),
        )
        with open(err, "wb") as stderr:
            spawned = time.monotonic()
            start = time.perf_counter()
            process = subprocess.Popen(
                list(argv), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
            )
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        record: dict[str, Any] = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        error = ""
        if process.returncode != 0 or "marker_frame" not in record:
            tail = err.read_text(encoding="utf-8", errors="replace")[-2000:]
            error = record.get("error") or f"exit code {process.returncode}: {tail.strip()}"
        first, marked = record.get("first_frame"), record.get("marker_frame")
        return ChildRun(
            wall=wall,
            first_frame=None if first is None else first - spawned,
            marker_frame=None if marked is None else marked - spawned,
            cpu=usage.ru_utime + usage.ru_stime,
            max_rss=int(record.get("peak_rss") or usage.ru_maxrss * 1024),  # ru_maxrss is in KiB on Linux
            error=error,
        )


def run_keys(plan: dict[str, Any], *, timeout: float = 900.0) -> dict[str, Any]:
    """Run ``keys.py`` on a plan in a fresh process; return its JSON output (raises if it failed)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        plan_path, out = Path(tmp) / "plan.json", Path(tmp) / "result.json"
        plan_path.write_text(json.dumps(plan), encoding="utf-8")
        command = [sys.executable, str(BENCH / "keys.py"), str(plan_path), str(out)]
        done = subprocess.run(
            command, env=child_env(), capture_output=True, text=True, timeout=timeout, check=False
        )
        if not out.exists():
            raise RuntimeError(f"keys.py failed ({done.returncode}): {done.stderr[-2000:]}")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        if done.returncode != 0:
            raise RuntimeError(f"keys.py reported errors: {json.dumps(result)[-2000:]}")
        return result
