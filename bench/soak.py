"""Soak presentation mode: many fast advances in one process, watching memory and live tasks.

Run: .venv/bin/python bench/soak.py [--advances 10000] [--interval 0.01]

It plays the fixture guide (page durations removed) at ``--interval`` seconds a page, headless,
and samples RSS and the number of live asyncio tasks (Textual timers run as tasks) every time the
loop comes back to the first page. It prints the first and last samples and the growth, and exits
1 if RSS grew by 5% or more after the warm-up (:data:`WARM_UP`) or the task count kept climbing. It
is a benchmark, not a test: tests/test_soak.py runs a short version.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.guide import parse_guide  # noqa: E402
from tui.present import PresentApp  # noqa: E402
from tui.screens.present import PresentScreen  # noqa: E402

WARM_UP = 1_100
"""Advances before growth is measured (half the run, if shorter). Caches fill first, above all one of
Textual's: ``StylesCache.get_inner_outer`` is an ``lru_cache`` of 1,024 entries on a method, so it keeps
the styles cache (with its lines) of each of the last 1,024 widgets drawn, long after they are removed
(https://github.com/Textualize/textual/issues/6665): about 8 MiB here, 15% of the RSS. Each advance
mounts a new screen whose widgets take at least one entry (8 here), so it is full by advance 1,100
whatever the pace of the machine; measured from advance 200, a run that drew fewer widgets an advance
counted it as growth (14.9%)."""


def rss_mib() -> float:
    """This process's current resident set size, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def soak(advances: int, interval: float) -> tuple[list[tuple[int, float, int]], int]:
    text = (ROOT / "tests" / "fixtures" / "guide.yaml").read_text(encoding="utf-8")
    guide = parse_guide(text.replace("    duration: 5\n", "").encode())
    # The records are kept, as at a booth, but in a folder of their own: not the real state folder,
    # whose record of the day a soak would fill with thousands of loops.
    records = Path(tempfile.mkdtemp(prefix="ketamine-soak-"))
    app = PresentApp(guide, interval=interval, idle=3600, records=records)
    samples: list[tuple[int, float, int]] = []
    count = 0
    async with app.run_test(size=(100, 30)) as pilot:
        last: object = None
        while count < advances:
            screen = app.screen
            if screen is not last:
                last, count = screen, count + 1
                if isinstance(screen, PresentScreen) and screen.index == 0:
                    screen.paused = True  # let the pages just left finish closing
                    await pilot.pause(0.2)
                    samples.append((count, rss_mib(), len(asyncio.all_tasks())))
                    screen.paused = False
            await pilot.pause(interval / 4)
    shutil.rmtree(records, ignore_errors=True)
    return samples, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--advances", type=int, default=10_000)
    parser.add_argument("--interval", type=float, default=0.01)
    args = parser.parse_args()
    samples, count = asyncio.run(soak(args.advances, args.interval))
    warm_at = min(WARM_UP, count // 2)
    warm = next((s for s in samples if s[0] >= warm_at), samples[0])
    end = samples[-1]
    growth = (end[1] - warm[1]) / warm[1] * 100
    later = [s for s in samples if s[0] >= warm_at]
    floor_then = min(s[2] for s in later[:4]) if later else warm[2]
    floor_now = min(s[2] for s in samples[-4:])
    print(f"advances: {count}; samples: {len(samples)}")
    for sample in samples[:: max(1, len(samples) // 8)]:
        print(f"  advance {sample[0]:>6}: RSS {sample[1]:.1f} MiB, {sample[2]} tasks")
    print(f"after warm-up: RSS {warm[1]:.1f} MiB, {warm[2]} tasks (advance {warm[0]})")
    print(f"at the end:    RSS {end[1]:.1f} MiB, {end[2]} tasks (advance {end[0]})")
    print(f"RSS growth: {growth:+.1f}% (limit 5%); task floor {floor_then} -> {floor_now}")
    return 0 if growth < 5 and floor_now <= floor_then else 1


if __name__ == "__main__":
    sys.exit(main())
