"""Fuzzing the loader: whatever the bytes, ``parse_guide`` returns a Guide or raises a clean ContentError.

Nothing else may escape (no RecursionError, UnicodeDecodeError or YAML error), and every issue points
inside the file with a one-line message that carries no terminal control character. The runs are
derandomized so that CI sees the same examples every time.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from guides import YAML_PIECES
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tui.guide import ContentError, Guide, parse_guide
from tui.guide.bodies import EVIDENCE_LEVELS
from tui.guide.model import RESERVED_IDS
from tui.guide.nodes import STR, Mark, Node
from tui.guide.yamltree import compose

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"
FIXTURE_BYTES = FIXTURE.read_bytes()

FUZZ = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

GUIDE_KEYS = (
    "title",
    "subtitle",
    "reviewed",
    "disclaimer",
    "crisis_lines",
    "topics",
    "sources",
    "id",
    "summary",
    "sections",
    "body",
    "publisher",
    "year",
    "url",
    "duration",
    "region",
    "contact",
    "glossary",
    "term",
    "definition",
)
TRICKY_TEXT = (
    "2026-01-15",
    "no",
    "~",
    "0x7E4",
    "1:30",
    "017",
    "1_000",
    "<<",
    "=",
    "https://example.org/x",
    "http://example.org/x",
    "first-topic",
    "source-one",
    "sources",
    "Evidence: strong.",
    "*Evidence: nope*",
    "[x](#first-topic)",
    "[x](#nowhere)",
    "[x](#)",
    "[@click=app.quit]x[/]",
    "\x1b]52;c;aGVsbG8=\x07",
    "\u202eevil",
    "a\u2028b",
    "line\nbreak",
    "",
    " ",
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.text(max_size=24),
    st.sampled_from(TRICKY_TEXT),
)
keys = st.one_of(st.sampled_from(GUIDE_KEYS), st.text(max_size=12), st.integers(), st.booleans(), st.none())
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(keys, inner, max_size=6),
    ),
    max_leaves=40,
)
dump_options = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "allow_unicode": st.booleans(),
        "explicit_start": st.booleans(),
        "canonical": st.booleans(),
        "width": st.sampled_from([20, 80, 10_000]),
        "indent": st.sampled_from([2, 4, 9]),
    }
)


def dump(tree: object, options: dict[str, Any]) -> bytes:
    text: str = yaml.safe_dump(tree, sort_keys=False, **options)
    return text.encode("utf-8")


def last_line(data: bytes) -> int:
    """The last line an issue may name: one past the file's last line (every kind of line break counts).

    YAML reports an unexpected end of file on the line after the last one when the file does not end
    with a line break, as libyaml does.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.count(b"\n") + data.count(b"\r") + 2
    return len(_LINE_BREAKS.findall(text)) + 2


def assert_clean_outcome(data: bytes) -> Guide | ContentError:
    """Parse; a Guide must satisfy the format's promises, an error must be well formed."""
    try:
        guide = parse_guide(data, "fuzz.yaml")
    except ContentError as error:
        assert error.issues, "a ContentError without issues"
        end = last_line(data)
        for issue in error.issues:
            assert issue.path == "fuzz.yaml"
            assert 1 <= issue.line <= end, f"{issue} points past line {end}"
            assert issue.column >= 1, str(issue)
            assert issue.message.strip(), f"an empty message at {issue.line}:{issue.column}"
            assert len(issue.message.splitlines()) == 1, f"a message on several lines: {issue.message!r}"
            assert not _CONTROL.search(issue.message), f"a control character in {issue.message!r}"
        assert error.line == error.issues[0].line and error.message == error.issues[0].message
        event("ContentError")
        return error
    assert_valid_guide(guide)
    event("Guide")
    return guide


def assert_valid_guide(guide: Guide) -> None:
    """What the loader promises about any guide it accepts (see docs/content-format.md)."""
    one_line = [guide.title, guide.subtitle]
    texts = [guide.disclaimer]
    assert guide.topics and guide.sources
    source_ids = [source.id for source in guide.sources]
    topic_ids = [topic.id for topic in guide.topics]
    assert len(set(source_ids)) == len(source_ids) and len(set(topic_ids)) == len(topic_ids)
    assert not set(topic_ids) & RESERVED_IDS
    for source in guide.sources:
        assert _SLUG.match(source.id) and 1800 <= source.year <= 2100
        assert source.url is None or source.url.startswith("https://")
        one_line += [source.title, source.publisher]
    for topic in guide.topics:
        assert _SLUG.match(topic.id) and topic.sections
        assert topic.duration is None or 1 <= topic.duration <= 3600
        assert set(topic.sources) <= set(source_ids)
        one_line.append(topic.title)
        texts.append(topic.summary)
        for section in topic.sections:
            one_line.append(section.title)
            texts.append(section.body)
            for level in re.findall(r"Evidence:[*_]*[ \t]*(\S*(?:[ \t]+supported)?)", section.body, re.I):
                assert level.rstrip(".,;:*_)").lower() in EVIDENCE_LEVELS
    for line in guide.crisis_lines:
        one_line.append(line.region)
        texts.append(line.contact)
    terms = [entry.term.casefold() for entry in guide.glossary]
    assert len(set(terms)) == len(terms), "a term defined twice"
    for entry in guide.glossary:
        one_line.append(entry.term)
        texts.append(entry.definition)
    for text in one_line + texts:
        assert text.strip(), "an accepted empty text"
        assert not _CONTROL.search(text.replace("\n", "").replace("\t", "")), f"control character in {text!r}"
    for text in one_line:
        assert "\n" not in text, f"an accepted multi-line title {text!r}"


