"""Key-to-paint timing inside one process: ``python bench/keys.py PLAN.json RESULT.json``.

The plan names an app (the reader on a guide file, with a mechanism turned off if it names a variant of
``variants.py``, or the screenful App, Textual's floor) and a list of steps, each a key and the text that
shows its effect has been painted. The app runs with :class:`PaintDriver`, which
renders every frame in full and records its time. For each step the key event is posted to the app the
way a terminal driver posts it, then a poller (a coroutine on the app's event loop, waking every 5 ms)
waits until the marker has been painted and no frame has followed for ``quiet`` seconds. It reports:

* ``wall_marker``/``cpu_marker``: key to the first frame showing the marker (first screenful);
* ``wall_settled``/``cpu_settled``: key to the last frame the key caused (everything settled);
* ``max_gap``: the longest time the poller could not run, an upper bound on how long the UI froze.

The first key comes once the app's workers (the reader's search index) are done. Runs in a child
process of the bench so that each app starts fresh and nothing else is in memory.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from paintdriver import Frame, PaintDriver
from textual import events
from textual.app import App
from textual.pilot import Pilot

__all__ = ["Plan", "Step", "StepResult", "main"]

TICK = 0.005
"""How often the poller wakes, in seconds."""


@dataclass
class Step:
    """One key press and the text whose painting shows the key has taken effect."""

    key: str
    marker: str
    measure: bool = True
    """False for warm-up steps and for steps that only return to the starting point."""


@dataclass
class Plan:
    """What to run: ``app`` is ``"guide"`` (with ``content``, a guide file) or ``"screenful"`` (Textual's
    floor for replacing a pane of text, ``screenful_app.py``)."""

    app: str
    initial_marker: str
    steps: list[Step]
    content: str | None = None
    size: tuple[int, int] = (120, 40)
    quiet: float = 0.25
    timeout: float = 120.0
    variant: str = ""
    """A mechanism of the reader's to turn off (a name in ``variants.VARIANTS``), or none."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        """Read a plan written with ``dataclasses.asdict``."""
        steps = [Step(**step) for step in data.pop("steps")]
        size = tuple(data.pop("size", (120, 40)))
        return cls(steps=steps, size=(int(size[0]), int(size[1])), **data)


@dataclass
class StepResult:
    """Timings of one step, in seconds from the moment the key event was posted."""

    key: str
    wall_marker: float | None = None
    cpu_marker: float | None = None
    wall_settled: float | None = None
    cpu_settled: float | None = None
    max_gap: float = 0.0
    frames: int = 0
    errors: list[str] = field(default_factory=list)


def _make_app(plan: Plan) -> App[Any]:
    if plan.app == "screenful":
        from screenful_app import ScreenfulKeyApp

        return ScreenfulKeyApp()
    from variants import apply

    from tui.app import GuideApp
    from tui.guide import load_guide

    assert plan.content is not None, "a guide plan needs a content file"
    apply(plan.variant)
    return GuideApp(load_guide(plan.content))


def _post_key(app: App[Any], key: str) -> None:
    """Post a key event the way a terminal driver does (from outside the message pump)."""
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    driver = app._driver
    assert driver is not None
    driver.send_message(event)


async def _watch(key: str, marker: str, start: int, quiet: float, timeout: float) -> StepResult:
    """Poll until ``marker`` is painted (in a frame from index ``start``) and painting has stopped."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = StepResult(key)
    marker_frame: Frame | None = None
    seen = start
    last_tick = last_activity = t0
    gaps: list[tuple[float, float]] = []
    while True:
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append((last_tick, now - last_tick))
        if now - last_tick > 4 * TICK:  # the loop was busy: work is still going on
            last_activity = now
        last_tick = now
        frames = PaintDriver.frames
        if len(frames) > seen:
            if marker_frame is None:
                marker_frame = next((frame for frame in frames[seen:] if frame.shows(marker)), None)
            seen = len(frames)
            last_activity = now
        if marker_frame is not None and now - last_activity >= quiet:
            break
        if now - t0 > timeout:
            result.errors.append(f"timed out after {timeout:.0f} s waiting for {marker!r}")
            break
    new = PaintDriver.frames[start:]
    result.frames = len(new)
    if marker_frame is not None:
        settled = new[-1]
        result.wall_marker, result.cpu_marker = marker_frame.wall - t0, marker_frame.cpu - c0
        result.wall_settled, result.cpu_settled = settled.wall - t0, settled.cpu - c0
        result.max_gap = max((gap for began, gap in gaps if began < settled.wall), default=0.0)
    return result


async def _step(app: App[Any], step: Step, plan: Plan) -> StepResult:
    start = len(PaintDriver.frames)
    watcher = asyncio.create_task(_watch(step.key, step.marker, start, plan.quiet, plan.timeout))
    await asyncio.sleep(0)  # let the watcher take its start time first
    _post_key(app, step.key)
    return await watcher


def run_plan(plan: Plan) -> dict[str, Any]:
    """Run the plan's app and steps; return the startup check and each measured step."""
    app = _make_app(plan)
    app.driver_class = PaintDriver
    output: dict[str, Any] = {"steps": []}

    async def drive(pilot: Pilot[Any]) -> None:
        first = await _watch("(start)", plan.initial_marker, 0, plan.quiet, plan.timeout)
        output["startup"] = asdict(first)
        # The reader builds its search index in a thread after the first frame (over a second with 10,000
        # topics): the keys are timed after it, as what they cost, not what they share the CPU with.
        await pilot.app.workers.wait_for_complete()
        await asyncio.sleep(plan.quiet)
        if not first.errors:
            for step in plan.steps:
                result = await _step(pilot.app, step, plan)
                if step.measure or result.errors:
                    output["steps"].append(asdict(result))
                if result.errors:
                    break
        pilot.app.exit()

    app.run(headless=False, size=plan.size, auto_pilot=drive)
    return output


def main(argv: list[str]) -> int:
    """``keys.py PLAN.json RESULT.json``."""
    plan_path, result_path = argv
    plan = Plan.from_json(json.loads(Path(plan_path).read_text(encoding="utf-8")))
    output = run_plan(plan)
    Path(result_path).write_text(json.dumps(output, indent=1), encoding="utf-8")
    failed = output.get("startup", {}).get("errors") or any(step["errors"] for step in output["steps"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
