"""The model as plain JSON values and back, derived from the dataclasses' fields and type hints.

A dataclass becomes a list of its fields' values in field order, a tuple a list, a date its ordinal
day number; text, whole numbers and ``None`` stay as they are. Decoding reads the same shape back
into a given class. A field added to a model class needs no edit here, as long as its type is one
of: ``str``, ``int``, ``date``, a model dataclass, ``tuple[X, ...]`` of one of these, or ``X | None``.

Decoding checks every type but text's: a whole number must be an ``int`` (not a ``bool``), a list a
``list``, and a dataclass gets exactly its number of fields. Text is passed through unchecked:
:func:`tui.guide.rules.validate` joins every text of the guide, which fails on anything else, and
checking each string on its own here would cost as much again. Anything that does not fit raises
``TypeError``, ``ValueError``, ``IndexError`` or ``OverflowError``.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

__all__ = ["decode", "encode"]

T = TypeVar("T")

Convert = Callable[[Any], Any] | None
"""Turns one field's value into the other form; ``None`` where the value stays as it is."""


def encode(value: Any) -> Any:
    """A model object (a dataclass instance) as lists, text and numbers that JSON can hold."""
    convert = _encoder(cast(Any, type(value)))
    assert convert is not None
    return convert(value)


def decode(plain: Any, kind: type[T]) -> T:
    """The object of class ``kind`` that :func:`encode` made ``plain`` from; raises if it does not fit."""
    convert = _decoder(cast(Any, kind))
    assert convert is not None
    result: T = convert(plain)
    return result


@cache
def _encoder(hint: Any) -> Convert:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        names = [field.name for field in dataclasses.fields(hint)]
        get = attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))
        hints = get_type_hints(hint)
        changed = [(i, c) for i, name in enumerate(names) if (c := _encoder(hints[name])) is not None]

        def encode_object(obj: Any) -> list[Any]:
            values = list(get(obj))
            for i, convert in changed:
                values[i] = convert(values[i])
            return values

        return encode_object
    if hint is date:
        return date.toordinal
    if get_origin(hint) is tuple:
        item = _encoder(_item_type(hint))
        return list if item is None else (lambda values: [item(value) for value in values])
    if _is_optional(hint):
        inner = _encoder(_optional_type(hint))
        return None if inner is None else (lambda value: None if value is None else inner(value))
    if hint in (str, int):
        return None
    raise TypeError(f"the cache cannot store a field of type {hint!r}")


@cache
def _decoder(hint: Any) -> Convert:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        cls = hint
        hints = get_type_hints(hint)
        fields = dataclasses.fields(hint)
        changed = [(i, c) for i, field in enumerate(fields) if (c := _decoder(hints[field.name])) is not None]
        count = len(fields)

        def decode_object(values: Any) -> Any:
            if type(values) is not list or len(values) != count:
                raise TypeError(f"not the {count} fields of {cls.__name__}")
            for i, convert in changed:  # the list is the decoder's own, fresh from JSON
                values[i] = convert(values[i])
            return cls(*values)

        return decode_object
    if hint is date:
        return lambda value: date.fromordinal(_whole(value))
    if hint is int:
        return _whole
    if get_origin(hint) is tuple:
        item = _decoder(_item_type(hint))

        def decode_tuple(values: Any) -> tuple[Any, ...]:
            if type(values) is not list:
                raise TypeError("not a list")
            return tuple(values) if item is None else tuple([item(value) for value in values])

        return decode_tuple
    if _is_optional(hint):
        inner = _decoder(_optional_type(hint))
        if inner is _whole:
            return _maybe_whole  # a topic's duration: one call per topic, not two
        return None if inner is None else (lambda value: None if value is None else inner(value))
    if hint is str:
        return None  # checked by tui.guide.rules.validate, all texts at once
    raise TypeError(f"the cache cannot read a field of type {hint!r}")


def _whole(value: Any) -> int:
    if type(value) is not int:  # not even a bool, which JSON's true would give
        raise TypeError("not a whole number")
    return value


def _maybe_whole(value: Any) -> int | None:
    return None if value is None else _whole(value)


def _item_type(hint: Any) -> Any:
    item, ellipsis = get_args(hint)
    if ellipsis is not Ellipsis:
        raise TypeError(f"only tuples of one type are stored, not {hint!r}")
    return item


def _is_optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def _optional_type(hint: Any) -> Any:
    inner = [arg for arg in get_args(hint) if arg is not type(None)]
    if len(inner) != 1:
        raise TypeError(f"only X | None is stored, not {hint!r}")
    return inner[0]
