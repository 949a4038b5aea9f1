"""The strict loader: every rule of the guide format, each bad input with its exact position and message.

Most cases start from ``MINIMAL``, a small valid guide whose line numbers the expectations rely on,
and change one line of it. Files under ``fixtures/bad/`` are used where a whole file reads better.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import random
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from guides import YAML_PIECES

import tui.guide.yamltree
from tui.guide import (
    MAX_FILE_BYTES,
    ContentError,
    CrisisLine,
    GlossaryEntry,
    Guide,
    Issue,
    Section,
    Source,
    Topic,
    load_guide,
    parse_guide,
)
from tui.guide.yamltree import MAX_DEPTH

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_GUIDE = FIXTURES / "guide.yaml"
BAD = FIXTURES / "bad"

MINIMAL = """\
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
        body: Body text.
sources:
  - id: src
    title: A source
    publisher: Pub
    year: 2020
    url: https://example.org/src
"""
"""A valid guide. Line 9 is the topic id, 15 the body, 17 the source id, 20 the year, 21 the url."""

SECOND_TOPIC = """\
  - id: two
    title: Two
    summary: Second.
    sources: [src]
    sections:
      - title: Part
        body: More text.
"""
"""A topic to insert after line 15 of ``MINIMAL``; its id is then on line 16."""


ANCHORS = "anchors ('&name') are not allowed; if this is text that starts with '&', put it in quotes"
ALIASES = "aliases ('*name') are not allowed; if this is text that starts with '*', put it in quotes"


def variant(old: str, new: str, base: str = MINIMAL) -> str:
    """``base`` with the one occurrence of ``old`` replaced by ``new``."""
    assert base.count(old) == 1, f"{old!r} must occur exactly once"
    return base.replace(old, new)


def with_second_topic(topic: str = SECOND_TOPIC) -> str:
    return variant("\nsources:\n", "\n" + topic + "sources:\n")


def load(text: str | bytes) -> Guide:
    return parse_guide(text.encode() if isinstance(text, str) else text)


def errors(text: str | bytes) -> list[str]:
    """Every issue of an invalid guide, as ``line:column: message``."""
    with pytest.raises(ContentError) as caught:
        load(text)
    return [f"{issue.line}:{issue.column}: {issue.message}" for issue in caught.value.issues]


def test_minimal_guide_is_valid() -> None:
    guide = load(MINIMAL)
    assert [topic.id for topic in guide.topics] == ["one"]
    assert guide.sources == (Source("src", "A source", "Pub", 2020, "https://example.org/src"),)
    assert guide.topics[0].sections == (Section("Part", "Body text."),)
    assert [topic.id for topic in load(with_second_topic()).topics] == ["one", "two"]


# --- The valid fixture -------------------------------------------------------------------------


def test_fixture_guide_loads_every_field() -> None:
    guide = load_guide(FIXTURE_GUIDE)
    assert guide.title == "Fixture guide"
    assert guide.subtitle == "A small guide for tests"
    assert type(guide.reviewed) is date
    assert guide.reviewed == date(2026, 1, 15)
    assert guide.disclaimer == "Educational information only. This is test text, not advice."
    assert [topic.id for topic in guide.topics] == [
        "first-topic",
        "second-topic",
        "third-topic",
        "fourth-topic",
    ]
    first = guide.topics[0]
    assert first.title == "First topic"
    assert first.summary == "The first topic of the fixture guide."
    assert first.sources == ("source-one",)
    assert [section.title for section in first.sections] == ["Opening", "Closing"]
    assert first.sections[0].body.startswith("This is the **first** topic.")
    assert first.sections[0].body.endswith("*Evidence: moderate.*\n")
    assert guide.topics[1].sources == ("source-one", "source-two")
    assert [topic.duration for topic in guide.topics] == [None, None, None, 5]
    assert guide.sources == (
        Source("source-one", "A first source", "Journal of Tests", 2020, "https://example.org/one"),
        Source("source-two", "A second source", "Test Agency", 2022, None),
    )
    assert guide.crisis_lines == (
        CrisisLine("Testland", "Call 000 at any time."),
        CrisisLine("Everywhere else", "Call your local emergency number."),
    )
    assert guide.source("source-two").publisher == "Test Agency"
    assert load_guide(str(FIXTURE_GUIDE)) == guide


def test_model_is_frozen() -> None:
    guide = load_guide(FIXTURE_GUIDE)
    objects: list[object] = [
        guide,
        guide.topics[0],
        guide.topics[0].sections[0],
        guide.sources[0],
        guide.crisis_lines[0],
    ]
    for obj, field in zip(objects, ["title", "id", "body", "url", "contact"], strict=True):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, "changed")
    assert isinstance(guide.topics, tuple)
    assert isinstance(guide.topics[0].sections, tuple)
    assert isinstance(guide.topics[0].sources, tuple)
    assert isinstance(guide.sources, tuple)
    assert isinstance(guide.crisis_lines, tuple)


def test_quoted_date_and_utf8_bom_are_accepted() -> None:
    guide = load(b"\xef\xbb\xbf" + variant("reviewed: 2026-01-15", 'reviewed: "2026-02-03"').encode())
    assert guide.reviewed == date(2026, 2, 3)
    assert guide.title == "Guide"


# --- Tags, anchors, aliases --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ('!!python/object/apply:os.system ["echo hi"]', "tag:yaml.org,2002:python/object/apply:os.system"),
        ("!!python/name:os.system", "tag:yaml.org,2002:python/name:os.system"),
        ("!custom x", "!custom"),
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary"),
        ("!!set {a, b}", "tag:yaml.org,2002:set"),
    ],
)
def test_non_standard_tags_are_refused(value: str, tag: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(os, "system", calls.append)
    assert errors(variant("title: Guide", f"title: {value}")) == [
        f"1:8: the tag {tag!r} is not allowed; remove it"
    ]
    assert calls == []


def test_tag_on_a_collection_is_refused() -> None:
    assert errors(variant("    sources: [src]", "    sources: !custom [src]")) == [
        "12:14: the tag '!custom' is not allowed; remove it"
    ]


def test_python_tag_fixture_file_is_refused() -> None:
    with pytest.raises(ContentError) as caught:
        load_guide(BAD / "python_tag.yaml")
    assert str(caught.value) == (
        f"{BAD / 'python_tag.yaml'}:2:8: "
        "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; remove it"
    )


def test_explicit_str_tag_is_allowed_and_means_text() -> None:
    assert load(variant("title: Guide", "title: !!str 123")).title == "123"
    assert errors(variant("year: 2020", "year: !!str 2020")) == [
        "20:11: year should be a whole number, found text"
    ]


def test_anchor_is_refused() -> None:
    assert errors(variant("title: Guide", "title: &a Guide")) == [f"1:8: {ANCHORS}"]


def test_alias_is_refused() -> None:
    assert errors(variant("subtitle: Sub", "subtitle: *a")) == [f"2:11: {ALIASES}"]


def test_anchor_then_alias_reports_the_anchor() -> None:
    text = variant("subtitle: Sub\n", "subtitle: &s Sub\nx: *s\n")
    assert errors(text) == [f"2:11: {ANCHORS}"]


def test_billion_laughs_is_refused_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        load_guide(BAD / "billion_laughs.yaml")
    elapsed = time.perf_counter() - start
    assert [(issue.line, issue.column, issue.message) for issue in caught.value.issues] == [(2, 4, ANCHORS)]
    assert elapsed < 1.0  # building it would mean 9**9 strings


# --- Duplicate keys ----------------------------------------------------------------------------


def test_duplicate_key_at_root() -> None:
    assert errors(MINIMAL + "title: Again\n") == ["22:1: the key 'title' appears twice here"]


def test_duplicate_key_in_a_topic() -> None:
    text = variant("    title: One\n", "    title: One\n    title: Again\n")
    assert errors(text) == ["11:5: the key 'title' appears twice here"]


def test_every_duplicate_key_is_reported() -> None:
    text = variant("    publisher: Pub\n", "    publisher: Pub\n    publisher: Other\n") + "subtitle: Again\n"
    assert errors(text) == [
        "20:5: the key 'publisher' appears twice here",
        "23:1: the key 'subtitle' appears twice here",
    ]


# --- Wrong types -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "title: Guide",
            "title: no",
            "1:8: the guide's title should be text, but this is read as a yes/no value ('no'); "
            "put the text in quotes",
        ),
        (
            "title: Guide",
            "title: 123",
            "1:8: the guide's title should be text, but this is read as a whole number ('123'); "
            "put the text in quotes",
        ),
        (
            "subtitle: Sub",
            "subtitle:",
            "2:10: the subtitle should be text, but this is read as empty (null); put the text in quotes",
        ),
        (
            "    summary: First.",
            "    summary: [a, b]",
            "11:14: the summary should be text, but this is read as a list; put the text in quotes",
        ),
        ("year: 2020", 'year: "2020"', "20:11: year should be a whole number, found text"),
        ("year: 2020", "year: 2020.0", "20:11: year should be a whole number, found a number"),
        ("year: 2020", "year: 1700", "20:11: year should be between 1800 and 2100"),
        (
            "    sections:\n      - title: Part\n        body: Body text.\n",
            "    sections: Part one\n",
            "13:15: sections should be a list (lines starting with '- '), found text",
        ),
        (
            "    sections:\n      - title: Part\n        body: Body text.\n",
            "    sections: []\n",
            "13:15: sections is an empty list",
        ),
        (
            "topics:\n  - id: one\n    title: One\n    summary: First.\n    sources: [src]\n"
            "    sections:\n      - title: Part\n        body: Body text.\n",
            "topics:\n  id: one\n",
            "9:3: topics should be a list (lines starting with '- '), found a set of keys (a mapping)",
        ),
        (
            "      - title: Part\n        body: Body text.\n",
            "      - [Part, Body text.]\n",
            "14:9: a section should be a set of 'key: value' lines, found a list",
        ),
        (
            "reviewed: 2026-01-15",
            "reviewed: not-a-date",
            "3:11: reviewed should be a date written YYYY-MM-DD, like 2026-11-24",
        ),
        (
            "reviewed: 2026-01-15",
            "reviewed: 2026-02-30",
            "3:11: reviewed should be a date written YYYY-MM-DD, like 2026-11-24",
        ),
        ("title: Guide", 'title: "a\\nb"', "1:8: the guide's title must fit on one line"),
        ("title: Guide", 'title: "  "', "1:8: the guide's title is empty"),
    ],
)
def test_wrong_types(old: str, new: str, expected: str) -> None:
    assert errors(variant(old, new)) == [expected]


@pytest.mark.parametrize(
    "year",
    [
        "02020",  # YAML 1.1 octal, 1040
        "0_1",  # octal with an underscore
        pytest.param("1" + "0" * 5000, id="5001-digits"),  # more digits than Python converts
    ],
)
def test_odd_yaml_integers_are_errors_not_crashes(year: str) -> None:
    """Regression: these raised ValueError/IndexError out of the loader."""
    assert errors(variant("year: 2020", f"year: {year}")) == ["20:11: year should be between 1800 and 2100"]


@pytest.mark.parametrize(
    ("year", "written"),
    [("!!int abc", "'abc'"), ("!!int ''", "''")],  # Regression: these raised ValueError/IndexError
)
def test_an_int_tag_on_text_says_what_was_written(year: str, written: str) -> None:
    """Issue #21: the message for a wrong tag names the tag and what was written."""
    assert errors(variant("year: 2020", f"year: {year}")) == [
        f"20:11: the tag '!!int' makes this a whole number, but it is written as {written}; remove the tag"
    ]


