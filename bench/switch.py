"""Figure 2, topic switch: key press to paint in the reader, against the same for a trivial App.

The reader runs on a generated guide whose topic 1 is the topic under test and topic 0 a small one (about
1 KB). With the topic list focused, ``down`` moves to the topic under test (the list shows each topic at
once), which is timed; ``up`` goes back and is not timed. The trivial App's ``down`` updates its Static.
See ``keys.py`` for what exactly is timed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import SIZE, log, run_keys
from gen import TopicSpec, marker, write_guide
from minimal_app import MINIMAL_TEXT, pressed_text

__all__ = ["KeySamples", "measure_guide_keys", "measure_switch", "measure_trivial", "switch_guide"]


@dataclass
class KeySamples:
    """Timed steps of one run of ``keys.py`` (seconds from the key event)."""

    wall_marker: list[float] = field(default_factory=list)
    cpu_marker: list[float] = field(default_factory=list)
    wall_settled: list[float] = field(default_factory=list)
    cpu_settled: list[float] = field(default_factory=list)
    max_gap: list[float] = field(default_factory=list)

    @classmethod
    def from_output(cls, output: dict[str, Any]) -> KeySamples:
        """Collect the measured steps of a ``keys.py`` result."""
        samples = cls()
        for step in output["steps"]:
            for name in ("wall_marker", "cpu_marker", "wall_settled", "cpu_settled", "max_gap"):
                getattr(samples, name).append(float(step[name]))
        return samples


def switch_guide(directory: Path, body_bytes: int, section_bytes: int = 2000) -> Path:
    """A guide whose topic 0 is small and topic 1 has a body of about ``body_bytes``, in sections of about
    ``section_bytes``."""
    name = f"switch-{body_bytes}-{section_bytes}.yaml"
    topics = [TopicSpec(0, 700), TopicSpec(1, body_bytes), TopicSpec(2, 700)]
    return write_guide(directory / name, topics, section_bytes=section_bytes)


def measure_trivial(runs: int, app: str = "trivial") -> KeySamples:
    """Key to paint of the trivial App (``down`` updates its Static), or of the screenful App (``down``
    replaces a pane of text laid out in advance). One warm-up press first."""
    steps = [{"key": "down", "marker": pressed_text(n), "measure": n > 1} for n in range(1, runs + 2)]
    plan = {"app": app, "initial_marker": MINIMAL_TEXT, "steps": steps, "size": SIZE}
    log(f"{app} App: {runs} key presses")
    return KeySamples.from_output(run_keys(plan))


def measure_guide_keys(
    content: Path, steps: list[dict[str, Any]], label: str, *, cold: bool = False
) -> KeySamples:
    """Run the reader on ``content`` through ``steps`` (dicts of :class:`keys.Step`); ``cold``: with
    nothing laid out ahead (see :class:`keys.Plan`)."""
    plan = {
        "app": "guide",
        "content": str(content),
        "initial_marker": marker(0),
        "steps": steps,
        "size": SIZE,
        "cold": cold,
    }
    log(f"{label}: {sum(1 for step in steps if step['measure'])} timed key presses")
    return KeySamples.from_output(run_keys(plan))


def measure_switch(content: Path, runs: int, label: str, *, cold: bool = False) -> KeySamples:
    """``down`` to topic 1 (timed) and ``up`` back to topic 0, ``runs`` times after one warm-up."""
    steps: list[dict[str, Any]] = []
    for number in range(runs + 1):
        steps.append({"key": "down", "marker": marker(1), "measure": number > 0})
        steps.append({"key": "up", "marker": marker(0), "measure": False})
    return measure_guide_keys(content, steps, label, cold=cold)
