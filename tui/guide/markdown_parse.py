"""The flaws of a Markdown text that only parsing finds (see :mod:`tui.guide.markdown_check`).

markdown-it reads the text as the pane's renderer (Rich's Markdown) reads it: CommonMark with raw HTML
on, tables and strikethrough. Its own limit on nesting is 20 levels (a list takes 2, a quote 1), past
which it drops the rest of the text; the narrowest pane's room runs out long before, at 4 lists or 3
quotes, so that is the limit checked. Each flaw is placed at its line, and at the characters that
make it where they can be found.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token

from tui.guide.markdown_rules import CODE_ROOM, NARROWEST, QUOTE_ROOM, SMALLEST_ROOM, Flaw, table_room

__all__ = ["parsed_flaws"]

_ROOM = {"bullet_list_open": 3, "blockquote_open": QUOTE_ROOM}
_PREFIX = re.compile(r"[ \t>]*")
_LABEL = re.compile(r"\[([^\[\]\n]+)\]")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"inline_definitions": True}).enable(["table", "strikethrough"])


def parsed_flaws(text: str) -> list[Flaw]:
    """The flaws that markdown-it's reading of ``text`` shows."""
    env: dict[str, Any] = {}
    return _Walk(text).run(_parser().parse(text, env), env)


class _Walk:
    """One pass over the tokens, keeping the room that the open lists and quotes take."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.flaws: list[Flaw] = []
        self.cursor = 0

    def run(self, tokens: list[Token], env: dict[str, Any]) -> list[Flaw]:
        taken: list[tuple[int, str]] = []  # the columns and kind of each open list or quote
        definitions: list[Token] = []
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in _ROOM:
                taken.append((_ROOM[kind], "quote" if kind == "blockquote_open" else "list"))
            elif kind == "ordered_list_open":
                taken.append((len(str(_last_number(tokens, index))) + 2, "list"))
            elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
                taken.pop()
            elif kind in ("paragraph_open", "heading_open", "fence", "code_block", "table_open"):
                self.room(tokens, index, taken)
            if kind == "html_block":
                self.html(token.content, token)
            elif kind == "inline" and token.children:
                self.inline(token)
            elif kind == "definition":
                definitions.append(token)
            elif kind == "tr_open" and token.map and tokens[index - 1].type in ("tbody_open", "tr_close"):
                self.row(tokens, index)
        self.definitions(definitions, env)
        return self.flaws

    def add(self, offset: int, length: int, message: str) -> None:
        self.flaws.append(Flaw(offset, max(1, length), message))

    def line_start(self, token: Token) -> int:
        """Where the token's first line starts, after its indentation and quote marks."""
        line = token.map[0] if token.map else 0
        start = self.starts[min(line, len(self.lines) - 1)]
        return start + _PREFIX.match(self.text, start).end() - start  # type: ignore[union-attr]

    def find(self, snippet: str, token: Token) -> int:
        """Where ``snippet`` is in the token's lines (after the last flaw found), else where they start."""
        first = self.line_start(token)
        end = self.starts[min(token.map[1], len(self.lines))] if token.map else len(self.text)
        found = self.text.find(snippet, max(first, self.cursor), end) if snippet else -1
        if found < 0:
            found = self.text.find(snippet, first, end) if snippet else -1
        self.cursor = found + len(snippet) if found >= 0 else self.cursor
        return found if found >= 0 else first

    def room(self, tokens: list[Token], index: int, taken: list[tuple[int, str]]) -> None:
        token = tokens[index]
        used = sum(columns for columns, _ in taken)
        if token.type == "table_open":
            columns = _header_cells(tokens, index)
            left = NARROWEST - used
            if table_room(columns) > left:
                most = max(0, (left + 1) // 4)
                where = " here" if taken else ""
                self.add(
                    self.line_start(token),
                    1,
                    f"this table has {columns} columns, too many to show in a narrow window "
                    f"({NARROWEST} columns); use at most {most}{where}, or split it into smaller tables",
                )
            return
        code = token.type in ("fence", "code_block")
        heading = token.type == "heading_open" and token.tag == "h1"
        if NARROWEST - used - (CODE_ROOM if code or heading else 0) >= SMALLEST_ROOM:
            return
        what = "code block" if code else "heading" if token.type == "heading_open" else "text"
        lists = sum(1 for _, name in taken if name == "list")
        quotes = len(taken) - lists
        nesting = " and ".join(
            f"{count} {name}{'s' if count > 1 else ''}"
            for count, name in ((lists, "list"), (quotes, "quote"))
            if count
        )
        self.add(
            self.line_start(token),
            1,
            f"this {what} is nested too deeply to show in a narrow window ({NARROWEST} columns): "
            f"inside {nesting}; nest it less deeply",
        )

    def html(self, raw: str, token: Token) -> None:
        snippet = raw.strip().split("\n", 1)[0]
        at = self.find(snippet, token)
        if snippet.startswith("<!--"):
            message = (
                "an HTML comment is never shown; remove it, or make it a YAML comment "
                "(a line starting with #)"
            )
        else:
            shown = snippet if len(snippet) <= 30 else snippet[:30] + "…"
            message = f"raw HTML ({shown!r}) is not shown; write plain text or Markdown instead"
        self.add(at, len(snippet), message)

    def inline(self, token: Token) -> None:
        children = token.children or []
        for position, child in enumerate(children):
            if child.type == "html_inline":
                self.html(child.content, token)
            elif child.type == "image":
                self.add(
                    self.find("![", token),
                    2,
                    "an image cannot be shown (the terminal and the handouts show no pictures); describe it "
                    "in words, or link to it: [what it shows](https://…)",
                )
            elif child.type == "link_open":
                title = child.attrs.get("title")
                if title:
                    at = self.find(str(title), token)
                    self.add(
                        at,
                        len(str(title)),
                        "a link's title (in quotes after the address) is never "
                        "shown; put those words in the link's text",
                    )
                following = children[position + 1 : position + 2]
                if following and following[0].type == "link_close":
                    self.add(
                        self.find("[", token),
                        1,
                        "a link with no text cannot be seen or chosen; write its text between [ and ]",
                    )

    def row(self, tokens: list[Token], index: int) -> None:
        """A table row with more cells than its header: markdown-it drops the extra ones."""
        line = tokens[index].map[0]  # type: ignore[index]
        raw = self.lines[line]
        prefix = _PREFIX.match(raw).end()  # type: ignore[union-attr]
        cells = escapedSplit(raw[prefix:].strip())
        cells = cells[1:] if cells and cells[0] == "" else cells
        cells = cells[:-1] if cells and cells[-1] == "" else cells
        header = _header_cells(tokens, _table_open(tokens, index))
        if len(cells) > header:
            self.add(
                self.starts[line] + prefix,
                len(raw) - prefix,
                f"this table row has {len(cells)} cells but the header has {header}, so the extra cells "
                "are not shown; add a column to the header, or remove them",
            )

    def definitions(self, definitions: list[Token], env: dict[str, Any]) -> None:
        if not definitions:
            return
        own = {line for token in definitions if token.map for line in range(*token.map)}
        used = {
            normalizeReference(match.group(1))
            for number, line in enumerate(self.lines)
            if number not in own
            for match in _LABEL.finditer(line)
        }
        seen: set[str] = set()
        for token in definitions:
            label, shown = token.meta["id"], token.meta["label"]
            at = self.line_start(token)
            if token.meta.get("title"):
                self.add(
                    at, 1, f"the title of the link '[{shown}]' is never shown; put those words in the text"
                )
            if label in seen:
                self.add(
                    at, 1, f"the link '[{shown}]' is defined twice, and only the first is used; remove one"
                )
            elif label not in used:
                self.add(
                    at,
                    1,
                    f"'[{shown}]: …' defines a link that no text uses, so it is never shown; "
                    f"use it as [text][{shown}], or remove it",
                )
            seen.add(label)


def _last_number(tokens: list[Token], index: int) -> int:
    """The number of the last item of the numbered list that opens at ``index``."""
    start = int(tokens[index].attrGet("start") or 1)
    level, items = tokens[index].level, 0
    for token in tokens[index + 1 :]:
        if token.level == level and token.type == "ordered_list_close":
            break
        items += token.type == "list_item_open" and token.level == level + 1
    return max(start, start + items - 1)


def _table_open(tokens: list[Token], index: int) -> int:
    while tokens[index].type != "table_open":
        index -= 1
    return index


def _header_cells(tokens: list[Token], index: int) -> int:
    count = 0
    for token in tokens[index:]:
        if token.type == "thead_close":
            break
        count += token.type == "th_open"
    return count