def test_yaml_integer_forms_read_as_yaml_does() -> None:
    assert load(variant("year: 2020", "year: 0x7E4")).sources[0].year == 2020
    assert load(variant("year: 2020", "year: 2_020")).sources[0].year == 2020
    text = variant("    title: One\n", "    title: One\n    duration: 1:30\n")  # sexagesimal
    assert load(text).topics[0].duration == 90


def test_duration_range() -> None:
    text = variant("    title: One\n", "    title: One\n    duration: 0\n")
    assert errors(text) == ["11:15: duration should be between 1 and 3600"]


# --- Unknown and missing keys ------------------------------------------------------------------


def test_unknown_key_with_a_hint() -> None:
    """One typo is one message, where it is written: the key it stands for is not also "missing"."""
    assert errors(variant("title: Guide", "titel: Guide")) == [
        "1:1: unknown key 'titel' in the guide (did you mean 'title'?)",
    ]


def test_unknown_key_in_a_topic_with_a_hint() -> None:
    assert errors(variant("    summary: First.", "    sumary: First.")) == [
        "11:5: unknown key 'sumary' in a topic (did you mean 'summary'?)",
    ]


def test_a_missing_key_is_reported_when_no_typo_stands_for_it() -> None:
    assert errors(variant("    summary: First.", "    colour: red")) == [
        "9:5: a topic is missing the key 'summary'",
        "11:5: unknown key 'colour' in a topic; expected one of: id, title, summary, sections, sources, "
        "duration",
    ]


