"""Figure 4, load: ``tui.guide.load_guide`` on a generated 10 MB guide against a raw PyYAML parse.

The baseline reads the same file and parses it with ``yaml.load(data, Loader=yaml.CSafeLoader)``, with the
garbage collector as Python leaves it (on). The loader does more (it refuses anchors, tags and duplicate
keys with positions, and validates the schema) and switches the collector off while it builds; a raw
parse with the collector off is recorded too, for information. The two alternate, after one warm-up each,
in a fresh process: ``python bench/load.py FILE RUNS`` prints JSON.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

__all__ = ["main", "measure"]


def _raw(path: Path) -> Any:
    with open(path, "rb") as file:
        return yaml.load(file.read(), Loader=yaml.CSafeLoader)


def _raw_gc_off(path: Path) -> Any:
    gc.disable()
    try:
        return _raw(path)
    finally:
        gc.enable()


def measure(path: Path, runs: int) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU seconds per run of: the loader cold and warm, the raw parse, and the raw parse with the
    collector off.

    "Cold" is ``tui.guide.load_guide``, which reads, parses and validates the file every time, as
    ``check`` does. "Warm" is what the app's start-up does, ``tui.guide.cache.load_guide_cached`` with the
    user cache folder (``XDG_CACHE_HOME``, as ``platformdirs`` places it): the warm runs share one
    folder, filled by the warm-up run, so the figure is a cache hit (read, hash, rebuild).
    """
    from tui.guide import load_guide
    from tui.guide.cache import GuideCache, load_guide_cached
    from tui.store.files import default_cache_dir

    warm_cache = tempfile.mkdtemp(prefix="bench-cache-")

    def warm(path: Path) -> Any:
        return load_guide_cached(path, GuideCache(default_cache_dir()))

    candidates: dict[str, Callable[[Path], Any]] = {
        "load_guide": load_guide,
        "load_guide_warm": warm,
        "raw": _raw,
        "raw_gc_off": _raw_gc_off,
    }
    times: dict[str, list[float]] = {name: [] for name in candidates}
    cpu: dict[str, list[float]] = {name: [] for name in candidates}
    try:
        for number in range(runs + 1):
            for name, function in candidates.items():
                with tempfile.TemporaryDirectory(prefix="bench-cache-") as empty:
                    os.environ["XDG_CACHE_HOME"] = warm_cache if name == "load_guide_warm" else empty
                    gc.collect()
                    start, start_cpu = time.perf_counter(), time.process_time()
                    result = function(path)
                    elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
                    del result
                if number:
                    times[name].append(elapsed)
                    cpu[name].append(elapsed_cpu)
    finally:
        shutil.rmtree(warm_cache, ignore_errors=True)
    return {"wall": times, "cpu": cpu}


def main(argv: list[str]) -> int:
    """``load.py FILE RUNS``: print the timings as JSON."""
    path, runs = Path(argv[0]), int(argv[1])
    print(json.dumps(measure(path, runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
