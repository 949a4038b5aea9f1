"""Every text of a guide, gathered by kind from the model's type hints: one-line fields, texts that may
span lines, and the Markdown among those. A text field added to a model class is found with no edit.
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

from tui.guide.model import MARKDOWN, ONE_LINE, Guide

__all__ = ["GuideTexts", "guide_texts"]


@dataclass(frozen=True)
class GuideTexts:
    """The texts of one guide, by kind. Values are as stored: a planted cache entry may hold others."""

    lines: list[Any]
    """The one-line fields: titles, names, ids, addresses, citations."""
    blocks: list[Any]
    """The other texts, which may span lines."""
    markdown: list[Any]
    """The texts among ``blocks`` written in Markdown."""


def guide_texts(guide: Guide) -> GuideTexts:
    """Every text of ``guide``, field by field across all objects, so the work per topic stays in C."""
    texts = GuideTexts([], [], [])
    _gather(type(guide), [guide], texts)
    return texts


Getter = Callable[[Any], Any]


@dataclass(frozen=True)
class _Fields:
    """Where one model class keeps its texts. A shape says what a getter gives: "one" value, "maybe"
    one (or ``None``), or "many" (a tuple)."""

    texts: tuple[tuple[Getter, str, str], ...]
    """Each text field's getter, shape, and kind: "line", "markdown" or "text"."""
    children: tuple[tuple[Getter, str, type], ...]
    """Each field holding model objects: its getter, shape, and the objects' class."""


def _gather(cls: type, objects: list[Any], texts: GuideTexts) -> None:
    fields = _fields(cls)
    for get, shape, kind in fields.texts:
        values = list(_values(get, shape, objects))
        (texts.lines if kind == "line" else texts.blocks).extend(values)
        if kind == "markdown":
            texts.markdown.extend(values)
    for get, shape, child in fields.children:
        _gather(child, list(_values(get, shape, objects)), texts)


def _values(get: Getter, shape: str, objects: list[Any]) -> Iterable[Any]:
    if shape == "many":
        return chain.from_iterable(map(get, objects))
    if shape == "maybe":
        return [value for value in map(get, objects) if value is not None]
    return map(get, objects)


@cache
def _fields(cls: type) -> _Fields:
    hints = get_type_hints(cls, include_extras=True)
    texts: list[tuple[Getter, str, str]] = []
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
            marks = getattr(hint, "__metadata__", ())
            kind = "line" if ONE_LINE in marks else "markdown" if MARKDOWN in marks else "text"
            texts.append((attrgetter(field.name), shape, kind))
    return _Fields(tuple(texts), tuple(children))
