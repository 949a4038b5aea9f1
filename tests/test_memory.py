"""The app keeps what lives as long as it does out of the collector's rounds, and only while it runs."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from tui.app import GuideApp
from tui.memory import paused

AppFactory = Callable[[], GuideApp]


async def test_the_guide_and_screen_are_frozen_while_the_app_runs_and_released_after(
    make_app: AppFactory,
) -> None:
    assert gc.get_freeze_count() == 0
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gc.get_freeze_count() > 0, "nothing was set aside after the first frame"
    assert gc.get_freeze_count() == 0, "an app that ended left objects frozen for good"


def test_paused_stops_collections_inside_and_restores_the_collector_after() -> None:
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), paused():
        raise KeyError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled(), "a collector stopped before was started by paused()"
    finally:
        gc.enable()