def test_unknown_key_without_a_hint() -> None:
    assert errors(MINIMAL + "zzz: 1\n") == [
        "22:1: unknown key 'zzz' in the guide; expected one of: "
        "title, subtitle, reviewed, disclaimer, topics, sources, crisis_lines, glossary"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("subtitle: Sub\n", "1:1: the guide is missing the key 'subtitle'"),
        ("    summary: First.\n", "9:5: a topic is missing the key 'summary'"),
        ("        body: Body text.\n", "14:9: a section is missing the key 'body'"),
        ("    publisher: Pub\n", "17:5: a source is missing the key 'publisher'"),
        ("    contact: Call 000.\n", "6:5: a crisis line is missing the key 'contact'"),
    ],
)
def test_missing_required_key(line: str, expected: str) -> None:
    assert errors(variant(line, "")) == [expected]


def test_optional_keys_may_be_left_out() -> None:
    guide = load(variant("    url: https://example.org/src\n", ""))
    assert guide.sources[0].url is None
    assert guide.topics[0].duration is None


# --- Nesting and size --------------------------------------------------------------------------


def test_nesting_ten_thousand_deep_is_a_clean_error() -> None:
    with pytest.raises(ContentError) as caught:
        load("[" * 10_000 + "]" * 10_000)
    (issue,) = caught.value.issues
    assert issue.line == 1
    assert "nesting" in issue.message


