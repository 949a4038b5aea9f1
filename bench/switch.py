"""Key to paint: topic switches in the reader, cold, and Textual's floor for showing a pane of text.

Every timed key goes to a topic the reader has never shown, so nothing of it is laid out or built before
the key: the reader runs on a guide whose topics take turns, a small one (about 1 KB) and one of the size
under test, and ``down`` in the topic list goes from a small one to the next big one (timed), then on to
the next small one (not timed). The floor is ``screenful_app.py``, whose key shows a pane of text laid
out in advance. Apps take turns, one process each, ``rounds`` times. See ``keys.py`` for what is timed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import SIZE, log, median, run_keys
from gen import TopicSpec, marker, write_guide
from screenful_app import FIRST_TEXT, pressed_text

__all__ = [
    "KeySamples",
    "Keys",
    "floor_keys",
    "list_keys",
    "page_markers",
    "revisit_keys",
    "switch_keys",
    "take_turns",
    "walk_keys",
]


@dataclass
class KeySamples:
    """Timed keys (seconds from the key event), in the order they were pressed."""

    wall_marker: list[float] = field(default_factory=list)
    """To the first frame that shows the new text: the first screenful."""
    cpu_marker: list[float] = field(default_factory=list)
    cpu_settled: list[float] = field(default_factory=list)
    """CPU time of the process to the last frame the key caused."""
    max_gap: list[float] = field(default_factory=list)
    """The longest time the event loop was held, until that last frame."""

    processes: int = 0
    """How many runs of ``keys.py`` the samples come from (each times the same keys)."""

    def add(self, output: dict[str, Any]) -> None:
        """Add the measured steps of a ``keys.py`` result."""
        for step in output["steps"]:
            for name in ("wall_marker", "cpu_marker", "cpu_settled", "max_gap"):
                getattr(self, name).append(float(step[name]))
        self.processes += 1

    def per_key(self) -> list[float]:
        """Key to first screenful of each key of a run, the median over the runs."""
        keys = len(self.wall_marker) // max(1, self.processes)
        return [median(self.wall_marker[key::keys]) for key in range(keys)]


@dataclass(frozen=True)
class Keys:
    """A run of ``keys.py`` to repeat: its plan, less the steps, and how to make the steps."""

    label: str
    plan: dict[str, Any]
    steps: list[dict[str, Any]]


def floor_keys(count: int) -> Keys:
    """``count`` keys of the screenful App (after one warm-up key): each shows a new pane."""
    steps = [{"key": "down", "marker": pressed_text(n), "measure": n > 1} for n in range(1, count + 2)]
    return Keys("floor", {"app": "screenful", "initial_marker": FIRST_TEXT}, steps)


def switch_guide(directory: Path, body_bytes: int, count: int, section_bytes: int = 2000) -> Path:
    """A guide of ``count`` topics of about ``body_bytes`` (in sections of about ``section_bytes``), each
    after a small one."""
    topics = [TopicSpec(i, body_bytes if i % 2 else 700) for i in range(2 * count + 1)]
    name = f"switch-{body_bytes}-{section_bytes}-{count}.yaml"
    return write_guide(directory / name, topics, section_bytes=section_bytes)


def switch_keys(label: str, guide: Path, count: int, variant: str = "") -> Keys:
    """``down`` through a :func:`switch_guide` of ``count + 1`` big topics: the first switch to a big topic
    warms up, the next ``count`` are timed."""
    steps = [
        {"key": "down", "marker": marker(n), "measure": n > 1 and n % 2 == 1} for n in range(1, 2 * count + 2)
    ]
    return Keys(label, _guide_plan(guide, marker(0), variant), steps)


def revisit_keys(label: str, guide: Path, count: int) -> Keys:
    """``down`` from the first topic of a :func:`switch_guide` to its first big topic (timed) and ``up``
    back, ``count`` times after a warm-up: each switch goes to a topic shown before (not cold)."""
    steps = [
        {"key": key, "marker": marker(topic), "measure": key == "down" and n > 0}
        for n in range(count + 1)
        for key, topic in (("down", 1), ("up", 0))
    ]
    return Keys(label, _guide_plan(guide, marker(0), ""), steps)


def list_keys(label: str, guide: Path, count: int, *, start: int = 0, variant: str = "") -> Keys:
    """``down`` in the topic list of a generated guide, ``count`` times after ``start`` keys from the top
    and a warm-up key: each shows the next topic."""
    steps = [
        {"key": "down", "marker": marker(n), "measure": n > start + 1} for n in range(1, start + count + 2)
    ]
    return Keys(label, _guide_plan(guide, marker(0), variant), steps)


def walk_keys(label: str, guide: Path, markers: list[str], variant: str = "") -> Keys:
    """``down`` through every page of ``guide``, whose pages ``markers`` show; all but the first key timed."""
    steps = [{"key": "down", "marker": text, "measure": n > 1} for n, text in enumerate(markers[1:], 1)]
    return Keys(label, _guide_plan(guide, markers[0], variant), steps)


def page_markers(guide: Path) -> list[str]:
    """For each page of ``guide``, a few words that only its text shows: the first words of the line
    below its title."""
    from tui.guide import load_guide
    from tui.pages import build_pages
    from tui.words.plain import plain_text

    markers = []
    for page in build_pages(load_guide(guide)):
        lines = [line for line in page.markdown.split("\n")[1:] if line.strip()]
        markers.append(" ".join(plain_text(lines[0]).split()[:4]))
    return markers


def take_turns(runs: list[Keys], rounds: int) -> dict[str, KeySamples]:
    """Run each of ``runs`` in a fresh process, taking turns, ``rounds`` times; the samples by label."""
    samples = {keys.label: KeySamples() for keys in runs}
    for number in range(rounds):
        for keys in runs:
            timed = sum(1 for step in keys.steps if step["measure"])
            log(f"keys, round {number + 1}/{rounds}: {keys.label}, {timed} timed keys")
            samples[keys.label].add(run_keys({**keys.plan, "steps": keys.steps, "size": SIZE}))
    return samples


def _guide_plan(guide: Path, first: str, variant: str) -> dict[str, Any]:
    return {"app": "guide", "content": str(guide), "initial_marker": first, "variant": variant}
