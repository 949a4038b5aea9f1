"""Help now is one key away on every screen and in every mode, and Escape returns to the same place.

Also the command palette's "Help now: crisis lines", found by the words a reader in distress types.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette, Hit
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tui.app import GuideApp
from tui.commands import HELP_NOW, TopicCommands
from tui.guide import Guide, load_guide
from tui.present import PresentApp
from tui.screens import ReaderScreen
from tui.screens.attract import AttractScreen
from tui.screens.crisis import CrisisScreen
from tui.screens.help import HelpScreen
from tui.screens.link import LinkScreen
from tui.screens.outline import OutlineScreen
from tui.screens.present import PresentScreen
from tui.screens.search import SearchScreen
from tui.widgets import PageView, TopicList, TopicView

SHIPPED_GUIDE = Path(__file__).resolve().parent.parent / "content.yaml"
SIZE = (100, 30)

Setup = Callable[[Pilot[None]], Awaitable[None]]


async def until(pilot: Pilot[None], ready: Callable[[], bool], polls: int = 100) -> None:
    """Pause in short steps, a bounded number of times, until ``ready()``."""
    for _ in range(polls):
        if ready():
            return
        await pilot.pause(0.05)
    assert ready(), [type(screen).__name__ for screen in pilot.app.screen_stack]


def place(app: GuideApp) -> dict[str, object]:
    """Everything that makes the place on screen: the screens, the focus, each widget's scroll offset,
    the page each text shows, the topic of a reader or a show, what a search box or a list holds."""
    screen = app.screen
    state: dict[str, object] = {"stack": list(app.screen_stack), "focused": app.focused}
    for number, widget in enumerate(screen.query("*")):
        state[f"{number} {type(widget).__name__}"] = widget.scroll_offset
    for view in screen.query(PageView):
        state[f"page of {view}"] = view.page
    for field in screen.query(Input):
        state[f"input {field}"] = (field.value, field.cursor_position)
    for options in screen.query(OptionList):
        state[f"highlighted {options}"] = options.highlighted
    if isinstance(screen, ReaderScreen):
        state["topic"] = screen.pages[screen.current].id
        state["scroll_y"] = screen.query_one(TopicView).scroll_y
    if isinstance(screen, PresentScreen):
        state["shown"] = screen.index
    return state


async def shows_the_crisis_lines(pilot: Pilot[None], guide: Guide) -> None:
    """The panel is on top and shows every crisis line, whole, and the disclaimer."""
    await until(pilot, lambda: isinstance(pilot.app.screen, CrisisScreen))
    await pilot.pause()
    text = " ".join(" ".join(line.text.split()) for line in pilot.app.screen.query_one(PageView).lines)
    assert "If you need help now" in text
    for line in guide.crisis_lines:
        assert line.region in text and line.contact in text
    assert guide.disclaimer in text


async def press_help_and_escape(pilot: Pilot[None], guide: Guide) -> None:
    """``!`` opens the panel over the screen, which stays as it was; Escape returns to it unchanged."""
    app = pilot.app
    assert isinstance(app, GuideApp)
    before = place(app)
    under, stack = app.screen, app.screen_stack
    await pilot.press("exclamation_mark")
    await shows_the_crisis_lines(pilot, guide)
    assert app.screen_stack[:-1] == stack
    panel = app.screen
    await pilot.press("exclamation_mark")  # pressed again, it stays: only Escape closes it
    await pilot.pause()
    assert app.screen_stack == [*stack, panel]
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is under
    assert place(app) == before


async def fourth_topic_scrolled(pilot: Pilot[None]) -> None:
    await pilot.press("4", "space")
    await pilot.pause()
    reader = pilot.app.screen
    assert isinstance(reader, ReaderScreen) and reader.query_one(TopicView).scroll_y > 0
    assert isinstance(pilot.app.focused, TopicList)


async def text_focused_scrolled(pilot: Pilot[None]) -> None:
    await pilot.press("4", "enter", "pagedown", "down")
    await pilot.pause()
    assert isinstance(pilot.app.focused, TopicView) and pilot.app.focused.scroll_y > 0


async def search_typed(pilot: Pilot[None]) -> None:
    await pilot.press("slash", *"paragraph", "left")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SearchScreen)
    assert pilot.app.screen.query_one(Input).value == "paragraph"


async def help_scrolled(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    await pilot.press("j", "j")
    await pilot.pause()


async def outline_moved(pilot: Pilot[None]) -> None:
    await pilot.press("2", "o", "down")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OutlineScreen)
    assert pilot.app.screen.query_one(OptionList).highlighted == 1


async def link_panel(pilot: Pilot[None]) -> None:
    pilot.app.open_url("https://example.org/page")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LinkScreen)


@pytest.mark.parametrize(
    "setup",
    [fourth_topic_scrolled, text_focused_scrolled, search_typed, help_scrolled, outline_moved, link_panel],
    ids=["list-focused", "text-focused", "search", "help", "outline", "link"],
)
@pytest.mark.parametrize("kiosk", [False, True], ids=["reader", "kiosk"])
async def test_help_now_from_every_screen_of_the_reader(guide: Guide, setup: Setup, kiosk: bool) -> None:
    app = GuideApp(guide, kiosk=kiosk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await setup(pilot)
        await press_help_and_escape(pilot, guide)


async def test_in_the_search_box_the_key_opens_help_instead_of_typing(guide: Guide) -> None:
    """The search box would type "!"; the app's key has priority, so it opens the panel and types
    nothing, and the query is the same when the panel closes."""
    app = GuideApp(guide)
    async with app.run_test(size=SIZE) as pilot:
        await search_typed(pilot)
        field = app.screen.query_one(Input)
        await pilot.press("exclamation_mark")
        await shows_the_crisis_lines(pilot, guide)
        assert field.value == "paragraph"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.focused is field
        await pilot.press("s")
        assert field.value == "paragrapsh", "typing goes on where the cursor was"


@pytest.mark.parametrize("kiosk", [False, True], ids=["present", "kiosk"])
async def test_help_now_over_the_attract_screen(guide: Guide, kiosk: bool) -> None:
    """The panel stays up past the attract screen's time, and Escape returns to the same screen."""
    app = PresentApp(guide, interval=0.5, idle=600, kiosk=kiosk)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AttractScreen))
        attract = app.screen
        await pilot.press("exclamation_mark")
        await shows_the_crisis_lines(pilot, guide)
        await pilot.pause(1.0)  # the show would have started by now
        assert isinstance(app.screen, CrisisScreen) and app.screen_stack[-2] is attract
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is attract