def test_block_nesting_ten_thousand_deep_is_a_clean_error() -> None:
    assert errors("- " * 10_000 + "x") == [
        f"1:{2 * MAX_DEPTH + 1}: nesting is deeper than {MAX_DEPTH} levels"
    ]


def test_nesting_one_past_the_limit() -> None:
    depth = MAX_DEPTH + 1
    assert errors("[" * depth + "]" * depth) == [f"1:{depth}: nesting is deeper than {MAX_DEPTH} levels"]


def test_nesting_at_the_limit_passes_the_depth_check() -> None:
    assert errors("[" * MAX_DEPTH + "]" * MAX_DEPTH) == [
        "1:1: the guide should be a set of 'key: value' lines, found a list"
    ]


def test_deep_nesting_inside_a_guide() -> None:
    deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    # guide, topics, topic, sections and section take five levels: the body's 12th bracket is the 17th.
    assert errors(variant("        body: Body text.", f"        body: {deep}")) == [
        f"15:{15 + MAX_DEPTH - 5}: nesting is deeper than {MAX_DEPTH} levels"
    ]


def test_file_over_the_size_cap() -> None:
    assert errors(b"#" * (MAX_FILE_BYTES + 1)) == ["1:1: file is larger than the 16 MiB limit"]


def test_file_at_the_size_cap_is_read() -> None:
    assert errors(b"#" * MAX_FILE_BYTES) == ["1:1: the file is empty"]


def test_big_file_on_disk_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as file:
        file.truncate(MAX_FILE_BYTES + 100)  # sparse: nothing is really written
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    assert [str(issue) for issue in caught.value.issues] == [
        f"{path}:1:1: file is larger than the 16 MiB limit"
    ]


# --- Encoding and characters -------------------------------------------------------------------


def test_latin1_byte_is_located() -> None:
    data = MINIMAL.encode().replace(b"reviewed: 2026", b"r\xe9viewed: 2026")
    assert errors(data) == ["3:2: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


def test_utf16_file_is_not_utf8() -> None:
    assert errors(MINIMAL.encode("utf-16")) == ["1:1: not UTF-8 text (byte 0xff); save the file as UTF-8"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("title: Guide", r'title: "\e[2J"', "1:8: the guide's title"),
        ("subtitle: Sub", r'subtitle: "a\x07"', "2:11: the subtitle"),
        ("disclaimer: Not advice.", r'disclaimer: "\x9b1m"', "4:13: the disclaimer"),
        ("        body: Body text.", r'        body: "x\x7f"', "15:15: the section's body"),
        ("    title: A source", r'    title: "\u202eevil"', "18:12: the source's title"),
        ("    contact: Call 000.", r'    contact: "call \u2066 me"', "7:14: contact"),
        ("  - region: Testland", r'  - region: "\x1b]8;;x\x1b\\"', "6:13: region"),
        ("    summary: First.", r'    summary: "a\rb"', "11:14: the summary"),
        ("    title: One", r'    title: "\u200f"', "10:12: the topic's title"),
    ],
)
def test_control_characters_are_refused(old: str, new: str, expected: str) -> None:
    (message,) = errors(variant(old, new))
    assert message.startswith(expected + " contains the invisible control character U+")
    assert message.endswith("; remove it")


