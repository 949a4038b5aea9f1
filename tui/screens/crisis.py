"""The "help now" panel: the crisis lines, by region, and the disclaimer, over whatever is on screen.

It opens with ``!`` from every screen and in every mode, kiosk and the booth included, and Escape
returns to the same place.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen

from tui.pages import Page
from tui.widgets import PageView, Target

__all__ = ["CrisisScreen"]


class CrisisScreen(ModalScreen[None]):
    """Shows ``page`` (see :func:`tui.pages.crisis_page`); Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not "!": the app's key opens the panel and, pressed again, leaves it open.
        Binding("escape,q", "dismiss(None)", "Close", tooltip="Close the help-now panel"),
        Binding("down,j", "scroll(1)", "Down", show=False),
        Binding("up,k", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll(10)", "Down", show=False),
        Binding("pageup", "scroll(-10)", "Up", show=False),
    ]

    DEFAULT_CSS = """
    CrisisScreen {
        align: center middle;
        & > Vertical {
            width: 80;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $error;
            background: $surface;
        }
        & PageView { height: auto; max-height: 100%; padding: 0 1; background: $surface; }
    }
    """

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Help now"
            box.border_subtitle = "Esc closes"
            yield PageView()

    def on_mount(self) -> None:
        self.query_one(PageView).target = Target(self.page)

    def action_scroll(self, lines: int) -> None:
        self.query_one(PageView).scroll_relative(y=lines, animate=False)
