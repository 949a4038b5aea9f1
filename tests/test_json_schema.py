"""The JSON Schema for editors (issue #19): made from the model, shipped in the package, and in
agreement with the loader. It is checked with ``jsonschema``, a well-kept validator.

The schema states what a schema can (the shape of the file, each value's form); the loader checks
more (citations, links, Markdown, the crisis rule). So on the files here, chosen within what a schema
can say, the two agree both ways; and on any file, a guide the loader accepts passes the schema.
"""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tui.guide import ContentError, parse_guide
from tui.guide.json_schema import SCHEMA_FILE

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tui" / "guide" / SCHEMA_FILE).read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"

GOOD = """\
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
    duration: 30
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


def as_json(text: str | bytes) -> Any:
    """The file as the loader reads its values (YAML 1.1: ``no`` is a yes/no value), in JSON's types."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(key): plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    return plain(yaml.safe_load(text))


def loader_accepts(text: str | bytes) -> bool:
    try:
        parse_guide(text.encode() if isinstance(text, str) else text)
    except ContentError:
        return False
    return True


def schema_accepts(text: str | bytes) -> bool:
    return VALIDATOR.is_valid(as_json(text))


def test_the_schema_is_a_valid_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", [ROOT / "content.yaml", FIXTURE, ROOT / "tui" / "guide" / "starter.yaml"])
def test_the_shipped_guides_pass_the_schema(path: Path) -> None:
    errors = [error.message for error in VALIDATOR.iter_errors(as_json(path.read_bytes()))]
    assert errors == []


CHANGES = {
    "good": ("", ""),
    "key typo": ("    summary: First.", "    sumary: First."),
    "missing key": ("    publisher: Pub\n", ""),
    "unknown key": ("title: Guide", "title: Guide\ncolour: red"),
    "no crisis lines": ("crisis_lines:\n  - region: Testland\n    contact: Call 000.\n", ""),
    "empty crisis lines": (
        "crisis_lines:\n  - region: Testland\n    contact: Call 000.\n",
        "crisis_lines: []\n",
    ),
    "yes/no title": ("title: Guide", "title: no"),
    "number title": ("title: Guide", "title: 1970"),
    "empty title": ("title: Guide", 'title: " "'),
    "two-line title": ("title: Guide", 'title: "a\\nb"'),
    "year as text": ("year: 2020", 'year: "2020"'),
    "year out of range": ("year: 2020", "year: 1700"),
    "duration too long": ("duration: 30", "duration: 4000"),
    "bad id": ("  - id: one", "  - id: One Topic"),
    "reserved id": ("  - id: one", "  - id: about"),
    "bad citation id": ("sources: [src]", "sources: [Src]"),
    "http url": ("url: https://example.org/src", "url: http://example.org/src"),
    "bad date": ("reviewed: 2026-01-15", "reviewed: soon"),
    "sections not a list": (
        "    sections:\n      - title: Part\n        body: Body text.\n",
        "    sections: Part\n",
    ),
    "no sections": ("    sections:\n      - title: Part\n        body: Body text.\n", "    sections: []\n"),
    "topic is text": (
        "  - id: one\n    title: One\n    summary: First.\n    duration: 30\n    sources: [src]\n"
        "    sections:\n      - title: Part\n        body: Body text.\n",
        "  - just text\n",
    ),
    "quoted date": ("reviewed: 2026-01-15", 'reviewed: "2026-02-03"'),
    "no url": ("    url: https://example.org/src\n", ""),
    "no duration": ("    duration: 30\n", ""),
}
"""Each case changes one line of a good file, within what a schema can say."""


@pytest.mark.parametrize("name", list(CHANGES))
def test_the_schema_and_the_loader_agree(name: str) -> None:
    old, new = CHANGES[name]
    assert GOOD.count(old) == (1 if old else GOOD.count(old))
    text = GOOD.replace(old, new) if old else GOOD
    assert schema_accepts(text) == loader_accepts(text)


def test_the_cases_cover_both_answers() -> None:
    answers = [loader_accepts(GOOD.replace(old, new) if old else GOOD) for old, new in CHANGES.values()]
    assert answers.count(True) >= 4 and answers.count(False) >= 15


_FIXTURE_TREE = yaml.safe_load(FIXTURE.read_bytes())


def _mappings(tree: Any) -> list[dict[str, Any]]:
    """Every mapping in a tree, outermost first."""
    if isinstance(tree, dict):
        return [tree, *(found for value in tree.values() for found in _mappings(value))]
    if isinstance(tree, list):
        return [found for value in tree for found in _mappings(value)]
    return []


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5000), st.text(max_size=8), st.sampled_from(["x", "", "a-b"])
)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_guide_the_loader_accepts_passes_the_schema(data: st.DataObject) -> None:
    """The fixture with a few of its values replaced or removed: whatever the loader accepts, the
    schema accepts too (the schema never flags a good guide as the author types)."""
    tree = copy.deepcopy(_FIXTURE_TREE)
    for _ in range(data.draw(st.integers(1, 3))):
        containers = [mapping for mapping in _mappings(tree) if mapping]
        target = data.draw(st.sampled_from(containers))
        key = data.draw(st.sampled_from(sorted(target)))
        if data.draw(st.booleans()):
            target[key] = data.draw(VALUES)
        else:
            del target[key]
    text = yaml.safe_dump(tree, sort_keys=False, allow_unicode=True)
    if loader_accepts(text):
        assert schema_accepts(text), list(VALIDATOR.iter_errors(as_json(text)))
