"""Search with typo tolerance on, typed letter by letter: the slowest keystroke (issue #16 item 5).

Each query of :data:`QUERIES` is typed one character at a time. A keystroke costs what the search
dialog asks of the index for it: ``SearchIndex.find(query so far)``, and the snippets of the hits it
lists, cut to the dialog's width at 100 columns. Typo tolerance is always on: every word of five letters
or more is also looked up one edit away. The index is built first (the app builds it in a worker after
the first paint), and each query is typed once unmeasured, so that what is timed is the steady state.

Run alone: ``.venv/bin/python bench/search_speed.py GUIDE.yaml [RUNS]``.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from common import log, median

__all__ = ["QUERIES", "SNIPPET_WIDTH", "TypingResult", "measure"]

QUERIES = (
    "ketamine",
    "esketamine nasal spray",
    "dissociation",
    "dissociaton",
    "blood pressure",
    "bladdr",
    "anaesthetic",
    "evidence moderate",
    "treatment resistant depression",
    "maintenance therapy",
    "glutamate receptor",
    "remision",
    "crisis",
    "samaritans",
    "116 123",
    "topic04242summary",
)
"""Words of the guide, typos ("dissociaton", "bladdr", "remision"), a UK spelling, two and three words,
the crisis words and numbers, a word found once, each typed from its first letter."""

SNIPPET_WIDTH = 84
"""The width of a snippet in the search dialog at 100 columns."""


@dataclass
class TypingResult:
    """Seconds per keystroke (the median of the runs), by query."""

    keystrokes: dict[str, list[float]] = field(default_factory=dict)
    build: float = 0.0
    """Seconds to build the index once."""

    @property
    def worst(self) -> tuple[str, float]:
        """The slowest keystroke: the query typed so far, and its seconds."""
        return max(
            (
                (query[: n + 1], times[n])
                for query, times in self.keystrokes.items()
                for n in range(len(times))
            ),
            key=lambda pair: pair[1],
        )

    @property
    def per_query(self) -> list[float]:
        """The slowest keystroke of each query."""
        return [max(times) for times in self.keystrokes.values()]

    @property
    def count(self) -> int:
        """How many keystrokes were timed (each ``runs`` times)."""
        return sum(len(times) for times in self.keystrokes.values())


def _keystroke(index: object, typed: str) -> float:
    from tui.search import SearchIndex

    assert isinstance(index, SearchIndex)
    start = time.perf_counter()
    for hit in index.find(typed).hits:
        hit.snippet(SNIPPET_WIDTH)
    return time.perf_counter() - start


def measure(content: Path, runs: int) -> TypingResult:
    """Type every query of :data:`QUERIES` letter by letter ``runs`` times on the guide at ``content``."""
    from tui.guide import load_guide
    from tui.search import SearchIndex

    guide = load_guide(content)
    result = TypingResult()
    start = time.perf_counter()
    index = SearchIndex(guide)
    index.build()  # the index keeps no answers: one query does not make the next faster
    result.build = time.perf_counter() - start
    gc.collect()
    for query in QUERIES:
        prefixes = [query[:n] for n in range(1, len(query) + 1)]
        for typed in prefixes:  # the unmeasured first time through
            _keystroke(index, typed)
        samples = [[_keystroke(index, typed) for typed in prefixes] for _ in range(runs)]
        result.keystrokes[query] = [median([run[n] for run in samples]) for n in range(len(prefixes))]
    typed, seconds = result.worst
    log(f"search typing: {result.count} keystrokes, slowest {seconds * 1000:.1f} ms at {typed!r}")
    return result


if __name__ == "__main__":
    measured = measure(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    for query, times in measured.keystrokes.items():
        print(f"{max(times) * 1000:6.1f} ms  {query}")
