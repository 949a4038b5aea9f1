"""Run the whole benchmark suite and write ``docs/performance.md`` and ``bench/results.json``.

Usage: ``.venv/bin/python bench/run.py [--quick] [--runs N] [--out DIR]``

``--quick`` uses small guides and, unless ``--runs`` says otherwise, one run per figure: it checks that
the bench works, and its numbers mean little. ``--out DIR`` writes both files into DIR instead.
"""

from __future__ import annotations

import argparse
import json
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

import large
import search_speed
import startup
import switch
from common import BENCH, REPO, SIZE, TIMES, Figure, child_env, log, median
from gen import guide_of_size, marker
from report import render, summary, write_json, write_markdown

__all__ = ["Sizes", "main"]


@dataclass(frozen=True)
class Sizes:
    """How big the generated guides are."""

    small_topic: int
    """Body bytes of the "typical" topic (the page comes out at about 5 KB)."""
    big_topic: int
    large_topics: int
    load_bytes: int


FULL = Sizes(small_topic=4_300, big_topic=98_500, large_topics=10_000, load_bytes=10_000_000)
QUICK = Sizes(small_topic=4_300, big_topic=20_000, large_topics=200, load_bytes=300_000)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small guides, one run: checks the bench works")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5; 1 with --quick)")
    parser.add_argument("--out", type=Path, help="write performance.md and results.json here")
    return parser


def _kb(size: int) -> str:
    return f"{size / 1000:.1f} KB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


def _page_bytes(path: Path, index: int) -> int:
    from tui.guide import load_guide
    from tui.pages import build_pages

    return len(build_pages(load_guide(path))[index].markdown.encode("utf-8"))


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


def _startup_figures(sizes: Sizes, runs: int) -> tuple[list[Figure], list[Figure]]:
    from tui.guide import default_guide_path, load_guide

    summary = load_guide(default_guide_path()).topics[0].summary
    marker = " ".join(summary.split()[:4])
    samples = startup.measure(startup.app_command(), marker, runs, label="ketamine-tui")
    app_wall = [run.wall for run in samples.app]
    base_wall = [run.wall for run in samples.minimal]
    app_rss = [float(run.max_rss) for run in samples.app]
    base_rss = [float(run.max_rss) for run in samples.minimal]
    first_frames = [run.first_frame or 0.0 for run in samples.app]
    app_cpu, base_cpu = [run.cpu for run in samples.app], [run.cpu for run in samples.minimal]
    # Nothing kept from earlier runs: no cache of checked guides, and no first screen of text, so
    # the first frame waits for the YAML loader and for Rich's Markdown (a first start ever).
    cold = startup.measure([*startup.app_command(), "--no-state"], marker, runs, label="--no-state")
    cold_wall, cold_base = [run.wall for run in cold.app], [run.wall for run in cold.minimal]
    figures = [
        Figure(
            "startup.first_paint",
            "1. Start-up: process start to first paint, built-in guide",
            "s",
            median(app_wall),
            median(base_wall),
            "minimal App",
            f"≤ 1.3{TIMES}",
            1.3,
            samples=app_wall,
            baseline_samples=base_wall,
        ),
        Figure(
            "startup.peak_rss",
            "1. Start-up: peak RSS",
            "bytes",
            median(app_rss),
            median(base_rss),
            "minimal App",
            f"≤ 1.3{TIMES}",
            1.3,
            samples=app_rss,
            baseline_samples=base_rss,
        ),
    ]
    info = [
        Figure(
            "startup.first_frame",
            "Start-up: process start to the first frame of any kind (topic list, empty text pane)",
            "s",
            median(first_frames),
            median(base_wall),
            "minimal App",
            samples=first_frames,
            baseline_samples=base_wall,
        ),
        Figure(
            "startup.cold",
            "Start-up with nothing kept from earlier runs (`--no-state`), to first paint",
            "s",
            median(cold_wall),
            median(cold_base),
            "minimal App",
            samples=cold_wall,
            baseline_samples=cold_base,
        ),
        Figure(
            "startup.cpu",
            "Start-up: CPU time of the process (user + system) to first paint",
            "s",
            median(app_cpu),
            median(base_cpu),
            "minimal App",
            samples=app_cpu,
            baseline_samples=base_cpu,
        ),
    ]
    return figures, info


