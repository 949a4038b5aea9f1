"""The Textual app: holds the guide, the global keys, and the rule that links are never opened."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.content import Guide
from tui.pages import build_pages
from tui.screens import ReaderScreen
from tui.search import SearchIndex

__all__ = ["GuideApp"]


class GuideApp(App[None]):
    """A terminal reader for one guide."""

    CSS_PATH = "app.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave the guide", id="quit"),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    ]

    def __init__(self, guide: Guide) -> None:
        super().__init__()
        self.guide = guide
        self.pages = build_pages(guide)
        self.search_index = SearchIndex(guide)
        self.title = guide.title
        self.sub_title = guide.subtitle

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(self.pages, self.search_index)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Show a link's address instead of opening a browser, whatever asked for it."""
        self.notify(url, title="Link (not opened)", markup=False, timeout=8)
