"""Command-palette commands: every topic by name, found with Textual's fuzzy matcher."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.screens import ReaderScreen

__all__ = ["TopicCommands"]


class TopicCommands(Provider):
    """Offers "Go to: <topic>" for each page. Titles are shown as plain Content, never markup.

    (``Matcher.highlight`` parses its argument as markup, so it is not used on guide text.)
    """

    def _reader(self) -> ReaderScreen | None:
        from tui.app import GuideApp

        return self.app.reader() if isinstance(self.app, GuideApp) else None

    def _pages(self) -> list[tuple[int, str]]:
        reader = self._reader()
        return [] if reader is None else [(index, page.title) for index, page in enumerate(reader.pages)]

    def _go(self, index: int) -> None:
        reader = self._reader()
        if reader is not None:
            reader.jump_to(index)

    async def discover(self) -> Hits:
        for index, title in self._pages():
            yield DiscoveryHit(Content(f"Go to: {title}"), partial(self._go, index), text=title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for index, title in self._pages():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Content(f"Go to: {title}"), partial(self._go, index), text=title)