def _switch_figures(
    sizes: Sizes, runs: int, workdir: Path, trivial: switch.KeySamples
) -> tuple[list[Figure], list[Figure]]:
    figures: list[Figure] = []
    floor = switch.measure_trivial(max(runs, 5), "screenful")
    info: list[Figure] = [
        Figure(
            "switch.floor.wall",
            "Textual's floor for a topic switch: a key that shows a new pane of text laid out in advance "
            "(`bench/screenful_app.py`), key to paint, wall",
            "s",
            median(floor.wall_marker),
            median(trivial.wall_marker),
            "trivial App",
            samples=floor.wall_marker,
            baseline_samples=trivial.wall_marker,
        )
    ]
    for body, typical in ((sizes.small_topic, True), (sizes.big_topic, False)):
        guide = switch.switch_guide(workdir, body)
        # The big topic is laid out on each key (cold): what its targets are about. Warm, it would be
        # kept from the visit before, and a switch to it would lay out nothing.
        size = _kb(_page_bytes(guide, 1)) + (" topic" if typical else " topic, laid out on the key")
        keys = switch.measure_switch(guide, runs, f"topic switch, {size}", cold=not typical)
        wall = Figure(
            f"switch.{'typical' if typical else 'big'}.wall",
            f"2. Topic switch, {size}: key to first screenful, wall",
            "s",
            median(keys.wall_marker),
            median(trivial.wall_marker),
            "trivial App",
            f"≤ 2{TIMES}" if typical else "≤ 200 ms",
            2.0 if typical else 0.2,
            limit_is_ratio=typical,
            samples=keys.wall_marker,
            baseline_samples=trivial.wall_marker,
        )
        cpu = Figure(
            f"switch.{'typical' if typical else 'big'}.cpu",
            f"2. Topic switch, {size}: key to first screenful, CPU",
            "s",
            median(keys.cpu_marker),
            median(trivial.cpu_marker),
            "trivial App",
            samples=keys.cpu_marker,
            baseline_samples=trivial.cpu_marker,
        )
        figures += [wall, cpu]
        if typical:
            figures.append(
                Figure(
                    "switch.typical.wall_absolute",
                    f"2. Topic switch, {size}: wall against the spec's ~40 ms",
                    "s",
                    median(keys.wall_marker),
                    target="≤ 40 ms",
                    limit=0.040,
                    limit_is_ratio=False,
                    samples=keys.wall_marker,
                )
            )
        else:
            figures.append(
                Figure(
                    "switch.big.freeze",
                    f"2. Topic switch, {size}: longest UI freeze (worst run)",
                    "s",
                    max(keys.max_gap),
                    target="≤ 100 ms",
                    limit=0.100,
                    limit_is_ratio=False,
                    samples=keys.max_gap,
                )
            )
        info += [
            Figure(
                f"switch.{'typical' if typical else 'big'}.settled_wall",
                f"Topic switch, {size}: key to last frame (settled), wall",
                "s",
                median(keys.wall_settled),
                median(trivial.wall_settled),
                "trivial App",
                samples=keys.wall_settled,
                baseline_samples=trivial.wall_settled,
            ),
            Figure(
                f"switch.{'typical' if typical else 'big'}.settled_cpu",
                f"Topic switch, {size}: key to last frame (settled), CPU",
                "s",
                median(keys.cpu_settled),
                median(trivial.cpu_settled),
                "trivial App",
                samples=keys.cpu_settled,
                baseline_samples=trivial.cpu_settled,
            ),
        ]
    # The same 100 KB as one section: the text pane cuts it at paragraphs (widgets/text/markdown_blocks.py).
    guide = switch.switch_guide(workdir, sizes.big_topic, section_bytes=sizes.big_topic)
    size = _kb(_page_bytes(guide, 1))
    keys = switch.measure_switch(
        guide, runs, f"topic switch, {size} topic in one section, laid out on the key", cold=True
    )
    info += [
        Figure(
            "switch.one_section.wall",
            f"Topic switch, {size} topic in one section, laid out on the key: key to first screenful, wall",
            "s",
            median(keys.wall_marker),
            median(trivial.wall_marker),
            "trivial App",
            samples=keys.wall_marker,
            baseline_samples=trivial.wall_marker,
        ),
        Figure(
            "switch.one_section.freeze",
            f"Topic switch, {size} topic in one section, laid out on the key: longest UI freeze (worst run)",
            "s",
            max(keys.max_gap),
            samples=keys.max_gap,
        ),
    ]
    return figures, info


