"""Turn YAML text into a small tree of marked nodes, refusing what a guide never needs.

The tree is built straight from the parser's events, in one pass, so that anchors, aliases,
non-standard tags, duplicate keys and runaway nesting are caught with their line and column
before any Python object is constructed. Nothing here can run code: only core YAML tags survive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "MAX_NODES", "MAX_PROBLEMS", "Mark", "Node", "Problem", "compose", "note"]

MAX_DEPTH = 16
"""Deepest nesting accepted. The guide format needs six levels; more is a mistake or an attack."""

MAX_NODES = 500_000
"""Most keys and values (texts, numbers, lists, mappings) accepted in one file. A topic takes about 20,
so a guide of 10,000 topics about 200,000. Uncapped, a file within the size limit could hold eight
million (``[1,1,1,...``), a tree of gigabytes."""

MAX_PROBLEMS = 1_000
"""Most problems listed for one file; after that one line says that there are more."""

_CORE = "tag:yaml.org,2002:"
STR, INT, BOOL, NULL, FLOAT, TIMESTAMP = (
    _CORE + name for name in ("str", "int", "bool", "null", "float", "timestamp")
)
SEQ, MAP = _CORE + "seq", _CORE + "map"
_ALLOWED_TAGS = frozenset({STR, INT, BOOL, NULL, FLOAT, TIMESTAMP, SEQ, MAP})
_TEXT_ALIASES = frozenset({_CORE + "merge", _CORE + "value"})


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in the source file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a position, in words an author understands."""

    mark: Mark
    message: str


@dataclass(slots=True)
class Node:
    """A YAML node: a scalar (``value`` is str), a sequence (``items``) or a mapping (``pairs``).

    A file holds up to :data:`MAX_NODES` of these, so they are kept small: slots, no per-node set.
    """

    kind: str
    """One of ``"scalar"``, ``"seq"`` or ``"map"``."""
    tag: str
    """The resolved YAML tag, for example ``tag:yaml.org,2002:str``."""
    mark: Mark
    """Where the node starts."""
    value: str = ""
    """The scalar's text."""
    style: str = ""
    """How a scalar was written: ``|`` or ``>`` (a block), ``"`` or ``'`` (quoted), or ``""`` (plain)."""
    items: list[Node] = field(default_factory=list)
    """Sequence items."""
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    """Mapping pairs, in file order."""


def note(problems: list[Problem], mark: Mark, message: str) -> None:
    """Add a problem to a list of the non-fatal kind, which stops growing after :data:`MAX_PROBLEMS`."""
    if len(problems) < MAX_PROBLEMS:
        problems.append(Problem(mark, message))
    elif len(problems) == MAX_PROBLEMS:
        problems.append(
            Problem(mark, f"more than {MAX_PROBLEMS:,} problems were found; the others are not listed")
        )


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1) if start is not None else Mark(1, 1)


_TAG_WORDS = {
    BOOL: "a yes/no value",
    INT: "a whole number",
    FLOAT: "a number",
    NULL: "empty (null)",
    TIMESTAMP: "a date",
}


def describe(node: Node) -> str:
    """Name what a node was read as, for messages such as "expected text, found a number"."""
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "a set of keys (a mapping)"
    return _TAG_WORDS.get(node.tag, "text")


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
    stack: list[Node] = []
    pending_keys: list[Node | None] = []
    seen_keys: list[set[str]] = []  # for each open collection, its key texts so far: duplicates in one step
    root: Node | None = None
    documents = 0
    nodes = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problems.append(Problem(_mark(event), "only one YAML document is allowed (remove '---')"))
                    break
                continue
            if isinstance(event, yaml.AliasEvent):
                problems.append(Problem(_mark(event), "aliases ('*name') are not allowed"))
                break
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                done = stack.pop()
                pending_keys.pop()
                seen_keys.pop()
                if not stack:
                    root = done
                else:
                    _attach(stack[-1], pending_keys, seen_keys, done, notes)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if event.anchor is not None:
                problems.append(Problem(_mark(event), "anchors ('&name') are not allowed"))
                break
            nodes += 1
            if nodes > MAX_NODES:
                message = (
                    f"the file holds more than {MAX_NODES:,} keys and values, far more than a guide needs"
                )
                problems.append(Problem(_mark(event), message))
                break
            node = _node_from(event, loader)
            if node.tag not in _ALLOWED_TAGS:
                problems.append(Problem(node.mark, f"the tag {node.tag!r} is not allowed; remove it"))
                break
            if node.kind == "scalar":
                if not stack:
                    root = node
                else:
                    _attach(stack[-1], pending_keys, seen_keys, node, notes)
                continue
            if len(stack) >= MAX_DEPTH:
                problems.append(Problem(node.mark, f"nesting is deeper than {MAX_DEPTH} levels"))
                break
            stack.append(node)
            pending_keys.append(None)
            seen_keys.append(set())
    except yaml.MarkedYAMLError as error:
        problems.append(_yaml_problem(error))
    except yaml.reader.ReaderError as error:
        problems.append(_reader_problem(error, text))
    except yaml.YAMLError as error:
        problems.append(Problem(Mark(1, 1), f"not valid YAML: {error}"))
    finally:
        loader.dispose()
    if problems:
        return None, notes + problems
    return root, notes


def _node_from(event: yaml.NodeEvent, loader: BaseResolver) -> Node:
    """Make a node from a start event, resolving its implicit tag as PyYAML's composer does."""
    mark = _mark(event)
    tag = getattr(event, "tag", None)
    resolve: Callable[..., str] = loader.resolve
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = resolve(ScalarNode, event.value, event.implicit)
            # A bare '<<' or '=' resolves to YAML 1.1's merge and value tags: read them as text.
            tag = STR if tag in _TEXT_ALIASES else tag
        return Node("scalar", tag, mark, value=event.value, style=event.style or "")
    assert isinstance(event, yaml.CollectionStartEvent)
    kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
    node_type: type[yaml.Node] = SequenceNode if kind == "seq" else MappingNode
    if tag is None or tag == "!":
        tag = resolve(node_type, None, event.implicit)
    return Node(kind, tag, mark)


def _attach(
    parent: Node,
    pending_keys: list[Node | None],
    seen_keys: list[set[str]],
    child: Node,
    problems: list[Problem],
) -> None:
    """Add a finished child to its parent, pairing mapping keys with their values."""
    if parent.kind == "seq":
        parent.items.append(child)
        return
    key = pending_keys[-1]
    if key is None:
        if child.kind != "scalar":
            note(problems, child.mark, "a key must be a plain name, not a list or mapping")
        pending_keys[-1] = child
        return
    pending_keys[-1] = None
    if key.kind != "scalar":
        return  # already reported; its value has nothing to be checked against
    keys = seen_keys[-1]
    if key.value in keys:
        note(problems, key.mark, f"the key {key.value!r} appears twice here")
    keys.add(key.value)
    parent.pairs.append((key, child))


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


def _yaml_problem(error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)
    words = " ".join(part for part in (error.context, error.problem) if part)
    return Problem(where, f"not valid YAML: {words or 'syntax error'}")
