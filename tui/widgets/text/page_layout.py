"""The text pane's page engine: one page laid out at one width, piece by piece, in slices.

A page's parts (its title, then each section) are cut into pieces (:func:`split_blocks`: a long section
is cut between paragraphs), and the pieces are laid out in order, on demand, with a blank line between
them. The pane lays out what its screen needs at once (:meth:`PageLayout.until`) and the rest in slices
between frames (:meth:`PageLayout.advance`), so a long page shows at once and keys are not held up for
long. The lines are read-only outside this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual.strip import Strip

from tui.pages import Page
from tui.widgets.text.markdown_blocks import split_blocks

__all__ = ["PageLayout", "Render"]

Render = Callable[[str], list[Strip]]
"""Markdown to its lines, as wide as the text."""


class PageLayout:
    """``page`` laid out so far; nothing until :meth:`until` or :meth:`advance` is called."""

    def __init__(self, page: Page | None, blank: Strip, render: Render) -> None:
        self.page = page
        """The page laid out (None: nothing to lay out)."""
        self._parts = page.parts if page is not None else ()
        self._queue: list[tuple[int, str]] = []
        """The pieces of the parts reached so far, with the index of their part (a part is cut when it
        is reached: cutting a long one parses it)."""
        self._laid_out = 0
        """How many pieces of the queue are laid out."""
        self._lines: list[Strip] = []
        self._starts: list[int] = []
        """The first line of each part laid out so far."""
        self._blank, self._render = blank, render

    @property
    def lines(self) -> Sequence[Strip]:
        """The lines laid out so far, each as wide as the text."""
        return self._lines

    @property
    def done(self) -> bool:
        """Whether the whole page is laid out."""
        return self._laid_out >= len(self._queue) and self._reached >= len(self._parts)

    @property
    def begun(self) -> int:
        """How many parts have been begun."""
        return len(self._starts)

    @property
    def _reached(self) -> int:
        return self._queue[-1][0] + 1 if self._queue else 0

    def part_lines(self, index: int) -> range:
        """The lines of part ``index``, as far as they are laid out (empty if it is not begun)."""
        if index >= len(self._starts):
            return range(0)
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self._lines)
        return range(self._starts[index], end)

    def part_at(self, y: int) -> int:
        """The part that line ``y`` belongs to (0 before any is laid out)."""
        return max(0, sum(1 for start in self._starts if start <= y) - 1)

    def next(self) -> bool:
        """Lay out the next piece onto the end of the lines; False when there was none left."""
        if self._laid_out >= len(self._queue):
            if self._reached >= len(self._parts):
                return False
            index = self._reached
            self._queue += [(index, piece) for piece in split_blocks(self._parts[index].markdown)]
        part, markdown = self._queue[self._laid_out]
        if self._laid_out:
            self._lines.append(self._blank)
        if part == len(self._starts):
            self._starts.append(len(self._lines))
        self._lines += self._render(markdown)
        self._laid_out += 1
        return True

    def until(self, *, lines: float = 0, parts: int = 0) -> None:
        """Lay out pieces until there are ``lines`` lines and ``parts`` parts begun, or the page ends."""
        while (len(self._lines) < lines or len(self._starts) < parts) and self.next():
            pass

    def advance(self, seconds: float) -> bool:
        """Lay out pieces for about ``seconds`` (a slice ends after the piece that passes it); whether
        any are left."""
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            if not self.next():
                return False
        return not self.done
