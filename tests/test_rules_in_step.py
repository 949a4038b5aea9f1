"""The cache's rules and the loader agree (issue #21): a guide passes :func:`tui.guide.rules.validate`
exactly when the loader could have made it. So a planted cache entry that differs in any way from
what the loader makes (a multi-line title, an invisible character, raw HTML in a body...) is a miss.

Each case changes one value of a loaded guide. The changed guide is written back as YAML, every
text in double quotes (which hold any text exactly), and loaded again: the loader accepts it and
gives the same guide if and only if the rules pass it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tui.guide import ContentError, CrisisLine, Guide, Section, load_guide, parse_guide
from tui.guide.cache import GuideCache, load_guide_cached
from tui.guide.codec import encode
from tui.guide.rules import validate

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"


class _Dumper(yaml.SafeDumper):
    """Every text double-quoted: YAML then keeps it exactly, escapes included."""


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def as_yaml(guide: Guide) -> bytes:
    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value):
            fields = {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
            return {name: item for name, item in fields.items() if item is not None and item != []}
        if isinstance(value, tuple):
            return [plain(item) for item in value]
        return value

    return yaml.dump(plain(guide), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9).encode()


def loads_back(guide: Guide) -> bool:
    """Whether the loader, given this guide written as YAML, makes exactly this guide."""
    try:
        return parse_guide(as_yaml(guide), "planted.yaml") == guide
    except ContentError:
        return False


def with_title(value: str) -> Callable[[Guide], Guide]:
    return lambda guide: dataclasses.replace(guide, title=value)


def with_body(value: str) -> Callable[[Guide], Guide]:
    def change(guide: Guide) -> Guide:
        topic = guide.topics[0]
        sections = (Section(topic.sections[0].title, value), *topic.sections[1:])
        topics = (dataclasses.replace(topic, sections=sections), *guide.topics[1:])
        return dataclasses.replace(guide, topics=topics)

    return change


def with_summary(value: str) -> Callable[[Guide], Guide]:
    def change(guide: Guide) -> Guide:
        topics = (dataclasses.replace(guide.topics[0], summary=value), *guide.topics[1:])
        return dataclasses.replace(guide, topics=topics)

    return change


def with_crisis_lines(*lines: CrisisLine) -> Callable[[Guide], Guide]:
    return lambda guide: dataclasses.replace(guide, crisis_lines=lines)


CHANGES: dict[str, Callable[[Guide], Guide]] = {
    "same": lambda guide: guide,
    "plain title": with_title("Another title"),
    "multi-line title": with_title("Two\nlines"),
    "title with a line separator": with_title("Two\u2028lines"),
    "padded title": with_title(" Padded"),
    "empty title": with_title(""),
    "zero-width title": with_title("\u200b\u200b"),
    "soft-hyphen title": with_title("\u00ad"),
    "title with a tag character": with_title("T\U000e0041"),
    "title with a byte-order mark": with_title("T\ufeffx"),
    "title with an accent": with_title("Caf\u00e9 \u4e2d\u6587"),
    "padded summary": with_summary("Summary. "),
    "summary over lines": with_summary("One\nsummary."),
    "html body": with_body("Text <b>bold</b>."),
    "comment body": with_body("Text <!-- hidden -->."),
    "image body": with_body("![a chart](chart.png)"),
    "entity body": with_body("Text &#x202E; reversed."),
    "named entity body": with_body("Text &rlm; mark."),
    "harmless entity body": with_body("Fish &amp; chips."),
    "wide table body": with_body("| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n"),
    "extra cell body": with_body("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n"),
    "deep body": with_body("- a\n  - b\n    - c\n      - d\n"),
    "fine list body": with_body("- a\n  - b\n    - c\n"),
    "bad evidence body": with_body("Claim. *Evidence: proven.*"),
    "broken link body": with_body("See [x](#nowhere)."),
    "suicide without a link": with_body("On suicide."),
    "suicide with a link": with_body("On suicide. See the [crisis lines](#crisis)."),
    "blank body": with_body("   "),
    "no crisis lines": with_crisis_lines(),
    "pipe in a contact": with_crisis_lines(CrisisLine("Here", "Call 1 | 2")),
    "padded region": with_crisis_lines(CrisisLine(" Here", "Call 1.")),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_the_rules_pass_exactly_what_the_loader_makes(name: str) -> None:
    guide = CHANGES[name](load_guide(FIXTURE))
    assert (validate(guide) == []) == loads_back(guide), validate(guide)


def test_the_cases_cover_both_answers() -> None:
    answers = {name: validate(change(load_guide(FIXTURE))) == [] for name, change in CHANGES.items()}
    assert sum(answers.values()) >= 6 and sum(not ok for ok in answers.values()) >= 20


@pytest.mark.parametrize("name", ["multi-line title", "zero-width title", "html body", "no crisis lines"])
def test_a_planted_entry_that_the_loader_would_not_make_is_a_miss(tmp_path: Path, name: str) -> None:
    cache = GuideCache(tmp_path)
    expected = load_guide_cached(FIXTURE, cache)
    [path] = tmp_path.glob("*.guide")
    header, stamp, digest, _ = json.loads(path.read_bytes())
    planted = CHANGES[name](expected)
    path.write_text(json.dumps([header, stamp, digest, encode(planted)]), encoding="utf-8")
    assert load_guide_cached(FIXTURE, cache) == expected
