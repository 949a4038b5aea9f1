"""The measurements made into the report's rows: the issue's figures with their targets, a few supporting
figures, and what each speed mechanism buys (the same measure with it and without it)."""

from __future__ import annotations

from collections.abc import Sequence

from common import TIMES, ChildRun, Effect, Figure, median
from search_speed import QUERIES, TypingResult
from switch import KeySamples

__all__ = ["ORDER", "STARTUP_VARIANTS", "key_figures", "load_figure", "search_figure", "startup_figures"]

ORDER = (
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
)
"""The figures in the order of the issue's table."""

FRAME = 1 / 60
"""One frame at 60 Hz, in seconds."""

Rows = tuple[list[Figure], list[Figure], list[Effect]]
"""Figures with targets, supporting figures, and effects of mechanisms."""

STARTUP_VARIANTS = {
    "plain first frame": "Markdown first frame",
    "GC pause at start-up": "no GC pause",
}
"""The mechanisms measured at start-up, and the variant (``variants.py``) that turns each off."""


def _wall(runs: Sequence[ChildRun]) -> list[float]:
    return [run.wall for run in runs]


def startup_figures(starts: dict[str, list[ChildRun]], topics: str) -> Rows:
    """Start-up to first paint and peak RSS; the cache, the plain first frame and the GC pause."""
    base = _wall(starts["minimal App"])
    rss, base_rss = ([float(run.max_rss) for run in starts[name]] for name in ("cold", "minimal App"))
    minimal = {"baseline": median(base), "baseline_label": "minimal App", "baseline_samples": base}
    cold, kept, large = _wall(starts["cold"]), _wall(starts["kept"]), _wall(starts["large"])
    figures = [
        Figure(
            "startup.cold",
            "Start-up to first paint, default guide, cold (`--no-state`)",
            "s",
            median(cold),
            target=f"≤ 1.3{TIMES} the minimal App",
            max_ratio=1.3,
            samples=cold,
            **minimal,
        ),
        Figure(
            "startup.kept",
            "Start-up to first paint, default guide, with state kept from an earlier run",
            "s",
            median(kept),
            target=f"≤ 1.3{TIMES} the minimal App",
            max_ratio=1.3,
            samples=kept,
            **minimal,
        ),
        Figure(
            "startup.peak_rss",
            "Peak RSS at first paint, default guide, cold",
            "bytes",
            median(rss),
            median(base_rss),
            "minimal App",
            f"≤ 1.3{TIMES} the minimal App",
            max_ratio=1.3,
            samples=rss,
            baseline_samples=base_rss,
        ),
        Figure(
            "large.first_paint",
            f"{topics} topics: first paint (a second start: the guide from the cache)",
            "s",
            median(large),
            target=f"≤ 2{TIMES} the minimal App",
            max_ratio=2.0,
            samples=large,
            **minimal,
        ),
    ]
    effects = []
    for guide, name in (("shipped", "shipped guide"), ("large", f"{topics} topics")):
        runs = {
            label.split(", ", 1)[1]: _wall(samples)
            for label, samples in starts.items()
            if label.startswith(guide + ",")
        }
        effects.append(
            Effect("guide cache", "start-up to first paint", name, runs["none, hit"], runs["none, cold"])
        )
        for mechanism, variant in STARTUP_VARIANTS.items():
            for when, measure in (("cold", "cold"), ("hit", "with a cache hit")):
                with_it, without = runs[f"none, {when}"], runs[f"{variant}, {when}"]
                effects.append(
                    Effect(mechanism, f"start-up to first paint, {measure}", name, with_it, without)
                )
    return figures, [], effects


