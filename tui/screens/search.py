"""The search screen: type to search every page; Enter opens the result, Escape closes."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.search import Hit, Results, SearchIndex

MIN_WIDTH = 20
"""Narrower than this, the results list is hidden."""

PROMPT = "Type to search every topic."
EMPTY = "No topic has all of these words, even with a letter changed."

__all__ = ["ResultList", "SearchScreen", "hit_prompt", "status"]


def hit_prompt(hit: Hit, width: int) -> Content:
    """A result as two lines: "Page › Part" (the page alone for its opening part), then a snippet of
    the text ``width`` cells wide, with every word of the query highlighted.

    Built from Content spans: the guide's text is never read as markup.
    """
    place = Content.styled(hit.page_title, "bold")
    if hit.part_title != hit.page_title:
        place = Content.assemble(place, (" › ", "dim"), hit.part_title)
    if hit.close:
        place = Content.assemble(place, ("  close match", "dim italic"))
    text, spans = hit.snippet(width, cell_len)
    snippet = Content(text)
    for start, end in spans:
        snippet = snippet.stylize("reverse bold", start, end)
    return Content.assemble(place, "\n", snippet)


def status(query: str, results: Results) -> str:
    """The line above the results: how many there are, and how many are close matches."""
    if not query.strip():
        return PROMPT
    if not results.total:
        return EMPTY
    exact, close = results.total - results.close, results.close
    text = f"{exact:,} result{'s' * (exact != 1)}" if exact else "No exact results"
    if close:
        text += f"{' and' if exact else ';'} {close:,} close match{'es' * (close != 1)} (a letter differs)"
    if len(results.hits) < results.total:
        text += f"; the first {len(results.hits)} are listed"
    return text + "."


class ResultList(OptionList):
    """The hits, each snippet as wide as the list (made again when its width changes); a rule sets the
    close matches apart. Up on the first result is left to the screen (back to the search box)."""

    DEFAULT_CSS = """
    ResultList { scrollbar-gutter: stable; }
    """

    hits: var[tuple[Hit, ...]] = var((), init=False)
    """The results on show, set by the screen."""

    def __init__(self) -> None:
        super().__init__()
        self._width = 0

    def watch_hits(self) -> None:
        self._fill(0)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._fill(self.highlighted)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cursor_up" and not self.highlighted:
            return False  # the screen's up binding takes it
        return super().check_action(action, parameters)

    def _fill(self, highlighted: int | None) -> None:
        self._width = self.scrollable_content_region.width
        width = self._width or 80  # not laid out yet: made again at the first resize
        options: list[Option | None] = []
        for n, hit in enumerate(self.hits):
            if n and hit.close and not self.hits[n - 1].close:
                options.append(None)  # a rule above the close matches
            options.append(Option(hit_prompt(hit, width)))
        self.clear_options()
        self.add_options(options)
        if self.hits:
            self.highlighted = min(highlighted or 0, len(self.hits) - 1)


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
        Binding("up", "focus_query", "Back to the search box (from the first result)", show=False),
        Binding("enter", "open", "Open the result", show=False),
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
        self.hits: tuple[Hit, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search"
            yield _QueryInput(self.query_text, placeholder="Words to find (accents and case do not matter)")
            yield Static(Content(PROMPT), id="search-status")
            yield ResultList()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text:
            self._show(self.query_text)

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        results = self.index.find(query)
        self.hits = results.hits
        self.query_one(ResultList).hits = results.hits
        self.query_one("#search-status", Static).update(Content(status(query, results)))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted result (the first if none is)."""
        if self.hits:
            self.dismiss(self.hits[self.query_one(ResultList).highlighted or 0])

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_focus_results(self) -> None:
        self.query_one(ResultList).focus()

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()
