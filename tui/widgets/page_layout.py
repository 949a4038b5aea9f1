"""One page laid out at one width, piece by piece: the text pane's lines, and where each part starts.

A page's parts (its title, then each section) are cut into pieces (:func:`split_blocks`), and the
pieces are laid out in order, on demand, with a blank line between them. A piece comes from ``kept``
(the lines kept from an earlier run, see :mod:`tui.widgets.line_cache`) when that has it, else from
``render``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from textual.strip import Strip

from tui.pages import Page
from tui.widgets.markdown_blocks import split_blocks

__all__ = ["Kept", "PageLayout", "Render"]

Render = Callable[[str], list[Strip]]
"""Markdown to its lines, as wide as the text."""

Kept = Callable[[str], list[Strip] | None]
"""Markdown to the lines kept for it, or ``None``."""


class PageLayout:
    """``page`` laid out so far; nothing until :meth:`next` or :meth:`until` is called."""

    def __init__(self, page: Page | None, blank: Strip, render: Render, kept: Kept | None = None) -> None:
        self.page = page
        """The page laid out (None: nothing to lay out)."""
        self._parts = page.parts if page is not None else ()
        self.queue: list[tuple[int, str]] = []
        """The pieces of the parts reached so far, in order, with the index of their part (a part is cut
        when it is reached: cutting a long one parses it)."""
        self.kept = kept
        """Where pieces are looked up before they are laid out: set to None to lay out the rest."""
        self.lines: list[Strip] = []
        """The lines laid out so far (the text pane marks a search match in them)."""
        self.starts: list[int] = []
        """The first line of each part laid out so far."""
        self.pieces: list[list[Strip]] = []
        """Each piece's lines, as laid out (never marked)."""
        self.piece_starts: list[int] = []
        self.reused: list[int] = []
        """The pieces that came from ``kept``, until :meth:`check_reused`."""
        self._blank, self._render = blank, render

    @property
    def done(self) -> bool:
        """Whether the whole page is laid out."""
        return len(self.pieces) >= len(self.queue) and self._reached >= len(self._parts)

    @property
    def _reached(self) -> int:
        return self.queue[-1][0] + 1 if self.queue else 0

    def next(self) -> bool:
        """Lay out the next piece onto the end of the lines; False when there was none left."""
        if len(self.pieces) >= len(self.queue):
            if self._reached >= len(self._parts):
                return False
            index = self._reached
            self.queue += [(index, piece) for piece in split_blocks(self._parts[index].markdown)]
        part, markdown = self.queue[len(self.pieces)]
        if self.pieces:
            self.lines.append(self._blank)
        if part == len(self.starts):
            self.starts.append(len(self.lines))
        self.piece_starts.append(len(self.lines))
        lines = self.kept(markdown) if self.kept is not None else None
        if lines is None:
            lines = self._render(markdown)
        else:
            self.reused.append(len(self.pieces))
        self.pieces.append(lines)
        self.lines += lines
        return True

    def until(self, *, lines: float = 0, parts: int = 0) -> None:
        """Lay out pieces until there are ``lines`` lines and ``parts`` parts begun, or the page ends."""
        while (len(self.lines) < lines or len(self.starts) < parts) and self.next():
            pass

    def check_reused(self) -> bool:
        """Lay the pieces that came from ``kept`` out again: whether each is the same."""
        reused, self.reused = self.reused, []
        return all(self._render(self.queue[index][1]) == self.pieces[index] for index in reused)

    def top(self, bottom: float) -> list[tuple[str, list[Strip]]] | None:
        """The pieces (Markdown and lines) from the top of the page down to line ``bottom``, or
        ``None`` if the page is not laid out that far yet."""
        count = bisect_left(self.piece_starts, bottom)
        if count == len(self.pieces) and not self.done and len(self.lines) < bottom:
            return None
        return [(self.queue[index][1], self.pieces[index]) for index in range(count)]
