"""Command-palette commands: every topic by name, found with Textual's fuzzy matcher."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

__all__ = ["TopicCommands"]


class TopicCommands(Provider):
    """Offers "Go to: <topic>" for each page. Titles are shown as plain Content, never markup.

    (``Matcher.highlight`` parses its argument as markup, so it is not used on guide text.)
    """

    def _pages(self) -> list[tuple[int, str]]:
        from tui.screens import ReaderScreen

        screen = self.app.screen_stack[0] if self.app.screen_stack else None
        if not isinstance(screen, ReaderScreen):
            return []
        return [(index, page.title) for index, page in enumerate(screen.pages)]

    def _go(self, index: int) -> None:
        from tui.screens import ReaderScreen

        screen = self.app.screen_stack[0]
        if isinstance(screen, ReaderScreen):
            screen.jump_to(index)

    async def discover(self) -> Hits:
        for index, title in self._pages():
            yield DiscoveryHit(Content(f"Go to: {title}"), partial(self._go, index), text=title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for index, title in self._pages():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Content(f"Go to: {title}"), partial(self._go, index), text=title)
