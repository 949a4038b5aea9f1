"""A short soak of presentation mode: many fast advances leak no screens, timers or tasks.

The long version (10,000 advances, RSS growth) is ``bench/soak.py``; it is not a test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.guide import parse_guide
from tui.present import PresentApp
from tui.screens.present import PresentScreen


async def test_many_fast_advances_leave_nothing_behind() -> None:
    text = (Path(__file__).parent / "fixtures" / "guide.yaml").read_text(encoding="utf-8")
    guide = parse_guide(text.replace("    duration: 5\n", "").encode())  # every page at 10 ms
    app = PresentApp(guide, interval=0.01, idle=60)
    async with app.run_test(size=(80, 24)) as pilot:
        advances = 0
        last: object = None
        tasks_on_first_page: list[int] = []  # counted each time the loop comes round to page 1
        for _ in range(20000):  # bounded; ends at 100 advances, well before this under any load
            screen = app.screen
            if screen is not last:
                last = screen
                advances += 1
                if isinstance(screen, PresentScreen) and screen.index == 0:
                    screen.paused = True  # hold the page while old screens finish closing
                    await pilot.pause(0.3)
                    tasks_on_first_page.append(len(asyncio.all_tasks()))
                    screen.paused = False
            if advances >= 100:
                break
            await pilot.pause(0.005)
        assert advances >= 100
        assert len(app.screen_stack) == 2, "screens are replaced, not stacked"
        assert len(tasks_on_first_page) >= 8
        # A leak raises the floor over time; a page still closing can add a passing bump.
        settled = tasks_on_first_page[2:]
        assert min(settled[-3:]) <= min(settled[:3]), f"timers and tasks pile up: {tasks_on_first_page}"
