"""The sidebar's own list: wrapping, keys, mouse, and only the rows on screen drawn."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.color import Color
from textual.app import App, ComposeResult

from tui.pages import Page
from tui.widgets import TopicList
from tui.widgets.wrap import _single_spaced_ascii, _wrap_at_spaces, _wrap_word_by_word, wrap_words


def pages(*titles: str) -> tuple[Page, ...]:
    return tuple(Page(f"p{n}", title, tuple) for n, title in enumerate(titles))


class Host(App[None]):
    """A topic list alone, recording what it reports."""

    CSS = "TopicList { width: 24; max-width: 24; min-width: 24; }"

    def __init__(self, listed: tuple[Page, ...], highlighted: int = 0) -> None:
        super().__init__()
        self.listed, self.start = listed, highlighted
        self.highlights: list[int] = []
        self.selections: list[int] = []

    def compose(self) -> ComposeResult:
        yield TopicList(self.listed, highlighted=self.start)

    def on_topic_list_highlighted(self, event: TopicList.Highlighted) -> None:
        self.highlights.append(event.index)

    def on_topic_list_selected(self, event: TopicList.Selected) -> None:
        self.selections.append(event.index)


def drawn(topics: TopicList) -> list[str]:
    return [topics.render_line(y).text for y in range(topics.size.height)]


def background(topics: TopicList, y: int) -> Color | None:
    """The background of line ``y``'s first cell, as drawn."""
    return next(iter(topics.render_line(y))).style.bgcolor  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Fits", 10, ["Fits"]),
        ("Safety and side effects", 10, ["Safety and", "side", "effects"]),
        ("Word   spacing   folds", 9, ["Word", "spacing", "folds"]),
        ("Anesthesiologists", 6, ["Anesth", "esiolo", "gists"]),
        ("A verylongword b", 5, ["A", "veryl", "ongwo", "rd b"]),
        ("安全と副作用について", 6, ["安全と", "副作用", "につい", "て"]),
        ("x y", 1, ["x", "y"]),
    ],
)
def test_words_wrap_at_spaces_and_long_words_are_cut(text: str, width: int, lines: list[str]) -> None:
    wrapped = wrap_words(text, width)
    assert wrapped == lines
    assert all(cell_len(line) <= width for line in wrapped)


@settings(derandomize=True, database=None)  # the same examples in every run
@given(
    st.text(alphabet=st.sampled_from("ab c  d\u00e9\u5b89\u5168"), max_size=40) | st.text(max_size=40),
    st.integers(1, 12),
)
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: int) -> None:
    """ASCII titles are measured by their length, others by their cells: both fit, and lose nothing."""
    wrapped = wrap_words(text, width)
    # A line may be wider only when its first character alone is (a wide one at width 1).
    assert all(cell_len(line) <= width or cell_len(line[0]) > width for line in wrapped)
    assert "".join("".join(line.split()) for line in wrapped) == "".join(text.split())


@settings(derandomize=True, database=None)
@given(
    st.lists(st.text(alphabet="abc-", min_size=1, max_size=12), max_size=6).map(" ".join), st.integers(1, 12)
)
def test_cutting_at_the_last_space_is_the_word_by_word_wrap(text: str, width: int) -> None:
    """The fast path for titles of single-spaced ASCII words gives the same lines as the general one."""
    assert _single_spaced_ascii(text)
    assert _wrap_at_spaces(text, width) == _wrap_word_by_word(text, width)


async def test_a_long_title_wraps_under_itself_not_under_its_number() -> None:
    app = Host(pages("Short", "Conditions and the evidence for each", "After"))
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        lines = [line.rstrip() for line in drawn(app.query_one(TopicList))]
        # 24 cells, less the border on the right: a margin, "2 ", then 20 cells of title.
        assert lines[:5] == [" 1 Short", " 2 Conditions and the", "   evidence for each", " 3 After", ""]


async def test_a_tab_in_a_title_is_drawn_as_a_space() -> None:
    """The loader lets a tab through; drawn raw, it would move the cursor and push the row out of line."""
    app = Host(pages("Tab\there", "Tabs\tin a title long enough to wrap"))
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        topics = app.query_one(TopicList)
        strips = [topics.render_line(y) for y in range(5)]
        assert [strip.text.rstrip() for strip in strips] == [
            " 1 Tab here",
            " 2 Tabs in a title long",
            "   enough to wrap",
            "",
            "",
        ]
        assert all("\t" not in strip.text and strip.cell_length == topics.size.width for strip in strips)


async def test_titles_wrap_again_when_the_scrollbar_takes_room() -> None:
    app = Host(pages(*(f"Sleep and rest well {n}" for n in range(1, 41))))
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        text = " ".join(" ".join(drawn(app.query_one(TopicList))).split())
        assert text.startswith("1 Sleep and rest well 1 2 Sleep and rest well 2 3 Sleep")


async def test_clicking_the_second_line_of_a_wrapped_row_reads_that_row() -> None:
    app = Host(pages("Short", "Conditions and the evidence for each", "After"))
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.click(TopicList, offset=(6, 2))
        await pilot.pause()
        assert app.query_one(TopicList).highlighted == 1
        assert app.selections == [1]
        await pilot.click(TopicList, offset=(6, 6))  # below the last row: nothing
        await pilot.pause()
        assert app.selections == [1]


async def test_keys_move_the_highlight_and_stop_at_the_ends() -> None:
    app = Host(pages("One", "Two", "Three"))
    async with app.run_test(size=(60, 10)) as pilot:
        topics = app.query_one(TopicList)
        topics.focus()
        await pilot.press("up", "j", "down", "down", "k", "enter")
        await pilot.pause()
        assert topics.highlighted == 1
        assert app.highlights == [1, 2, 1]
        assert app.selections == [1]


async def test_a_row_far_down_is_highlighted_in_view_from_the_first_frame() -> None:
    app = Host(pages(*(f"Topic {n}" for n in range(1, 1001))), highlighted=899)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        topics = app.query_one(TopicList)
        assert any(line.strip().startswith("900 Topic 900") for line in drawn(topics))
        assert app.highlights == [], "the starting row is not reported as a move"
        await pilot.press("tab", "down")
        await pilot.pause()
        assert app.highlights == [900]
        assert any(line.strip().startswith("901 Topic 901") for line in drawn(topics))


async def test_the_row_under_the_mouse_is_shaded() -> None:
    app = Host(pages("One", "Two", "Three"))
    async with app.run_test(size=(60, 10)) as pilot:
        topics = app.query_one(TopicList)
        plain = background(topics, 2)
        await pilot.hover(TopicList, offset=(3, 2))
        await pilot.pause()
        assert background(topics, 2) != plain
        assert background(topics, 1) == plain
        await pilot.hover(TopicList, offset=(40, 2))  # off the list
        await pilot.pause()
        assert background(topics, 2) == plain


async def test_other_pages_replace_the_rows() -> None:
    app = Host(pages("One", "Two", "Three"), highlighted=2)
    async with app.run_test(size=(60, 10)) as pilot:
        topics = app.query_one(TopicList)
        topics.pages = pages("Alpha", "Beta")  # the highlight was on row 3, now out of range
        await pilot.pause()
        assert topics.highlighted == 1
        assert [line.rstrip() for line in drawn(topics)[:3]] == [" 1 Alpha", " 2 Beta", ""]
        assert topics.row_text(0) == "1 Alpha"
