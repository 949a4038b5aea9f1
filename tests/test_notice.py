"""The notice at first start: the disclaimer and the crisis lines in one line, until the reader
dismisses it; remembered in the state file, shown at every start that remembers nothing."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import terminals
from textual.pilot import Pilot

from tui import cli
from tui.app import GuideApp
from tui.guide import Guide, load_guide
from tui.screens import ReaderScreen
from tui.screens.crisis import CrisisScreen
from tui.screens.notice import NoticeScreen
from tui.store.state import StateStore
from tui.widgets import PageView

FIXTURE_GUIDE = Path(__file__).parent / "fixtures" / "guide.yaml"
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _unfreeze() -> Iterator[None]:
    """``cli.run`` freezes what it made for the app; the fake apps here do not end to release it."""
    yield
    gc.unfreeze()


@pytest.fixture
def guide() -> Guide:
    return load_guide(FIXTURE_GUIDE)


def shown_text(app: GuideApp) -> str:
    """The words of the notice's page as laid out, one line of text per screen line."""
    view = app.screen.query_one(PageView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def notice_up(pilot: Pilot[None]) -> None:
    for _ in range(100):
        if isinstance(pilot.app.screen, NoticeScreen) and pilot.app.screen.query_one(PageView).size.height:
            return
        await pilot.pause(0.05)
    raise AssertionError(f"no notice: {pilot.app.screen_stack}")


async def test_the_notice_shows_the_disclaimer_and_a_crisis_line(guide: Guide, tmp_path: Path) -> None:
    state = StateStore(tmp_path).load()
    app = GuideApp(guide, state=state, notice=True)
    async with app.run_test(size=SIZE) as pilot:
        await notice_up(pilot)
        text = shown_text(app)
        assert "Educational information only" in text  # the fixture guide's disclaimer
        assert "In crisis? Testland 000" in text and "! for more" in text
        assert isinstance(app.screen_stack[-2], ReaderScreen), "the notice comes over the reader"
        assert not state.disclaimer_read()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert state.disclaimer_read()
    saved = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert saved["disclaimer_read"] is True
    assert StateStore(tmp_path).load().disclaimer_read(), "read back at the next start"


@pytest.mark.parametrize("key", ["escape", "enter"])
async def test_either_key_dismisses_it(guide: Guide, key: str) -> None:
    app = GuideApp(guide, notice=True)
    async with app.run_test(size=SIZE) as pilot:
        await notice_up(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        reader = app.screen
        await pilot.press("n")  # the reader has the keys again
        await pilot.pause()
        assert reader.current == 1


async def test_no_notice_unless_asked(guide: Guide) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.screen_stack) == 1


async def test_help_now_opens_over_it_and_escape_comes_back(guide: Guide) -> None:
    app = GuideApp(guide, notice=True)
    async with app.run_test(size=SIZE) as pilot:
        await notice_up(pilot)
        notice = app.screen
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is notice


async def test_quitting_from_the_notice_does_not_count_as_read(guide: Guide, tmp_path: Path) -> None:
    state = StateStore(tmp_path).load()
    app = GuideApp(guide, state=state, notice=True)
    async with app.run_test(size=SIZE) as pilot:
        await notice_up(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not StateStore(tmp_path).load().disclaimer_read()


async def test_at_40x12_the_crisis_line_is_on_screen(guide: Guide) -> None:
    app = GuideApp(guide, notice=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await notice_up(pilot)
        assert "Testland 000" in shown_text(app)


def test_a_damaged_flag_is_a_damaged_file(tmp_path: Path) -> None:
    (tmp_path / "state.json").write_text(
        '{"version": 1, "theme": null, "guides": {}, "disclaimer_read": "yes"}', encoding="utf-8"
    )
    state = StateStore(tmp_path).load()
    assert not state.disclaimer_read()
    assert state.notice is not None and "damaged" in state.notice


class _Started:
    """Stands in for GuideApp: keeps what the CLI asked for."""

    asked: ClassVar[list[dict[str, object]]] = []
    return_code: int | None = None

    def __init__(self, guide: Guide, **options: object) -> None:
        self.asked.append(options)

    def run(self) -> None:
        pass


@pytest.mark.parametrize(
    ("arguments", "already_read", "shown"),
    [
        ([], False, True),  # a first start
        ([], True, False),  # read before
        (["--no-state"], True, True),  # nothing remembered: every start
        (["--kiosk", "--exit-key", "f9"], True, True),  # a kiosk remembers nothing either
    ],
)
def test_the_cli_shows_it_once_or_at_every_start_that_remembers_nothing(
    arguments: list[str], already_read: bool, shown: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    if already_read:
        StateStore(tmp_path / "ketamine-tui").remember_disclaimer_read()
    _Started.asked = []
    monkeypatch.setattr("tui.app.GuideApp", _Started)
    assert cli.run(["--content", str(FIXTURE_GUIDE), *arguments]) == 0
    [options] = _Started.asked
    assert options["notice"] is shown


terminal = terminals.terminal
"""The fixture that starts real terminals (see ``terminals.py``)."""


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_it_shows_once(terminal: terminals.Start) -> None:
    """The installed app at a first start: the notice, Enter to read, and no notice the next time."""
    first = terminal(FIXTURE_GUIDE, first_start=True)
    assert first.wait_for("Enter to start reading"), first.screen()
    assert "In crisis? Testland 000" in first.screen()
    first.keys("Enter")
    assert first.wait_for("Enter to start reading", gone=True), first.screen()
    first.keys("q")
    assert "EXIT=0" in first.finish().screen
    state = first.home / "state" / "ketamine-tui" / "state.json"
    assert json.loads(state.read_text(encoding="utf-8"))["disclaimer_read"] is True
    again = terminal(FIXTURE_GUIDE, env={"XDG_STATE_HOME": str(first.home / "state")}, first_start=True)
    assert again.wait_for("The first topic of the fixture guide"), again.screen()
    assert "Please read" not in again.screen()
    again.keys("q")
    assert "EXIT=0" in again.finish().screen
