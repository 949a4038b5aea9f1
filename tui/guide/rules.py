"""The rules every guide keeps, checked in one place: the schema checks the guide it built with them,
and the cache the guide it read back.

The schema reports each problem of a file where it is, in an author's words; these rules are what
the app relies on, stated once. A guide the schema accepts always passes them, and a cache entry that
fails them is never used. Texts are found from the model's type hints, so a text field added to a
model class is checked with no edit here.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from tui.guide.controls import has_control
from tui.guide.model import DURATION_LIMITS, ID, ONE_LINE, RESERVED_IDS, SAFE_URL, YEAR_LIMITS, Guide

__all__ = ["validate"]

_CITED, _DURATION, _YEAR = attrgetter("sources"), attrgetter("duration"), attrgetter("year")


def validate(guide: Guide) -> list[str]:
    """What is wrong with ``guide``, in words; empty when it keeps every rule.

    Every text is text (a ``TypeError`` otherwise) with no control character, one-line fields hold no
    line break, there is a topic, ids are unique and well formed, no topic takes a reserved id, every
    citation names a source, addresses are safe https URLs, years and durations are in range, and no
    two glossary terms are the same but for case.
    Numbers are not checked to be numbers: the schema and the codec make only ``int`` ones.
    """
    lines: list[Any] = []
    blocks: list[Any] = []
    _gather(type(guide), [guide], lines, blocks)
    # Each join fails on anything but text; one scan finds a refused character wherever it stands.
    one_line, other = "".join(lines), "".join(blocks)
    problems = ["a text holds a control character"] if has_control(one_line) or has_control(other) else []
    if "\n" in one_line:
        problems.append("a title, name or id holds a line break")
    topic_ids = [topic.id for topic in guide.topics]
    source_ids = [source.id for source in guide.sources]
    if not topic_ids:
        problems.append("there are no topics")
    for what, ids in (("topic", topic_ids), ("source", source_ids)):
        if len(set(ids)) != len(ids):
            problems.append(f"two {what}s have the same id")
        if not all(map(ID.match, ids)):
            problems.append(f"a {what} id is not lowercase words joined by hyphens")
    terms = [entry.term.casefold() for entry in guide.glossary]
    if len(set(terms)) != len(terms):
        problems.append("two glossary terms differ only in case, or not at all")
    if RESERVED_IDS.intersection(topic_ids):
        problems.append("a topic takes the id of a page the app makes")
    if not set(source_ids).issuperset(chain.from_iterable(map(_CITED, guide.topics))):
        problems.append("a topic cites a source that is not defined")
    if not all(source.url is None or SAFE_URL.match(source.url) for source in guide.sources):
        problems.append("a source's address is not a safe https URL")
    years = list(map(_YEAR, guide.sources))
    if years and not YEAR_LIMITS[0] <= min(years) <= max(years) <= YEAR_LIMITS[1]:
        problems.append("a source's year is out of range")
    durations = [duration for duration in map(_DURATION, guide.topics) if duration is not None]
    if durations and not DURATION_LIMITS[0] <= min(durations) <= max(durations) <= DURATION_LIMITS[1]:
        problems.append("a topic's duration is out of range")
    return problems


Getter = Callable[[Any], Any]


@dataclass(frozen=True)
class _Fields:
    """Where one model class keeps its texts, found from its type hints. A shape says what a getter
    gives: "one" value, "maybe" one (or ``None``), or "many" (a tuple)."""

    texts: tuple[tuple[Getter, str, bool], ...]
    """Each text field's getter, shape, and whether it is one line."""
    children: tuple[tuple[Getter, str, type], ...]
    """Each field holding model objects: its getter, shape, and the objects' class."""


def _gather(cls: type, objects: list[Any], lines: list[Any], blocks: list[Any]) -> None:
    """Add the texts of ``objects`` (all of class ``cls``) to ``lines`` (one-line fields) or ``blocks``.

    Field by field across all the objects, so the work per topic stays in C (``map``, ``extend``).
    """
    fields = _fields(cls)
    for get, shape, one_line in fields.texts:
        (lines if one_line else blocks).extend(_values(get, shape, objects))
    for get, shape, child in fields.children:
        _gather(child, list(_values(get, shape, objects)), lines, blocks)


def _values(get: Getter, shape: str, objects: list[Any]) -> Iterable[Any]:
    if shape == "many":
        return chain.from_iterable(map(get, objects))
    if shape == "maybe":
        return [value for value in map(get, objects) if value is not None]
    return map(get, objects)


@cache
def _fields(cls: type) -> _Fields:
    hints = get_type_hints(cls, include_extras=True)
    texts: list[tuple[Getter, str, bool]] = []
    children: list[tuple[Getter, str, type]] = []
    for field in dataclasses.fields(cls):
        hint, shape = hints[field.name], "one"
        if get_origin(hint) is tuple:
            hint, shape = get_args(hint)[0], "many"
        elif get_origin(hint) in (Union, types.UnionType):
            hint, shape = next(arg for arg in get_args(hint) if arg is not type(None)), "maybe"
        if dataclasses.is_dataclass(hint):
            children.append((attrgetter(field.name), shape, hint))  # type: ignore[arg-type]
        elif hint is str or (get_origin(hint) is Annotated and get_args(hint)[0] is str):
            texts.append((attrgetter(field.name), shape, ONE_LINE in getattr(hint, "__metadata__", ())))
    return _Fields(tuple(texts), tuple(children))
