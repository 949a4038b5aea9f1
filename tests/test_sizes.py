"""Odd terminal sizes: tiny ones get a calm message, and resize storms with keys cause no exception."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import GuideApp
from tui.screens.reader import MIN_HEIGHT, MIN_WIDTH
from tui.widgets import TopicList, TopicView

AppFactory = Callable[[], GuideApp]


async def test_one_by_one_shows_the_enlarge_message_and_recovers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        message = app.screen.query_one("#too-small")
        reader = (app.screen.query_one(TopicList), app.screen.query_one(TopicView))
        assert message.display and not any(widget.display for widget in reader)
        await pilot.press("j", "n", "space")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not message.display and all(widget.display for widget in reader)
        assert app.is_running


@pytest.mark.parametrize("size", [(MIN_WIDTH - 1, 20), (80, MIN_HEIGHT - 1)])
async def test_below_the_minimum_only_the_message_shows(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#too-small").display


async def test_resize_storm_with_keys_in_between(make_app: AppFactory) -> None:
    sizes = [(1, 1), (300, 100), (2, 1), (1, 50), (40, 12), (19, 7), (20, 8), (59, 24), (60, 24), (1, 1)]
    keys = ["j", "n", "s", "slash", "escape", "question_mark", "escape", "space", "G", "p"]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            for (width, height), key in zip(sizes, keys, strict=True):
                await pilot.resize_terminal(width, height)
                await pilot.press(key)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


class _BareList(App[None]):
    CSS = "OptionList { padding: 0 1; }"

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(Content(f"Item {n} with some text")) for n in range(5)])


@pytest.mark.xfail(raises=ValueError, strict=True, reason="Textual 8.2.8 / Rich 15: chop_cells at width 0")
async def test_upstream_option_list_crashes_at_one_by_one() -> None:
    """The framework bug the guards above exist for. When this starts passing, the guards can go."""
    app = _BareList()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(1, 1)
        await pilot.pause()


@pytest.mark.parametrize("keys", [["s"], ["slash", "a"], ["question_mark"]])
async def test_lists_and_dialogs_at_one_by_one(make_app: AppFactory, keys: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.press("down", "j")
        await pilot.resize_terminal(3, 2)
        await pilot.pause()
        assert app.is_running
