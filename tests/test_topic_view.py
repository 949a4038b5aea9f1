"""The text pane: lines that follow the theme and the width, links as actions, long pages in slices."""

from __future__ import annotations

from functools import partial

import pytest
from guides import guide_with_topics, topic_yaml
from panes import drawn
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.app import App, ComposeResult
from textual.geometry import Offset
from textual.selection import Selection

from tui.app import GuideApp
from tui.guide import Guide
from tui.pages import Page, Part
from tui.search import find_spans
from tui.widgets import Mark, Target, TopicView
from tui.widgets.text.markdown_lines import render_markdown


def test_links_become_click_actions_never_hyperlinks() -> None:
    markdown = "See [a page](https://example.org/a), <https://example.org/b> and [a topic](#two).\x1b"
    lines = render_markdown(markdown, Console(), 60, Theme({}), Style())
    segments = [segment for line in lines for segment in line]
    assert all(segment.style is None or segment.style.link is None for segment in segments)
    actions = {
        segment.style.meta.get("@click") for segment in segments if segment.style and segment.style.meta
    }
    assert actions == {"link('https://example.org/a')", "link('https://example.org/b')", "link('#two')"}
    assert not any(segment.control for segment in segments)
    assert "\x1b" not in "".join(segment.text for segment in segments)


def test_long_words_in_table_cells_wrap_instead_of_being_cut() -> None:
    markdown = "| A | B |\n|---|---|\n| x | " + "w" * 50 + " |"
    text = "".join(line.text for line in render_markdown(markdown, Console(), 30, Theme({}), Style()))
    assert text.count("w") == 50 and "…" not in text


