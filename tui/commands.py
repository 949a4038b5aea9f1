"""Command-palette commands: every page by name, found with Textual's fuzzy matcher."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.screens import ReaderScreen

__all__ = ["TopicCommands"]


class TopicCommands(Provider):
    """Offers "Go to: <page>" for each page of the reader the palette was opened on, and posts a
    :class:`ReaderScreen.Jump` request to it. Titles are shown as plain Content, never markup.

    (``Matcher.highlight`` parses its argument as markup, so it is not used on guide text.)
    """

    def _pages(self) -> list[tuple[int, str]]:
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        return [(index, page.title) for index, page in enumerate(screen.pages)]

    def _go(self, index: int) -> None:
        self.screen.post_message(ReaderScreen.Jump(index))

    async def discover(self) -> Hits:
        for index, title in self._pages():
            yield DiscoveryHit(Content(f"Go to: {title}"), partial(self._go, index), text=title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for index, title in self._pages():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Content(f"Go to: {title}"), partial(self._go, index), text=title)
