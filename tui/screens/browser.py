"""Going from place to place in the guide's pages: topics, links, search results, the outline, and
Back and Forward to the exact passage. The reader screen (:mod:`tui.screens.reader`) lays it out."""

from __future__ import annotations

import time
from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from tui.history import History
from tui.pages import Anchor, Page
from tui.screens.targets import TopicNumber, reading_target
from tui.search import Hit, SearchIndex
from tui.widgets import TopicView

__all__ = ["PageBrowser", "Spot"]

Spot = tuple[int, Anchor]
"""A page's index and a place in it: what Back and Forward return to."""


class PageBrowser(Screen[None]):
    """A screen that shows one of ``pages`` at a time in its text pane (``_view``, made by the
    subclass in ``compose``) and remembers where each jump came from."""

    current: reactive[int] = reactive(0, init=False, repaint=False)
    """Index of the page on show. Only the list and the text change with it, not the whole screen."""

    pages: reactive[tuple[Page, ...]] = reactive((), init=False, repaint=False)
    """The guide's pages, as the App derives them: a reload replaces them (see :meth:`watch_pages`)."""

    index: reactive[SearchIndex | None] = reactive(None, init=False, repaint=False)
    """The search index of the guide on show."""

    @dataclass
    class Jump(Message):
        """A request to show another page, as a link does (Back returns from it)."""

        index: int
        """The page to show."""

    _view: TopicView
    """The text pane, made in ``compose``."""

    def __init__(self, pages: tuple[Page, ...], index: SearchIndex | None, start: int = 0) -> None:
        super().__init__()
        self.set_reactive(PageBrowser.pages, pages)
        self.set_reactive(PageBrowser.index, index)
        self.set_reactive(PageBrowser.current, start)
        self.history: History[Spot] = History()
        self._number = TopicNumber()

    def _show(self, index: int, at: Anchor | None = None, hit: Hit | None = None) -> None:
        """Show page ``index`` at a place (or at a search hit), with what comes after it."""
        self._view.target = reading_target(self.pages, index, at, hit)

    @on(TopicView.LinkClicked)
    async def _follow_link(self, event: TopicView.LinkClicked) -> None:
        event.stop()
        target = event.href.removeprefix("#")
        ids = [page.id for page in self.pages]
        if target == "crisis" and event.href.startswith("#"):
            await self.run_action("app.crisis")
        elif event.href.startswith("#") and target in ids:
            self.jump_to(ids.index(target))
        else:
            self.app.open_url(event.href)

    @on(TopicView.EndReached)
    def _next_at_end(self) -> None:
        self.action_next_topic()

    @on(Jump)
    def _jump(self, event: Jump) -> None:
        if 0 <= event.index < len(self.pages):
            self.jump_to(event.index)

    def jump_to(self, index: int, at: Anchor | None = None, hit: Hit | None = None) -> None:
        """Go to a place by a link, a search result or the outline, remembering this one for Back."""
        self.history.visit((self.current, self._view.passage()))
        if index == self.current or at is not None or hit is not None:
            self._show(index, at, hit)
        self.current = index

    def _return(self, spot: Spot | None) -> None:
        if spot is not None and spot[0] < len(self.pages):
            self._show(*spot)
            self.current = spot[0]

    def action_back(self) -> None:
        self._return(self.history.back((self.current, self._view.passage())))

    def action_forward(self) -> None:
        self._return(self.history.forward((self.current, self._view.passage())))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen  # imported when first asked for, not at start-up

        if self.index is not None:
            self.app.push_screen(SearchScreen(self.index), self._open_hit)

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is not None and hit.page < len(self.pages):
            self.jump_to(hit.page, hit=hit)
            self._view.focus()

    def action_outline(self) -> None:
        from tui.screens.outline import OutlineScreen

        page = self.pages[self.current]
        self.app.push_screen(OutlineScreen(page, self._view.passage().part), self._open_part)

    def _open_part(self, part: int | None) -> None:
        if part is not None:
            self.jump_to(self.current, Anchor(part))
            self._view.focus()

    def action_next_topic(self) -> None:
        self.current = min(self.current + 1, len(self.pages) - 1)

    def action_previous_topic(self) -> None:
        self.current = max(self.current - 1, 0)

    def action_jump(self, index: int) -> None:
        if -len(self.pages) <= index < len(self.pages):
            self.current = index % len(self.pages)

    def action_digit(self, digit: int) -> None:
        """1 to 9 go to that topic; a second digit soon after makes a two-digit number (1, 0: 10)."""
        number = self._number.press(digit, time.monotonic(), len(self.pages))
        if number is not None:
            self.action_jump(number - 1)
