"""Pin the reader's looks at fixed terminal sizes. Open each SVG before accepting it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from guides import guide_with_topics, topic_yaml

from tui.app import GuideApp
from tui.guide import Guide, load_guide
from tui.present import PresentApp

SnapCompare = Callable[..., bool]
AppFactory = Callable[[], GuideApp]
REPO = Path(__file__).resolve().parent.parent


class TestReader:
    """The main screen of the reader on the fixture guide."""

    def test_main_screen_100x30(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the header, a list of six pages with the first highlighted, and the first topic."""
        assert snap_compare(make_app(), terminal_size=(100, 30))

    def test_main_screen_80x24(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see both panes side by side at 80x24, the text narrower but readable."""
        assert snap_compare(make_app(), terminal_size=(80, 24))

    def test_second_topic_selected(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see "Second topic" highlighted and its table in the content pane."""
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["down"])

    def test_narrow_layout_50x20(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see no topic list, just the first topic using the full 50 columns."""
        assert snap_compare(make_app(), terminal_size=(50, 20))

    def test_narrow_layout_topics_open(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the topic list filling the 50x20 screen after pressing s."""
        assert snap_compare(make_app(), terminal_size=(50, 20), press=["s"])


class TestHelp:
    """The help screen generated from the bindings."""

    def test_help_screen(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see a "Keys" box listing keys grouped as Anywhere, Topic list and Text."""
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["question_mark"])


class TestShippedGuide:
    """A smoke test of the real content.yaml."""

    def test_first_screen_of_the_shipped_guide(self, snap_compare: SnapCompare) -> None:
        """You should see the real guide's title, its topic list and the first topic's opening text."""
        app: Any = GuideApp(load_guide(REPO / "content.yaml"))
        assert snap_compare(app, terminal_size=(100, 30))


async def _notice_up(pilot: Any) -> None:
    """Wait for the notice at first start, which comes over the first frame."""
    from tui.screens.notice import NoticeScreen

    for _ in range(100):
        if isinstance(pilot.app.screen, NoticeScreen):
            break
        await pilot.pause(0.05)
    await pilot.pause()


class TestNoticeAtFirstStart:
    """The disclaimer over the reader at first start, with the crisis line first."""

    def test_notice_of_the_shipped_guide_80x24(self, snap_compare: SnapCompare) -> None:
        """You should see a "Please read" box over the dimmed reader: first "In crisis? US 988 · Canada
        9-8-8 · UK & Ireland 116 123 · ! for more" in bold, then the disclaimer's four paragraphs, and
        "Enter to start reading" in the box's bottom border."""
        app: Any = GuideApp(load_guide(REPO / "content.yaml"), notice=True)
        assert snap_compare(app, terminal_size=(80, 24), run_before=_notice_up)

    def test_notice_at_40x12(self, snap_compare: SnapCompare) -> None:
        """You should see the box fill the small window: the crisis line (wrapped over two lines) at the
        top, the disclaimer's opening below it, and a scrollbar for the rest."""
        app: Any = GuideApp(load_guide(REPO / "content.yaml"), notice=True)
        assert snap_compare(app, terminal_size=(40, 12), run_before=_notice_up)


class TestReadingComfort:
    """Search results and themes."""

    def test_search_screen_with_results(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the search box holding "paragraph" and two results, each with the word marked."""
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["slash", *"paragraph"])

    def test_reader_in_a_light_theme(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the reader in textual-light: dark text on a light background, still readable."""
        assert snap_compare(GuideApp(guide, theme="textual-light"), terminal_size=(100, 30))


class TestPresentation:
    """Presentation mode, with a long interval so that the progress bar is at its start."""

    def test_attract_screen(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the title in capitals, the subtitle, the disclaimer box and the invitation."""
        assert snap_compare(PresentApp(guide, interval=1000), terminal_size=(100, 30))

    def test_presented_topic_with_progress(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see "Topic 2 of 6", a large title, the table, and an empty progress bar."""
        app = PresentApp(guide, interval=1000)
        assert snap_compare(app, terminal_size=(100, 30), run_before=playing(1))

    def test_presented_topic_narrow(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the first topic at 50x20 with small margins, then the crisis line and the
        progress line at the bottom."""
        app = PresentApp(guide, interval=1000)
        assert snap_compare(app, terminal_size=(50, 20), run_before=playing(0))


class TestBooth:
    """The booth's attract screen at the smallest sizes it must fit, and the QR codes."""

    def test_attract_screen_80x24(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the title, subtitle, the disclaimer box, "In crisis? Testland 000 · ! for
        more" under it and "Press any key to explore" on the last rows."""
        assert snap_compare(PresentApp(guide, interval=1000, records=None), terminal_size=(80, 24))

    def test_attract_screen_40x12(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the title and subtitle without padding, the disclaimer box, the crisis line
        and the invitation, all inside 40x12."""
        assert snap_compare(PresentApp(guide, interval=1000, records=None), terminal_size=(40, 12))

    def test_attract_screen_with_a_takeaway(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the attract screen's column and, to its right, "Take it with you" over a QR
        code drawn dark on light."""
        app = PresentApp(guide, interval=1000, records=None, takeaway="https://example.org/handout.html")
        assert snap_compare(app, terminal_size=(120, 30))

    def test_link_panel_with_a_qr_code(self, snap_compare: SnapCompare, guide: Guide) -> None:
        """You should see the link panel: the note, the address https://example.org/page, "Or scan it
        with a phone:" and a QR code, dark modules on a light ground, with a light margin round it."""

        async def open_link(pilot: Any) -> None:
            pilot.app.open_url("https://example.org/page")
            await pilot.pause()

        assert snap_compare(GuideApp(guide), terminal_size=(80, 30), run_before=open_link)


def playing(index: int) -> Callable[[Any], Awaitable[None]]:
    """A ``run_before`` step that starts presenting page ``index`` at once."""

    async def play(pilot: Any) -> None:
        pilot.app.play(index)
        await pilot.pause()

    return play


class TestSidebar:
    """The topic list with titles longer than it is wide."""

    def test_long_titles_wrap_under_themselves(self, snap_compare: SnapCompare) -> None:
        """You should see three topics; the long second title wraps onto a line of its own, starting
        under the title's first letter, not under the number, and the first topic is highlighted."""
        titles = ["Short", "A title long enough to wrap in the list", "After"]
        topics = "".join(
            topic_yaml(f"t{n}", title, [("Section", f"Body {n}.")], summary=f"Summary {n}.")
            for n, title in enumerate(titles)
        )
        assert snap_compare(GuideApp(guide_with_topics(topics)), terminal_size=(70, 16))


class TestCrisis:
    """The help-now panel over the reader, opened with "!"."""

    def test_crisis_panel_80x24(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see a red-bordered "Help now" box over the reader: "If you need help now", a table
        with Testland (Call 000 at any time.) and Everywhere else, then "Please read" and the disclaimer."""
        assert snap_compare(make_app(), terminal_size=(80, 24), press=["exclamation_mark"])

    def test_crisis_panel_40x12(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the box filling the 40x12 screen, its border and "Esc closes" whole, both crisis
        lines wrapped in their column with "000" readable, "Please read" below, and a scrollbar."""
        assert snap_compare(make_app(), terminal_size=(40, 12), press=["exclamation_mark"])


class TestReadingByKeyboard:
    """The looks that reading by keyboard brings: the outline, a focused link, the help when small."""

    def test_outline_80x24(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see an "Outline" box over the reader listing "First topic", "Opening", "Closing" and
        "Sources for this topic", the first highlighted, with "Enter jumps · Esc closes" at its foot."""
        assert snap_compare(make_app(), terminal_size=(80, 24), press=["o"])

    def test_a_focused_link_80x24(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the first topic with the text focused and its first link, "second topic", drawn
        in the cursor's colours; the other link is underlined as usual."""
        assert snap_compare(make_app(), terminal_size=(80, 24), press=["enter", "tab"])

    def test_help_at_40x12(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the "Keys" box filling the small window: keys on the left, and descriptions on
        the right that wrap at word boundaries (nothing cut to two letters, no sideways scrolling)."""
        assert snap_compare(make_app(), terminal_size=(40, 12), press=["question_mark"])

    def test_search_marks_every_word_80x24(self, snap_compare: SnapCompare, make_app: AppFactory) -> None:
        """You should see the long fourth topic after a search for "long topic": every "long" and every
        "topic" is marked in reverse, and the match the search opened (in the summary) is also underlined;
        the footer offers ". Next match" and ", Prev match"."""
        keys = ["slash", *"long topic", "enter"]
        assert snap_compare(make_app(), terminal_size=(80, 24), press=keys)
