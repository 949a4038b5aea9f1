"""Burn-in at the booth: what stays on screen all day never sits on the same cells all day.

Each topic of the show puts its fixed parts (the strip and the crisis line) one of ``SHIFTS`` cells
to the side; each loop moves the attract screen a cell; the closed sign moves every minute.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from booth_helpers import wait_for
from textual.pilot import Pilot

from tui.guide import Guide
from tui.present import PresentApp
from tui.screens.attract import AttractScreen
from tui.screens.closed import ClosedScreen
from tui.screens.present import SHIFTS, PresentScreen
from tui.widgets.crisis_bar import CrisisBar


def show(guide: Guide, **options: object) -> PresentApp:
    """A show that keeps no records and moves on only when told."""
    settings: dict[str, object] = {"interval": 1000, "idle": 1000, "records": None, **options}
    return PresentApp(guide, **settings)  # type: ignore[arg-type]


async def settled(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause(0.1)


async def test_each_topic_puts_the_crisis_line_on_other_cells(guide: Guide) -> None:
    app = show(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        places = []
        for topic in range(SHIFTS):
            app.play(topic)
            assert await wait_for(pilot, PresentScreen)
            await settled(pilot)
            places.append(app.screen.query_one(CrisisBar).content_region.x)
        assert len(set(places)) == SHIFTS, places


@pytest.mark.parametrize("width", [100, 130])
async def test_each_loop_moves_the_attract_screen_a_cell(guide: Guide, width: int) -> None:
    app = show(guide)
    async with app.run_test(size=(width, 30)) as pilot:
        places = []
        for shift in (-1, 0, 1):
            await app.switch_screen(AttractScreen(guide, shift=shift))
            await settled(pilot)
            places.append(app.screen.query_one("#title").region.x)
        assert places == [places[1] - 1, places[1], places[1] + 1], places


async def test_the_closed_sign_moves_every_minute(guide: Guide, monkeypatch: pytest.MonkeyPatch) -> None:
    app = show(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.switch_screen(ClosedScreen("09:00-18:00"))
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, ClosedScreen)
        places = []
        for minute in range(3):
            clock = SimpleNamespace(time=lambda minute=minute: 60.0 * (1000 + minute))
            monkeypatch.setattr("tui.screens.closed.time", clock)  # the sign's clock only
            screen.move()
            await settled(pilot)
            places.append(screen.query_one("#when").region.offset)
        assert len(set(places)) == 3, places
