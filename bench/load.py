"""Load: ``tui.guide.load_guide`` on a generated 10 MB guide, cold, against a raw PyYAML parse.

The baseline reads the same file and parses it with ``yaml.load(data, Loader=yaml.CSafeLoader)``, with the
garbage collector as Python leaves it (on). The loader does more: it refuses anchors, tags and duplicate
keys with their positions, and validates the schema; it pauses the collector while it builds. It never
uses the cache of checked guides (``check`` does the same). The two take turns, after a warm-up each, in
a fresh process, with a collection before each: ``python bench/load.py FILE RUNS`` prints the CPU seconds
of each run as JSON (both are single-threaded; CPU time swings less than wall time on a busy machine).
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

__all__ = ["main", "measure"]


def _raw(path: Path) -> Any:
    with open(path, "rb") as file:
        return yaml.load(file.read(), Loader=yaml.CSafeLoader)


def measure(path: Path, runs: int) -> dict[str, list[float]]:
    """CPU seconds per run of the loader (``"load_guide"``) and of the raw parse (``"raw"``)."""
    from tui.guide import load_guide

    candidates: dict[str, Callable[[Path], Any]] = {"load_guide": load_guide, "raw": _raw}
    cpu: dict[str, list[float]] = {name: [] for name in candidates}
    for number in range(runs + 1):
        for name, function in candidates.items():
            gc.collect()
            start = time.process_time()
            result = function(path)
            elapsed = time.process_time() - start
            del result
            if number:
                cpu[name].append(elapsed)
    return cpu


def main(argv: list[str]) -> int:
    """``load.py FILE RUNS``: print the timings as JSON."""
    print(json.dumps(measure(Path(argv[0]), int(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