def test_control_character_code_is_named() -> None:
    assert errors(variant("title: Guide", r'title: "\e[2J"')) == [
        "1:8: the guide's title contains the invisible control character U+001B (escape); remove it"
    ]
    assert errors(variant("    title: A source", r'    title: "\u202eevil"')) == [
        "18:12: the source's title contains the invisible control character U+202E (right-to-left "
        "override); remove it"
    ]


def test_a_lone_surrogate_is_refused_where_the_parser_lets_it_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libyaml refuses the escape "\\ud800"; PyYAML's pure-Python parser, used where libyaml is missing,
    reads it as half of a character pair, which no terminal can show."""
    monkeypatch.setattr(tui.guide.yamltree, "_Loader", yaml.SafeLoader)
    assert errors(variant("title: Guide", r'title: "a\ud800b"')) == [
        "1:8: the guide's title contains U+D800, half of a character pair, which cannot be shown; remove it"
    ]


@pytest.mark.parametrize(
    ("raw", "code"), [("\x1b", "U+001B"), ("\x00", "U+0000"), ("\x9b", "U+009B"), ("\x7f", "U+007F")]
)
def test_raw_control_character_in_the_file_is_located(raw: str, code: str) -> None:
    """Regression: YAML's own refusal was reported at 1:1 with a multi-line message.

    The two multi-byte letters before it check that the column counts characters, not bytes.
    """
    text = variant("disclaimer: Not advice.", f"disclaimer: éé{raw}x")
    assert errors(text) == [f"4:15: the file contains the control character {code}; remove it"]


def test_raw_bidi_override_in_the_file_is_refused() -> None:
    """Placed at the character itself (4:14), not at the start of the text."""
    text = variant("disclaimer: Not advice.", "disclaimer: a\u202eb")
    assert errors(text) == [
        "4:14: the disclaimer contains the invisible control character U+202E (right-to-left override); "
        "remove it"
    ]


def test_tab_and_newline_are_allowed_in_a_body() -> None:
    guide = load(variant("        body: Body text.", r'        body: "a\tb\nc"'))
    assert guide.topics[0].sections[0].body == "a\tb\nc"


# --- Ids and references ------------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["Bad Id", "-x", "x-", "a--b", "Upper", "caf\u00e9", "a_b"])
def test_topic_id_must_be_a_slug(bad_id: str) -> None:
    assert errors(variant("  - id: one", f'  - id: "{bad_id}"')) == [
        f"9:9: topic id {bad_id!r} should use only lowercase letters, digits and single hyphens "
        "(like 'how-it-works')"
    ]


@pytest.mark.parametrize("good_id", ["a", "how-it-works", "step-2", "2026"])
def test_slug_topic_ids_are_accepted(good_id: str) -> None:
    text = variant("  - id: one", f'  - id: "{good_id}"')
    assert load(text).topics[0].id == good_id


def test_duplicate_topic_id_names_the_first_line() -> None:
    text = with_second_topic(SECOND_TOPIC.replace("id: two", "id: one"))
    assert errors(text) == ["16:9: topic id 'one' is already used at line 9"]


@pytest.mark.parametrize("reserved", ["sources", "about", "crisis", "glossary"])
def test_reserved_topic_ids(reserved: str) -> None:
    assert errors(variant("  - id: one", f"  - id: {reserved}")) == [
        f"9:9: the topic id {reserved!r} is reserved for a page the app makes"
    ]


def test_duplicate_source_id() -> None:
    text = MINIMAL + "  - id: src\n    title: Again\n    publisher: Pub\n    year: 2021\n"
    assert errors(text) == ["22:9: source id 'src' is already used at line 17"]


def test_source_id_must_be_a_slug() -> None:
    text = variant("  - id: src", "  - id: Src").replace("[src]", "[Src]")
    assert errors(text) == [
        "12:15: a source id 'Src' should use only lowercase letters, digits and single hyphens "
        "(like 'how-it-works')",
        "17:9: source id 'Src' should use only lowercase letters, digits and single hyphens "
        "(like 'how-it-works')",
    ]


def test_cited_source_must_be_defined() -> None:
    assert errors(variant("    sources: [src]", "    sources: [src, nope]")) == [
        "12:20: the source 'nope' is cited but not defined under 'sources'"
    ]


def test_duplicate_keys_do_not_hide_other_problems() -> None:
    text = variant("    title: One\n", "    title: One\n    title: Again\n")
    text = text.replace("    year: 2020", "    year: soon")
    assert errors(text) == [
        "11:5: the key 'title' appears twice here",
        "21:11: year should be a whole number, found text",
    ]


def test_bare_merge_and_value_symbols_are_read_as_text() -> None:
    guide = load(variant("    contact: Call 000.", "    contact: ="))
    assert guide.crisis_lines[0].contact == "="
    assert errors(MINIMAL + "<<: x\n") == [
        "22:1: unknown key '<<' in the guide; expected one of: title, subtitle, reviewed, disclaimer, "
        "topics, sources, crisis_lines, glossary"
    ]


# --- Evidence levels and urls ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "*Evidence: strong.*",
        "*Evidence: moderate.*",
        "*Evidence: limited.*",
        "*Evidence: not supported.*",
        "**Evidence:** limited",
    ],
)
def test_valid_evidence_levels(line: str) -> None:
    guide = load(variant("        body: Body text.", f'        body: "Text. {line}"'))
    assert guide.topics[0].sections[0].body == f"Text. {line}"


@pytest.mark.parametrize(
    ("line", "level"),
    [("*Evidence: proven.*", "proven"), ("Evidence: not", "not"), ("Evidence: very strong", "very")],
)
def test_invalid_evidence_level(line: str, level: str) -> None:
    """Placed at the word itself (issue #19: not at the body's start)."""
    column = 15 + 1 + line.index(level)
    assert errors(variant("        body: Body text.", f'        body: "{line}"')) == [
        f"15:{column}: 'Evidence:' is followed by {level!r}; use one of: strong, moderate, limited, "
        "not supported"
    ]


@pytest.mark.parametrize(
    "url", ["http://example.org", "javascript:alert(1)", "https://example.org/a b", "ftp://x"]
)
def test_url_must_be_https(url: str) -> None:
    assert errors(variant("    url: https://example.org/src", f'    url: "{url}"')) == [
        f"21:10: url {url!r} should start with https:// and contain no spaces"
    ]


@pytest.mark.parametrize("entity", ["&#x202E;", "&amp;", "&rlm;", "&#8238;"])
def test_url_with_an_html_entity_is_refused(entity: str) -> None:
    """A handout would decode it: a bidi control in the address, or an address other than the one written."""
    url = f"https://example.org/a{entity}b"
    assert errors(variant("    url: https://example.org/src", f'    url: "{url}"')) == [
        f"21:10: url {url!r} holds the HTML entity {entity!r}; write the character itself (& for &amp;)"
    ]


def test_url_with_a_plain_ampersand_is_accepted() -> None:
    url = "https://example.org/search?q=ketamine&page=2"
    guide = load(variant("    url: https://example.org/src", f'    url: "{url}"'))
    assert [source.url for source in guide.sources] == [url]


# --- Not a guide at all ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "1:1: the file is empty"),
        (b"\n\n", "1:1: the file is empty"),
        (b"# only a comment\n# and another\n", "1:1: the file is empty"),
        (b"- a\n- b\n", "1:1: the guide should be a set of 'key: value' lines, found a list"),
        (b"just text\n", "1:1: the guide should be a set of 'key: value' lines, found text"),
        ((MINIMAL + "---\n" + MINIMAL).encode(), "22:1: only one YAML document is allowed (remove '---')"),
    ],
)
def test_not_a_single_mapping(data: bytes, expected: str) -> None:
    assert errors(data) == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "subtitle: Sub",
            "  subtitle: Sub",
            "2:3: this line is indented more than the key above it, so YAML reads it as part of that value; "
            "start it at column 1",
        ),
        (
            "title: Guide",
            'title: "Guide',
            '1:8: the quote (") opened here is never closed; add a closing " at the end of the text',
        ),
        (
            "    sources: [src]",
            "    sources: [src",
            "12:14: the list opened here with '[' is not closed; add ']' at its end (or, if this is text, "
            "put it in quotes)",
        ),
    ],
)
def test_yaml_syntax_errors_are_located(old: str, new: str, expected: str) -> None:
    assert errors(variant(old, new)) == [expected]