def key_figures(keys: dict[str, KeySamples], topics: str) -> Rows:
    """The switches and their longest freeze, CPU per key with many topics; the freeze and the cutter."""
    floor = keys["floor"]
    figures = []
    for name, size in (("small", "5 KB"), ("big", "100 KB")):
        wall = keys[size].wall_marker
        figures.append(
            Figure(
                f"switch.{name}",
                f"Topic switch, cold, {size} topic: key to first screenful",
                "s",
                median(wall),
                median(floor.wall_marker),
                "Textual's floor",
                f"≤ 3{TIMES} the floor and ≤ 16.7 ms",
                max_ratio=3.0,
                max_value=FRAME,
                samples=wall,
                baseline_samples=floor.wall_marker,
            )
        )
    gaps = [*keys["5 KB"].max_gap, *keys["100 KB"].max_gap, *keys["one section"].max_gap]
    large = keys["large"].cpu_settled
    figures += [
        Figure(
            "switch.freeze",
            "Longest UI freeze during any switch (5 KB, 100 KB, 100 KB in one section)",
            "s",
            max(gaps),
            target="≤ 50 ms",
            max_value=0.050,
            samples=gaps,
            count=f"the longest of {len(gaps)} switches",
        ),
        Figure(
            "large.cpu_per_key",
            f"{topics} topics: CPU per key, cold",
            "s",
            median(large),
            median(floor.cpu_settled),
            "Textual's floor",
            "≤ 10 ms",
            max_value=0.010,
            samples=large,
            baseline_samples=floor.cpu_settled,
        ),
    ]
    big, small = keys["100 KB"].wall_marker, keys["5 KB"].wall_marker
    supporting = [
        _info("switch.small.slowest", "Topic switch, cold, 5 KB topic: the slowest key", max(small), small),
        _info("switch.big.slowest", "Topic switch, cold, 100 KB topic: the slowest key", max(big), big),
        _info(
            "switch.small.shown_before",
            "Topic switch back to a 5 KB topic shown before (its layout not kept), key to first screenful",
            median(keys["5 KB, shown before"].wall_marker),
            keys["5 KB, shown before"].wall_marker,
        ),
        _info(
            "large.cpu_per_scrolling_key",
            f"{topics} topics: CPU per key, cold, once the topic list scrolls with each key",
            median(keys["large, scrolling"].cpu_settled),
            keys["large, scrolling"].cpu_settled,
        ),
    ]
    return figures, supporting, _key_effects(keys, topics)


def _info(id: str, label: str, value: float, samples: list[float]) -> Figure:
    """A supporting figure: no baseline, no target."""
    return Figure(id, label, "s", value, samples=samples)


def _key_effects(keys: dict[str, KeySamples], topics: str) -> list[Effect]:
    shipped, no_cutter = keys["shipped"], keys["shipped, no cutter"]
    one, whole = keys["one section"], keys["one section, no cutter"]
    large, no_freeze = keys["large"].cpu_settled, keys["large, no freeze"].cpu_settled
    one_section = "100 KB topic in one section"
    return [
        Effect("GC freeze", "CPU per key", f"{topics} topics", large, no_freeze),
        Effect(
            "GC freeze",
            "CPU per key",
            "shipped guide",
            shipped.cpu_settled,
            keys["shipped, no freeze"].cpu_settled,
        ),
        Effect("block cutter", "key to first screenful", one_section, one.wall_marker, whole.wall_marker),
        Effect("block cutter", "longest freeze", one_section, one.max_gap, whole.max_gap, "max"),
        Effect(
            "block cutter",
            "key to first screenful, slowest page",
            "shipped guide",
            shipped.per_key(),
            no_cutter.per_key(),
            "max",
        ),
        Effect("block cutter", "longest freeze", "shipped guide", shipped.max_gap, no_cutter.max_gap, "max"),
    ]


def search_figure(typing: TypingResult, runs: int, topics: str) -> Figure:
    """The slowest keystroke of search with typo tolerance on."""
    typed, slowest = typing.worst
    return Figure(
        "large.search_typing",
        f"{topics} topics: search with typo tolerance, slowest keystroke over {len(QUERIES)} queries typed "
        "letter by letter",
        "s",
        slowest,
        target="≤ 50 ms",
        max_value=0.050,
        samples=typing.per_query,
        count=f"{typing.count} keystrokes, median of {runs} runs each, slowest at {typed!r}",
    )


def load_figure(cpu: dict[str, list[float]], size: str) -> Figure:
    """Load and validate a big guide, cold, against a raw parse."""
    return Figure(
        "load.guide",
        f"{size} guide: load and validate, cold (CPU time)",
        "s",
        median(cpu["load_guide"]),
        median(cpu["raw"]),
        "raw CSafeLoader parse",
        f"≤ 1.3{TIMES} a raw CSafeLoader parse",
        max_ratio=1.3,
        samples=cpu["load_guide"],
        baseline_samples=cpu["raw"],
    )
