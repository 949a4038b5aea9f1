"""The content pane: a scrolling view of one page's Markdown. Links are reported, never opened."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from tui.pages import Page
from tui.search import find_match

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
        & .-search-hit {
            background: $accent 25%;
        }
    }
    """

    page: reactive[Page | None] = reactive(None)
    """The page on show; setting it replaces the text and scrolls to the top."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending_mark: tuple[str, str] | None = None
        self._pending_scroll: float | None = None

    def compose(self) -> ComposeResult:
        yield Markdown(open_links=False)

    async def watch_page(self, page: Page | None) -> None:
        markdown = self.query_one(Markdown)
        await markdown.update(page.markdown if page is not None else "")
        self.scroll_home(animate=False, immediate=True)
        if self._pending_scroll is not None:
            self.call_after_refresh(self.scroll_to, y=self._pending_scroll, animate=False, immediate=True)
            self._pending_scroll = None
        if self._pending_mark is not None:
            # The new blocks have no place on screen until the next layout.
            self.call_after_refresh(self.mark, *self._pending_mark)

    def scroll_after_update(self, y: float) -> None:
        """Scroll down to ``y`` once the next page has been drawn (to resume where a reader was)."""
        self._pending_scroll = y

    def mark_after_update(self, section: str, term: str) -> None:
        """Mark the first match of ``term`` in ``section`` once the next page has been drawn."""
        self._pending_mark = (section, term)

    def mark(self, section: str, term: str) -> bool:
        """Scroll to a section and highlight the first word there that starts with ``term``."""
        self._pending_mark = None
        markdown = self.query_one(Markdown)
        heading_ids = [block_id for _, _, block_id in markdown.table_of_contents or [] if block_id]
        blocks = list(markdown.query_children(MarkdownBlock))
        start = next((i for i, b in enumerate(blocks) if b.id in heading_ids and _text(b) == section), None)
        if start is None:
            return False
        self.scroll_to_widget(blocks[start], top=True, animate=False, immediate=True)
        for block in blocks[start + 1 :]:
            if block.id in heading_ids:
                break
            for leaf in [block, *block.query(Static)]:  # table cells are Statics too
                content = leaf.content
                if isinstance(content, Content):
                    begin, end = find_match(content.plain, term)
                    if begin >= 0:
                        leaf.update(content.stylize("reverse bold", begin, end))
                        leaf.add_class("-search-hit")
                        self.scroll_to_widget(leaf, animate=False, immediate=True)
                        return True
        return True


def _text(block: MarkdownBlock) -> str:
    content = block.content
    return content.plain if isinstance(content, Content) else ""
