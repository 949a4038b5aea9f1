"""YAML syntax errors in an author's words, at the line where the mistake is, each with a one-line hint.

libyaml says where it gave up ("while parsing a block mapping ... did not find expected key"), which
is often a line or two after the mistake. This module reads the lines around that place, and the last
value YAML read before it, to name the mistake itself: an unclosed quote at its opening quote, a colon
inside a value, a line indented too much or too little (with the column expected), a tab. The messages
are listed in ``docs/content-format.md``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from tui.guide.nodes import Mark, Problem
from tui.guide.places import Lines

__all__ = ["syntax_problem"]

_KEY = re.compile(r"( *)(?:- +)*([^\s#:'\"\[\]{}][^:#]*?|\"[^\"]*\"|'[^']*'):(?= |$)")
"""The start of a ``key:`` line: its indentation, and the key (after any list dashes)."""
_ITEM = re.compile(r"( *)- ")
_GLUED = re.compile(r"( *(?:- +)*)([A-Za-z_][\w-]*):(\S)")
"""A ``key:value`` with no space after the colon, which YAML reads as one word."""


def syntax_problem(error: yaml.MarkedYAMLError, text: str, loader: Any) -> Problem:
    """The mistake behind a YAML syntax error, placed where it is. ``loader`` is the parser's class,
    used to read the file again up to the error (for the last value it read)."""
    lines = Lines(text)
    mark = error.problem_mark or error.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)
    context, problem = error.context or "", error.problem or ""
    if "simple key" in context and error.context_mark is not None:
        where = Mark(error.context_mark.line + 1, error.context_mark.column + 1)  # the line it began
    line = lines.line(where.line)
    start: Any
    if "depth" in problem:
        return Problem(where, "nesting is too deep here (a guide needs 6 levels); remove the extra brackets")
    if "tab" in problem or (where.column <= len(line) and line[where.column - 1 : where.column] == "\t"):
        tab = line.find("\t")
        return Problem(
            Mark(where.line, tab + 1 if tab >= 0 else where.column),
            "a tab is used to indent this line; YAML needs spaces: replace the tab with spaces",
        )
    if "quoted scalar" in context and "end of stream" in problem and error.context_mark is not None:
        start = error.context_mark
        quote = lines.line(start.line + 1)[start.column : start.column + 1] or '"'
        return Problem(
            Mark(start.line + 1, start.column + 1),
            f"the quote ({quote}) opened here is never closed; add a closing {quote} at the end of the text",
        )
    last = _last_scalar(text, loader)
    if last is not None and last.style in ('"', "'") and last.end_mark.line + 1 == where.line:
        start = last.start_mark
        if start.line + 1 < where.line:
            return Problem(
                Mark(start.line + 1, start.column + 1),
                f"the quote ({last.style}) opened here is not closed on its line, so the text runs on to "
                f"line {where.line}; add the closing {last.style} at the end of the text",
            )
        return Problem(where, "there is text after the closing quote; put the whole value inside the quotes")
    if "mapping values are not allowed" in problem:
        return _colon_problem(lines, where)
    if "unknown escape" in problem:
        return Problem(
            where,
            "a backslash starts an escape YAML does not know; write \\\\ for a backslash, or put the text "
            "in single quotes instead",
        )
    if "alias" in context:
        return Problem(
            Mark(error.context_mark.line + 1, error.context_mark.column + 1) if error.context_mark else where,
            "a value that starts with '*' is read as a YAML alias; put the text in quotes",
        )
    if "cannot start any token" in problem:
        char = line[where.column - 1 : where.column] or "?"
        return Problem(where, f"a value cannot start with {char!r}; put the text in quotes")
    if "block scalar" in context:
        return Problem(where, "there is text after '|' or '>' on its line; start the text on the next line")
    if "flow sequence" in context or "flow mapping" in context:
        begun = error.context_mark
        start = Mark(begun.line + 1, begun.column + 1) if begun is not None else where
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        return Problem(
            start,
            f"the list opened here with {opener!r} is not closed; add {closer!r} at its end "
            "(or, if this is text, put it in quotes)",
        )
    return _indentation_problem(lines, where, error, last)


def _last_scalar(text: str, loader: Any) -> Any:
    """The last value YAML read before the error (a ``ScalarEvent``), or ``None``."""
    last = None
    parser = loader(text)
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.ScalarEvent):
                last = event
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    return last


def _colon_problem(lines: Lines, where: Mark) -> Problem:
    """ "Mapping values are not allowed here": a colon inside a value, a key with no space after its
    colon on the line above, or a line indented more than the key above it."""
    line = lines.line(where.line)
    key = _KEY.match(line)
    if key is not None and key.end() <= where.column - 1:
        return Problem(
            where,
            "a colon and a space inside a value: put the value in quotes, like "
            f'{key.group(2).strip()}: "{line[key.end() :].strip()}"',
        )
    number = where.line - 1
    while number > 0 and not lines.line(number).strip():
        number -= 1
    above = lines.line(number)
    glued = _GLUED.match(above)
    if glued is not None:
        return Problem(
            Mark(number, glued.end(2) + 1),
            f"a colon needs a space after it: write '{glued.group(2)}: {above[glued.end(2) + 1 :].strip()}'",
        )
    indent = len(line) - len(line.lstrip(" "))
    key_above = _KEY.match(above)
    column = len(key_above.group(1)) + 1 if key_above else 1
    if key_above is not None and indent + 1 > column:
        dashes = key_above.group(0)[len(key_above.group(1)) :].count("- ")
        column += 2 * dashes
        return Problem(
            Mark(where.line, indent + 1),
            f"this line is indented more than the key above it, so YAML reads it as part of that value; "
            f"start it at column {column}",
        )
    return Problem(where, "a colon and a space inside a value: put the value in quotes")


def _indentation_problem(lines: Lines, where: Mark, error: yaml.MarkedYAMLError, last: Any) -> Problem:
    """A line that does not fit the lines around it: named as bad indentation, with the column expected."""
    line = lines.line(where.line)
    indent = len(line) - len(line.lstrip(" "))
    found = Mark(where.line, indent + 1)
    if last is not None and last.style in ("|", ">") and last.end_mark.line + 1 <= where.line:
        body = lines.indent(last.start_mark.line + 2)
        if indent < body:
            return Problem(
                found,
                f"bad indentation: this line starts at column {indent + 1}, but the text above it starts at "
                f"column {body + 1}; indent it to column {body + 1} to keep it in that text",
            )
    key = _KEY.match(line)
    if key is not None and key.end() < len(line) and line[key.end() :].strip()[:1] in "[{":
        return Problem(
            Mark(where.line, key.end() + 2),
            "a value that starts with '[' or '{' is read as a list; put the whole value in quotes",
        )
    context = error.context_mark
    expected = context.column + 1 if context is not None else 1
    item = _ITEM.match(line) is not None
    if "block collection" in (error.context or "") or item:
        # A list: its items start with "- " at one column; a key inside an item lines up after "- ".
        above = _nearest_item(lines, where.line, indent) if item else None
        if item and above is None and "block mapping" in (error.context or ""):
            return Problem(
                found,
                "a list item ('- ') where a key was expected; indent it under the key whose list it is in",
            )
        if above is not None:
            expected = above
        what = "the items of the list above start" if item else "the keys above start"
        if not item:
            first = context.line + 1 if context is not None else 1
            keys = _key_column_above(lines, where.line, first)
            if keys is None:
                return Problem(
                    found,
                    "the lines above are list items ('- '); start this one with '- ' too, or indent it "
                    "under the item it belongs to",
                )
            expected = keys
    else:
        what = "the keys above start"
        expected = _key_column_above(lines, where.line) or expected
    if expected == indent + 1:
        return Problem(
            found,
            "YAML cannot read this line; check its quotes and colons, and the indentation of the line above",
        )
    return Problem(
        found,
        f"bad indentation: this line starts at column {indent + 1}, but {what} at column {expected}; "
        f"line it up with them",
    )


def _nearest_item(lines: Lines, number: int, indent: int) -> int | None:
    """The column of the nearest list item ("- ") above line ``number`` indented more than ``indent``."""
    for above in range(number - 1, 0, -1):
        item = _ITEM.match(lines.line(above))
        if item is not None and len(item.group(1)) > indent:
            return len(item.group(1)) + 1
    return None


def _key_column_above(lines: Lines, number: int, first: int = 1) -> int | None:
    """The column of the key on the nearest line above ``number`` (from line ``first``) that holds one."""
    for above in range(number - 1, first - 1, -1):
        text = lines.line(above)
        key = _KEY.match(text)
        if key is not None and not text.lstrip().startswith("#"):
            return len(key.group(1)) + 1 + 2 * key.group(0)[len(key.group(1)) :].count("- ")
    return None
