"""The content pane: a scrolling view of one page's Markdown. Links are reported, never opened."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Markdown

from tui.pages import Page

__all__ = ["TopicView"]


class TopicView(VerticalScroll, can_focus=True):
    """Shows ``page`` as Markdown, with a capped line length for comfortable reading.

    | Key(s) | Description |
    | :- | :- |
    | left, h, escape | Go back to the topic list. |
    | up, down | Scroll a line. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h,escape", "screen.focus_topics", "Back to the topic list", show=False),
    ]

    DEFAULT_CSS = """
    TopicView {
        width: 1fr;
        height: 1fr;
        padding: 0 2;
        background: $background;
        & > Markdown {
            max-width: 84;
            padding: 0;
            margin: 0;
            background: $background;
        }
    }
    """

    page: reactive[Page | None] = reactive(None)
    """The page on show; setting it replaces the text and scrolls to the top."""

    def compose(self) -> ComposeResult:
        yield Markdown(open_links=False)

    async def watch_page(self, page: Page | None) -> None:
        markdown = self.query_one(Markdown)
        await markdown.update(page.markdown if page is not None else "")
        self.scroll_home(animate=False, immediate=True)
