"""Kiosk lock: no key, palette entry or @click markup quits, suspends or escapes; the operator can."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURE_GUIDE
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


async def _on_screen(app: GuideApp, pilot: object, where: str) -> None:
    """Bring ``app`` (a kiosk show) to the screen named ``where``."""
    from textual.pilot import Pilot

    from tui.screens.present import PresentScreen

    assert isinstance(pilot, Pilot) and isinstance(app, PresentApp)
    if where == "attract":
        return
    app.play(1)
    await pilot.pause()
    if where == "paused topic":
        await pilot.press("space")
    elif where == "reader":
        await pilot.press("j")
    elif where == "crisis panel":
        await pilot.press("exclamation_mark")
    elif where == "link panel":
        app.open_url("https://example.org/page")
    await pilot.pause(0.1)
    if where in ("playing topic", "paused topic"):
        assert isinstance(app.screen, PresentScreen)


SCREENS = ["attract", "playing topic", "paused topic", "reader", "crisis panel", "link panel"]


@pytest.mark.parametrize("where", SCREENS)
async def test_the_exit_key_works_on_every_screen_of_the_show(guide: Guide, where: str) -> None:
    """Three presses, not four: no screen eats the first one as a visitor's take-over."""
    app = PresentApp(guide, kiosk=True, exit_key="ctrl+g", interval=1000)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_screen(app, pilot, where)
        before = app.screen
        await pilot.press("ctrl+g", "ctrl+g")
        await pilot.pause()
        assert app.is_running and app.screen is before, "two presses neither exit nor take over"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not app.is_running, where


async def test_the_exit_key_is_not_a_visitors_key(guide: Guide) -> None:
    """One press of the exit key on the attract screen hands nothing to a visitor."""
    app = PresentApp(guide, kiosk=True, exit_key="f7", interval=1000)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "AttractScreen"


async def test_presses_spread_out_do_not_exit(guide: Guide) -> None:
    app = PresentApp(guide, kiosk=True, exit_key="ctrl+g", interval=1000)
    app.exit_chord.window = 0.3
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.press("ctrl+g")
            await pilot.pause(0.2)
        assert app.is_running


@pytest.mark.parametrize("key", ["ctrl+O", "C-o", "bogus-key", "ctrl+c", "ctrl+i", "x", "enter", "f25", ""])
def test_a_bad_exit_key_exits_2_with_one_clear_line(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tui import cli

    with pytest.raises(SystemExit) as caught:
        cli.run(["present", "--kiosk", "--exit-key", key])
    assert caught.value.code == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert f"argument --exit-key: {key!r} is not a key the app can count" in error
    assert "ctrl+" in error and "f1 to f24" in error


@pytest.mark.parametrize("key", ["ctrl+o", "ctrl+g", "f1", "f9", "f24"])
def test_good_exit_keys(key: str) -> None:
    from tui.kiosk import exit_key_problem
    from tui.options import parse_options

    assert exit_key_problem(key) is None
    assert parse_options(["present", "--kiosk", "--exit-key", key]).exit_key == key


@pytest.mark.parametrize("command", [[], ["present"], ["serve"]])
def test_kiosk_needs_an_exit_key_of_the_operators_own(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from tui import cli

    assert cli.run(["--kiosk", *command]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--kiosk needs --exit-key KEY" in error


async def test_the_kiosk_reader_remembers_nothing(
    guide: Guide, empty_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A visitor's topic is not written for the next visitor or the next start."""
    from tui import cli

    made: list[GuideApp] = []

    def run(self: GuideApp) -> None:
        made.append(self)

    monkeypatch.setattr(GuideApp, "run", run)
    monkeypatch.setattr("tui.cli.set_aside", lambda: None)  # no app runs to release what it sets aside
    assert cli.run(["--kiosk", "--exit-key", "ctrl+g", "--content", str(FIXTURE_GUIDE)]) == 0
    assert made and made[0].state is None and made[0].exit_key == "ctrl+g"
    assert not (empty_home / "ketamine-tui" / "state.json").exists()
