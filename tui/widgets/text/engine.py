"""The text pane's page engine: what to show (:class:`Target`), and the page on show laid out at one
width in one set of colours, with its places (:class:`Anchor`), search marks and links.

The engine knows nothing of widgets: the pane gives it the width, the colours and the console, and
asks it for lines. Until the Markdown renderer is first needed, a page shown from its top is laid out
``plain``: its title and lead as plain text, which is all a first frame needs (the renderer takes 30 ms
to import).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from tui.pages import Anchor, Page, Part
from tui.widgets.text.markdown_styles import link_href, plain_lines
from tui.widgets.text.page_layout import PageLayout, Render

__all__ = ["Anchor", "Link", "Mark", "PageEngine", "Spans", "Target"]

Spans = Callable[[str], list[tuple[int, int]]]
"""Where the marked words are in a line of text: (start, end) character offsets."""

_WORDS = 8
"""How many words of a line an :class:`~tui.pages.Anchor` keeps."""


@dataclass(frozen=True)
class Mark:
    """Words to mark on a page: the part to scroll to, and where the words are in a line."""

    part: int
    """The part whose first marked word is scrolled into view."""
    spans: Spans
    first: Spans | None = None
    """Where the word to scroll to is in a line, if not just any marked word."""


@dataclass(frozen=True)
class Target:
    """What the pane shows: a page, at a place or at its mark, and what to say after its end."""

    page: Page
    at: Anchor | None = None
    """Where to open the page (None: its top)."""
    mark: Mark | None = None
    """Words to mark; with no ``at``, the page opens at the first of them in ``mark.part``."""
    coda: str = ""
    """Markdown shown after the page, below a rule: what comes next."""


@dataclass(frozen=True)
class Link:
    """A link in the text, on one or more lines: (line, first cell, end cell) for each of its pieces."""

    href: str
    spans: tuple[tuple[int, int, int], ...]


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
        self._links: list[Link] = []
        self._scanned = 0
        """How many lines have been looked through for links."""
        self.plain = False
        """Whether the page on show is only its title and lead in plain text (see :meth:`open`)."""
        self.layout = PageLayout(None, Strip.blank(0), self._render_plain)
        """The page on show, as far as it is laid out (read its lines; never write them)."""

    def open(
        self, target: Target | None, size: tuple[int, int], colours: tuple[Theme, Style], at: Anchor | None
    ) -> tuple[int, int | None]:
        """Lay ``target`` out for a text ``size`` (width, height) cells, as far as a screen needs from
        ``at`` (None: where the target says). Returns the line to scroll to, and the mark's line.

        A target shown from its top, before the Markdown renderer is loaded, is laid out as plain text
        (:attr:`plain`): call this again after that frame to lay it out in full.
        """
        (self._width, height), (self._theme, self._base) = size, colours
        self._target, self._spans, self._links, self._scanned = target, {}, [], 0
        blank, self.plain = Strip.blank(self._width, self._base), False
        if target is None or not self._width:
            self.layout = PageLayout(None, blank, self._render_plain)
            return 0, None
        page, heading = target.page, target.page.heading
        if at is None and self._markdown is None and heading and not target.at and not target.mark:
            self.plain, page = True, Page(page.id, page.title, lambda: (Part(heading[0], ""),))
        elif target.coda:
            page = Page(page.id, page.title, lambda: (*target.page.parts, Part("", f"---\n\n{target.coda}")))
        self.layout = PageLayout(page, blank, self._render_plain if self.plain else self._load_markdown())
        found = None
        if at is None and target.at is None and target.mark is not None:
            y, found = self._find_mark(target.mark, height)
        else:
            y = self._find(at or target.at or Anchor())
        self.layout.until(lines=y + height)
        return y, found

    def anchor(self, y: int) -> Anchor:
        """The place of line ``y``: its part, and the words of the first line there that has any."""
        lines, part = self.layout.lines, self.layout.part_at(y)
        span = self.layout.part_lines(part)
        filled = next((n for n in range(y, span.stop) if lines[n].text.strip()), None)
        if filled is None:
            return Anchor(part, line=max(0, y - span.start))
        return Anchor(part, " ".join(lines[filled].text.split()[:_WORDS]), filled - y, max(0, y - span.start))

    def marks(self, y: int) -> list[tuple[int, int]]:
        """The marked words in line ``y``."""
        mark = self._target.mark if self._target is not None else None
        if mark is None:
            return []
        if y not in self._spans:
            self._spans[y] = mark.spans(self.layout.lines[y].text)
        return self._spans[y]

    def next_mark(self, y: int, direction: int) -> int | None:
        """The nearest line after ``y`` (``direction`` 1, laying out as far as needed) or before it (-1)
        that holds a marked word, if any."""
        if direction < 0:
            return next((n for n in range(min(y, len(self.layout.lines)) - 1, -1, -1) if self.marks(n)), None)
        n = y + 1
        while True:
            while n < len(self.layout.lines):
                if self.marks(n):
                    return n
                n += 1
            if not self.layout.next():
                return None

    def links(self) -> list[Link]:
        """The links in the lines laid out so far, in reading order."""
        lines = self.layout.lines
        for y in range(self._scanned, len(lines)):
            cell = 0
            for segment in lines[y]:
                href = link_href(segment.style) if segment.style is not None else None
                end = cell + segment.cell_length
                if href is not None and segment.text.strip():
                    last = self._links[-1] if self._links else None
                    if last is not None and last.href == href and _continues(last, y, cell, lines[y].text):
                        self._links[-1] = Link(href, (*last.spans, (y, cell, end)))
                    else:
                        self._links.append(Link(href, ((y, cell, end),)))
                cell = end
        self._scanned = len(lines)
        return self._links

    def _find(self, at: Anchor) -> int:
        """The line ``at`` points to: where its words open a line in its part, laying out as far as
        needed (else ``at.line`` lines into the part; else the top)."""
        layout, wanted = self.layout, " ".join(at.words.split())
        while True:
            span = layout.part_lines(at.part)
            texts = [" ".join(layout.lines[y].text.split()) for y in span]
            if wanted and (found := _line_of(texts, wanted, at.line + at.gap)) is not None:
                return max(0, span.start + found - at.gap)
            if layout.begun > at.part + 1 or not layout.next():  # the whole part is laid out
                break
        span = layout.part_lines(at.part)
        return min(span.start + at.line, span.stop - 1) if span else 0

    def _find_mark(self, mark: Mark, height: int) -> tuple[int, int | None]:
        """Where to scroll a screen ``height`` lines high to show ``mark.part`` and its first marked
        word (in its text, else in its heading), and the line of that word (None if it has none)."""
        self.layout.until(parts=mark.part + 2)  # the whole part: the next one is begun
        lines = self.layout.part_lines(mark.part)
        body = next((y for y in lines if not self.layout.lines[y].text.strip()), lines.start)
        order = [*range(body, lines.stop), *range(lines.start, body)]
        first = mark.first
        found = next(
            (y for y in order if (first(self.layout.lines[y].text) if first else self.marks(y))), None
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


def _line_of(texts: list[str], words: str, near: int) -> int | None:
    """Which of ``texts`` (a part's lines, one after the other) ``words`` start in, however they are
    wrapped: of several, the one nearest line ``near``."""
    joined, found = " ".join(texts), []
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    index = joined.find(words)
    while index >= 0:
        found.append(bisect_right(starts, index) - 1)
        index = joined.find(words, index + 1)
    return min(found, key=lambda line: abs(line - near)) if found else None


def _continues(link: Link, y: int, cell: int, text: str) -> bool:
    """Whether a piece of link at ``cell`` of line ``y`` (whose text is ``text``) goes on ``link``:
    right after it on its line, or at the start of the next line."""
    line, _, end = link.spans[-1]
    return (line == y and end == cell) or (line == y - 1 and not text[:cell].strip())
