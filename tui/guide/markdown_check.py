"""Markdown that the app cannot show faithfully: what ``check`` refuses in a Markdown text, so that
nothing an author writes vanishes silently from the text pane or the handouts.

Refused, each with where it is and what to write instead: raw HTML (comments included), which the pane
drops; images, which neither a terminal nor the offline handouts can show; a link's title and a link
with no text, which are never seen; a link definition that no text uses; a table row with more cells
than its header, whose extra cells markdown-it drops; nesting with no room left in the narrowest pane
(:data:`tui.guide.markdown_rules.NARROWEST`); and an HTML entity that stands for a character the app
never draws (``&#x202E;``). Most texts hold none of these: a few fast searches find the ones that
might, and only those are parsed (:mod:`tui.guide.markdown_parse`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, repeat

from tui.guide.controls import UNSEEN, char_name
from tui.guide.markdown_rules import NARROWEST, Flaw, table_room

__all__ = ["all_faithful", "faithful", "flaws"]

_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}));")
"""An HTML entity as markdown-it reads one, in text, in a link's address or in its title."""

_HTML = re.compile(r"<(?:[/!?]|[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|\Z))")
"""An HTML tag, comment or declaration (an address in angle brackets is not one)."""
_AFTER_BRACKET = re.compile(r"\](?:\([^\s)]*\s|:)")
"""A link with a title (something after its address), or a link definition."""
_EMPTY_LINK = re.compile(r"\[ ?\]\(")
_IMAGE = re.compile(r"!\[")
_DEEP = re.compile(r"\n[ >*+\-0-9.)]{7}")
_TAB = re.compile(r"\n[ >*+\-0-9.)]*\t")
_PREFIX = re.compile(r"[ *+\-0-9.)]*\Z")
"""Lines that may open too much nesting. Nesting takes room from the left: a list 3 columns for at
least 2 characters of the line that opens it, a quote 4 for its ``>``. A line whose indentation and
markers are under 7 characters, with no tab and no quote, leaves 2 columns at :data:`NARROWEST` (4
with a code block); a quote is looked at more closely."""
_TABLE = re.compile(r"\|[ \t]*:?-[-:| \t]*")
"""Where a table's second line (``|---|:---:|``) may be: a ``|`` before a ``-``. A table of one column
with no ``|`` on that line cannot be too wide, nor have a row with too many cells."""


def faithful(text: str) -> bool:
    """Whether every word of a Markdown text reaches the reader (no :class:`Flaw`)."""
    return not flaws(text)


def all_faithful(texts: list[str]) -> bool:
    """Whether every one of ``texts`` is :func:`faithful`."""
    return not any(flaws(texts[index]) for index in suspects(texts))


def flaws(text: str) -> list[Flaw]:
    """Every flaw of a Markdown text, in order."""
    found = list(_entity_flaws(text)) if "&" in text else []
    if suspects([text]):
        from tui.guide.markdown_parse import parsed_flaws  # markdown-it: only for the texts that need it

        found += parsed_flaws(text)
    return sorted(set(found))


def suspects(texts: list[str]) -> list[int]:
    """The indexes of the texts that might hold a flaw, in order: a few searches run once over all the
    texts joined, each starting at a character that prose rarely holds, or at the start of a line;
    what they find is then looked at text by text."""
    # A line break before the first text and a blank line between two: every line starts after a
    # "\n", and no table, nor any line of one, runs on into the next text.
    joined = "\n" + "\n\n".join(texts)
    found: set[int] = set()
    starts = list(accumulate((len(text) + 2 for text in texts), initial=1))

    def mark(pattern: re.Pattern[str]) -> None:
        found.update(bisect_right(starts, match.end() - 1) - 1 for match in pattern.finditer(joined))

    if "&" in joined:
        mark(_ENTITY)
    if "<" in joined:
        mark(_HTML)
    if "!" in joined and "![" in joined:
        mark(_IMAGE)
    if "]" in joined:
        mark(_AFTER_BRACKET)
        mark(_EMPTY_LINK)
    mark(_DEEP)
    if "\t" in joined:
        mark(_TAB)
    if ">" in joined:
        found.update(bisect_right(starts, at) - 1 for at in _quote_marks(joined))
    if "|" in joined:
        found.update(bisect_right(starts, at) - 1 for at in _table_suspects(joined))
    return sorted(index for index in found if 0 <= index < len(texts))


def _entity_flaws(text: str) -> list[Flaw]:
    from html.entities import html5  # markdown-it's names too; a large table, needed only here

    found = []
    for match in _ENTITY.finditer(text):
        hexadecimal, decimal, name = match.groups()
        if name is not None:
            decoded = html5.get(name + ";", "")
        else:
            point = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
            decoded = chr(point) if point <= 0x10FFFF else ""
        unseen = UNSEEN.search(decoded)
        if unseen is not None:
            entity = match.group()
            message = (
                f"{entity!r} stands for the invisible character {char_name(unseen.group())}, "
                "which is never shown; remove it"
            )
            found.append(Flaw(match.start(), len(entity), message))
    return found


def _quote_marks(text: str) -> list[int]:
    """Where a line opens a quote: a ``>`` after nothing but indentation and list markers."""
    found = []
    at = text.find(">")
    while at >= 0:
        if _PREFIX.match(text, text.rfind("\n", 0, at) + 1, at):
            found.append(at)
        at = text.find(">", at + 1)
    return found


def _table_suspects(text: str) -> list[int]:
    """Where a table might be too wide for the narrowest pane, sit in a list or a quote, or have a row
    with more cells than its header: counts of ``|`` on its second line and on its rows."""
    found = []
    for match in _TABLE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = end if end >= 0 else len(text)
        if text[start] not in "|-:":
            found.append(match.start())  # in a list, a quote or a code block (or not a table)
            continue
        line = text[start:end].strip()
        pipes = line.count("|")
        columns = pipes + 1 - line.startswith("|") - line.endswith("|")
        blank = text.find("\n\n", end)
        rows = text[end : blank if blank >= 0 else len(text)].split("\n")
        if table_room(columns) > NARROWEST or max(map(str.count, rows, repeat("|"))) > pipes:
            found.append(match.start())
    return found
