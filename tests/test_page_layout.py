"""The page engine's layout: parts begin where their first piece does, pieces are laid out on demand."""

from __future__ import annotations

from textual.strip import Strip

from tui.pages import Page, Part
from tui.widgets.text.markdown_blocks import split_blocks
from tui.widgets.text.page_layout import PageLayout

BLANK = Strip.blank(10)


def _render(markdown: str) -> list[Strip]:
    """One line per Markdown line, as a stand-in for Rich."""
    return [Strip.blank(10) for _ in markdown.split("\n")]


LONG = "\n\n".join(f"Paragraph {n}." for n in range(400))  # about 6 KB: more than one piece
PAGE = Page("p", "P", lambda: (Part("Title", "# Title"), Part("Long", LONG), Part("End", "End.")))


def test_parts_begin_at_their_first_piece_and_pieces_are_parted_by_a_blank_line() -> None:
    layout = PageLayout(PAGE, BLANK, _render)
    pieces = len(split_blocks(LONG))
    assert pieces >= 2
    layout.until(parts=3)
    assert layout.done
    long_lines = LONG.count("\n") + 1
    assert layout.part_lines(0) == range(0, 1)
    assert layout.part_lines(1) == range(2, 2 + long_lines)
    assert layout.part_lines(2) == range(len(layout.lines) - 1, len(layout.lines))
    # The blank line where the section is cut becomes the blank line between its pieces.
    assert len(layout.lines) == 1 + 1 + long_lines + 1 + 1  # title, blank, long, blank, end
    assert [layout.part_at(y) for y in (0, 1, 2, len(layout.lines) - 1)] == [0, 0, 1, 2]


def test_lines_are_laid_out_only_as_far_as_asked() -> None:
    layout = PageLayout(PAGE, BLANK, _render)
    layout.until(lines=5)
    assert not layout.done
    first = len(layout.lines)
    assert 5 <= first < 1 + 1 + LONG.count("\n") + 1
    assert layout.next() and len(layout.lines) > first
    assert layout.part_lines(2) == range(0), "a part not reached yet has no lines"


def test_a_part_is_laid_out_only_when_it_is_reached() -> None:
    """Cutting a long part parses it: a first screen that ends before it does not pay for that."""
    laid_out: list[str] = []

    def render(markdown: str) -> list[Strip]:
        laid_out.append(markdown)
        return _render(markdown)

    PageLayout(PAGE, BLANK, render).until(lines=1)
    assert laid_out == ["# Title"]


def test_advance_lays_out_the_rest_in_slices() -> None:
    layout = PageLayout(PAGE, BLANK, _render)
    assert layout.advance(0) is True and len(layout.lines) == 0, "no time: nothing laid out"
    while layout.advance(0.001):
        pass
    assert layout.done and layout.part_lines(2)


def test_no_page_is_nothing_to_lay_out() -> None:
    layout = PageLayout(None, BLANK, _render)
    assert layout.done and not layout.next() and list(layout.lines) == [] and not layout.advance(1)
