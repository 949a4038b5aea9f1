"""The text pane's page engine: what to show (:class:`Target`), and the page on show laid out at one
width in one set of colours, with its search marks.

The engine knows nothing of widgets: the pane gives it the width, the colours and the console, and
asks it for lines. Until the Markdown renderer is first needed, a page can be opened ``plain``: its
title and lead as plain text, which is all a first frame needs (the renderer takes 30 ms to import).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from tui.pages import Page, Part
from tui.widgets.text.markdown_styles import plain_lines
from tui.widgets.text.page_layout import PageLayout, Render

__all__ = ["Mark", "PageEngine", "Spans", "Target"]

Spans = Callable[[str], list[tuple[int, int]]]
"""Where the marked words are in a line of text: (start, end) character offsets."""


@dataclass(frozen=True)
class Mark:
    """Words to mark on a page: the part to scroll to, and where the words are in a line."""

    part: int
    """The part (0: the title, then each section) whose first marked word is scrolled into view."""
    spans: Spans


@dataclass(frozen=True)
class Target:
    """What the pane shows: a page, scrolled ``scroll`` lines down or to its mark."""

    page: Page
    scroll: float = 0.0
    mark: Mark | None = None


class PageEngine:
    """The page of a :class:`Target`, laid out piece by piece; see :class:`PageLayout`."""

    def __init__(self, console: Callable[[], Console]) -> None:
        self._console = console
        self._target: Target | None = None
        self._markdown: Render | None = None
        """The Markdown renderer, once imported."""
        self._width, self._theme, self._base = 0, Theme({}), Style()
        self._spans: dict[int, list[tuple[int, int]]] = {}
        """The marked words of each line looked at so far."""
        self.layout = PageLayout(None, Strip.blank(0), self._render_plain)
        """The page on show, as far as it is laid out (read its lines; never write them)."""

    @property
    def plain(self) -> bool:
        """Whether the page on show is only its title and lead in plain text."""
        return self._target is not None and self.layout.page is not self._target.page

    def open(
        self, target: Target | None, size: tuple[int, int], colours: tuple[Theme, Style], scroll: float | None
    ) -> tuple[float, int | None]:
        """Lay ``target`` out for a text ``size`` (width, height) cells, as far as a screen needs from
        ``scroll`` (None: where the target says). Returns where to scroll, and the mark's line if any.

        A target shown from its top, before the Markdown renderer is loaded, is laid out as plain text
        (:attr:`plain`): call this again after that frame to lay it out in full.
        """
        (self._width, height), (self._theme, self._base) = size, colours
        self._target, self._spans, blank = target, {}, Strip.blank(self._width, self._base)
        if target is None or not self._width:
            self.layout = PageLayout(None, blank, self._render_plain)
            return 0.0, None
        heading = target.page.heading
        if scroll is None and self._markdown is None and heading and not target.scroll and not target.mark:
            stand_in = Page(target.page.id, target.page.title, lambda: (Part(heading[0], ""),))
            self.layout = PageLayout(stand_in, blank, self._render_plain)
        else:
            self.layout = PageLayout(target.page, blank, self._load_markdown())
        found = None
        if scroll is None and target.mark is not None:
            scroll, found = self._find_mark(target.mark, height)
        scroll = target.scroll if scroll is None else scroll
        self.layout.until(lines=scroll + height)
        return scroll, found

    def marks(self, y: int) -> list[tuple[int, int]]:
        """The marked words in line ``y``."""
        mark = self._target.mark if self._target is not None else None
        if mark is None:
            return []
        if y not in self._spans:
            self._spans[y] = mark.spans(self.layout.lines[y].text)
        return self._spans[y]

    def _find_mark(self, mark: Mark, height: int) -> tuple[int, int | None]:
        """Where to scroll a screen ``height`` lines high to show ``mark.part`` and its first marked
        word (in its text, else in its heading), and the line of that word (None if it has none)."""
        self.layout.until(parts=mark.part + 2)  # the whole part: the next one is begun
        lines = self.layout.part_lines(mark.part)
        body = next((y for y in lines if not self.layout.lines[y].text.strip()), lines.start)
        found = next(
            (y for y in [*range(body, lines.stop), *range(lines.start, body)] if self.marks(y)), None
        )
        if found is not None and found >= lines.start + height:
            return found - height // 3, found
        return lines.start, found

    def _load_markdown(self) -> Render:
        if self._markdown is None:
            from tui.widgets.text.markdown_lines import render_markdown  # 30 ms to import

            def render(markdown: str) -> list[Strip]:
                return render_markdown(markdown, self._console(), self._width, self._theme, self._base)

            self._markdown = render
        return self._markdown

    def _render_plain(self, markdown: str) -> list[Strip]:
        heading = self._target.page.heading if self._target is not None else None
        if heading is None:
            return []
        return plain_lines(*heading, self._console(), self._width, self._theme, self._base)
