"""Kiosk lock: no key, palette entry or @click markup quits, suspends or escapes; the operator can."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Static

from tui.app import GuideApp
from tui.guide import Guide
from tui.present import PresentApp

BLOCKED_KEYS = ["ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "q", "ctrl+p", "ctrl+s", "f1", "t"]
BLOCKED_ACTIONS = [
    "app.quit",
    "app.command_palette",
    "app.screenshot",
    "app.screenshot('x.svg', '.')",
    "app.help_quit",
    "app.suspend_process",
    "app.change_theme",
    "app.toggle_dark",
    "app.show_help_panel",
    "app.push_screen('_default')",
    "app.cycle_theme",
]


@pytest.fixture(autouse=True)
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME and working directory, to prove no file is written."""
    for name in ("HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("make", [GuideApp, PresentApp], ids=["reader", "present"])
async def test_no_key_escapes(guide: Guide, make: type[GuideApp], empty_home: Path) -> None:
    app = make(guide, kiosk=True)
    theme = app.theme
    async with app.run_test(size=(100, 30)) as pilot:
        for key in BLOCKED_KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running, key
        assert len(app.screen_stack) <= 2 and "CommandPalette" not in type(app.screen).__name__
        assert app.theme == theme
    assert os.listdir(empty_home) == []


@pytest.mark.parametrize("action", BLOCKED_ACTIONS)
async def test_no_action_escapes(guide: Guide, action: str, empty_home: Path) -> None:
    app = GuideApp(guide, kiosk=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await app.run_action(action) is False
        await pilot.pause()
        assert app.is_running and app.screen_stack[0] is app.screen
    assert os.listdir(empty_home) == []


async def test_clicking_action_markup_does_nothing(guide: Guide, empty_home: Path) -> None:
    app = GuideApp(guide, kiosk=True)
    async with app.run_test(size=(100, 30)) as pilot:
        markup = "[@click=app.quit]QUIT[/] [@click=app.screenshot('x.svg','.')]SHOT[/]"
        await app.screen.mount(Static(markup, id="trap"))
        await pilot.pause()
        trap = app.screen.query_one("#trap")
        for x in range(0, 9):
            await pilot.click(trap, offset=(x, 0))
        assert app.is_running
    assert os.listdir(empty_home) == []


async def test_without_kiosk_the_same_markup_would_quit(guide: Guide) -> None:
    """The control: the trap above is real."""
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.mount(Static("[@click=app.quit]QUIT[/]", id="trap"))
        await pilot.pause()
        await pilot.click("#trap", offset=(1, 0))
        await pilot.pause()
        assert not app.is_running


async def test_reader_keys_still_work_in_kiosk(guide: Guide) -> None:
    app = GuideApp(guide, kiosk=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "tab", "slash", *"table", "enter")
        await pilot.pause(0.3)
        assert app.is_running and type(app.screen).__name__ == "ReaderScreen"


async def test_operator_exits_with_the_exit_key_three_times(guide: Guide) -> None:
    app = GuideApp(guide, kiosk=True, exit_key="ctrl+o")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o", "ctrl+o")
        assert app.is_running
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not app.is_running


async def test_custom_exit_key(guide: Guide) -> None:
    app = PresentApp(guide, kiosk=True, exit_key="f9")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+o")
        assert app.is_running
        await pilot.press("f9", "f9", "f9")
        await pilot.pause()
        assert not app.is_running


async def test_help_in_kiosk_mode_offers_no_refused_key(guide: Guide) -> None:
    app = GuideApp(guide, kiosk=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        explanations = [what for rows in app.screen.rows.values() for _, what in rows]
        assert "Go to the next topic" in explanations
        assert "Find a topic or a command by name" not in explanations
        assert "Leave the guide" not in explanations
        assert "Switch to the next colour theme" not in explanations
