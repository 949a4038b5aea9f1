"""Long Markdown cut into pieces: laid out one after the other, the pieces look exactly like the whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from tui.content import default_guide_path, load_guide
from tui.pages import build_pages
from tui.widgets.markdown_blocks import PIECE_BYTES, split_blocks
from tui.widgets.markdown_lines import render_markdown

THEME = Theme({"markdown.h2": Style.parse("bold #0178d4"), "markdown.code_block": Style.parse("#ffc473")})
BASE = Style.parse("#e0e0e0 on #121212")


def _lines(markdown: str, width: int) -> list[Strip]:
    return render_markdown(markdown, Console(), width, THEME, BASE)


def _pieced(markdown: str, width: int, budget: int) -> tuple[list[Strip], int]:
    """The pieces laid out one after the other, with a blank line between, as the text pane does."""
    lines: list[Strip] = []
    pieces = split_blocks(markdown, budget)
    for number, piece in enumerate(pieces):
        if number:
            lines.append(Strip.blank(width, BASE))
        lines += _lines(piece, width)
    return lines, len(pieces)


_WORDS = st.lists(
    st.sampled_from(["ketamine", "dose", "2021", "*em*", "**strong**", "`code`", "a", "of"]), min_size=1
)
_TEXT = _WORDS.map(" ".join)
_BLOCKS = st.one_of(
    _TEXT,  # a paragraph
    st.tuples(_TEXT, _TEXT).map("\n".join),  # a paragraph of two lines
    st.tuples(st.sampled_from(["**Note:**", "_Aside_", "2021", "(Rare)", '"Quoted"']), _TEXT).map(" ".join),
    st.tuples(st.integers(1, 6), _TEXT).map(lambda h: "#" * h[0] + " " + h[1]),
    st.tuples(_TEXT, st.sampled_from(["===", "---"])).map("\n".join),  # setext headings
    st.lists(_TEXT, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {item}" for item in items)),
    st.lists(_TEXT, min_size=2, max_size=4).map(lambda items: "\n\n".join(f"- {item}" for item in items)),
    st.lists(_TEXT, min_size=1, max_size=4).map(
        lambda items: "\n".join(f"{n + 3}. {i}" for n, i in enumerate(items))
    ),
    st.lists(_TEXT, min_size=2, max_size=3).map(lambda items: "\n\n".join(f"1) {item}" for item in items)),
    st.tuples(_TEXT, _TEXT).map(lambda t: f"- {t[0]}\n\n  {t[1]}\n  - nested {t[1]}"),
    st.tuples(_TEXT, _TEXT).map(lambda t: f"> {t[0]}\n{t[1]}\n>\n> {t[1]}"),  # with a lazy line
    st.tuples(_TEXT, _TEXT).map(lambda t: f"```\n{t[0]}\n\n# not a heading\n\n{t[1]}\n```"),
    st.tuples(_TEXT, _TEXT).map(lambda t: f"~~~~ text\n{t[0]}\n\nText\n~~~\n{t[1]}\n~~~~"),
    _TEXT.map(lambda t: f"    code {t}\n\n    more code"),
    _TEXT.map(lambda t: f"| A | B |\n|---|---|\n| {t} | x |"),
    st.sampled_from(["---", "***", "* * *", "___"]),
    _TEXT.map(lambda t: f"See\n<https://example.org/{len(t)}> for {t}."),  # an autolink starting a line
)


@settings(derandomize=True, database=None, max_examples=300)  # the same examples in every run
@given(
    st.lists(_BLOCKS, min_size=1, max_size=12),
    st.sampled_from(["\n\n", "\n\n\n"]),
    st.integers(1, 80),
    st.sampled_from([20, 60]),
)
def test_pieces_laid_out_one_after_the_other_look_like_the_whole(
    blocks: list[str], gap: str, budget: int, width: int
) -> None:
    markdown = gap.join(blocks)
    pieced, _ = _pieced(markdown, width, budget)
    assert pieced == _lines(markdown, width)


def test_the_built_in_guide_in_small_pieces_looks_like_the_whole() -> None:
    cut = 0
    for page in build_pages(load_guide(default_guide_path())):
        for part in page.parts:
            pieced, count = _pieced(part.markdown, 70, 50)
            assert pieced == _lines(part.markdown, 70), part.title
            cut += count > 1
    assert cut > 20  # the test cuts the guide's sections, not only whole ones


def test_a_long_section_is_cut_into_pieces_of_about_the_budget() -> None:
    markdown = "\n\n".join(f"Paragraph {n} with some words in it." for n in range(1000))
    pieces = split_blocks(markdown)
    assert len(pieces) > 10
    assert all(PIECE_BYTES <= len(piece) <= PIECE_BYTES + 100 for piece in pieces[:-1])
    assert "\n\n".join(pieces) == markdown


def test_short_markdown_is_one_piece() -> None:
    assert split_blocks("Short.\n\nText.") == ["Short.\n\nText."]


def test_no_cut_inside_fenced_code_nor_after_a_thematic_break() -> None:
    fenced = "```\n" + "\n\n".join(["Line"] * 50) + "\n```\n\nAfter."
    assert split_blocks(fenced, 10) == ["```\n" + "\n\n".join(["Line"] * 50) + "\n```", "After."]
    assert split_blocks("Some text here.\n\n---\n\nAfter the rule.", 5) == [
        "Some text here.\n\n---\n\nAfter the rule."
    ]


def test_an_autolink_at_the_start_of_a_line_does_not_stop_the_cuts() -> None:
    paragraphs = "\n\n".join(["Text of a paragraph, see\n<https://example.org/a>."] * 30)
    assert len(split_blocks(paragraphs, 10)) == 30


def test_html_or_link_references_are_never_cut() -> None:
    paragraphs = "\n\n".join(["Text of a paragraph."] * 30)
    assert len(split_blocks(paragraphs, 10)) == 30
    assert split_blocks(paragraphs + "\n\n[ref]: https://example.org", 10) == [
        paragraphs + "\n\n[ref]: https://example.org"
    ]
    for html in ("<!--", "<div>", "<div class='x'>", "</p>", "<?php", "<pre"):
        markdown = f"{html}\n\n{paragraphs}"
        assert split_blocks(markdown, 10) == [markdown], html