@pytest.mark.parametrize("kiosk", [False, True], ids=["present", "kiosk"])
async def test_help_now_over_a_playing_topic(guide: Guide, kiosk: bool) -> None:
    """The topic's time stops while the panel is up: the show stays on the same topic, at the same
    place, and goes on from there once the panel is closed."""
    app = PresentApp(guide, interval=600, idle=600, kiosk=kiosk)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AttractScreen))
        app.play(0)
        await until(pilot, lambda: isinstance(app.screen, PresentScreen))
        await pilot.pause()
        playing = app.screen
        assert isinstance(playing, PresentScreen)
        await press_help_and_escape(pilot, guide)
        await pilot.press("exclamation_mark")
        await shows_the_crisis_lines(pilot, guide)
        elapsed = playing.elapsed
        # The topic's time would run out while the panel is up (the page's time is worked out from
        # its minimum whenever its text is laid out again).
        playing.minimum = playing.duration = elapsed + 0.5
        await pilot.pause(1.0)
        assert isinstance(app.screen, CrisisScreen) and app.screen_stack[-2] is playing
        assert playing.elapsed == elapsed
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is playing and playing.index == 0
        await until(pilot, lambda: isinstance(app.screen, PresentScreen) and app.screen.index == 1)


async def test_help_now_over_a_visitor_reading_in_presentation_mode(guide: Guide) -> None:
    app = PresentApp(guide, interval=600, idle=600)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AttractScreen))
        await pilot.press("x")  # any key: a visitor takes over with the reader
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await fourth_topic_scrolled(pilot)
        await press_help_and_escape(pilot, guide)


