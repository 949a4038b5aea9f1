"""The benchmark suite works: a ``--quick`` run produces every figure. No timing is asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIGURES = {
    "startup.first_paint",
    "startup.peak_rss",
    "switch.typical.wall",
    "switch.typical.cpu",
    "switch.typical.wall_absolute",
    "switch.big.wall",
    "switch.big.cpu",
    "switch.big.freeze",
    "large.first_paint",
    "large.cpu_per_key",
    "large.search",
    "large.search_typing",
    "load.guide",
}


def test_quick_bench_produces_every_figure(tmp_path: Path) -> None:
    docs = REPO / "docs" / "performance.md"
    before = docs.stat().st_mtime_ns if docs.exists() else None
    command = [sys.executable, "bench/run.py", "--quick", "--runs", "1", "--out", str(tmp_path)]
    # A guard against a hang, not a timing assertion: the quick run takes about 15 s.
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]

    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    figures = {figure["id"]: figure for figure in results["figures"]}
    assert set(figures) == FIGURES
    for name, figure in figures.items():
        if name == "large.search" and figure["measured"] is None:
            assert figure["note"].startswith("n/a"), figure
            continue
        assert figure["measured"] is not None and figure["measured"] > 0, figure
        assert figure["samples"], figure
        if figure["limit"] is not None:
            assert figure["met"] in (True, False), figure
    assert results["context"]["machine"]["cpus"] >= 1

    report = (tmp_path / "performance.md").read_text(encoding="utf-8")
    for figure in figures.values():
        assert figure["label"] in report
    assert "### Method" in report and "### Machine" in report
    assert (docs.stat().st_mtime_ns if docs.exists() else None) == before, "the quick run wrote the docs"
