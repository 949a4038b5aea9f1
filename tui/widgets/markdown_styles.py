"""What the text pane's lines are made of, without Rich's Markdown: the style names the pane's CSS sets,
and links as click actions.

Importing Rich's Markdown takes about 20 ms, so what the first frame needs lives here, apart from
:mod:`tui.widgets.markdown_lines`, which lays the text out.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from rich.style import Style

__all__ = ["RICH_STYLES", "link_href", "link_style"]

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


def link_style(href: str) -> Style:
    """The style that makes text a link: a click action of the widget showing it, never a hyperlink."""
    return Style.from_meta({"@click": f"link({href!r})"})


def link_href(style: Style) -> str | None:
    """The address of the link that ``style`` (made with :func:`link_style`) carries, if any."""
    action = style.meta.get("@click")
    if not isinstance(action, str) or not (action.startswith("link(") and action.endswith(")")):
        return None
    try:
        href = ast.literal_eval(action[5:-1])
    except (ValueError, SyntaxError):
        return None
    return href if isinstance(href, str) and link_style(href).meta == style.meta else None