async def test_theme_change_recolours_the_text(guide: Guide) -> None:
    app = GuideApp(guide, theme="textual-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        before = [segment.style for segment in view.lines[0]]
        app.theme = "textual-light"
        await pilot.pause(0.2)
        assert [segment.style for segment in view.lines[0]] != before


async def test_a_narrower_window_rewraps_the_text(guide: Guide) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(70, 30)
        await pilot.pause(0.2)
        view = app.screen.query_one(TopicView)
        width = view.scrollable_content_region.width
        assert width < 60
        assert view.lines and all(cell_len(line.text.rstrip()) <= width for line in view.lines)
        assert max(cell_len(line.text.rstrip()) for line in view.lines) > width - 10


@pytest.mark.parametrize(
    ("sections", "paragraphs"), [(20, 40), (1, 1500)], ids=["20 sections", "one section of 70 KB"]
)
async def test_a_long_page_shows_its_first_screen_at_once_and_the_rest_after(
    sections: int, paragraphs: int
) -> None:
    """A long section is cut at paragraphs too: the first screen needs only the first pieces."""
    body = "\n\n".join(f"Paragraph {n} says something at some length." for n in range(paragraphs))
    parts = [(f"Part {n}", body) for n in range(sections)]
    topics = topic_yaml("one", "Short", [("Only", "Short.")]) + topic_yaml("two", "Long", parts)
    app = GuideApp(guide_with_topics(topics))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        app.screen.current = 1  # as a key does
        first = len(view.lines)
        assert view.scrollable_content_region.height <= first < 200
        await pilot.pause(3.0)
        texts = [line.text.strip() for line in view.lines]
        assert f"Part {sections - 1}" in texts
        assert [text for text in texts if text.startswith("Paragraph")] == sections * [
            f"Paragraph {n} says something at some length." for n in range(paragraphs)
        ]


async def test_a_search_mark_deep_in_a_long_section_is_shown() -> None:
    body = "\n\n".join(f"Paragraph {n} says {'zebra' if n == 1200 else 'something'}." for n in range(1500))
    topics = topic_yaml("one", "Long", [("All", body)])
    app = GuideApp(guide_with_topics(topics))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        assert view.page is not None
        view.target = Target(view.page, mark=_mark(1, "zebra"))
        await pilot.pause()
        assert view.marked_line is not None
        assert view.lines[view.marked_line].text.strip() == "Paragraph 1200 says zebra."
        height = view.scrollable_content_region.height
        assert view.scroll_y <= view.marked_line < view.scroll_y + height


async def test_selected_text_can_be_copied(guide: Guide) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        summary = next(n for n, line in enumerate(view.lines) if line.text.startswith("The first topic"))
        copied = view.get_selection(Selection(Offset(4, summary), Offset(15, summary)))
        assert copied == ("first topic", "\n")


class _PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TopicView()


def _page_of(paragraphs: int) -> Page:
    markdown = "\n\n".join(f"Paragraph {n} of {paragraphs}." for n in range(paragraphs))
    return Page(f"p{paragraphs}", f"{paragraphs} paragraphs", lambda: (Part("Text", markdown),))


async def test_the_scrollbar_follows_the_length_of_each_new_page() -> None:
    """A new length only tells the scrollbar (no layout) unless the scrollbar comes or goes: either
    way the scrollbar, the scroll range and the last line match the page on show."""
    app = _PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(TopicView)
        for paragraphs in (3, 5, 60, 150, 40, 4, 70):
            view.target = Target(_page_of(paragraphs))
            await pilot.pause(0.2)
            length, height = len(view.lines), view.container_size.height
            assert view.virtual_size.height == length
            assert view.show_vertical_scrollbar == (length > height), paragraphs
            if length > height:
                assert view.vertical_scrollbar.window_virtual_size == length
            assert view.max_scroll_y == max(0, length - height)
            view.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            shown = [view.render_line(y).text for y in range(view.size.height)]
            assert any(f"Paragraph {paragraphs - 1} of {paragraphs}." in line for line in shown)


class _ResizeNoting(TopicView):
    lines_at_first_resize: int | None = None

    def on_resize(self) -> None:  # runs before TopicView's own on_resize
        if self.lines_at_first_resize is None:
            self.lines_at_first_resize = len(self.lines)


class _FirstFrameApp(App[None]):
    def compose(self) -> ComposeResult:
        yield _ResizeNoting()

    def on_mount(self) -> None:
        self.query_one(TopicView).target = Target(_page_of(3))


async def test_the_first_page_is_in_the_first_frame() -> None:
    """The pane learns its width from a Resize event that comes after the first frame; the page is
    laid out when that frame is rendered, so the first frame already shows the text."""
    app = _FirstFrameApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert app.query_one(_ResizeNoting).lines_at_first_resize


def _mark(part: int, *words: str) -> Mark:
    return Mark(part, partial(find_spans, terms=words))


def _three_topics() -> Guide:
    sections = [(f"Part {n}", f"Text of part {n}, long enough to wrap once or twice. " * 3) for n in range(6)]
    topics = "".join(topic_yaml(name, name.title(), sections) for name in ("one", "two", "three"))
    return guide_with_topics(topics)


async def test_pages_shown_before_a_resize_are_laid_out_again() -> None:
    app = GuideApp(_three_topics())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        app.screen.current = 2
        await pilot.pause(0.3)
        await pilot.resize_terminal(70, 30)
        await pilot.pause(0.3)
        view = app.screen.query_one(TopicView)
        for index in (0, 1):
            app.screen.current = index
            await pilot.pause(0.3)
            width = min(view.measure, view.scrollable_content_region.width)
            assert {line.cell_length for line in view.lines} == {width}


async def test_a_search_mark_is_gone_when_the_page_is_shown_again() -> None:
    app = GuideApp(_three_topics())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        view = app.screen.query_one(TopicView)
        unmarked = drawn(view)
        assert view.page is not None
        view.target = Target(view.page, mark=_mark(2, "wrap"))  # part 2: the section "Part 1"
        await pilot.pause()
        assert view.marked_line is not None and drawn(view) != unmarked
        app.screen.current = 1
        await pilot.pause(0.3)
        app.screen.current = 0
        await pilot.pause(0.3)
        assert view.marked_line is None and drawn(view) == unmarked


async def test_a_longer_page_scrolls_before_its_scrollbar_has_come() -> None:
    """The scrollbar of a longer page comes a frame or two after its text; the keys that scroll do not
    wait for it."""
    app = _PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(TopicView)
        view.target = Target(_page_of(3))
        await pilot.pause(0.2)
        assert not view.show_vertical_scrollbar
        view.target = Target(_page_of(60))
        assert view.allow_vertical_scroll
        view.scroll_down(animate=False, immediate=True)
        assert view.scroll_y == 1


async def test_a_selection_does_not_carry_over_to_the_next_page(guide: Guide) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        app.screen.selections = {view: Selection(Offset(2, 2), Offset(20, 4))}
        assert view.text_selection is not None
        app.screen.current = 1
        await pilot.pause()
        assert view.text_selection is None
