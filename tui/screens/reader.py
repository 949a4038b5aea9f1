"""The reader: topic list on the left, the selected topic on the right."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Footer, Header, Static

from tui.history import History
from tui.pages import Anchor, Page
from tui.screens.browser import PageBrowser
from tui.search import SearchIndex
from tui.store.state import Place
from tui.widgets import ProblemBanner, TopicList, TopicView

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "ReaderScreen"]

MIN_WIDTH, MIN_HEIGHT = 20, 8
"""Below this the reader shows only a request to enlarge the window: no readable text fits."""


class ReaderScreen(PageBrowser):
    """Browse the guide's pages by keyboard or mouse.

    Below 60 columns the topic list is hidden and ``s`` shows it in place of the text.
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (MIN_WIDTH, "-narrow"), (60, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_HEIGHT, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        # The app's keys that the footer must keep at every width, 40 columns included, come first.
        Binding("exclamation_mark", "app.crisis", "Help now", tooltip="Crisis lines and the disclaimer"),
        Binding("question_mark", "app.help", "Keys", tooltip="List every key"),
        Binding("q", "app.quit", "Quit", tooltip="Leave the guide"),
        # Shown only while a search's words are marked (see check_action).
        Binding("full_stop", "match(1)", "Next match", tooltip="The next match of the search"),
        Binding("comma", "match(-1)", "Prev match", tooltip="The previous match of the search"),
        Binding("n", "next_topic", "Next", tooltip="Go to the next topic", id="next"),
        Binding("p", "previous_topic", "Prev", tooltip="Go to the previous topic", id="previous"),
        Binding("slash", "search", "Search", tooltip="Search every topic", id="search"),
        Binding("o", "outline", "Outline", tooltip="List the sections of this topic", id="outline"),
        Binding("s", "toggle_topics", "Topics", show=False, tooltip="Show or hide the topic list"),
        Binding("backspace,alt+left", "back", "Back", show=False, tooltip="Back to where you jumped from"),
        Binding("alt+right", "forward", "Forward", show=False, tooltip="Forward again after going back"),
        Binding("x", "dismiss_problems", "Dismiss", show=False, tooltip="Hide the content-problems banner"),
        *(
            Binding(str(n), f"digit({n})", "Go to topic N (two digits quickly for 10 and up)", show=False)
            for n in range(10)
        ),
        Binding("space,pagedown", "scroll_text(1)", "Scroll the text down", show=False),
        Binding("pageup", "scroll_text(-1)", "Scroll the text up", show=False),
    ]

    problems: reactive[tuple[str, ...]] = reactive((), init=False, repaint=False, always_update=True)
    """What is wrong with the guide file since it last changed (shown in a banner), or nothing."""

    @dataclass
    class PlaceChanged(Message):
        """The reading place changed (another topic, or the text scrolled): the place to remember."""

        place: Place

    def __init__(
        self, pages: tuple[Page, ...], index: SearchIndex | None, start: int = 0, at: Anchor | None = None
    ) -> None:
        super().__init__(pages, index, start)
        self.start_at = at
        self._switched = False
        """Whether :meth:`_after_switch` is due after the next refresh."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProblemBanner()
        # Kept at hand: the screen sets both at every key in the topic list.
        self._topics = TopicList(self.pages, highlighted=self.current, id="topics")
        self._view = TopicView(id="text")
        yield self._topics.data_bind(ReaderScreen.pages)
        yield self._view
        yield Footer(compact=True)
        yield Static(Content("Please enlarge the window to read the guide."), id="too-small")

    def on_mount(self) -> None:
        self._show(self.current, self.start_at)
        self.watch(self._view, "scroll_y", self._post_place, init=False)
        self._topics.focus()  # the footer says how to move into the text (Read)

    def watch_current(self, index: int) -> None:
        self._topics.highlighted = index
        if self._view.page is not self.pages[index]:  # else already shown, at a place of its own
            self._show(index)
            self.call_later(self._let_others_run)
        if not self._switched:
            self._switched = True
            self.call_after_refresh(self._after_switch)

    def _after_switch(self) -> None:
        """What a switch asks for that can wait until its frame has been drawn."""
        self._switched = False
        self._post_place()

    def _post_place(self) -> None:
        self.post_message(self.PlaceChanged(self.place()))

    async def _let_others_run(self) -> None:
        # The text pane asks the screen for its repaint when its own turn on the event loop comes. Had the
        # screen nothing left to do, it would draw the next frame before that, with the list's highlight
        # but the old text, and the new text one frame (up to 1/60 s) later: this gives the pane its turn.
        await asyncio.sleep(0)

    def watch_pages(self, old: tuple[Page, ...], pages: tuple[Page, ...]) -> None:
        """Show a reloaded guide, staying on the same topic and passage where they still exist."""
        if pages is old:
            return  # the data binding's first call: nothing has changed
        here, at = self._view.page, self._view.passage()
        ids = [page.id for page in pages]
        known = here is not None and here.id in ids
        target = ids.index(here.id) if here is not None and known else min(self.current, len(pages) - 1)
        self.history = History()
        self.set_reactive(ReaderScreen.current, target)
        self._topics.highlighted = target
        self._show(target, at if known else None)

    def watch_problems(self, problems: tuple[str, ...]) -> None:
        banner = self.query_one(ProblemBanner)
        if problems:
            banner.show_problems(list(problems))
        else:
            banner.dismiss()

    def action_dismiss_problems(self) -> None:
        self.query_one(ProblemBanner).dismiss()

    def place(self) -> Place:
        """Where the reader is now: the topic and the passage at the top of the text."""
        return Place(self.pages[self.current].id, self._view.passage())

    @on(TopicList.Highlighted)
    def _show_highlighted(self, event: TopicList.Highlighted) -> None:
        self.current = event.index

    @on(TopicList.Selected)
    def _read_selected(self, event: TopicList.Selected) -> None:
        self.current = event.index
        self.remove_class("-topics-open")
        self._view.focus()

    def action_scroll_text(self, direction: int) -> None:
        self._view.action_page(direction)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The match keys work, and are shown, only while a search's words are marked."""
        return self._view.marking if action == "match" else True

    def action_match(self, direction: int) -> None:
        self._view.action_match(direction)

    def action_focus_topics(self) -> None:
        if self.has_class("-narrow"):
            self.add_class("-topics-open")
        self._topics.focus()

    def action_toggle_topics(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-topics-open")
            opened = self.has_class("-topics-open")
        else:
            self.toggle_class("-topics-hidden")
            opened = not self.has_class("-topics-hidden")
        (self._topics if opened else self._view).focus()
