"""The JSON Schema of a guide file, made from the model: its classes, their fields' types and
documentation, and the limits the loader keeps (ids, years, durations, addresses, lengths).

Editors with a YAML language server use it to complete keys and flag mistakes as the author types
(``ketamine-tui schema``; the copy shipped in the package is ``guide.schema.json``). It states what a
schema can: the shape of the file and each value's form. The loader checks more (citations, links,
Markdown, the crisis rule), so a file the schema accepts may still get messages from ``check``; a
file the loader accepts always passes the schema.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import types
from functools import cache
from itertools import pairwise
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from tui.guide.model import (
    DURATION_LIMITS,
    ID,
    MARKDOWN,
    MAX_TEXT,
    ONE_LINE,
    RESERVED_IDS,
    SAFE_URL,
    YEAR_LIMITS,
    Guide,
)

__all__ = ["SCHEMA_FILE", "guide_schema"]

SCHEMA_FILE = "guide.schema.json"
"""The name of the copy shipped beside this module."""

_VISIBLE = "\\S"
"""A text must show something: at least one character that is not a space."""
_ID: dict[str, Any] = {"type": "string", "pattern": "^" + ID.pattern.removesuffix("\\Z") + "$"}
_RANGES = {"year": YEAR_LIMITS, "duration": DURATION_LIMITS}
_REQUIRED_TOO = {"crisis_lines"}
"""Fields the model gives a default, but that every guide must have (the crisis rule)."""


def guide_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a guide file."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ketamine-tui guide",
    }
    schema.update(_object(Guide))
    schema["$defs"] = {name: _object(cls) for name, cls in _classes(Guide).items() if cls is not Guide}
    return schema


def _classes(cls: type, found: dict[str, type] | None = None) -> dict[str, type]:
    """The model classes reachable from ``cls``, by name."""
    found = {} if found is None else found
    found[cls.__name__] = cls
    for hint in get_type_hints(cls).values():
        inner = _inner(hint)
        if isinstance(inner, type) and dataclasses.is_dataclass(inner) and inner.__name__ not in found:
            _classes(inner, found)
    return found


def _inner(hint: Any) -> Any:
    """The type inside ``tuple[X, ...]`` or ``X | None``."""
    if get_origin(hint) is tuple:
        return get_args(hint)[0]
    if get_origin(hint) in (Union, types.UnionType):
        return next(arg for arg in get_args(hint) if arg is not type(None))
    return hint


def _object(cls: type) -> dict[str, Any]:
    hints = get_type_hints(cls, include_extras=True)
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in dataclasses.fields(cls):
        value = _value(cls, field.name, hints[field.name])
        if field.name in docs:
            value["description"] = docs[field.name]
        properties[field.name] = value
        no_default = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        if no_default or field.name in _REQUIRED_TOO:
            required.append(field.name)
    return {
        "type": "object",
        "description": inspect.cleandoc(cls.__doc__ or ""),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _value(cls: type, name: str, hint: Any) -> dict[str, Any]:
    if get_origin(hint) is tuple:
        return {"type": "array", "minItems": 1, "items": _value(cls, name + "[]", get_args(hint)[0])}
    if get_origin(hint) in (Union, types.UnionType):
        return _value(cls, name, _inner(hint))
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}  # type: ignore[union-attr]
    if hint is int:
        low, high = _RANGES[name]
        return {
            "type": "integer",
            "minimum": low,
            "maximum": high,
            "description": f"A whole number, {low} to {high}.",
        }
    if getattr(hint, "__name__", "") == "date":
        pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        return {"type": "string", "format": "date", "pattern": pattern, "description": "A date: YYYY-MM-DD."}
    marks = get_args(hint)[1:] if get_origin(hint) is Annotated else ()
    text: dict[str, Any]
    if name in ("id", "sources[]"):
        text = {**_ID, "description": "An id: lowercase letters and digits joined by hyphens."}
        if name == "id" and cls.__name__ == "Topic":
            text["not"] = {"enum": sorted(RESERVED_IDS)}
        return text
    if name == "url":
        pattern = "^" + SAFE_URL.pattern.removesuffix("\\Z") + "$"
        about = "An address starting with https://, with no spaces and no HTML entity"
        return {"type": "string", "pattern": pattern, "description": about}
    text = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": _VISIBLE}
    text["description"] = "Plain text (not Markdown)."
    if ONE_LINE in marks:
        text["pattern"] = "^[^\\n]*\\S[^\\n]*$"
        text["description"] = "One line of plain text (not Markdown)."
    if MARKDOWN in marks:
        text["description"] = "Markdown: see 'Writing bodies' in docs/content-format.md."
    return text


@cache
def _field_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's fields (Python keeps them only in the source)."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs = {}
    for before, after in pairwise(body):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(after.value.value)
    return docs
