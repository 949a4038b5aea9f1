"""Figure 3, a large guide (10,000 generated topics): first paint, CPU per key in the sidebar, search.

Search is looked up when the bench runs: ``tui/search.py`` must exist and offer either a ``SearchIndex``
class (built from a guide, with a ``search(query)`` method) or a ``search(guide, query)`` function;
otherwise the figure is reported as not applicable.
"""

from __future__ import annotations

import gc
import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from common import log, median
from gen import TopicSpec, marker, write_guide
from switch import KeySamples, measure_guide_keys

__all__ = ["QUERIES", "SearchResult", "large_guide", "measure_keys", "measure_search"]

QUERIES = ("k", "ke", "ketamine", "dissoc", "evidence moderate", "blood pressure", "qqqq")
"""What a user types: single letters (as-you-type), words, prefixes, two words, and no match."""

NOT_IMPLEMENTED = "n/a — search not implemented"


def large_guide(directory: Path, topics: int, body_bytes: int = 300) -> Path:
    """A guide of ``topics`` small topics (about ``body_bytes`` of Markdown each)."""
    return write_guide(directory / f"large-{topics}.yaml", [TopicSpec(i, body_bytes) for i in range(topics)])


def measure_keys(content: Path, runs: int, *, cold: bool = False) -> KeySamples:
    """``down`` in the topic list, ``runs`` times after one warm-up: each press shows the next topic."""
    steps = [{"key": "down", "marker": marker(n), "measure": n > 1} for n in range(1, runs + 2)]
    label = f"large guide, keys in the topic list{' (cold)' if cold else ''}"
    return measure_guide_keys(content, steps, label, cold=cold)


@dataclass
class SearchResult:
    """Search timings, or why there are none."""

    available: bool
    how: str
    build: list[float] = field(default_factory=list)
    """Seconds to build the index, per run (empty when there is no index to build)."""
    per_query: dict[str, list[float]] = field(default_factory=dict)
    """Seconds per call, per query."""
    hits: dict[str, int] = field(default_factory=dict)

    @property
    def latency(self) -> float | None:
        """Median over queries of each query's median time."""
        if not self.per_query:
            return None
        return median([median(times) for times in self.per_query.values()])

    @property
    def worst(self) -> tuple[str, float] | None:
        """The slowest query and its median time."""
        if not self.per_query:
            return None
        return max(((query, median(times)) for query, times in self.per_query.items()), key=lambda x: x[1])


def _searcher(guide: Any) -> tuple[Callable[[str], Any] | None, float | None, str]:
    """Find a search function in ``tui.search``; returns it, its index build time and how it was called."""
    import tui

    if not (Path(tui.__file__).parent / "search.py").exists():
        return None, None, NOT_IMPLEMENTED
    module = importlib.import_module("tui.search")
    index_class = getattr(module, "SearchIndex", None)
    if isinstance(index_class, type) and callable(getattr(index_class, "search", None)):
        gc.collect()
        start = time.perf_counter()
        index = index_class(guide)
        build = getattr(index, "build", None)
        if callable(build):  # an index that is built on demand, or after first paint
            build()
        built = ".build()" if callable(build) else ""
        how = f"tui.search.SearchIndex(guide){built}, then .search(query)"
        return index.search, time.perf_counter() - start, how
    function = getattr(module, "search", None)
    if callable(function):
        return partial(function, guide), None, "tui.search.search(guide, query)"
    return None, None, f"{NOT_IMPLEMENTED} (tui/search.py has no SearchIndex.search or search function)"


def measure_search(content: Path, runs: int) -> SearchResult:
    """Build the index ``runs`` times (when there is one) and time each query ``runs`` times."""
    from tui.guide import load_guide

    guide = load_guide(content)
    search, build, how = _searcher(guide)
    result = SearchResult(search is not None, how)
    if search is None:
        log(f"search: {how}")
        return result
    if build is not None:
        result.build.append(build)
        for _ in range(runs - 1):
            search, build, how = _searcher(guide)
            assert build is not None
            result.build.append(build)
    assert search is not None
    for query in QUERIES:
        found = search(query)  # warm-up
        result.hits[query] = len(found) if hasattr(found, "__len__") else -1
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            search(query)
            times.append(time.perf_counter() - start)
        result.per_query[query] = times
    log(f"search: index {median(result.build or [0]) * 1000:.0f} ms, query {result.latency or 0:.4f} s")
    return result