def _large_figures(
    sizes: Sizes, runs: int, workdir: Path, trivial: switch.KeySamples
) -> tuple[list[Figure], list[Figure], Path, str]:
    guide = large.large_guide(workdir, sizes.large_topics)
    count = f"{sizes.large_topics:,}"
    samples = startup.measure(startup.app_command(guide), marker(0), runs, label=f"{count} topics")
    app_wall = [run.wall for run in samples.app]
    base_wall = [run.wall for run in samples.minimal]
    app_rss = [float(run.max_rss) for run in samples.app]
    app_cpu, base_cpu = [run.cpu for run in samples.app], [run.cpu for run in samples.minimal]
    first_frames = [run.first_frame or 0.0 for run in samples.app]
    keys = large.measure_keys(guide, runs)
    cold_keys = large.measure_keys(guide, runs, cold=True)
    search = large.measure_search(guide, runs)
    worst = search.worst
    typing = search_speed.measure(guide, runs)
    figures = [
        Figure(
            "large.first_paint",
            f"3. Large guide ({count} topics): process start to first paint",
            "s",
            median(app_wall),
            median(base_wall),
            "minimal App",
            f"≤ 2{TIMES}",
            2.0,
            samples=app_wall,
            baseline_samples=base_wall,
        ),
        Figure(
            "large.cpu_per_key",
            f"3. Large guide ({count} topics): CPU per key in the topic list",
            "s",
            median(keys.cpu_settled),
            median(trivial.cpu_settled),
            "trivial App",
            "≤ 10 ms",
            0.010,
            limit_is_ratio=False,
            samples=keys.cpu_settled,
            baseline_samples=trivial.cpu_settled,
        ),
        Figure(
            "large.search",
            f"3. Large guide ({count} topics): search latency per query",
            "s",
            search.latency,
            note=search.how if not search.available else "",
            samples=[median(times) for times in search.per_query.values()],
            count=f"{len(search.per_query)} queries, median of {runs} runs each",
        ),
        Figure(
            "large.search_typing",
            f"3. Search with typo tolerance on the {count}-topic guide: slowest keystroke over "
            f"{len(search_speed.QUERIES)} realistic queries typed letter by letter",
            "s",
            typing.worst[1],
            target="≤ 50 ms",
            limit=0.050,
            limit_is_ratio=False,
            samples=typing.per_query,
            count=f"{typing.count} keystrokes, median of {runs} runs each, slowest at {typing.worst[0]!r}",
        ),
    ]
    info = [
        Figure(
            "large.first_frame",
            f"Large guide ({count} topics): process start to the first frame of any kind",
            "s",
            median(first_frames),
            median(base_wall),
            "minimal App",
            samples=first_frames,
            baseline_samples=base_wall,
        ),
        Figure(
            "large.first_paint_cpu",
            f"Large guide ({count} topics): CPU time of the process to first paint",
            "s",
            median(app_cpu),
            median(base_cpu),
            "minimal App",
            samples=app_cpu,
            baseline_samples=base_cpu,
        ),
        Figure(
            "large.peak_rss",
            f"Large guide ({count} topics): peak RSS at first paint",
            "bytes",
            median(app_rss),
            median([float(run.max_rss) for run in samples.minimal]),
            "minimal App",
            samples=app_rss,
        ),
        Figure(
            "large.cold_cpu_per_key",
            f"Large guide ({count} topics): CPU per key in the topic list, with nothing laid out ahead "
            "(a held key)",
            "s",
            median(cold_keys.cpu_settled),
            median(trivial.cpu_settled),
            "trivial App",
            samples=cold_keys.cpu_settled,
            baseline_samples=trivial.cpu_settled,
        ),
        Figure(
            "large.key_wall",
            f"Large guide ({count} topics): key in the topic list to first screenful, wall",
            "s",
            median(keys.wall_marker),
            median(trivial.wall_marker),
            "trivial App",
            samples=keys.wall_marker,
        ),
    ]
    if search.available:
        info.append(
            Figure(
                "large.search_index",
                f"Large guide ({count} topics): building the search index",
                "s",
                median(search.build) if search.build else None,
                samples=search.build,
                note="no index" if not search.build else "",
            )
        )
        if worst is not None:
            info.append(
                Figure(
                    "large.search_worst",
                    f"Large guide: slowest query ({worst[0]!r}, {search.hits.get(worst[0], 0)} hits)",
                    "s",
                    worst[1],
                    samples=search.per_query[worst[0]],
                )
            )
    return figures, info, guide, search.how


