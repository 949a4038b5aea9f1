"""The search screen: type to search every topic; Enter opens the result, Escape closes."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.search import Hit, SearchIndex

MIN_WIDTH = 20
"""Narrower than this, the results list is hidden."""

__all__ = ["SearchScreen", "hit_prompt"]


def hit_prompt(hit: Hit) -> Content:
    """A result as two lines: "Topic › Section", then the snippet with the match highlighted.

    Built from Content spans: the guide's text is never read as markup.
    """
    place = Content.assemble((hit.topic_title, "bold"), (" › ", "dim"), hit.section_title)
    snippet = Content(hit.snippet)
    if hit.match_end > hit.match_start:
        snippet = snippet.stylize("reverse bold", hit.match_start, hit.match_end)
    return Content.assemble(place, "\n", snippet)


class _QueryInput(Input):
    """The search box. It types every printable key but ``!``: that is help now, on every screen."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # A focused Input takes the printable keys before any binding, priority ones included.
        return key != "exclamation_mark" and super().check_consume_key(key, character)


class SearchScreen(ModalScreen[Hit | None]):
    """Search as you type; the results list follows the query."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close search", show=True),
        Binding("down", "focus_results", "To the results", show=False),
    ]

    # OptionList raises ValueError when drawn 0 cells wide (Textual 8.2.8, Rich 15): hide the
    # results on a tiny terminal, as the reader hides its list (tests/test_sizes.py).
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (MIN_WIDTH, "-normal")]  # noqa: RUF012

    DEFAULT_CSS = """
    SearchScreen {
        &.-tiny OptionList { display: none; }
        align: center top;
        & > Vertical {
            width: 90;
            max-width: 100%;
            height: 1fr;
            margin: 1 0;
            border: round $primary;
            background: $surface;
        }
        & Input { margin: 0 0 1 0; }
        & OptionList { height: 1fr; border: none; }
        & #search-status { color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, index: SearchIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.query_text = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search"
            yield _QueryInput(self.query_text, placeholder="Words to find (accents and case do not matter)")
            yield Static(Content("Type to search every topic."), id="search-status")
            yield OptionList()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text:
            self._show(self.query_text)

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        self.hits = self.index.search(query)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(hit)) for hit in self.hits)
        if self.hits:
            results.highlighted = 0
        count = len(self.hits)
        status = f"{count} result{'s' * (count != 1)}" if query.strip() else "Type to search every topic."
        if query.strip() and not self.hits:
            status = "No topic has all of these words."
        self.query_one("#search-status", Static).update(Content(status))

    @on(Input.Submitted)
    def _open_first(self) -> None:
        results = self.query_one(OptionList)
        if self.hits:
            self.dismiss(self.hits[results.highlighted or 0])

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()
