"""Drive the reader with Pilot: every key of the reader, the mouse, and sidebar/content sync."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.widgets import TextArea

from tui.app import GuideApp
from tui.guide import Guide
from tui.screens import ReaderScreen
from tui.screens.help import HelpScreen
from tui.screens.link import LinkScreen
from tui.widgets import TopicList, TopicView

AppFactory = Callable[[], GuideApp]
PAGE_IDS = ["first-topic", "second-topic", "third-topic", "fourth-topic", "sources", "about"]


def shown(app: GuideApp) -> str:
    """The id of the page in the content pane."""
    page = app.screen.query_one(TopicView).page
    assert page is not None
    return page.id


def highlighted(app: GuideApp) -> str | None:
    topics = app.screen.query_one(TopicList)
    return topics.pages[topics.highlighted].id


async def test_starts_on_first_topic_with_list_focused(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert shown(app) == "first-topic"
        assert isinstance(app.focused, TopicList)
        assert app.title == "Fixture guide"
        assert app.sub_title == "A small guide for tests"
        assert [page.id for page in app.screen.query_one(TopicList).pages] == PAGE_IDS


@pytest.mark.parametrize(("down", "up"), [("down", "up"), ("j", "k")])
async def test_list_keys_move_and_show_at_once(make_app: AppFactory, down: str, up: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(down, down)
        assert highlighted(app) == shown(app) == "third-topic"
        await pilot.press(up)
        assert highlighted(app) == shown(app) == "second-topic"
        text = [line.text.strip() for line in app.screen.query_one(TopicView).lines]
        assert "A table" in text


@pytest.mark.parametrize("key", ["enter", "right", "l"])
async def test_enter_right_l_move_focus_into_text(make_app: AppFactory, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", key)
        assert isinstance(app.focused, TopicView)
        assert shown(app) == "second-topic"


@pytest.mark.parametrize("key", ["left", "h", "escape"])
async def test_left_h_escape_move_focus_back(make_app: AppFactory, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.focused, TopicView)
        await pilot.press(key)
        assert isinstance(app.focused, TopicList)


async def test_tab_moves_into_the_text_through_its_links_and_back_to_the_list(make_app: AppFactory) -> None:
    """As in GNU info, Tab in the text goes from link to link; past the last one, to the next pane."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, TopicView)
        view = app.focused
        await pilot.press("tab")
        assert view.focused_link is not None and view.focused_link.href == "#second-topic"
        await pilot.press("tab")
        assert view.focused_link is not None and view.focused_link.href == "https://example.org/page"
        followed = []
        while isinstance(app.focused, TopicView) and len(followed) < 10:
            followed.append(view.focused_link.href if view.focused_link else None)
            await pilot.press("tab")
        assert isinstance(app.focused, TopicList), "past the last link, Tab goes on to the topic list"
        assert followed[1:] and all(href and href.startswith("https://") for href in followed[1:]), followed
        await pilot.press("tab", "shift+tab")
        assert isinstance(app.focused, TopicView) and view.focused_link is not None
        back = []
        while isinstance(app.focused, TopicView) and len(back) < 10:
            back.append(view.focused_link.href if view.focused_link else None)
            await pilot.press("shift+tab")
        assert isinstance(app.focused, TopicList), "before the first link, Shift+Tab goes back to the list"
        assert back[-1] == "#second-topic"


