"""Reading by keyboard as in less and GNU info: every key of the text pane, the outline, Back and Forward
to the exact place, two-digit topic numbers and the search's match keys (issue #16)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from guides import guide_with_topics, topic_yaml
from textual.pilot import Pilot

from tui.app import GuideApp
from tui.guide import Guide
from tui.screens import ReaderScreen
from tui.screens.link import LinkScreen
from tui.screens.outline import OutlineScreen
from tui.screens.search import SearchScreen
from tui.widgets import TopicList, TopicView

AppFactory = Callable[[], GuideApp]
SIZE = (100, 20)


def view_of(app: GuideApp) -> TopicView:
    return app.screen.query_one(TopicView)


def shown(app: GuideApp) -> str:
    page = view_of(app).page
    assert page is not None
    return page.id


def top_line(app: GuideApp) -> str:
    view = view_of(app)
    return view.lines[round(view.scroll_y)].text.strip()


async def reading_topic_four(pilot: Pilot[None]) -> TopicView:
    """The long fourth topic, with the text focused and laid out to its end."""
    await pilot.press("4", "enter")
    await pilot.pause(0.3)
    view = view_of(pilot.app)  # type: ignore[arg-type]
    assert isinstance(pilot.app.focused, TopicView) and view.max_scroll_y > 10
    return view


@pytest.mark.parametrize("keys", [["j"], ["down"]])
async def test_a_line_down_and_up(make_app: AppFactory, keys: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading_topic_four(pilot)
        await pilot.press(*keys, *keys)
        assert view.scroll_y == 2
        await pilot.press("k" if keys == ["j"] else "up")
        assert view.scroll_y == 1


@pytest.mark.parametrize(
    ("forward", "back"), [("space", "b"), ("f", "ctrl+b"), ("ctrl+f", "pageup"), ("pagedown", "b")]
)
async def test_a_screenful_on_and_back(make_app: AppFactory, forward: str, back: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading_topic_four(pilot)
        height = view.scrollable_content_region.height
        await pilot.press(forward)
        assert view.scroll_y == height
        await pilot.press(back)
        assert view.scroll_y == 0


@pytest.mark.parametrize(("down", "up"), [("d", "u"), ("ctrl+d", "ctrl+u")])
async def test_half_a_screenful(make_app: AppFactory, down: str, up: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading_topic_four(pilot)
        half = view.scrollable_content_region.height // 2
        await pilot.press(down, down)
        assert view.scroll_y == 2 * half
        await pilot.press(up)
        assert view.scroll_y == half


@pytest.mark.parametrize(
    ("end", "top"), [("G", "g"), ("greater_than_sign", "less_than_sign"), ("end", "home")]
)
async def test_the_end_and_the_top_of_the_topic_not_another_topic(
    make_app: AppFactory, end: str, top: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading_topic_four(pilot)
        await pilot.press(end)
        assert view.scroll_y == view.max_scroll_y > 0 and shown(app) == "fourth-topic"
        assert "Space goes on" in view.lines[-1].text, "the end says what comes next"
        await pilot.press(top)
        assert view.scroll_y == 0 and shown(app) == "fourth-topic"


async def test_space_at_the_end_of_a_topic_goes_on_to_the_next(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading_topic_four(pilot)
        assert any("Next: 5. Sources" in line.text for line in view.lines)
        await pilot.press("G", "space")
        await pilot.pause()
        assert shown(app) == "sources" and view.scroll_y == 0
        assert isinstance(app.focused, TopicView), "still reading"


async def test_enter_follows_the_focused_link_and_back_returns_to_the_place(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "tab")
        view = view_of(app)
        assert view.focused_link is not None and view.focused_link.href == "#second-topic"
        before = (view.scroll_y, top_line(app))
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app) == "second-topic"
        await pilot.press("backspace")
        await pilot.pause()
        assert shown(app) == "first-topic" and (view.scroll_y, top_line(app)) == before
        await pilot.press("alt+right")
        await pilot.pause()
        assert shown(app) == "second-topic"


async def test_enter_on_a_link_to_the_web_opens_its_panel(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "tab", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LinkScreen) and app.screen.url == "https://example.org/page"


async def test_back_after_a_search_returns_to_the_passage_it_left(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading_topic_four(pilot)
        await pilot.press("space", "j", "j")
        place = top_line(app)
        await pilot.press("slash", *"beta")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert shown(app) == "second-topic"
        await pilot.press("backspace")
        await pilot.pause()
        assert shown(app) == "fourth-topic" and top_line(app) == place and view.scroll_y > 0


async def test_the_outline_lists_the_sections_and_jumps_to_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutlineScreen)
        titles = [part.title for part in app.screen.page.parts]
        assert titles == ["First topic", "Opening", "Closing", "Sources for this topic"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = view_of(app)
        closing = next(y for y, line in enumerate(view.lines) if line.text.strip() == "Closing")
        assert view.scroll_y <= closing < view.scroll_y + view.scrollable_content_region.height
        assert view.scroll_y > 0 and isinstance(app.focused, TopicView)
        await pilot.press("backspace")
        await pilot.pause()
        assert top_line(app) == "First topic", "Back returns to where the outline was opened"


def _guide_of(pages: int) -> Guide:
    return guide_with_topics(
        "".join(topic_yaml(f"t{n}", f"Topic {n}", [("S", "Text.")]) for n in range(pages))
    )


async def test_two_digits_pressed_quickly_reach_topics_ten_and_up() -> None:
    app = GuideApp(_guide_of(12))  # 12 topics, then Sources and About: 14 pages
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "3")
        assert shown(app) == "sources"
        await pilot.press("1")
        assert shown(app) == "t0"
        await pilot.pause(0.8)  # too late for a second digit
        await pilot.press("2")
        assert shown(app) == "t1"
        await pilot.press("9")  # 29: no such topic, so 9 on its own
        assert shown(app) == "t8"


def match_keys(app: GuideApp) -> bool:
    """Whether the footer and the keys offer ``.`` and ``,`` (a key whose action is refused is left out)."""
    active = app.screen.active_bindings
    return "full_stop" in active and "comma" in active


async def test_the_match_keys_step_through_every_match_and_show_only_after_a_search(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        view = view_of(app)
        assert not match_keys(app), "no search: no match keys"
        await pilot.press("slash", *"scroll")  # only the long fourth topic has it, in every paragraph
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert shown(app) == "fourth-topic" and match_keys(app)
        first = view.marked_line
        assert first is not None and "scroll" in view.lines[first].text
        seen = [first]
        for _ in range(3):
            await pilot.press("full_stop")
            seen.append(view.marked_line)
        assert seen == sorted(seen) and len(set(seen)) == 4, seen
        await pilot.press("comma")
        assert view.marked_line == seen[-2]
        await pilot.press("3")  # another topic, shown without a search: the keys go
        assert not match_keys(app)


async def test_focus_moves_into_the_text_and_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, TopicList)
        await pilot.press("right")
        assert isinstance(app.focused, TopicView)
        await pilot.press("left")
        assert isinstance(app.focused, TopicList)


def whole_footer_keys(app: GuideApp) -> list[str]:
    """The footer's keys (Textual's FooterKey widgets) that are on screen whole."""
    keys = app.screen.query("FooterKey")
    return [
        getattr(key, "description", "")
        for key in keys
        if key.region.width and key.region.right <= app.size.width
    ]


async def test_at_80_columns_every_key_of_the_footer_shows_whole(make_app: AppFactory) -> None:
    """The compact footer: "o Outline" was cut to "o Out" beside the palette's key."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = whole_footer_keys(app)
        assert {"Help now", "Keys", "Quit", "Next", "Prev", "Search", "Outline"} <= set(shown), shown
        regions = [key.region for key in app.screen.query("FooterKey") if key.region.width]
        assert all(region.right <= 80 for region in regions), "a key is cut at the edge"
        overlaps = [(a, b) for n, a in enumerate(regions) for b in regions[n + 1 :] if a.overlaps(b)]
        assert not overlaps, "a key is drawn under another (the palette's key is docked right)"


async def test_at_40_columns_the_footer_keeps_help_now_keys_and_quit_during_a_search(
    make_app: AppFactory,
) -> None:
    """The match keys come after the keys a reader must always see (they once pushed them out)."""
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("slash", *"scroll", "enter")
        await pilot.pause(0.3)
        assert match_keys(app)
        visible = whole_footer_keys(app)
        assert {"Help now", "Keys", "Quit"} <= set(visible), visible
