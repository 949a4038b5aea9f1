"""A page laid out piece by piece: parts begin where their first piece does, kept pieces are checked."""

from __future__ import annotations

from textual.strip import Strip

from tui.pages import Page, Part
from tui.widgets.markdown_blocks import split_blocks
from tui.widgets.page_layout import PageLayout

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
    assert [part for part, _ in layout.queue] == [0] + [1] * pieces + [2]
    assert layout.starts == [0, 2, len(layout.lines) - 1]
    assert layout.piece_starts[:2] == [0, 2] and len(layout.piece_starts) == pieces + 2
    # The blank line where the section is cut becomes the blank line between its pieces.
    assert len(layout.lines) == 1 + 1 + (LONG.count("\n") + 1) + 1 + 1  # title, blank, long, blank, end


def test_lines_are_laid_out_only_as_far_as_asked() -> None:
    layout = PageLayout(PAGE, BLANK, _render)
    layout.until(lines=5)
    assert len(layout.pieces) == 2 and not layout.done
    assert layout.top(5) == [("# Title", layout.pieces[0]), (layout.queue[1][1], layout.pieces[1])]
    assert layout.top(len(layout.lines) + 1) is None  # not laid out that far yet
    assert layout.next() and len(layout.pieces) == 3


def test_a_part_is_cut_only_when_it_is_reached() -> None:
    """Cutting a long part parses it: a first screen that ends before it does not pay for that."""
    layout = PageLayout(PAGE, BLANK, _render)
    layout.until(lines=1)
    assert layout.queue == [(0, "# Title")]


def test_kept_pieces_are_used_and_then_checked() -> None:
    kept = {"# Title": _render("# Title")}
    layout = PageLayout(PAGE, BLANK, _render, kept.get)
    layout.until(parts=2)
    assert layout.reused == [0]
    assert layout.check_reused() and layout.reused == []
    wrong = PageLayout(PAGE, BLANK, _render, {"# Title": [BLANK, BLANK]}.get)
    wrong.until(parts=1)
    assert not wrong.check_reused()


def test_no_page_is_nothing_to_lay_out() -> None:
    layout = PageLayout(None, BLANK, _render)
    assert layout.done and not layout.next() and layout.lines == [] and layout.top(10) == []
