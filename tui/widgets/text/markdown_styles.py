"""What the text pane's lines are made of, without Rich's Markdown: the style names the pane's CSS sets,
links as click actions, and the plain lines of a page's first frame.

Importing Rich's Markdown (with markdown-it and Pygments) takes about 30 ms. The first frame at start-up
is drawn without it, from :func:`plain_lines`: the page's title and lead as plain text, styled as the
Markdown renderer (:mod:`tui.widgets.text.markdown_lines`) styles them, which lays the page out just
after.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from rich.theme import Theme
from textual.strip import Strip

__all__ = ["RICH_STYLES", "link_href", "link_style", "plain_lines", "rich_styles", "styled"]

RICH_STYLES: Mapping[str, tuple[str, ...]] = {
    "h1": ("markdown.h1",),
    "h2": ("markdown.h2",),
    "h3": ("markdown.h3", "markdown.h4", "markdown.h5", "markdown.h6"),
    "em": ("markdown.em", "markdown.emph"),
    "strong": ("markdown.strong", "markdown.kbd"),
    "code": ("markdown.code", "markdown.code_block"),
    "link": ("markdown.link", "markdown.link_url"),
    "quote": ("markdown.block_quote",),
    "bullet": ("markdown.list", "markdown.item.bullet", "markdown.item.number"),
    "rule": ("markdown.hr", "markdown.table.border"),
    "table-header": ("markdown.table.header",),
}
"""Which of Rich's Markdown style names each of the text pane's component classes (``topic-view--NAME``)
sets. Rich's other Markdown styles (paragraph, text, strike) carry no colour."""


def rich_styles(style_of: Callable[[str], Style]) -> dict[str, Style]:
    """Rich's Markdown style names, each with the style of its component class (``style_of(NAME)``)."""
    return {rich: style_of(name) for name, rich_names in RICH_STYLES.items() for rich in rich_names}


def link_style(href: str) -> Style:
    """The style that makes text a link: a click action of the widget showing it, never a hyperlink."""
    return Style.from_meta({"@click": f"link({href!r})"})


def link_href(style: Style) -> str | None:
    """The address of the link that ``style`` (made with :func:`link_style`) carries, if any."""
    action = style.meta.get("@click") if style.meta else None
    if not isinstance(action, str) or not (action.startswith("link(") and action.endswith(")")):
        return None
    try:
        href = ast.literal_eval(action[5:-1])
    except (ValueError, SyntaxError):
        return None
    return href if isinstance(href, str) else None


def plain_lines(
    title: str, lead: str, console: Console, width: int, theme: Theme, base: Style
) -> list[Strip]:
    """The title as a top heading and, below it, the lead in italics: as the Markdown renderer draws
    ``# title`` and ``*lead*``, ``width`` cells wide."""
    options = console.options.update(width=width, height=None, highlight=False, markup=False)

    def lines_of(text: str, style: str) -> list[Strip]:
        with console.use_theme(theme):
            return [
                Strip(line, width) for line in console.render_lines(Text(text, style), options, style=base)
            ]

    lines = lines_of(title, "markdown.h1")
    return [*lines, Strip.blank(width, base), *lines_of(lead, "markdown.em")] if lead else lines


def styled(strip: Strip, begin: int, end: int, style: Style, *, cells: bool = False) -> Strip:
    """``strip`` with the characters (or ``cells``) ``begin`` to ``end`` drawn in ``style`` on top."""
    text = strip.text
    if not cells:
        begin, end = cell_len(text[:begin]), cell_len(text[:end])
    cuts = [begin, end, strip.cell_length]
    before, hit, after = strip.divide(cuts)
    marked = Strip(Segment.apply_style(hit, post_style=style), hit.cell_length)
    return Strip.join([before, marked, after])
