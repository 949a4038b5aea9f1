"""The booth as visitors and operators meet it: crisis help, idle from every state, take-over by
click, tap or wheel, a show paced for reading, opening hours, and the QR codes as drawn."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from booth_helpers import decode_drawn, wait_for
from textual import events
from textual.pilot import Pilot

from tui.app import GuideApp
from tui.guide import Guide
from tui.hours import OpeningHours, parse_hours
from tui.present import PresentApp
from tui.screens import ReaderScreen
from tui.screens.attract import AttractScreen
from tui.screens.closed import ClosedScreen
from tui.screens.crisis import CrisisScreen
from tui.screens.help import HelpScreen
from tui.screens.link import LinkScreen
from tui.screens.present import PresentScreen
from tui.widgets import PageView
from tui.widgets.crisis_bar import CrisisBar
from tui.widgets.qr_code import QRCode


def show(guide: Guide, **options: object) -> PresentApp:
    """A kiosk show that keeps no records, with ``options`` over long timings."""
    settings: dict[str, object] = {
        "interval": 1000,
        "idle": 1000,
        "kiosk": True,
        "exit_key": "f7",
        "records": None,
    }
    settings.update(options)
    return PresentApp(guide, **settings)  # type: ignore[arg-type]


async def reach(app: PresentApp, pilot: Pilot[None], where: str) -> None:
    if where == "playing topic":
        app.play(2)
    elif where == "reader":
        app.play(3)  # the long topic
        await pilot.pause()
        await pilot.press("x")  # a visitor takes over
        await wait_for(pilot, ReaderScreen)
        await pilot.pause(0.2)
        await pilot.press("right", "d")  # into the text, then half a screenful on
    await pilot.pause(0.2)


@pytest.mark.parametrize("where", ["attract", "playing topic", "reader"])
async def test_bang_opens_the_crisis_panel_and_escape_returns_to_the_same_place(
    guide: Guide, where: str
) -> None:
    app = show(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(app, pilot, where)
        before = app.screen
        place = before.query_one(PageView).scroll_y if where == "reader" else None
        await pilot.press("exclamation_mark")
        assert await wait_for(pilot, CrisisScreen)
        text = "\n".join(line.text for line in app.screen.query_one(PageView).lines)
        assert "Testland" in text and "Call 000 at any time." in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before, "the same screen, not a new one"
        if place is not None:
            assert before.query_one(PageView).scroll_y == place > 0


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_the_crisis_line_fits_the_attract_screen_and_the_show(
    guide: Guide, size: tuple[int, int]
) -> None:
    app = show(guide)
    async with app.run_test(size=size) as pilot:
        for screen in ("attract", "playing topic"):
            await reach(app, pilot, screen)
            bar = app.screen.query_one(CrisisBar)
            drawn = "".join(segment.text for segment in bar.render_lines(bar.region.reset_offset)[0])
            assert "Testland 000" in drawn and drawn.rstrip().endswith("! for more"), drawn
            assert app.screen.region.contains_region(bar.region), "on screen, whole"


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12)])
async def test_the_invitation_is_on_screen_at_every_size(guide: Guide, size: tuple[int, int]) -> None:
    long = Guide(**{**guide.__dict__, "disclaimer": "\n\n".join(["A long paragraph of words. " * 12] * 4)})
    app = show(long)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        invite = app.screen.query_one("#invite")
        assert app.screen.region.contains_region(invite.region), invite.region
        box = app.screen.query_one("#disclaimer")
        assert box.border_subtitle == "! reads it all", "the box is cut, and says how to read it all"


@pytest.mark.parametrize("state", ["paused topic", "crisis over attract", "help over reader", "link panel"])
async def test_idle_returns_to_the_attract_screen_from_every_state(guide: Guide, state: str) -> None:
    app = show(guide, idle=2.0)  # long enough to set each state up on a busy machine
    async with app.run_test(size=(80, 24)) as pilot:
        if state == "paused topic":
            app.play(1)
            await pilot.pause()
            await pilot.press("space")
            assert isinstance(app.screen, PresentScreen) and app.screen.paused
        elif state == "crisis over attract":
            await pilot.press("exclamation_mark")
        elif state == "help over reader":
            await pilot.press("j")
            await wait_for(pilot, ReaderScreen)
            await pilot.press("question_mark")
            await wait_for(pilot, HelpScreen)
        else:
            app.play(0)
            await pilot.pause()
            app.open_url("https://example.org/page")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, AttractScreen)
        assert await wait_for(pilot, AttractScreen, polls=120)
        assert len(app.screen_stack) == 2 and not app.visiting


async def test_a_playing_topic_is_not_idle(guide: Guide) -> None:
    """The show plays on with nobody touching it: idle only ends states that stand still."""
    app = show(guide, idle=0.3)
    async with app.run_test(size=(80, 24)) as pilot:
        app.play(1)
        await pilot.pause(1.0)
        assert isinstance(app.screen, PresentScreen) and app.screen.index == 1


@pytest.mark.parametrize("gesture", ["click", "tap", "wheel down", "wheel up"])
async def test_a_click_tap_or_wheel_on_a_playing_topic_hands_over_the_reader(
    guide: Guide, gesture: str
) -> None:
    app = show(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        app.play(1)
        await pilot.pause()
        view = app.screen.query_one(PageView)
        if gesture == "click":  # through the screen, as Pilot sends it
            await pilot.click(view, offset=(5, 3))
        else:  # through the app, as the terminal's driver sends it (a tap is a press, then a release)
            kinds = {"tap": events.MouseDown, "wheel down": events.MouseScrollDown}
            kind = kinds.get(gesture, events.MouseScrollUp)
            app.post_message(kind(None, 5, 3, 0, 0, 1, False, False, False, screen_x=5, screen_y=3))
        assert await wait_for(pilot, ReaderScreen)
        page = app.screen.query_one(PageView).page
        assert page is not None and page.id == "second-topic" and app.visiting


async def test_each_screenful_stays_up_long_enough_to_read(guide: Guide) -> None:
    """At 200 words a minute a long topic stays far longer than its interval, screenful by screenful,
    and the bottom line counts down the whole of it."""
    app = show(guide, interval=2, wpm=200)
    async with app.run_test(size=(80, 24)) as pilot:
        app.play(3)  # the long fourth topic
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, PresentScreen)
        dwells = screen.screenfuls()
        view = screen.query_one(PageView)
        height = view.scrollable_content_region.height
        assert len(dwells) >= 2 and screen.duration == pytest.approx(sum(dwells)) and screen.duration > 2
        first_words = sum(len(line.text.split()) for line in view.lines[:height])
        assert dwells[0] >= min(120, first_words * 60 / 200) * 0.8
        label = str(screen.query_one("#progress-label").render())
        assert f"next in {round(screen.duration - screen.elapsed)} s" in label


async def test_the_interval_stays_the_least_time_for_a_topic(guide: Guide) -> None:
    app = show(guide, interval=50, wpm=600)
    async with app.run_test(size=(100, 30)) as pilot:
        app.play(2)  # a short topic
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, PresentScreen)
        screen.screenfuls()
        assert screen.duration == 50


def _hours_excluding_now() -> OpeningHours:
    now = datetime.now()
    return parse_hours(f"{(now + timedelta(hours=2)):%H:%M}-{(now + timedelta(hours=3)):%H:%M}")


async def test_outside_opening_hours_the_screen_goes_dark_and_a_key_wakes_it(guide: Guide) -> None:
    app = show(guide, idle=0.5, hours=_hours_excluding_now())
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_for(pilot, ClosedScreen, polls=60)
        assert "Open " in str(app.screen.query_one("#when").render())
        await pilot.press("x")
        assert await wait_for(pilot, AttractScreen)
        assert await wait_for(pilot, ClosedScreen, polls=60), "and dark again when nobody touches it"


async def test_inside_opening_hours_the_show_runs(guide: Guide) -> None:
    now = datetime.now()
    hours = parse_hours(f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}")
    app = show(guide, idle=0.3, interval=0.3, hours=hours)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_for(pilot, PresentScreen)
        await pilot.pause(0.6)
        assert not isinstance(app.screen, ClosedScreen)


def test_opening_hours() -> None:
    day = parse_hours("09:00-18:00")
    assert day.is_open(datetime(2026, 1, 1, 9).time()) and not day.is_open(datetime(2026, 1, 1, 18).time())
    night = parse_hours("20:00-02:00")
    assert night.is_open(datetime(2026, 1, 1, 23).time()) and night.is_open(datetime(2026, 1, 1, 1).time())
    assert not night.is_open(datetime(2026, 1, 1, 12).time())
    for bad in ("9-18", "25:00-26:00", "09:00-09:00", "", "09:00 to 18:00"):
        with pytest.raises(ValueError):
            parse_hours(bad)


async def test_the_link_panels_qr_code_gives_back_the_address(guide: Guide) -> None:
    address = "https://example.org/page?x=1&y=two"
    app = GuideApp(guide, theme="textual-dark")
    async with app.run_test(size=(80, 30)) as pilot:
        app.open_url(address)
        await wait_for(pilot, LinkScreen)
        await pilot.pause(0.2)
        assert decode_drawn(app.screen.query_one(QRCode)) == [address]
        app.theme = "textual-light"  # dark on light in a light theme too
        await pilot.pause(0.2)
        assert decode_drawn(app.screen.query_one(QRCode)) == [address]


async def test_the_link_panel_leaves_out_a_code_it_has_no_room_for(guide: Guide) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=(60, 16)) as pilot:
        app.open_url("https://example.org/page")
        await wait_for(pilot, LinkScreen)
        await pilot.pause(0.2)
        assert not app.screen.query_one(QRCode).display
        assert "https://example.org/page" in app.screen.query_one("#address").text  # type: ignore[attr-defined]


async def test_the_attract_screens_takeaway_code_gives_back_the_address(guide: Guide) -> None:
    address = "https://example.org/handout.html"
    app = show(guide, takeaway=address)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.3)
        code = app.screen.query_one(QRCode)
        assert code.display and app.screen.region.contains_region(code.region)
        assert decode_drawn(code) == [address]
    small = show(guide, takeaway=address)
    async with small.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert not small.screen.query_one("#takeaway").display, "no half a code at 80x24"
        assert small.screen.region.contains_region(small.screen.query_one("#invite").region)
