"""Presentation mode with accelerated intervals: attract, auto-advance, loop, take-over, idle return."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.guide import Guide
from tui.present import PresentApp
from tui.screens import ReaderScreen
from tui.screens.attract import AttractScreen
from tui.screens.present import PresentScreen
from tui.widgets import PageView


async def wait_for_screen(pilot: Pilot[None], kind: type, polls: int = 80) -> bool:
    """Wait, in short pauses and for a bounded number of them, until the top screen is ``kind``."""
    for _ in range(polls):
        if isinstance(pilot.app.screen, kind):
            return True
        await pilot.pause(0.05)
    return isinstance(pilot.app.screen, kind)


def presented(app: PresentApp) -> int:
    screen = app.screen
    assert isinstance(screen, PresentScreen)
    return screen.index


async def test_attract_then_every_topic_then_loop(guide: Guide) -> None:
    app = PresentApp(guide, interval=0.3, idle=60)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_for_screen(pilot, AttractScreen)
        seen: list[int] = []
        for _ in range(400):
            screen = app.screen
            if isinstance(screen, PresentScreen) and (not seen or seen[-1] != screen.index):
                seen.append(screen.index)
            if seen and isinstance(screen, AttractScreen):
                break
            await pilot.pause(0.02)
        assert seen == list(range(len(app.pages)))
        assert isinstance(app.screen, AttractScreen), (
            "after the last topic the show loops to the attract screen"
        )
        assert await wait_for_screen(pilot, PresentScreen)
        assert presented(app) == 0


async def test_a_topics_own_duration_overrides_the_interval(guide: Guide) -> None:
    assert guide.topics[3].duration == 5
    app = PresentApp(guide, interval=0.5, idle=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PresentScreen)
        screen = app.screen
        assert isinstance(screen, PresentScreen) and screen.duration == 0.5
        await pilot.press("right", "right", "right")
        screen = app.screen
        assert isinstance(screen, PresentScreen) and screen.index == 3 and screen.duration == 5


async def test_space_pauses_and_resumes_and_arrows_step(guide: Guide) -> None:
    app = PresentApp(guide, interval=0.4, idle=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PresentScreen)
        await pilot.press("space")
        await pilot.pause(1.0)
        assert presented(app) == 0, "paused: no advance"
        await pilot.press("right")
        assert presented(app) == 1
        await pilot.press("left", "left")
        assert presented(app) == 0
        screen = app.screen
        assert isinstance(screen, PresentScreen)
        await pilot.press("space")  # a new page plays; space pauses it
        assert screen.paused
        await pilot.press("space")
        assert not screen.paused


@pytest.mark.parametrize("key", ["j", "n", "a", "enter"])
async def test_any_other_key_hands_the_reader_to_a_visitor(guide: Guide, key: str) -> None:
    app = PresentApp(guide, interval=0.3, idle=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PresentScreen)
        await pilot.press("right")
        await pilot.press(key)
        assert await wait_for_screen(pilot, ReaderScreen)
        await pilot.pause(1.0)
        assert isinstance(app.screen, ReaderScreen), "auto-play stays paused while the visitor reads"
        view = app.screen.query_one(PageView)
        assert view.page is not None and view.page.id == "second-topic"


async def test_a_key_on_the_attract_screen_opens_the_reader(guide: Guide) -> None:
    app = PresentApp(guide, interval=60, idle=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        assert await wait_for_screen(pilot, ReaderScreen)


async def test_idle_visitor_returns_to_attract_and_play_resumes(guide: Guide) -> None:
    app = PresentApp(guide, interval=0.3, idle=0.6)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")
        assert await wait_for_screen(pilot, ReaderScreen)
        await pilot.press("question_mark")  # even with help open
        assert await wait_for_screen(pilot, AttractScreen)
        assert len(app.screen_stack) == 2
        assert await wait_for_screen(pilot, PresentScreen)


async def test_presentation_writes_no_resume_state(
    guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    app = PresentApp(guide, interval=0.2, idle=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PresentScreen)
        await pilot.press("j", "n", "n")
        await wait_for_screen(pilot, AttractScreen)
    assert app.state is None
    # The show may keep its record of the day (loops, visits: see tests/test_booth_records.py), never a
    # reading place.
    written = [path.name for path in tmp_path.rglob("*") if path.is_file()]
    records = [
        name for name in written if name == "booth.json" or re.fullmatch(r"\d{4}-\d\d-\d\d\.json", name)
    ]
    assert "state.json" not in written and written == records, written


async def test_long_topics_scroll_through_within_their_time(guide: Guide) -> None:
    app = PresentApp(guide, interval=60, idle=60)
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.press("x")  # reader; back to a presented long topic through the screen itself
        app.switch_screen(PresentScreen(app.pages[3], 3, len(app.pages), 1.0))
        await pilot.pause(0.3)
        view = app.screen.query_one(PageView)
        assert view.max_scroll_y > 0
        await pilot.pause(0.9)
        assert view.scroll_y == view.max_scroll_y, "the end of the text was shown before the time ran out"


async def test_a_tick_on_a_page_being_replaced_does_nothing(guide: Guide) -> None:
    """The soak test once failed here: a page's timer ticked after it had been replaced and its
    widgets removed, and the tick looked for its progress bar."""
    app = PresentApp(guide, interval=0.3, idle=60)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_for_screen(pilot, PresentScreen)
        await pilot.press("space")  # paused: only the key below moves on
        old = app.screen
        assert isinstance(old, PresentScreen)
        await pilot.press("right")
        await pilot.pause()
        assert app.screen is not old and not old.children, "the old page is gone, widgets and all"
        old.paused, elapsed = False, old.elapsed
        old._tick()  # what its interval timer does if it fires now
        assert old.elapsed == elapsed and app.is_running
