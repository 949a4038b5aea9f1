"""Pages laid out earlier, kept for when they are shown again.

The text pane puts a page's layout here when it shows another page, and lays out the pages a reader is
likely to show next (the topics on either side) here while the app is idle, so that showing one of them
costs no layout. Every layout kept is for one width and one set of colours: asking with another key
empties the store. The store holds at most ``max_lines`` lines, dropping the layouts used longest ago.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from tui.pages import Page
from tui.widgets.page_layout import PageLayout

__all__ = ["MAX_LINES", "LayoutStore"]

MAX_LINES = 6_000
"""Lines kept at most, over all layouts: about 9 MB (a line costs about 1.5 KB with its strips' caches;
a 100 KB topic is about 2,500 lines at 84 cells, a 5 KB one about 100)."""


class LayoutStore:
    """Layouts by page, for one key (the width and colours they were laid out at)."""

    def __init__(self, max_lines: int | None = None) -> None:
        self.max_lines = MAX_LINES if max_lines is None else max_lines
        self._layouts: OrderedDict[Page, PageLayout] = OrderedDict()
        self._key: Hashable = None

    def __contains__(self, page: Page) -> bool:
        return page in self._layouts

    def __len__(self) -> int:
        return len(self._layouts)

    def pages(self) -> list[Page]:
        """The pages kept, oldest first."""
        return list(self._layouts)

    def use_key(self, key: Hashable) -> None:
        """Keep layouts for ``key`` from now on: those for another key are dropped."""
        if key != self._key:
            self._layouts.clear()
            self._key = key

    def take(self, page: Page, key: Hashable) -> PageLayout | None:
        """Remove and return the layout of ``page`` at ``key``, if one is kept."""
        self.use_key(key)
        return self._layouts.pop(page, None)

    def put(self, page: Page, layout: PageLayout, key: Hashable) -> None:
        """Keep ``layout`` (of ``page``, at ``key``) as the newest, unless it alone is over the limit."""
        self.use_key(key)
        self._layouts.pop(page, None)
        if len(layout.lines) > self.max_lines:
            return
        self._layouts[page] = layout
        total = sum(len(kept.lines) for kept in self._layouts.values())
        while total > self.max_lines:
            _, oldest = self._layouts.popitem(last=False)
            total -= len(oldest.lines)

    def clear(self) -> None:
        """Drop every layout."""
        self._layouts.clear()
