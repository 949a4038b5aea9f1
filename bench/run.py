"""Run the whole benchmark suite and write ``docs/performance.md`` and ``bench/results.json``.

Usage: ``.venv/bin/python bench/run.py [--quick] [--runs N] [--out DIR]``

``--quick`` uses small guides and, unless ``--runs`` says otherwise, one run per figure: it checks that
the bench works, and its numbers mean little. ``--out DIR`` writes both files into DIR instead.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import search_speed
import startup
import switch
from common import BENCH, REPO, SIZE, Effect, Figure, child_env, log
from figures import ORDER, STARTUP_VARIANTS, key_figures, load_figure, search_figure, startup_figures
from gen import guide_of_size, large_guide
from report import render, render_method, summary, write_json, write_markdown

from tui.guide import default_guide_path

__all__ = ["Sizes", "main"]


@dataclass(frozen=True)
class Sizes:
    """How big the generated guides are."""

    small_topic: int
    """Body bytes of the "5 KB" topic (its page comes out at about 5 KB)."""
    big_topic: int
    large_topics: int
    load_bytes: int


FULL = Sizes(small_topic=4_300, big_topic=98_500, large_topics=10_000, load_bytes=10_000_000)
QUICK = Sizes(small_topic=4_300, big_topic=20_000, large_topics=200, load_bytes=300_000)

SCROLLED = 24
"""Keys down the 10,000-topic list before the scrolling keys are timed: the list has scrolled by then."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small guides, one run: checks the bench works")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5; 1 with --quick)")
    parser.add_argument("--out", type=Path, help="write performance.md and results.json here")
    return parser


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1000:.0f} KB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


def _measure_startup(shipped: Path, large: Path, runs: int) -> dict[str, list[startup.ChildRun]]:
    """Every start-up, in turns: the figures' (console script) and each variant's (``variants.py``)."""
    first, large_first = switch.page_markers(shipped)[0], switch.page_markers(large)[0]
    starts = [
        startup.MINIMAL,
        startup.Start("cold", [*startup.app_command(), "--no-state"], first),
        startup.Start("kept", startup.app_command(), first),
        startup.Start("large", startup.app_command(large), large_first),
    ]
    for guide, content, marker in (("shipped", None, first), ("large", large, large_first)):
        for variant in ("none", *STARTUP_VARIANTS.values()):
            command = startup.variant_command(variant, content)
            starts.append(startup.Start(f"{guide}, {variant}, hit", command, marker))
            starts.append(startup.Start(f"{guide}, {variant}, cold", [*command, "--no-state"], marker))
    return startup.measure(starts, runs)


def _measure_keys(
    sizes: Sizes, runs: int, quick: bool, workdir: Path, large: Path
) -> dict[str, switch.KeySamples]:
    """Every key-to-paint run, in turns: the floor, the switches, the large guide's list, the shipped
    guide's pages, each with and without the mechanisms they test."""
    rounds = 1 if quick else 3
    count = math.ceil(runs / rounds)
    shipped = default_guide_path()
    one_section = switch.switch_guide(workdir, sizes.big_topic, count + 1, section_bytes=sizes.big_topic)
    markers = switch.page_markers(shipped)[: 4 if quick else None]  # --quick: the first pages
    small = switch.switch_guide(workdir, sizes.small_topic, count + 1)
    plans = [
        switch.floor_keys(count),
        switch.switch_keys("5 KB", small, count),
        switch.revisit_keys("5 KB, shown before", small, count),
        switch.switch_keys("100 KB", switch.switch_guide(workdir, sizes.big_topic, count + 1), count),
        switch.switch_keys("one section", one_section, count),
        switch.switch_keys("one section, no cutter", one_section, count, "no cutter"),
        switch.list_keys("large", large, count),
        switch.list_keys("large, no freeze", large, count, variant="no freeze"),
        switch.list_keys("large, scrolling", large, count, start=SCROLLED),
        switch.walk_keys("shipped", shipped, markers),
        switch.walk_keys("shipped, no freeze", shipped, markers, "no freeze"),
        switch.walk_keys("shipped, no cutter", shipped, markers, "no cutter"),
    ]
    return switch.take_turns(plans, rounds)


