"""The small tree that the YAML reader makes: marked nodes, and problems in an author's words.

Plain data with no PyYAML import: :mod:`tui.guide.yamltree` builds the tree, :mod:`tui.guide.checker`
and :mod:`tui.guide.schema` read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "BOOL",
    "CORE",
    "FLOAT",
    "INT",
    "MAP",
    "MAX_PROBLEMS",
    "NULL",
    "SEQ",
    "STR",
    "TIMESTAMP",
    "Mark",
    "Node",
    "Position",
    "Problem",
    "describe",
    "note",
]

MAX_PROBLEMS = 1_000
"""Most problems listed for one file; after that one line says that there are more."""

CORE = "tag:yaml.org,2002:"
"""The prefix of YAML's core tags."""
STR, INT, BOOL, NULL, FLOAT, TIMESTAMP = (
    CORE + name for name in ("str", "int", "bool", "null", "float", "timestamp")
)
SEQ, MAP = CORE + "seq", CORE + "map"


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


class Position(Protocol):
    """A parser's mark: where a node starts, 0-based (PyYAML's ``Mark``, in Python or from libyaml)."""

    line: int
    column: int


class Node:
    """A YAML node: a scalar (``value`` is str), a sequence (``items``) or a mapping (``pairs``).

    A file holds up to :data:`MAX_NODES` of these, so they are kept small and cheap to make: slots,
    no per-node set, and the parser's own mark kept as it is until a message needs the position.
    """

    __slots__ = ("items", "kind", "pairs", "start", "style", "tag", "value")

    def __init__(self, kind: str, tag: str, start: Position | None, value: str = "", style: str = "") -> None:
        self.kind = kind
        """One of ``"scalar"``, ``"seq"`` or ``"map"``."""
        self.tag = tag
        """The resolved YAML tag, for example ``tag:yaml.org,2002:str``."""
        self.start = start
        """The parser's mark where the node starts (0-based); :attr:`mark` is the 1-based position."""
        self.value = value
        """The scalar's text."""
        self.style = style
        """How a scalar was written: ``|`` or ``>`` (a block), ``"`` or ``'`` (quoted), or ``""`` (plain)."""
        self.items: list[Node] = []
        """Sequence items."""
        self.pairs: list[tuple[Node, Node]] = []
        """Mapping pairs, in file order."""

    @property
    def mark(self) -> Mark:
        """Where the node starts in the file."""
        start = self.start
        return Mark(start.line + 1, start.column + 1) if start is not None else Mark(1, 1)

    def __repr__(self) -> str:
        return f"Node({self.kind!r}, {self.tag!r}, {self.mark}, value={self.value!r})"


def note(problems: list[Problem], mark: Mark, message: str) -> None:
    """Add a problem to a list of the non-fatal kind, which stops growing after :data:`MAX_PROBLEMS`."""
    if len(problems) < MAX_PROBLEMS:
        problems.append(Problem(mark, message))
    elif len(problems) == MAX_PROBLEMS:
        problems.append(
            Problem(mark, f"more than {MAX_PROBLEMS:,} problems were found; the others are not listed")
        )


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