async def test_n_and_p_work_from_the_list_and_from_the_text(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert shown(app) == "second-topic"
        await pilot.press("enter", "n")
        assert isinstance(app.focused, TopicView)
        assert highlighted(app) == shown(app) == "third-topic"
        await pilot.press("p", "p", "p")
        assert shown(app) == "first-topic", "p stops at the first topic"
        for _ in range(8):
            await pilot.press("n")
        assert shown(app) == "about", "n stops at the last page"


@pytest.mark.parametrize(("key", "page"), [("1", "first-topic"), ("3", "third-topic"), ("6", "about")])
async def test_digits_jump_to_topic_n(make_app: AppFactory, key: str, page: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", key)
        assert highlighted(app) == shown(app) == page


async def test_digit_past_the_end_does_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "9")
        assert shown(app) == "second-topic"


@pytest.mark.parametrize(("last", "first"), [("G", "g"), ("end", "home")])
async def test_first_and_last_topic_keys_in_the_list(make_app: AppFactory, last: str, first: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(last)
        assert shown(app) == "about"
        await pilot.press(first)
        assert shown(app) == "first-topic"
        assert highlighted(app) == "first-topic"


@pytest.mark.parametrize("down", ["space", "pagedown"])
async def test_page_keys_scroll_the_text_from_anywhere(make_app: AppFactory, down: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        assert view.max_scroll_y > 0, "the fixture's fourth topic must be longer than the pane"
        assert isinstance(app.focused, TopicList)
        await pilot.press(down)
        await pilot.pause()
        assert view.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_y == 0


async def test_new_topic_starts_at_the_top(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "space")
        await pilot.pause()
        await pilot.press("p", "n")
        await pilot.pause()
        assert app.screen.query_one(TopicView).scroll_y == 0


async def test_question_mark_opens_help_generated_from_bindings(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        explanations = {what: keys for rows in app.screen.rows.values() for keys, what in rows}
        # Every described binding of the reader appears with its keys.
        assert explanations["Go to the next topic"] == "n"
        assert explanations["Leave the guide"] == "q"
        assert explanations["Back to the topic list"] == "← h esc"
        assert explanations["Go to topic N (two digits quickly for 10 and up)"] == "0 1 2 3 4 5 6 7 8 9"
        assert explanations["Find a topic or a command by name"] == "^p"
        assert explanations["Scroll the text or the topic list"] == "wheel"
        assert explanations["Top of the topic"] == "g < home"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_q_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_clicking_a_topic_shows_it_and_moves_into_the_text(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Row 0 is the header; the list starts on row 1, one option per row.
        await pilot.click(TopicList, offset=(5, 2))
        await pilot.pause()
        assert shown(app) == "third-topic"
        assert isinstance(app.focused, TopicView)


async def test_s_hides_and_shows_the_list_on_a_wide_terminal(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        topics = app.screen.query_one(TopicList)
        await pilot.press("s")
        await pilot.pause()
        assert not topics.display
        assert isinstance(app.focused, TopicView)
        await pilot.press("s")
        await pilot.pause()
        assert topics.display
        assert isinstance(app.focused, TopicList)


@pytest.mark.parametrize("size", [(50, 20), (40, 12)])
async def test_narrow_terminal_collapses_the_list_into_a_toggle(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        topics, view = app.screen.query_one(TopicList), app.screen.query_one(TopicView)
        assert app.screen.has_class("-narrow")
        assert not topics.display and view.display
        assert view.outer_size.width == size[0], "the text gets the whole width"
        await pilot.press("s")
        await pilot.pause()
        assert topics.display and not view.display
        assert topics.outer_size.width == size[0], "the open list gets the whole width"
        await pilot.press("j", "enter")
        await pilot.pause()
        assert shown(app) == "second-topic"
        assert view.display and not topics.display
        assert isinstance(app.focused, TopicView)
        await pilot.press("escape")
        await pilot.pause()
        assert topics.display, "going back opens the list again"


async def test_wide_terminal_shows_both_panes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert app.screen.query_one(TopicList).display
        assert app.screen.query_one(TopicView).display


async def test_internal_link_switches_topic(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one(TopicView)
        view.post_message(TopicView.LinkClicked("#second-topic"))
        await pilot.pause()
        assert highlighted(app) == shown(app) == "second-topic"


async def test_external_link_shows_url_and_never_opens_a_browser(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link to the web opens a panel with the whole address (one line of text, wrapped on screen),
    never a browser."""
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one(TopicView)
        shown_urls = []
        for post in (
            lambda: view.post_message(TopicView.LinkClicked("https://example.org/page")),
            lambda: app.open_url("https://example.org/direct"),
        ):
            post()
            await pilot.pause()
            assert isinstance(app.screen, LinkScreen)
            address = app.screen.query_one("#address", TextArea)
            assert address.read_only and address.soft_wrap
            shown_urls.append(address.text)
            await pilot.press("escape")
            await pilot.pause()
        assert shown_urls == ["https://example.org/page", "https://example.org/direct"]
        assert shown(app) == "first-topic"
    assert opened == []


LONG_URL = (
    "https://www.accessdata.fda.gov/drugsatfda_docs/label/2025/211243s016lbl.pdf"
    "#page=12&section=boxed-warning-and-other-words-that-make-it-long"
)


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (130, 40)])
@pytest.mark.parametrize("kiosk", [False, True])
async def test_a_long_address_is_shown_whole(guide: Guide, size: tuple[int, int], kiosk: bool) -> None:
    """An address wider than the panel wraps onto more lines: none of it is hidden or scrolled away
    (it once stood on one line that its own sideways scrollbar covered)."""
    app = GuideApp(guide, kiosk=kiosk)
    async with app.run_test(size=size) as pilot:
        app.open_url(LONG_URL)
        await pilot.pause()
        address = app.screen.query_one("#address")
        assert address.size.height >= 2 and address.size.width > 0
        if isinstance(address, TextArea):
            assert address.text == LONG_URL
            assert (address.max_scroll_x, address.max_scroll_y) == (0, 0), "part of it is out of view"
        else:  # kiosk: plain text, wrapped
            assert address.virtual_size.height <= address.size.height


async def test_keys_faster_than_the_reader_settle_on_the_last_topic(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys that arrive together (a held key, a paste) once made the list and the reader echo each
    other's moves back for ever, so the text never settled."""
    shows: list[int] = []
    watch = ReaderScreen.watch_current
    monkeypatch.setattr(ReaderScreen, "watch_current", lambda self, i: (shows.append(i), watch(self, i)))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(3):  # all three queued before the first is handled, as a terminal delivers them
            app.post_message(events.Key("j", "j"))
        await pilot.pause(0.5)
        assert shown(app) == highlighted(app) == "fourth-topic"
        assert shows == [1, 2, 3]
