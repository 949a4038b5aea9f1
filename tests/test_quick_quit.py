"""A quit at once exits cleanly: Textual's Header race (textual#4817) is held off until the first frame.

Before, ``TEXTUAL_PRESS=ctrl+q`` ended the app with ``NoMatches: No nodes match 'HeaderTitle' on
Header()``, exit status 3 and a crash log, every time. ``test_terminal_faults.py`` does the same in a
real terminal.
"""

from __future__ import annotations

import asyncio
import io

import pytest
from rich.console import Console
from textual import events
from textual.pilot import Pilot

import tui.ready_exit
from tui.app import GuideApp
from tui.guide import Guide
from tui.ready_exit import ExitWhenReady


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_a_quit_pressed_at_once_exits_cleanly_every_time(guide: Guide, key: str) -> None:
    """As ``TEXTUAL_PRESS`` does: the key is pressed as soon as the app runs, before its first frame."""

    async def press(pilot: Pilot[None]) -> None:
        await pilot.press(key)

    for _ in range(10):
        app = GuideApp(guide)
        errors = io.StringIO()
        app.error_console = Console(file=errors)
        await asyncio.wait_for(app.run_async(headless=True, size=(80, 24), auto_pilot=press), timeout=30)
        assert errors.getvalue() == "", errors.getvalue()[-800:]
        assert app.return_code == 0


class Recorder(ExitWhenReady):
    """Exits as soon as it is mounted, before its first frame; records what happens."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def on_mount(self) -> None:
        self.exit()
        self.seen.append("exit asked")

    def on_ready(self) -> None:
        self.seen.append("first frame")

    def on_unmount(self) -> None:
        self.seen.append("closed")


async def test_an_exit_asked_for_before_the_first_frame_waits_for_it() -> None:
    app = Recorder()
    await asyncio.wait_for(app.run_async(headless=True, size=(80, 24)), timeout=30)
    assert app.seen == ["exit asked", "first frame", "closed"]
    assert app.return_code == 0


class NeverReady(Recorder):
    """As if the first frame never came: the Ready event does not reach the work-around."""

    def on_ready(self, event: events.Ready) -> None:
        event.prevent_default()


async def test_an_exit_held_for_a_first_frame_that_never_comes_still_happens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tui.ready_exit, "EXIT_WAIT", 0.3)
    app = NeverReady()
    await asyncio.wait_for(app.run_async(headless=True, size=(80, 24)), timeout=30)
    assert app.seen == ["exit asked", "closed"]
