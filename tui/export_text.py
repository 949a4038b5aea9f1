"""Plain text for ``ketamine-tui export --format txt``: Markdown rendered by walking markdown-it tokens.

Headings are underlined (the title framed, with its first lines right under it, so that the help-now
block fits the first screen), list items get ``- `` or ``1. `` and a hanging indent, tables become aligned
columns (the last column wrapped) or, when too wide, one ``Header: cell`` line per cell, and links
become ``text (url)``. Every line fits in :data:`WIDTH` columns unless one word (a long URL) cannot.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["WIDTH", "markdown_to_text"]

WIDTH = 80
_UNDERLINES = {1: "=", 2: "=", 3: "-"}
"""Heading levels that get a rule under them; level 1 (the guide's title) gets one above as well."""
_QUOTE = "    "


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Wrap each hard-broken line of ``text``; long words (URLs) are never split."""
    lines: list[str] = []
    for part in text.split("\n"):
        wrapped = textwrap.wrap(
            part,
            width,
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines += wrapped or [first.rstrip()]
        first = rest
    return lines


def _inline(children: Sequence[Token], titles: Mapping[str, str]) -> str:
    """The plain text of an inline token's children; links get their address or target in brackets."""
    out: list[str] = []
    links: list[tuple[Token, int]] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "image":
            out.append(_inline(child.children or [], titles))
        elif child.type == "link_open":
            links.append((child, len(out)))
        elif child.type == "link_close" and links:
            link, start = links.pop()
            text, href = "".join(out[start:]), str(link.attrGet("href") or "")
            if href.startswith("#"):
                title = titles.get(href[1:])
                if title and title.casefold() != text.casefold():
                    out.append(f' (see "{title}")')
            elif href and href != text and link.markup != "autolink":
                out.append(f" ({href})")
    return "".join(out)


class _TextWriter:
    """Turns a block token stream into wrapped lines, keeping a stack of indents for lists and quotes."""

    def __init__(self, titles: Mapping[str, str]) -> None:
        self.titles = titles
        self.lines: list[str] = []
        self.indent: list[str] = []
        self.marker = ""  # replaces the innermost indent on the next line written, e.g. "- "
        self.tight: list[bool] = []
        self.heading = 0
        self.top_headings = 0  # of levels 1 and 2 so far
        self.rows: list[list[str]] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1] and not (self.tight and self.tight[-1]):
            self.lines.append("")

    def write(self, text: str) -> None:
        rest = "".join(self.indent)
        first = rest[: len(rest) - len(self.marker)] + self.marker if self.marker else rest
        self.marker = ""
        self.lines += _wrap(text, WIDTH, first, rest)

    def render(self, tokens: Sequence[Token]) -> list[str]:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.tight.append(_is_tight(tokens, index))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.tight.pop()
                self.blank()
            elif kind == "list_item_open":
                self.marker = f"{token.info}{token.markup} " if token.info else "- "
                self.indent.append(" " * len(self.marker))
            elif kind == "list_item_close" or kind == "blockquote_close":
                self.indent.pop()
            elif kind == "blockquote_open":
                self.indent.append(_QUOTE)
            elif kind == "heading_open":
                self.heading = int(token.tag[1])
            elif kind == "tr_open":
                self.rows.append([])
            elif kind == "table_close":
                self.table()
            elif kind == "inline":
                self.inline(_inline(token.children or [], self.titles))
            elif kind in ("fence", "code_block"):
                self.indent.append(_QUOTE)
                for line in token.content.rstrip("\n").split("\n"):
                    self.write(line)
                self.indent.pop()
                self.blank()
            elif kind == "hr":
                self.write("* * *")
                self.blank()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return self.lines

    def inline(self, text: str) -> None:
        if self.rows:
            self.rows[-1].append(text.replace("\n", " "))
        elif self.heading:
            if self.heading <= 2:
                if self.top_headings >= 2:
                    self.lines.append("")  # two blank lines before each page but the title's
                self.top_headings += 1
            start = len(self.lines)
            self.write(text)
            underline = _UNDERLINES.get(self.heading, "")
            rule = underline * max(len(line.strip()) for line in self.lines[start:])
            if self.heading == 1:
                self.lines.insert(start, rule)
            if rule:
                self.write(rule)
            if self.heading > 1:  # the lines under the title stand right below its frame
                self.blank()
            self.heading = 0
        else:
            self.write(text)
            self.blank()

    def table(self) -> None:
        """Aligned columns (the last one wrapped) if the others leave it room, else ``Header: cell`` lines."""
        rows, self.rows, self.marker = self.rows, [], ""
        header, *body = rows = [row + [""] * (len(rows[0]) - len(row)) for row in rows]
        prefix = "".join(self.indent)
        widths = [max(len(row[col]) for row in rows if col < len(row)) for col in range(len(header) - 1)]
        lead = sum(width + 2 for width in widths)
        last = max(len(row[-1]) for row in rows)
        if len(prefix) + lead <= WIDTH // 2 or len(prefix) + lead + last <= WIDTH:
            rule = ["-" * width for width in widths] + ["-" * max(1, len(header[-1]))]
            for row in [header, rule, *body]:
                first = prefix + "".join(
                    cell.ljust(width + 2) for cell, width in zip(row, widths, strict=False)
                )
                self.lines += _wrap(row[-1], WIDTH, first, prefix + " " * lead)
        else:
            for row in body:
                for number, (name, cell) in enumerate(zip(header, row, strict=False)):
                    first = prefix + ("- " if number == 0 else "  ")
                    self.lines += _wrap(f"{name}: {cell}" if name else cell, WIDTH, first, prefix + "    ")
        self.blank()


def _is_tight(tokens: Sequence[Token], index: int) -> bool:
    """markdown-it hides the paragraphs of a tight list; look at the list's first paragraph."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level <= level:
            break
        if token.type == "paragraph_open" and token.level == level + 2:
            return token.hidden
    return True


def markdown_to_text(markdown: str, parser: MarkdownIt, titles: Mapping[str, str]) -> str:
    """Render a Markdown page as wrapped plain text; ``titles`` maps page ids to titles for ``#id`` links."""
    return "\n".join(_TextWriter(titles).render(parser.parse(markdown))) + "\n"
