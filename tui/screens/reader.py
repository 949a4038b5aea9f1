"""The reader: topic list on the left, the selected topic on the right."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.history import History
from tui.pages import Anchor, Page, escape_markdown
from tui.search import Hit, SearchIndex, find_spans
from tui.store.state import Place
from tui.widgets import Mark, ProblemBanner, Target, TopicList, TopicView

if TYPE_CHECKING:
    from tui.screens.help import BindingGroup

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "ReaderScreen"]

MIN_WIDTH, MIN_HEIGHT = 20, 8
"""Below this the reader shows only a request to enlarge the window: no readable text fits."""

SECOND_DIGIT = 0.6
"""Seconds in which a second digit makes a two-digit topic number (1 then 0: topic 10)."""

Spot = tuple[int, Anchor]
"""A page's index and a place in it: what Back and Forward return to."""


class ReaderScreen(Screen[None]):
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

    DEFAULT_CSS = """
    ReaderScreen {
        /* The header takes its rows first (split: top, as Textual's own key panel takes its side), so
           the problems banner, docked to the top, sits under it instead of over it. */
        Header { split: top; }
        #too-small { display: none; width: 1fr; height: 1fr; content-align: center middle; }
        &.-tiny, &.-short {
            Header, Footer, TopicList, TopicView, ProblemBanner { display: none; }
            #too-small { display: block; }
        }
        &.-narrow {
            TopicList { display: none; width: 1fr; max-width: 100%; border-right: none; }
            &.-topics-open TopicList { display: block; }
            &.-topics-open TopicView { display: none; }
        }
        &.-wide.-topics-hidden TopicList { display: none; }
        /* Narrow: the palette's key gives its room to Help now, Keys and Quit (ctrl+p still works). */
        &.-narrow Footer .-command-palette { display: none; }
    }
    """

    current: reactive[int] = reactive(0, init=False, repaint=False)
    """Index of the page on show. Only the list and the text change with it, not the whole screen."""

    pages: reactive[tuple[Page, ...]] = reactive((), init=False, repaint=False)
    """The guide's pages, as the App derives them: a reload replaces them (see :meth:`watch_pages`)."""

    index: reactive[SearchIndex | None] = reactive(None, init=False, repaint=False)
    """The search index of the guide on show."""

    problems: reactive[tuple[str, ...]] = reactive((), init=False, repaint=False, always_update=True)
    """What is wrong with the guide file since it last changed (shown in a banner), or nothing."""

    class PlaceChanged(Message):
        """The reading place changed (another topic, or the text scrolled): the place to remember."""

        def __init__(self, place: Place) -> None:
            super().__init__()
            self.place = place

    @dataclass
    class Jump(Message):
        """A request to show another page, as a link does (Back returns from it)."""

        index: int
        """The page to show."""

    def __init__(
        self, pages: tuple[Page, ...], index: SearchIndex | None, start: int = 0, at: Anchor | None = None
    ) -> None:
        super().__init__()
        self.set_reactive(ReaderScreen.pages, pages)
        self.set_reactive(ReaderScreen.index, index)
        self.set_reactive(ReaderScreen.current, start)
        self.history: History[Spot] = History()
        self.start_at = at
        self._switched = False
        """Whether :meth:`_after_switch` is due after the next refresh."""
        self._digit: tuple[int, float] | None = None
        """The last topic-number digit pressed, and when: a second one soon after makes two digits."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProblemBanner()
        # Kept at hand: the screen sets both at every key in the topic list.
        self._topics = TopicList(self.pages, highlighted=self.current, id="topics")
        self._view = TopicView(id="text")
        yield self._topics.data_bind(ReaderScreen.pages)
        yield self._view
        yield Footer()
        yield Static(Content("Please enlarge the window to read the guide."), id="too-small")

    def on_mount(self) -> None:
        self._show(self.current, self.start_at)
        self.watch(self._view, "scroll_y", self._post_place, init=False)
        self._topics.focus()  # the footer says how to move into the text (Read)

    def _show(self, index: int, at: Anchor | None = None, hit: Hit | None = None) -> None:
        """Show page ``index`` at a place (or at a search hit), with what comes after it."""
        page = self.pages[index]
        mark = None
        if hit is not None:  # every word of the query marked; the one the result shows scrolled to
            word = hit.snippet[hit.match_start : hit.match_end] or hit.section_title
            mark = Mark(hit.part, partial(find_spans, terms=hit.terms), partial(find_spans, terms=(word,)))
        if index + 1 < len(self.pages):
            coda = f"*Next: {index + 2}. {escape_markdown(self.pages[index + 1].title)}. Space goes on.*"
        else:
            coda = "*The end of the guide. 1 goes back to the first topic.*"
        self._view.target = Target(page, at, mark, coda)

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
        now, first = time.monotonic(), self._digit
        if first is not None and now - first[1] < SECOND_DIGIT and first[0] * 10 + digit <= len(self.pages):
            self._digit = None
            self.action_jump(first[0] * 10 + digit - 1)
        elif digit:
            self._digit = (digit, now)
            self.action_jump(digit - 1)

    def action_scroll_text(self, direction: int) -> None:
        self._view.action_page(direction)

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

    @classmethod
    def key_groups(cls, app_keys: Sequence[BindingType]) -> list[BindingGroup]:
        """Every key of the reader, grouped by where it works: the help's and the README's source."""
        from tui.screens.search import SearchScreen

        return [
            ("Anywhere", [*cls.BINDINGS, *app_keys]),
            ("In the topic list", TopicList.BINDINGS),
            ("In the text", TopicView.BINDINGS),
            ("In the search dialog", SearchScreen.BINDINGS),
        ]
