"""The reader: topic list on the left, the selected topic on the right."""

from __future__ import annotations

import asyncio
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
from tui.pages import Page
from tui.search import Hit, SearchIndex
from tui.store.state import Place
from tui.widgets import ProblemBanner, TopicList, TopicView

if TYPE_CHECKING:
    from tui.screens.help import BindingGroup
    from tui.widgets.line_cache import LineCache

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "ReaderScreen"]

MIN_WIDTH, MIN_HEIGHT = 20, 8
"""Below this the reader shows only a request to enlarge the window: no readable text fits."""


class ReaderScreen(Screen[None]):
    """Browse the guide's pages by keyboard or mouse.

    Below 60 columns the topic list is hidden and ``s`` shows it in place of the text.
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (MIN_WIDTH, "-narrow"), (60, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_HEIGHT, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_topic", "Next", tooltip="Go to the next topic", id="next"),
        Binding("p", "previous_topic", "Prev", tooltip="Go to the previous topic", id="previous"),
        Binding("slash", "search", "Search", tooltip="Search every topic", id="search"),
        Binding("s", "toggle_topics", "Topics", tooltip="Show or hide the topic list", id="topics"),
        Binding(
            "backspace,alt+left",
            "back",
            "Back",
            show=False,
            tooltip="Back to where a link or search jumped from",
        ),
        Binding("alt+right", "forward", "Forward", show=False, tooltip="Forward again after going back"),
        Binding("x", "dismiss_problems", "Dismiss", show=False, tooltip="Hide the content-problems banner"),
        Binding("question_mark", "help", "Help", tooltip="List every key", id="help"),
        *(Binding(str(n), f"jump({n - 1})", "Go to topic 1 to 9", show=False) for n in range(1, 10)),
        Binding("g,home", "jump(0)", "First topic", show=False, priority=True),
        Binding("G,end", "jump(-1)", "Last topic", show=False, priority=True),
        Binding("space,pagedown", "scroll_text(1)", "Scroll the text down", show=False, priority=True),
        Binding("pageup", "scroll_text(-1)", "Scroll the text up", show=False, priority=True),
    ]

    DEFAULT_CSS = """
    ReaderScreen {
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
    }
    """

    current: reactive[int] = reactive(0, init=False, repaint=False)
    """Index of the page on show. Only the list and the text change with it, not the whole screen."""

    class PlaceChanged(Message):
        """The reader moved to another topic, or is leaving: the place to remember."""

        def __init__(self, place: Place) -> None:
            super().__init__()
            self.place = place

    def __init__(
        self,
        pages: tuple[Page, ...],
        index: SearchIndex,
        start: int = 0,
        scroll: float = 0,
        *,
        saved_lines: LineCache | None = None,
    ) -> None:
        super().__init__()
        self.saved_lines = saved_lines
        """Where the text pane keeps its first screen between runs (see :class:`TopicView`), or None."""
        self.pages = pages
        self.index = index
        self.history = History()
        self.start_scroll = scroll
        self._switched = False
        """Whether :meth:`_after_switch` is due after the next refresh."""
        self.set_reactive(ReaderScreen.current, start)

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProblemBanner()
        # Kept at hand: the screen sets both at every key in the topic list.
        self._topics = TopicList(self.pages, highlighted=self.current, id="topics")
        self._view = TopicView(id="text", saved=self.saved_lines)
        yield self._topics
        yield self._view
        yield Footer()
        yield Static(Content("Please enlarge the window to read the guide."), id="too-small")

    def on_mount(self) -> None:
        view = self._view
        view.scroll_after_update(self.start_scroll)
        view.page = self.pages[self.current]
        view.prepare(self._neighbours(self.current))
        self.query_one(TopicList).focus()

    def watch_current(self, index: int) -> None:
        self._topics.highlighted = index
        view = self._view
        if view.page is not self.pages[index]:
            view.page = self.pages[index]
            self.call_later(self._let_others_run)
            if not self._switched:
                self._switched = True
                self.call_after_refresh(self._after_switch)

    def _after_switch(self) -> None:
        """What a switch asks for that can wait until its frame has been drawn."""
        self._switched = False
        self.post_message(self.PlaceChanged(Place(self.pages[self.current].id)))
        self._view.prepare(self._neighbours(self.current))

    async def _let_others_run(self) -> None:
        # The text pane asks the screen for its repaint when its own turn on the event loop comes. Had the
        # screen nothing left to do, it would draw the next frame before that, with the list's highlight
        # but the old text, and the new text one frame (up to 1/60 s) later: this gives the pane its turn.
        await asyncio.sleep(0)

    def _neighbours(self, index: int) -> list[Page]:
        """The pages a reader is likely to show after page ``index``: the next, then the previous."""
        return [self.pages[i] for i in (index + 1, index - 1) if 0 <= i < len(self.pages)]

    def replace_pages(self, pages: tuple[Page, ...], index: SearchIndex) -> None:
        """Show a reloaded guide, staying on the same topic and scroll position where it still exists."""
        here, scroll = self.pages[self.current].id, self.query_one(TopicView).scroll_y
        self.pages, self.index, self.history = pages, index, History()
        ids = [page.id for page in pages]
        target = ids.index(here) if here in ids else min(self.current, len(pages) - 1)
        view = self.query_one(TopicView)
        view.scroll_after_update(scroll if here in ids else 0)
        self.set_reactive(ReaderScreen.current, target)
        self.query_one(TopicList).show_pages(pages, target)
        view.forget_layouts()
        view.page = pages[target]
        view.prepare(self._neighbours(target))
        self.query_one(ProblemBanner).dismiss()

    def show_problems(self, lines: list[str]) -> None:
        self.query_one(ProblemBanner).show_problems(lines)

    def action_dismiss_problems(self) -> None:
        self.query_one(ProblemBanner).dismiss()

    def place(self) -> Place:
        """Where the reader is now: the topic and how far down its text."""
        return Place(self.pages[self.current].id, self.query_one(TopicView).scroll_y)

    @on(TopicList.Highlighted)
    def _show_highlighted(self, event: TopicList.Highlighted) -> None:
        self.current = event.index

    @on(TopicList.Selected)
    def _read_selected(self, event: TopicList.Selected) -> None:
        self.current = event.index
        self.remove_class("-topics-open")
        self.query_one(TopicView).focus()

    @on(TopicView.LinkClicked)
    def _follow_link(self, event: TopicView.LinkClicked) -> None:
        event.stop()
        target = event.href.removeprefix("#")
        if target == "crisis":  # where to get help now: the crisis lines are on the About page
            target = "about"
        ids = [page.id for page in self.pages]
        if event.href.startswith("#") and target in ids:
            self.jump_to(ids.index(target))
        else:
            self.app.open_url(event.href)

    def jump_to(self, index: int) -> None:
        """Go to a page by a link or a search result, remembering where we were for Back."""
        if index != self.current:
            self.history.visit(self.current)
        self.current = index

    def action_back(self) -> None:
        index = self.history.back(self.current)
        if index is not None:
            self.current = index

    def action_forward(self) -> None:
        index = self.history.forward(self.current)
        if index is not None:
            self.current = index

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen  # imported when first asked for, not at start-up

        self.app.push_screen(SearchScreen(self.index), self._open_hit)

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is None:
            return
        topic = self.index.guide.topics[hit.topic_index]
        section = topic.title if hit.section_index < 0 else topic.sections[hit.section_index].title
        term = hit.snippet[hit.match_start : hit.match_end] or section
        view = self.query_one(TopicView)
        if hit.topic_index == self.current:
            view.mark(section, term)
        else:
            view.mark_after_update(section, term)
            self.jump_to(hit.topic_index)
        view.focus()

    def action_next_topic(self) -> None:
        self.current = min(self.current + 1, len(self.pages) - 1)

    def action_previous_topic(self) -> None:
        self.current = max(self.current - 1, 0)

    def action_jump(self, index: int) -> None:
        if -len(self.pages) <= index < len(self.pages):
            self.current = index % len(self.pages)

    def action_scroll_text(self, direction: int) -> None:
        view = self.query_one(TopicView)
        if direction > 0:
            view.scroll_page_down()
        else:
            view.scroll_page_up()

    def action_focus_topics(self) -> None:
        if self.has_class("-narrow"):
            self.add_class("-topics-open")
        self.query_one(TopicList).focus()

    def action_toggle_topics(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-topics-open")
            opened = self.has_class("-topics-open")
        else:
            self.toggle_class("-topics-hidden")
            opened = not self.has_class("-topics-hidden")
        (self.query_one(TopicList) if opened else self.query_one(TopicView)).focus()

    def help_groups(self) -> list[BindingGroup]:
        """Every key of the reader, grouped by where it works: the help screen's source."""
        # Keys the app refuses (in kiosk mode: quit, theme) are not offered.
        app_keys = [
            b for b in Binding.make_bindings(self.app.BINDINGS) if self.app.check_action(b.action, ())
        ]
        return [
            ("Anywhere", [*self.BINDINGS, *app_keys]),
            ("Topic list", TopicList.BINDINGS),
            ("Text", TopicView.BINDINGS),
        ]

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen  # its DataTable costs 2 ms at start-up otherwise

        self.app.push_screen(HelpScreen(self.help_groups()))
