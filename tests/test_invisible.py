"""The invisible-characters policy (issue #21, ``docs/security.md``): ``check`` refuses every character
the app never draws, in every text, at file:line:column, whether written in the file, made by a YAML
escape or by a Markdown entity; and refuses a text that shows nothing."""

from __future__ import annotations

import pytest

from tui.guide import ContentError, parse_guide
from tui.guide.controls import UNSEEN, printable

GUIDE = """\
title: Guide
subtitle: Sub
reviewed: 2026-01-15
disclaimer: Not advice.
crisis_lines:
  - region: Testland
    contact: Call 000.
topics:
  - id: one
    title: One
    summary: First.
    sources: [src]
    sections:
      - title: Part
        body: |
          Body text.
          More text.
sources:
  - id: src
    title: A source
    publisher: Pub
    year: 2020
"""
"""Line 1 is the title, 10 the topic's title, 16 and 17 the body's two lines."""


def errors(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_guide(text.encode("utf-8"), "guide.yaml")
    return [f"{issue.line}:{issue.column}: {issue.message}" for issue in caught.value.issues]


def variant(old: str, new: str) -> str:
    assert GUIDE.count(old) == 1
    return GUIDE.replace(old, new)


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "U+200B (zero width space)"),
        ("\u200d", "U+200D (zero width joiner)"),
        ("\u2060", "U+2060 (word joiner)"),
        ("\ufeff", "U+FEFF (zero width no-break space)"),
        ("\U000e0041", "U+E0041 (tag latin capital letter a)"),
    ],
)
def test_an_invisible_character_in_a_title_is_refused_where_it_is(char: str, name: str) -> None:
    assert errors(variant("    title: One", f"    title: On{char}e")) == [
        f"10:14: the topic's title contains the invisible character {name}; remove it"
    ]


@pytest.mark.parametrize("escape", ["\\u2028", "\\u2029", "\\u200b\\u200b"])
def test_an_escape_that_makes_one_is_refused_at_the_text(escape: str) -> None:
    (message,) = errors(variant("    title: One", f'    title: "One{escape}two"'))
    assert message.startswith("10:12: the topic's title contains the invisible character U+")


def test_a_title_of_zero_width_characters_only_is_refused() -> None:
    (message,) = errors(variant("    title: One", '    title: "\\u200b\\u200c"'))
    assert message.startswith("10:12: the topic's title contains the invisible character U+200B")


@pytest.mark.parametrize("blank", ["\u00ad", "\u00ad\ufe0f", "\u3164", "\u2800 \u00ad"])
def test_a_title_that_shows_nothing_is_refused(blank: str) -> None:
    assert errors(variant("    title: One", f'    title: "{blank}"')) == [
        "10:12: the topic's title shows nothing: it holds only invisible characters; write the text"
    ]


def test_visible_text_with_a_soft_hyphen_is_accepted() -> None:
    guide = parse_guide(variant("    title: One", "    title: Ket\u00adamine").encode())
    assert guide.topics[0].title == "Ket\u00adamine"


def test_a_byte_order_mark_is_allowed_at_the_start_of_the_file_only() -> None:
    assert parse_guide(b"\xef\xbb\xbf" + GUIDE.encode()).title == "Guide"
    assert errors(variant("title: Guide", "title: Gui\ufeffde")) == [
        "1:11: the guide's title contains the invisible character U+FEFF (zero width no-break space); "
        "remove it"
    ]


@pytest.mark.parametrize(
    ("entity", "name"),
    [
        ("&#x202E;", "U+202E (right-to-left override)"),
        ("&rlm;", "U+200F (right-to-left mark)"),
        ("&lrm;", "U+200E (left-to-right mark)"),
        ("&#x2067;", "U+2067 (right-to-left isolate)"),
        ("&#x61c;", "U+061C (arabic letter mark)"),
        ("&#8203;", "U+200B (zero width space)"),
        ("&#xE0041;", "U+E0041 (tag latin capital letter a)"),
    ],
)
def test_a_markdown_entity_for_an_invisible_character_is_refused_at_the_entity(
    entity: str, name: str
) -> None:
    """Line 17 is the body's second line; the entity starts at column 16 (after "More text ")."""
    assert errors(variant("          More text.", f"          More text {entity} here.")) == [
        f"17:21: {entity!r} stands for the invisible character {name}, which is never shown; remove it"
    ]


def test_harmless_entities_are_accepted() -> None:
    guide = parse_guide(
        variant("          More text.", "          Fish &amp; chips &copy; &#x263A;.").encode()
    )
    assert "&amp;" in guide.topics[0].sections[0].body


def test_line_separators_in_the_file_are_refused_before_yaml_reads_it() -> None:
    """YAML would count them as line breaks: every later line number would be 1 late."""
    text = variant("subtitle: Sub", "subtitle: A\u2028B\u0085C") + "oops: [\n"
    assert errors(text) == [
        "2:12: the file contains U+2028 (line separator), which YAML reads as a line break; save the "
        "file as UTF-8 (a character was decoded wrongly), or retype the text here",
        "2:14: the file contains U+0085 (next line), which YAML reads as a line break; save the "
        "file as UTF-8 (a character was decoded wrongly), or retype the text here",
    ]


def test_printable_escapes_exactly_what_a_terminal_would_not_simply_draw() -> None:
    assert printable("plain name.yaml") == "plain name.yaml"
    assert printable("caf\u00e9/\u4e2d\u6587 \U0001f600.yaml") == "caf\u00e9/\u4e2d\u6587 \U0001f600.yaml"
    assert printable("a\x1b[2Jb\tc\n") == "a\\x1b[2Jb\\x09c\\x0a"
    assert printable("x\u202ey\u2028z\U000e0041") == "x\\u202ey\\u2028z\\U000e0041"
    for point in range(0x110000):
        char = chr(point)
        if UNSEEN.match(char):
            assert printable(char) != char
