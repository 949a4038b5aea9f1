"""The benchmark suite works: a ``--quick`` run produces every figure and every mechanism's effect. No
timing is asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIGURES = [
    "startup.cold",
    "startup.kept",
    "startup.peak_rss",
    "switch.small",
    "switch.big",
    "switch.freeze",
    "large.first_paint",
    "large.cpu_per_key",
    "large.search_typing",
    "load.guide",
]
"""The figures of issue #15's table (and #16's search), in its order."""
MECHANISMS = {
    "guide cache",
    "threaded load",
    "plain first frame",
    "GC pause at start-up",
    "GC freeze",
    "block cutter",
}


def test_quick_bench_produces_every_figure(tmp_path: Path) -> None:
    docs = REPO / "docs" / "performance.md"
    before = docs.stat().st_mtime_ns if docs.exists() else None
    command = [sys.executable, "bench/run.py", "--quick", "--runs", "1", "--out", str(tmp_path)]
    # A guard against a hang, not a timing assertion: the quick run takes about a minute.
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=400, check=False)
    assert done.returncode == 0, done.stderr[-3000:]

    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [figure["id"] for figure in results["figures"]] == FIGURES
    for figure in results["figures"] + results["supporting"]:
        assert figure["measured"] > 0 and figure["samples"], figure
    for figure in results["figures"]:
        assert figure["met"] in (True, False), figure
    assert {effect["mechanism"] for effect in results["mechanisms"]} == MECHANISMS
    for effect in results["mechanisms"]:
        assert effect["value_with"] > 0 and effect["value_without"] > 0, effect
    assert results["context"]["machine"]["cpus"] >= 1

    report = (tmp_path / "performance.md").read_text(encoding="utf-8")
    for figure in results["figures"]:
        assert figure["label"] in report
    for heading in ("### Results", "### What each mechanism buys", "### Machine", "### Method"):
        assert heading in report
    assert (docs.stat().st_mtime_ns if docs.exists() else None) == before, "the quick run wrote the docs"
