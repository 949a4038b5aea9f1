"""The outline of a topic: its sections, to jump to one with Enter."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.pages import Page

__all__ = ["OutlineScreen"]


class OutlineScreen(ModalScreen[int | None]):
    """Lists the parts of ``page`` (its title, then each section); Enter returns the part's index."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "dismiss(None)", "Close", tooltip="Close the outline"),
    ]

    DEFAULT_CSS = """
    OutlineScreen {
        align: center middle;
        & > Vertical {
            width: 60;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $surface;
        }
        & OptionList, & OptionList:focus { height: auto; max-height: 100%; border: none; }
    }
    """

    def __init__(self, page: Page, current: int = 0) -> None:
        super().__init__()
        self.page = page
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Outline"
            box.border_subtitle = "Enter jumps · Esc closes"
            titles = [part.title for part in self.page.parts]
            yield OptionList(*(Option(Content(title)) for title in titles))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = min(self.current, options.option_count - 1)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)