def test_the_fixture_itself_is_a_guide() -> None:
    assert_valid_guide(parse_guide(FIXTURE_BYTES))


@FUZZ
@given(tree=trees, options=dump_options)
def test_random_yaml_documents(tree: object, options: dict[str, Any]) -> None:
    assert_clean_outcome(dump(tree, options))


def _assert_same_tree(ours: Node, theirs: yaml.Node) -> None:
    """Our node says what PyYAML's composer says: kind, resolved tag, text, style and position."""
    text_tags = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # read as text on purpose
    assert ours.tag == (STR if theirs.tag in text_tags else theirs.tag)
    assert ours.mark == Mark(theirs.start_mark.line + 1, theirs.start_mark.column + 1)
    if isinstance(theirs, yaml.ScalarNode):
        assert (ours.kind, ours.value, ours.style) == ("scalar", theirs.value, theirs.style or "")
    elif isinstance(theirs, yaml.SequenceNode):
        assert ours.kind == "seq" and len(ours.items) == len(theirs.value)
        for item, their_item in zip(ours.items, theirs.value, strict=True):
            _assert_same_tree(item, their_item)
    else:
        assert ours.kind == "map" and len(ours.pairs) == len(theirs.value)
        for (key, value), (their_key, their_value) in zip(ours.pairs, theirs.value, strict=True):
            _assert_same_tree(key, their_key)
            _assert_same_tree(value, their_value)


@FUZZ
@given(tree=st.lists(trees, min_size=1, max_size=3), options=dump_options)
def test_the_tree_matches_pyyamls_composer(tree: list[object], options: dict[str, Any]) -> None:
    """``compose`` reads events itself (and remembers the tags of repeated plain texts): the same tree.

    A list of trees, so the same plain texts (``no``, ``1:30``, ``<<``...) come up more than once.
    """
    text = dump(tree, options).decode("utf-8")
    root, problems = compose(text)
    theirs = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert root is not None and theirs is not None
    # Keys that differ in type but not in text ('false' and false) are noted, and still read.
    assert all("appears twice" in problem.message for problem in problems)
    _assert_same_tree(root, theirs)


def _fixture_tree() -> dict[str, Any]:
    tree = yaml.safe_load(FIXTURE_BYTES)
    assert isinstance(tree, dict)
    return tree


def _containers(tree: object, found: list[dict[Any, Any] | list[Any]]) -> list[dict[Any, Any] | list[Any]]:
    """Every dict and list in a tree, outermost first."""
    if isinstance(tree, dict):
        found.append(tree)
        for value in tree.values():
            _containers(value, found)
    elif isinstance(tree, list):
        found.append(tree)
        for value in tree:
            _containers(value, found)
    return found


@FUZZ
@given(data=st.data(), options=dump_options)
def test_guide_shaped_documents(data: st.DataObject, options: dict[str, Any]) -> None:
    """The fixture guide with a few of its values replaced, removed or repeated: deep into the schema."""
    tree = copy.deepcopy(_fixture_tree())
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        containers = _containers(tree, [])
        target = data.draw(st.sampled_from(containers), label="container")
        if not target:
            continue
        if isinstance(target, dict):
            key = data.draw(st.sampled_from(list(target)), label="key")
        else:
            key = data.draw(st.integers(0, len(target) - 1), label="index")
        action = data.draw(st.sampled_from(["replace", "remove", "repeat", "rename"]), label="action")
        if action == "replace":
            target[key] = data.draw(trees, label="value")
        elif action == "remove":
            del target[key]
        elif action == "repeat" and isinstance(target, list):
            target.insert(key, copy.deepcopy(target[key]))
        elif action == "rename" and isinstance(target, dict):
            target[data.draw(keys, label="new key")] = target.pop(key)
    assert_clean_outcome(dump(tree, options))


@st.composite
def mutated_fixture(draw: st.DrawFn) -> bytes:
    data = bytearray(FIXTURE_BYTES)
    for _ in range(draw(st.integers(1, 6), label="edits")):
        at = draw(st.integers(0, len(data)), label="at")
        action = draw(st.sampled_from(["delete", "insert", "insert-bytes", "copy-line"]), label="action")
        if action == "delete":
            del data[at : at + draw(st.integers(1, 40), label="length")]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(YAML_PIECES), label="piece")
        elif action == "insert-bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=8), label="bytes")
        else:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            line = bytes(data[start : end + 1 if end >= 0 else len(data)])
            data[start:start] = line
    return bytes(data)


@FUZZ
@given(data=mutated_fixture())
def test_mutations_of_the_fixture_text(data: bytes) -> None:
    assert_clean_outcome(data)


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    assert_clean_outcome(data)


@FUZZ
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_random_text(text: str) -> None:
    """Any Unicode text, lone surrogates excluded (they cannot be encoded)."""
    assert_clean_outcome(text.encode("utf-8"))


@FUZZ
@given(prefix=st.integers(0, len(FIXTURE_BYTES)), tail=st.binary(max_size=64))
def test_truncated_fixture_with_garbage(prefix: int, tail: bytes) -> None:
    """A file cut off part-way through (a half-saved file), perhaps followed by junk."""
    assert_clean_outcome(FIXTURE_BYTES[:prefix] + tail)