def _load_figures(sizes: Sizes, runs: int, workdir: Path) -> tuple[list[Figure], list[Figure], Path]:
    guide = guide_of_size(workdir / "load.yaml", sizes.load_bytes)
    log(f"load: {_kb(guide.stat().st_size)} guide, {runs} runs")
    done = subprocess.run(
        [sys.executable, str(BENCH / "load.py"), str(guide), str(runs)],
        env=child_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    measured: dict[str, dict[str, list[float]]] = json.loads(done.stdout)
    cpu, wall = measured["cpu"], measured["wall"]
    size = _kb(guide.stat().st_size)
    figures = [
        Figure(
            "load.guide",
            f"4. Load and validate a {size} guide (CPU time)",
            "s",
            median(cpu["load_guide"]),
            median(cpu["raw"]),
            "raw CSafeLoader parse",
            f"≤ 1.3{TIMES}",
            1.3,
            samples=cpu["load_guide"],
            baseline_samples=cpu["raw"],
        )
    ]
    info = [
        Figure(
            "load.guide_wall",
            f"Load and validate the {size} guide, wall time",
            "s",
            median(wall["load_guide"]),
            median(wall["raw"]),
            "raw CSafeLoader parse",
            samples=wall["load_guide"],
            baseline_samples=wall["raw"],
        ),
        Figure(
            "load.guide_warm",
            f"Load the {size} guide again as the app does, from its cache of checked guides (warm), CPU",
            "s",
            median(cpu["load_guide_warm"]),
            median(cpu["raw"]),
            "raw CSafeLoader parse",
            samples=cpu["load_guide_warm"],
        ),
        Figure(
            "load.raw_gc_off",
            f"Raw CSafeLoader parse of the {size} guide with the garbage collector off, CPU",
            "s",
            median(cpu["raw_gc_off"]),
            median(cpu["raw"]),
            "raw CSafeLoader parse",
            samples=cpu["raw_gc_off"],
        ),
    ]
    return figures, info, guide


def main(argv: list[str] | None = None) -> int:
    """Run every figure, print the table, write the two result files."""
    args = _parser().parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    if runs < 1 or (not args.quick and runs < 5):
        _parser().error("--runs must be at least 5 (or use --quick)")
    sizes = QUICK if args.quick else FULL
    out_md = (args.out / "performance.md") if args.out else REPO / "docs" / "performance.md"
    out_json = (args.out / "results.json") if args.out else BENCH / "results.json"
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-guides-") as tmp:
        workdir = Path(tmp)
        figures, info = _startup_figures(sizes, runs)
        trivial = switch.measure_trivial(max(runs, 5))
        more, extra = _switch_figures(sizes, runs, workdir, trivial)
        figures, info = figures + more, info + extra
        more, extra, large_guide, search_how = _large_figures(sizes, runs, workdir, trivial)
        figures, info = figures + more, info + extra
        more, extra, load_guide = _load_figures(sizes, runs, workdir)
        figures, info = figures + more, info + extra
        guides = (
            f"topic switch from a {_kb(_page_bytes(switch.switch_guide(workdir, 700), 0))} topic; "
            f"large guide {sizes.large_topics:,} topics in {_kb(large_guide.stat().st_size)}; "
            f"load guide {_kb(load_guide.stat().st_size)}"
        )
    command = "bench/run.py" + (" --quick" if args.quick else "")
    command += f" --runs {args.runs}" if args.runs else ""
    context = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": f".venv/bin/python {command}",
        "quick": args.quick,
        "runs": runs,
        "seconds": round(time.perf_counter() - started, 1),
        "load_average": f"{load_before:.2f} and {os.getloadavg()[0]:.2f}",
        "machine": _machine(),
        "guides": guides,
        "method": {
            "columns": SIZE[0],
            "lines": SIZE[1],
            "large_topics": sizes.large_topics,
            "search_how": search_how,
            "queries": ", ".join(f"`{query}`" for query in large.QUERIES),
            "load_mb": sizes.load_bytes / 1_000_000,
        },
    }
    out_md.parent.mkdir(parents=True, exist_ok=True)
    write_markdown(out_md, render(figures, info, context))
    write_json(out_json, figures, info, context)
    print(summary(figures))
    log(f"done in {context['seconds']} s: {out_md} and {out_json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