# The command palette


async def palette_hits(app: GuideApp, query: str) -> list[Hit]:
    """The hits of the app's own provider for ``query``, best first, as the palette orders them."""
    hits = [hit async for hit in TopicCommands(app.screen).search(query)]
    return sorted(hits, key=lambda hit: hit.score, reverse=True)


def top(hits: list[Hit]) -> str | None:
    return hits[0].text if hits else None


@pytest.mark.parametrize(
    "query",
    ["crisis", "help", "Help now", "suicide", "988", "Samaritans", "emergency", "Testland", "000", "call"],
)
async def test_the_palette_puts_help_now_first(guide: Guide, query: str) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=SIZE):
        assert top(await palette_hits(app, query)) == HELP_NOW
        assert top(await palette_hits(app, query.upper())) == HELP_NOW


def numbers(guide: Guide) -> list[str]:
    """Every number of two digits or more in the crisis lines, as written and without separators."""
    written = re.findall(r"\d+(?:[ -]\d+)*", " ".join(line.contact for line in guide.crisis_lines))
    return sorted(
        {form for number in written for form in (number, re.sub(r"\D", "", number)) if len(form) > 1}
    )


async def test_the_palette_finds_help_now_by_every_number_of_the_shipped_guide() -> None:
    guide = load_guide(SHIPPED_GUIDE)
    found = numbers(guide)
    assert {"988", "9-8-8", "911", "116 123", "116123", "999"} <= set(found)  # the test's premise
    app = GuideApp(guide)
    async with app.run_test(size=SIZE):
        for query in [*found, "Samaritans", "samaritans.org", "suicide", "crisis", "help"]:
            assert top(await palette_hits(app, query)) == HELP_NOW, query


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("Second topic", "Second topic"),
        ("sec", "Second topic"),
        ("fourth", "Fourth topic"),
        ("abo", "About this guide"),
    ],
)
async def test_the_palette_still_puts_a_named_page_first(guide: Guide, query: str, page: str) -> None:
    """Help now is first for what names help, not for every query."""
    app = GuideApp(guide)
    async with app.run_test(size=SIZE):
        assert top(await palette_hits(app, query)) == page


@pytest.mark.parametrize("query", ["help", "crisis"])
async def test_help_now_comes_before_a_page_of_the_same_name(guide: Guide, query: str) -> None:
    titled = replace(
        guide, topics=(replace(guide.topics[0], title=f"{query.title()} with costs"), *guide.topics[1:])
    )
    app = GuideApp(titled)
    async with app.run_test(size=SIZE):
        hits = [hit.text for hit in await palette_hits(app, query)]
        assert hits[:2] == [HELP_NOW, f"{query.title()} with costs"]


async def test_help_now_is_offered_first_on_every_screen(guide: Guide) -> None:
    app = PresentApp(guide, interval=600, idle=600)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AttractScreen))
        offered = [hit.text async for hit in TopicCommands(app.screen).discover()]
        assert offered == [HELP_NOW]  # no reader here, so no pages to go to
    app = GuideApp(guide)
    async with app.run_test(size=SIZE):
        offered = [hit.text async for hit in TopicCommands(app.screen).discover()]
        assert offered[0] == HELP_NOW and len(offered) == 1 + len(app.pages)


@pytest.mark.parametrize("query", ["988", "000", "suicide"])
async def test_choosing_help_now_in_the_palette_opens_the_panel(guide: Guide, query: str) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=SIZE) as pilot:
        await fourth_topic_scrolled(pilot)
        reader = app.screen
        before = place(app)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*query)
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0 and commands.highlighted == 0)
        await pilot.pause(0.3)  # the palette gathers every provider's hits before it settles
        assert str(commands.get_option_at_index(0).prompt) == HELP_NOW
        await pilot.press("enter")
        await shows_the_crisis_lines(pilot, guide)
        assert app.screen_stack == [reader, app.screen]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader and place(app) == before