def test_every_problem_is_reported_in_line_order() -> None:
    path = BAD / "many_problems.yaml"
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    error = caught.value
    expected = [
        "2:8: the guide's title should be text, but this is read as a yes/no value ('no'); "
        "put the text in quotes",
        "7:9: topic id 'Bad Id' should use only lowercase letters, digits and single hyphens "
        "(like 'how-it-works')",
        "10:20: the source 'missing' is cited but not defined under 'sources'",
        "13:27: 'Evidence:' is followed by 'proven'; use one of: strong, moderate, limited, not supported",
        "18:11: year should be a whole number, found text",
        "19:10: url 'http://example.org/src' should start with https:// and contain no spaces",
    ]
    assert [f"{issue.line}:{issue.column}: {issue.message}" for issue in error.issues] == expected
    assert str(error) == "\n".join(f"{path}:{line}" for line in expected)
    assert (error.path, error.line, error.column) == (str(path), 2, 8)
    assert error.message == error.issues[0].message


def test_issue_str_format() -> None:
    assert str(Issue("guide.yaml", 3, 7, "something is wrong")) == "guide.yaml:3:7: something is wrong"


# --- Garbage never crashes ---------------------------------------------------------------------


def assert_guide_or_content_error(data: bytes) -> None:
    try:
        parse_guide(data)
    except ContentError as error:
        assert error.issues
        for issue in error.issues:
            assert issue.line >= 1
            assert issue.column >= 1
            assert issue.message
            assert "\n" not in issue.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01",
        b"{",
        b"- - -",
        b": :",
        b"&a [*a]",
        b"*a",
        b"!!",
        b"? [a]\n: b",
        b"%YAML 1.1\n%YAML 1.1\n",
        b"%TAG ! tag:yaml.org,2002:python/\n---\ntitle: !object:os.system x\n",
        b"'",
        b"\t- x",
        b"\xef\xbb\xbf",
        b"\xff\xfe\xfd",
        b"title: \xed\xa0\x80",  # an encoded surrogate is not UTF-8
        b'title: "\\ud800"',
    ],
)
def test_weird_inputs_give_a_content_error(data: bytes) -> None:
    with pytest.raises(ContentError):
        parse_guide(data)
    assert_guide_or_content_error(data)


