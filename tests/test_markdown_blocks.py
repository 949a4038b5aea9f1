"""Long Markdown cut into pieces: laid out one after the other, the pieces look exactly like the whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from tui.guide import default_guide_path, load_guide
from tui.pages import build_pages
from tui.widgets.text.markdown_blocks import PIECE_CHARS, split_blocks
from tui.widgets.text.markdown_lines import render_markdown

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
    st.sampled_from(["---", "***", "* * *", "___", "*\t*\t*", "***\t", "#", "-", "- ***"]),
    _TEXT.map(lambda t: f"See\n<https://example.org/{len(t)}> for {t}."),  # an autolink starting a line
    st.lists(_TEXT, min_size=2, max_size=12).map(
        lambda items: "\n\n".join(f"{n + 9}. {i}" for n, i in enumerate(items))
    ),
    _TEXT.map(lambda t: f"1. {t}\n\n1.\t{t}"),  # a tab after the marker
    _TEXT.map(lambda t: f"```\ncode\n\n    ```\n\n{t}\n```"),  # a closing fence indented too far
    _TEXT.map(lambda t: f"``` a`b\n\n{t}"),  # not a fence: a backtick in the info string
    _TEXT.map(lambda t: f"- ```\n  code\n  ```\n\n{t}"),  # a fence in a list item
    _TEXT.map(lambda t: f"- a\n\n  ```\n  code\n\n{t}"),  # a fence left open when its item ends
    _TEXT.map(lambda t: f"{t}\n\u00a0\n{t}"),  # a line of a no-break space is not blank
    _TEXT.map(lambda t: f"{t}\n\u3000\n{t}"),
    _TEXT.map(lambda t: f"{t}\n   \n{t}\n\t\n{t}"),  # lines of spaces or a tab are blank
    _TEXT.map(lambda t: f"{t}  \n{t}\\\n{t}"),  # hard breaks
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


_FILL = "\n\n".join(["Filler paragraph of some words."] * 4)
_AWKWARD = {
    "a closing fence indented too far": f"{_FILL}\n\n```\ncode\n\n    ```\n\nText inside\n```\n\nAfter.",
    "a backtick in an info string": f"{_FILL}\n\n``` a`b\n\nPara\n\n```\ncode\n\nText inside\n```\n\nAfter.",
    "a fence in a list item": f"{_FILL}\n\n- ```\n  code\n  ```\n\nPara\n\n```\ncode\n\nIn\n```\n\nOut.",
    "a fence ended with its list": f"{_FILL}\n\n- a\n\n  ```\n  code\n\nPara\n\n```\ncode\n\nIn\n```",
    "a reference in a quote": f"> [r]: https://example.org\n\n{_FILL}\n\nSee [it][r].",
    "a reference in a list": f"- [r]: https://example.org\n\n{_FILL}\n\nSee [it][r].",
    "a reference with an escaped bracket": f"[a\\]b]: https://example.org\n\n{_FILL}\n\nSee [it][a\\]b].",
    "a no-break space line": f"{_FILL}\n\nPara one\n\u00a0\nText",
    "an ideographic space line": f"{_FILL}\n\nPara one\n\u3000\nText",
    "a loose list numbered past 9": "\n\n".join(f"{n}. item" for n in range(1, 14)),
    "a tab after a list number": f"{_FILL}\n\n1. one\n\n1.\ttwo",
    "a rule of tabs": f"{_FILL}\n\n*\t*\t*\n\nText after.",
    "a rule and a tab": f"{_FILL}\n\n***\t\n\nText after.",
    "a rule in a list item": f"{_FILL}\n\n- ***\n\nText after.",
    "a setext heading": f"{_FILL}\n\nTitle\n---\n\nText after.",
    "a table": f"{_FILL}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText after.",
    "an empty heading": f"{_FILL}\n\n#\n\nText after.",
    "an empty heading last": f"{_FILL}\n\n#",
    "a heading after a tab": f"{_FILL}\n\n#\tHead\n\nText after.",
    "a lazy line in a quote": f"{_FILL}\n\n> quote\nlazy\n\nText after.",
    "indented code after a list": f"{_FILL}\n\n- a\n\n    code\n\nText after.",
    "an unclosed fence": f"{_FILL}\n\n```\ncode\n\nInside",
    "an empty list item": f"{_FILL}\n\n-\n\nText after.",
    "a line separator": f"{_FILL}\n\nText\u2028\n\nText after.",
}
"""Cases a fresh-eyes review found against an earlier, line-by-line cutter."""


@pytest.mark.parametrize("markdown", _AWKWARD.values(), ids=_AWKWARD.keys())
def test_awkward_markdown_in_pieces_looks_like_the_whole(markdown: str) -> None:
    assert _pieced(markdown, 40, 10)[0] == _lines(markdown, 40)


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
    assert all(PIECE_CHARS - 2 <= len(piece) <= PIECE_CHARS + 100 for piece in pieces[:-1])
    assert "\n\n".join(pieces) == markdown


def test_short_markdown_is_one_piece() -> None:
    assert split_blocks("Short.\n\nText.") == ("Short.\n\nText.",)


def test_no_cut_inside_fenced_code_after_a_thematic_break_or_before_a_list() -> None:
    fenced = "```\n" + "\n\n".join(["Line"] * 50) + "\n```\n\nAfter."
    assert split_blocks(fenced, 10) == ("```\n" + "\n\n".join(["Line"] * 50) + "\n```", "After.")
    ruled = "Some text here.\n\n---\n\nAfter the rule."
    assert split_blocks(ruled, 5) == ("Some text here.", "---\n\nAfter the rule.")
    for block in ("- a list", "1. a list", "> a quote", "| A |\n|---|\n| a table |"):
        assert split_blocks(f"Some text here.\n\n{block}", 5) == (f"Some text here.\n\n{block}",)


def test_an_autolink_at_the_start_of_a_line_does_not_stop_the_cuts() -> None:
    paragraphs = "\n\n".join(["Text of a paragraph, see\n<https://example.org/a>."] * 30)
    assert len(split_blocks(paragraphs, 10)) == 30


@pytest.mark.parametrize(
    "where",
    ["{}\n\n[ref]: https://example.org", "> [ref]: https://example.org\n\n{}", "- [r]: https://a.org\n\n{}"],
    ids=["at the end", "in a quote", "in a list"],
)
def test_markdown_with_link_references_is_never_cut(where: str) -> None:
    markdown = where.format("\n\n".join(["Text of a paragraph."] * 30))
    assert split_blocks(markdown, 10) == (markdown,)


@pytest.mark.parametrize("html", ["<!--", "<div>", "<div class='x'>", "</p>", "<?php", "<pre>"])
def test_markdown_with_raw_html_blocks_is_never_cut(html: str) -> None:
    markdown = f"{html}\n\n" + "\n\n".join(["Text of a paragraph."] * 30)
    assert split_blocks(markdown, 10) == (markdown,)
