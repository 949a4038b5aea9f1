"""Markdown rendered once to lines of text (Strips), for the text pane's Line API view.

Rich's Markdown does the layout (paragraphs, lists, tables, quotes). Three of its elements are changed:
headings are left-aligned; code is shown as plain text in the theme's code style rather than through a
syntax highlighter with its own fixed colours; and table cells wrap long words rather than cut them
off. Every colour comes from a Rich theme that the widget builds from its CSS. A link never reaches
the terminal as a hyperlink: it becomes a ``link('...')`` click action of the widget that shows the
lines, and control segments are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Heading, Markdown, MarkdownElement, TableElement, TextElement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.theme import Theme
from textual.strip import Strip

from tui.guide.controls import strip_unseen
from tui.widgets.text.markdown_styles import link_style

__all__ = ["render_markdown"]


class _Heading(Heading):
    """A heading, left-aligned at every level."""

    LEVEL_ALIGN: ClassVar[dict[str, str]] = dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "left")  # type: ignore[assignment]


class _Code(TextElement):
    """A code block as plain text, indented, wrapped to the width."""

    style_name = "markdown.code_block"

    @classmethod
    def create(cls, markdown: Markdown, token: object) -> MarkdownElement:
        return cls()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.text.copy()
        text.rstrip()
        yield Padding(text, (0, 0, 0, 4))


class _Table(TableElement):
    """A table whose cells wrap long words instead of cutting them off, with no blank edge lines."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for renderable in super().__rich_console__(console, options):
            if isinstance(renderable, Table):
                renderable.show_edge = False  # no blank line above and below
                for column in renderable.columns:
                    column.overflow = "fold"
            yield renderable


class GuideMarkdown(Markdown):
    """Rich's Markdown with the guide's headings and code blocks."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        "heading_open": _Heading,
        "fence": _Code,
        "code_block": _Code,
        "table_open": _Table,
    }


def render_markdown(markdown: str, console: Console, width: int, theme: Theme, style: Style) -> list[Strip]:
    """``markdown`` laid out ``width`` cells wide: one Strip per line, each exactly ``width`` long."""
    options = console.options.update(width=width, height=None, highlight=False, markup=False)
    with console.use_theme(theme):
        lines = console.render_lines(GuideMarkdown(markdown), options, style=style)
    return [Strip(_clickable(line), width) for line in lines]


_CONTROLS = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0)])
"""C0, DEL and C1 control characters: removed from the text (the loader refuses them already)."""


def _clickable(segments: Iterable[Segment]) -> list[Segment]:
    """The segments with hyperlinks turned into click actions, and control segments and unseen
    characters left out: controls, and every character of :data:`tui.guide.controls.UNSEEN`, such as
    the bidi overrides that an entity (``&#x202E;``) brings past the loader's checks of the text.
    Rich gives each of them no width, so the line keeps its width."""
    out: list[Segment] = []
    for text, style, control in segments:
        if control:
            continue
        text = text.translate(_CONTROLS)
        if not text.isascii():  # no unseen character is ASCII once the controls are gone
            text = strip_unseen(text)
        if style is not None and style.link:
            style = style.clear_meta_and_links() + link_style(style.link)
        out.append(Segment(text, style))
    return out