def test_key_that_is_a_collection_is_refused() -> None:
    assert errors(MINIMAL + "[a]: 1\n") == ["22:1: a key must be a plain name, not a list or mapping"]


def test_random_bytes_never_crash() -> None:
    rng = random.Random(20260115)
    alphabet = b"[]{}:-,&*!|>'\"#%@`?\\ \t\n\r\x00\x85\xc3\xa9\xe2\x80\xaeazAZ09."
    for _ in range(500):
        data = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert_guide_or_content_error(data)


def test_mutated_guides_never_crash() -> None:
    rng = random.Random(7)
    source = MINIMAL.encode()
    for _ in range(500):
        data = bytearray(source)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            if rng.random() < 0.5:
                del data[at : at + rng.randint(1, 5)]
            else:
                data[at:at] = rng.choice(YAML_PIECES)
        assert_guide_or_content_error(bytes(data))


# --- Files that cannot be read -----------------------------------------------------------------


def test_file_not_found(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    assert str(caught.value) == f"{path}:1:1: file not found"


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_guide(tmp_path)
    assert str(caught.value) == f"{tmp_path}:1:1: this is a folder, not a file"


def test_path_inside_a_file(tmp_path: Path) -> None:
    file = tmp_path / "guide.yaml"
    file.write_text(MINIMAL, encoding="utf-8")
    path = file / "x"
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    assert str(caught.value) == f"{path}:1:1: cannot read file: {os.strerror(errno.ENOTDIR)}"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file; see test_path_inside_a_file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "guide.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(ContentError) as caught:
            load_guide(path)
    finally:
        path.chmod(0o600)
    assert str(caught.value) == f"{path}:1:1: cannot read file: {os.strerror(errno.EACCES)}"


def test_loaded_topic_types() -> None:
    guide = load(MINIMAL)
    assert isinstance(guide.topics[0], Topic)
    assert guide.topics[0] == Topic("one", "One", "First.", (Section("Part", "Body text."),), ("src",), None)
    assert guide.crisis_lines == (CrisisLine("Testland", "Call 000."),)


# --- Internal links ----------------------------------------------------------------------------


def test_internal_links_to_topics_and_generated_pages_are_accepted() -> None:
    body = '        body: "See [one](#one), [all sources](#sources) and [about](#about)."'
    guide = load(variant("        body: Body text.", body))
    assert "#sources" in guide.topics[0].sections[0].body


def test_internal_link_to_no_topic_is_reported_at_its_position() -> None:
    block = "        body: |\n          Fine text.\n          Then [a link](#nowhere) to nothing.\n"
    assert errors(variant("        body: Body text.\n", block)) == [
        "17:25: the link '#nowhere' points to no topic; use a topic id"
    ]
    assert errors(variant("        body: Body text.", '        body: "Go [x](#gone)"')) == [
        "15:23: the link '#gone' points to no topic (did you mean '#one'?)"
    ]


def test_link_on_a_more_indented_line_is_placed_exactly() -> None:
    block = "        body: |\n          Text.\n            Indented [x](#lost) here.\n"
    # Line 17 is "            Indented [x](#lost) here.": its '#' is in column 26.
    assert errors(variant("        body: Body text.\n", block)) == [
        "17:26: the link '#lost' points to no topic; use a topic id"
    ]


# --- The glossary ------------------------------------------------------------------------------

GLOSSARY = "glossary:\n  - term: Dose\n    definition: How much is taken.\n"
"""A glossary to append to ``MINIMAL``: the key on line 22, the term on line 23, its definition on 24."""


def test_the_glossary_is_optional_and_read_in_file_order() -> None:
    assert load(MINIMAL).glossary == ()
    text = MINIMAL + GLOSSARY + "  - term: Anaesthetic\n    definition: |\n      A drug that numbs.\n"
    assert load(text).glossary == (
        GlossaryEntry("Dose", "How much is taken."),
        GlossaryEntry("Anaesthetic", "A drug that numbs.\n"),
    )


def test_a_term_is_defined_once_whatever_its_case() -> None:
    assert errors(MINIMAL + GLOSSARY + "  - term: DOSE\n    definition: Again.\n") == [
        "25:11: the term 'DOSE' is already in the glossary at line 23 (terms are compared without case)"
    ]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "  - term: |\n      Two\n      lines\n    definition: x\n",
            ["24:10: the term must fit on one line"],  # at the line break
        ),
        (
            "  - term: 42\n    definition: '  '\n",
            [
                "23:11: the term should be text, but this is read as a whole number ('42'); put the text "
                "in quotes",
                "24:17: the definition is empty",
            ],
        ),
        (
            "  - term: Dose\n    defintion: x\n",
            # A typo close to the missing key is one problem, named once.
            ["24:5: unknown key 'defintion' in a glossary entry (did you mean 'definition'?)"],
        ),
    ],
    ids=["two-line-term", "wrong-types", "misspelt-key"],
)
def test_glossary_entries_are_checked(entry: str, expected: list[str]) -> None:
    assert errors(MINIMAL + "glossary:\n" + entry) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[]", "22:11: glossary is an empty list"),
        ("Dose", "22:11: glossary should be a list (lines starting with '- '), found text"),
    ],
)
def test_the_glossary_is_a_list_of_entries(value: str, expected: str) -> None:
    assert errors(MINIMAL + f"glossary: {value}\n") == [expected]


def test_links_in_definitions_are_checked_at_their_position() -> None:
    entry = "  - term: Dose\n    definition: See [x](#nowhere) and [one](#one).\n"
    assert errors(MINIMAL + "glossary:\n" + entry) == [
        "24:25: the link '#nowhere' points to no topic; use a topic id"
    ]


def test_a_link_to_the_glossary_needs_a_glossary() -> None:
    linked = variant("        body: Body text.", '        body: "See [the words](#glossary)."')
    assert errors(linked) == ["15:32: the link '#glossary' points to no page: this guide has no glossary"]
    assert "(#glossary)" in load(linked + GLOSSARY).topics[0].sections[0].body
