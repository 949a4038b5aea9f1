"""The sidebar: one numbered option per page, built from plain-text ``Content`` (never markup)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.pages import Page

__all__ = ["TopicList"]


class TopicList(OptionList):
    """The list of topics. Highlighting an option shows it; selecting it moves into the text.

    | Key(s) | Description |
    | :- | :- |
    | down, j | Highlight the next topic. |
    | up, k | Highlight the previous topic. |
    | enter, right, l | Read the highlighted topic. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next topic in the list", show=False),
        Binding("up,k", "cursor_up", "Previous topic in the list", show=False),
        Binding("enter,right,l", "select", "Read the highlighted topic", show=False),
    ]

    DEFAULT_CSS = """
    TopicList {
        width: 40%;
        min-width: 24;
        max-width: 34;
        height: 1fr;
        border: none;
        border-right: vkey $foreground 20%;
        padding: 0;
        background: $surface;
        & > .option-list--option {
            padding: 0 0 0 1;
        }
    }
    TopicList:focus {
        border: none;
        border-right: vkey $primary;
        background-tint: $foreground 0%;
    }
    """

    def __init__(self, pages: tuple[Page, ...], *, id: str | None = None) -> None:
        super().__init__(*self.options_for(pages), id=id)

    @staticmethod
    def options_for(pages: tuple[Page, ...]) -> list[Option]:
        """One numbered option per page, its id the page's id."""
        width = len(str(len(pages)))
        return [
            Option(Content.assemble((f"{n:>{width}} ", "dim"), Content(page.title)), id=page.id)
            for n, page in enumerate(pages, 1)
        ]
