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


def test_a_rerun_replaces_only_the_generated_parts(tmp_path: Path) -> None:
    """The hand-written text before, between and after the two generated parts survives a re-run."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from report import BEGIN, END, METHOD_BEGIN, METHOD_END, write_markdown
    finally:
        sys.path.remove(str(REPO / "bench"))

    def doc_with(tables: str, method: str) -> str:
        return (
            f"# Title\n\nintro\n\n{BEGIN}\n{tables}\n{END}\n\nanalysis\n\n"
            f"{METHOD_BEGIN}\n{method}\n{METHOD_END}\n\nsoak\n"
        )

    doc = tmp_path / "performance.md"
    doc.write_text(doc_with("old tables", "old method"), encoding="utf-8")
    write_markdown(doc, [f"{BEGIN}\nnew tables\n{END}", f"{METHOD_BEGIN}\nnew method\n{METHOD_END}"])
    assert doc.read_text(encoding="utf-8") == doc_with("new tables", "new method")

    fresh = tmp_path / "new.md"
    write_markdown(fresh, [f"{BEGIN}\ntables\n{END}", f"{METHOD_BEGIN}\nmethod\n{METHOD_END}"])
    text = fresh.read_text(encoding="utf-8")
    assert text.startswith("# Performance") and text.index("tables") < text.index("method")