def _machine() -> dict[str, Any]:
    import textual
    import yaml

    info = startup.check_interpreter()
    model, memory = "unknown CPU", "unknown memory"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        model = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line)
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
        memory = f"{int(meminfo[meminfo.index('MemTotal:') + 1]) / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    try:  # read-only
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "textual": textual.__version__,
        "pyyaml": f"{yaml.__version__} ({'with' if yaml.__with_libyaml__ else 'without'} libyaml)",
        "commit": commit,
        "shebang": info.shebang,
        "interpreter": info.resolved,
        "is_shim": info.is_shim,
    }


def _measure_load(guide: Path, runs: int) -> dict[str, list[float]]:
    log(f"load: {_size(guide)} guide, {runs} runs")
    command = [sys.executable, str(BENCH / "load.py"), str(guide), str(runs)]
    done = subprocess.run(command, env=child_env(), capture_output=True, text=True, check=True)
    measured: dict[str, list[float]] = json.loads(done.stdout)
    return measured


def main(argv: list[str] | None = None) -> int:
    """Run every figure, print the table, write the two result files."""
    args = _parser().parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    if runs < 1 or (not args.quick and runs < 5):
        _parser().error("--runs must be at least 5 (or use --quick)")
    sizes = QUICK if args.quick else FULL
    out_md = (args.out / "performance.md") if args.out else REPO / "docs" / "performance.md"
    out_json = (args.out / "results.json") if args.out else BENCH / "results.json"
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    figures: list[Figure]
    effects: list[Effect]
    with tempfile.TemporaryDirectory(prefix="bench-guides-") as tmp:
        workdir = Path(tmp)
        large = large_guide(workdir, sizes.large_topics)
        load_guide = guide_of_size(workdir / "load.yaml", sizes.load_bytes)
        starts = _measure_startup(default_guide_path(), large, runs)
        keys = _measure_keys(sizes, runs, args.quick, workdir, large)
        typing = search_speed.measure(large, runs)
        load = _measure_load(load_guide, runs)
        figures, supporting, effects = startup_figures(starts, f"{sizes.large_topics:,}")
        more, more_supporting, more_effects = key_figures(keys, f"{sizes.large_topics:,}")
        figures += more
        supporting += more_supporting
        effects += more_effects
        figures += [
            search_figure(typing, runs, f"{sizes.large_topics:,}"),
            load_figure(load, _size(load_guide)),
        ]
        figures.sort(key=lambda figure: ORDER.index(figure.id))
        guides = (
            f"shipped `content.yaml` ({_size(default_guide_path())}); {sizes.large_topics:,} topics in "
            f"{_size(large)}; switches from about 1 KB topics to {sizes.small_topic / 1000:.1f} KB and "
            f"{sizes.big_topic / 1000:.1f} KB bodies; load {_size(load_guide)}"
        )
    command = (
        "bench/run.py" + (" --quick" if args.quick else "") + (f" --runs {args.runs}" if args.runs else "")
    )
    context = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": f".venv/bin/python {command}",
        "quick": args.quick,
        "runs": runs,
        "seconds": round(time.perf_counter() - started, 1),
        "load_average": f"{load_before:.2f} and {os.getloadavg()[0]:.2f}",
        "machine": _machine(),
        "guides": guides,
        "columns": SIZE[0],
        "lines": SIZE[1],
        "large_topics": sizes.large_topics,
        "scrolled": SCROLLED,
    }
    out_md.parent.mkdir(parents=True, exist_ok=True)
    write_markdown(out_md, [render(figures, supporting, effects, context), render_method(context)])
    write_json(out_json, figures, supporting, effects, context)
    print(summary(figures))
    log(f"done in {context['seconds']} s: {out_md} and {out_json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
