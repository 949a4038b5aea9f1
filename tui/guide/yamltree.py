"""Turn YAML text into a small tree of marked nodes, refusing what a guide never needs.

The tree is built straight from the parser's events, in one pass, so that anchors, aliases,
non-standard tags, duplicate keys and runaway nesting are caught with their line and column
before any Python object is constructed. Nothing here can run code: only core YAML tags survive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from tui.guide.nodes import BOOL, CORE, FLOAT, INT, MAP, NULL, SEQ, STR, TIMESTAMP, Mark, Node, Problem, note
from tui.guide.yamlerrors import syntax_problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "MAX_NODES", "compose"]

MAX_DEPTH = 16
"""Deepest nesting accepted. The guide format needs six levels; more is a mistake or an attack."""

MAX_NODES = 500_000
"""Most keys and values (texts, numbers, lists, mappings) accepted in one file. A topic takes about 20,
so a guide of 10,000 topics about 200,000. Uncapped, a file within the size limit could hold eight
million (``[1,1,1,...``), a tree of gigabytes."""

_ALLOWED_TAGS = frozenset({STR, INT, BOOL, NULL, FLOAT, TIMESTAMP, SEQ, MAP})
_TEXT_ALIASES = frozenset({CORE + "merge", CORE + "value"})
_ANCHOR = "anchors ('&name') are not allowed; if this is text that starts with '&', put it in quotes"
_ALIAS = "aliases ('*name') are not allowed; if this is text that starts with '*', put it in quotes"
_IMPLICIT = (True, False)
"""As for a plain scalar: the text alone decides its tag."""
_FITS = {INT: (INT,), FLOAT: (INT, FLOAT), BOOL: (BOOL,), NULL: (NULL,), TIMESTAMP: (TIMESTAMP,)}
"""The tags that a value's text may resolve to under an explicit tag, as PyYAML's SafeLoader would
construct it (``!!float 1`` is a number; ``!!int abc`` fails)."""
_WORDS = {
    INT: "a whole number",
    FLOAT: "a number",
    BOOL: "a yes/no value",
    NULL: "empty (null)",
    TIMESTAMP: "a date",
    SEQ: "a list",
    MAP: "a set of keys (a mapping)",
    STR: "text",
}
_RESOLVED_TEXT = 64
"""Plain scalars up to this long (keys, mostly) have their resolved tag remembered while one file is read."""


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1) if start is not None else Mark(1, 1)


def compose(text: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a :class:`Node` tree, with every problem found.

    The tree is ``None`` when reading had to stop (a syntax error, a tag, an anchor...).
    Duplicate keys are reported but do not stop it, so the rest of the file still gets checked.
    """
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:  # pragma: no cover - the pure-Python reader checks at once
        return None, [_reader_problem(error, text)]
    problems: list[Problem] = []
    notes: list[Problem] = []
    try:
        root = _build(loader, problems, notes)
    except yaml.MarkedYAMLError as error:
        problems.append(syntax_problem(error, text, _Loader))
    except yaml.reader.ReaderError as error:
        problems.append(_reader_problem(error, text))
    except yaml.YAMLError as error:
        problems.append(Problem(Mark(1, 1), f"not valid YAML: {error}"))
    finally:
        loader.dispose()
    if problems:
        return None, notes + problems
    return root, notes


def _build(loader: _Loader, problems: list[Problem], notes: list[Problem]) -> Node | None:
    """Read every event into a tree; a problem that stops reading goes to ``problems``, others to ``notes``.

    This loop runs once per event of a file of up to 16 MiB, so it dispatches on the event's exact
    class and does what PyYAML's composer and resolver would do inline.
    """
    get_event = loader.get_event
    resolve: Callable[..., str] = loader.resolve
    resolved: dict[str, str] = {}  # plain scalar text -> its implicit tag, for short texts (keys)
    stack: list[Node] = []
    pending_keys: list[Node | None] = []
    seen_keys: list[set[str]] = []  # for each open collection, its key texts so far: duplicates in one step
    root: Node | None = None
    documents = nodes = 0
    while True:
        event: Any = get_event()  # the class checks below do what isinstance would, faster
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                problems.append(Problem(_mark(event), _ANCHOR))
                return None
            nodes += 1
            if nodes > MAX_NODES:
                message = (
                    f"the file holds more than {MAX_NODES:,} keys and values, far more than a guide needs"
                )
                problems.append(Problem(_mark(event), message))
                return None
            tag = event.tag
            if kind is ScalarEvent:
                if tag is None or tag == "!":
                    # As Resolver.resolve: only a plain scalar's text decides its tag (a number, a date...).
                    if event.implicit[0]:
                        value = event.value
                        tag = resolved.get(value)
                        if tag is None:
                            tag = resolve(ScalarNode, value, event.implicit)
                            # A bare '<<' or '=' resolves to YAML 1.1's merge and value tags: text.
                            tag = STR if tag in _TEXT_ALIASES else tag
                            if len(value) <= _RESOLVED_TEXT:
                                resolved[value] = tag
                    else:
                        tag = STR
                elif tag != STR and tag in _ALLOWED_TAGS:
                    # An explicit tag: it must fit the node, as PyYAML's constructors would require.
                    fits = _FITS.get(tag, ())
                    if resolve(ScalarNode, event.value, _IMPLICIT) not in fits:
                        problems.append(Problem(_mark(event), _misfit(tag, repr(event.value))))
                        return None
                if tag not in _ALLOWED_TAGS:
                    problems.append(Problem(_mark(event), f"the tag {tag!r} is not allowed; remove it"))
                    return None
                node = Node("scalar", tag, event.start_mark, event.value, event.style or "")
            else:
                own = MAP if kind is MappingStartEvent else SEQ
                if tag is None or tag == "!":
                    tag = own
                if tag not in _ALLOWED_TAGS:
                    problems.append(Problem(_mark(event), f"the tag {tag!r} is not allowed; remove it"))
                    return None
                if tag != own:
                    problems.append(Problem(_mark(event), _misfit(tag, _WORDS[own])))
                    return None
                if len(stack) >= MAX_DEPTH:
                    problems.append(Problem(_mark(event), f"nesting is deeper than {MAX_DEPTH} levels"))
                    return None
                stack.append(Node("map" if kind is MappingStartEvent else "seq", tag, event.start_mark))
                pending_keys.append(None)
                seen_keys.append(set())
                continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            node = stack.pop()
            pending_keys.pop()
            seen_keys.pop()
        elif kind is AliasEvent:
            problems.append(Problem(_mark(event), _ALIAS))
            return None
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                problems.append(Problem(_mark(event), "only one YAML document is allowed (remove '---')"))
                return None
            continue
        elif kind is StreamEndEvent or event is None:
            return root
        else:
            continue  # the stream's start and the document's end
        # A finished node: the root, a sequence item, a mapping key, or a key's value.
        if not stack:
            root = node
            continue
        parent = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
            continue
        key = pending_keys[-1]
        if key is None:
            if node.kind != "scalar":
                note(notes, node.mark, "a key must be a plain name, not a list or mapping")
            pending_keys[-1] = node
            continue
        pending_keys[-1] = None
        if key.kind != "scalar":
            continue  # already reported; its value has nothing to be checked against
        keys = seen_keys[-1]
        if key.value in keys:
            note(notes, key.mark, f"the key {key.value!r} appears twice here")
        keys.add(key.value)
        parent.pairs.append((key, node))


def _reader_problem(error: yaml.reader.ReaderError, text: str) -> Problem:
    """Place a character YAML refuses (ESC, NUL, DEL...): libyaml counts UTF-8 bytes, PyYAML characters."""
    position: int = error.position
    if yaml.__with_libyaml__:
        before = text.encode("utf-8")[:position].decode("utf-8", "replace")
    else:  # pragma: no cover - only without libyaml
        before = text[:position]
    where = Mark(before.count("\n") + 1, len(before) - before.rfind("\n"))
    character = error.character
    if isinstance(character, int):
        return Problem(where, f"the file contains the control character U+{character:04X}; remove it")
    return Problem(where, f"not valid YAML: {error.reason}")  # pragma: no cover - bytes input only


def _misfit(tag: str, written: str) -> str:
    """The message for an explicit tag that does not fit what is written, naming both."""
    short = "!!" + tag.removeprefix(CORE)
    return f"the tag {short!r} makes this {_WORDS[tag]}, but it is written as {written}; remove the tag"
