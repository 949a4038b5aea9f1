"""The store of laid-out pages: one key at a time, and a limit on lines with the oldest dropped first."""

from __future__ import annotations

from textual.strip import Strip

from tui.pages import Page, Part
from tui.widgets.layout_store import LayoutStore
from tui.widgets.page_layout import PageLayout

BLANK = Strip.blank(10)


def _page(name: str, lines: int) -> Page:
    return Page(name, name, lambda: (Part(name, "\n".join(["x"] * lines)),))


def _laid_out(page: Page) -> PageLayout:
    layout = PageLayout(page, BLANK, lambda markdown: [BLANK for _ in markdown.split("\n")])
    layout.until(parts=len(page.parts))
    return layout


def test_a_layout_is_taken_once_and_only_at_its_key() -> None:
    store, page = LayoutStore(), _page("a", 5)
    layout = _laid_out(page)
    store.put(page, layout, (80, "dark"))
    assert page in store
    assert store.take(page, (80, "dark")) is layout
    assert store.take(page, (80, "dark")) is None, "taken: no longer kept"
    store.put(page, layout, (80, "dark"))
    assert store.take(page, (60, "dark")) is None, "another width"
    assert len(store) == 0, "another key empties the store"


def test_the_oldest_layouts_go_first_when_over_the_line_limit() -> None:
    store = LayoutStore(max_lines=25)
    pages = [_page(name, 10) for name in "abc"]
    for page in pages[:2]:
        store.put(page, _laid_out(page), 1)
    assert store.take(pages[0], 1) is not None
    store.put(pages[0], _laid_out(pages[0]), 1)  # now the newest: b is the oldest
    store.put(pages[2], _laid_out(pages[2]), 1)
    assert [page in store for page in pages] == [True, False, True]


def test_a_layout_over_the_limit_on_its_own_is_not_kept() -> None:
    store, page = LayoutStore(max_lines=8), _page("big", 9)
    store.put(page, _laid_out(page), 1)
    assert page not in store and len(store) == 0
