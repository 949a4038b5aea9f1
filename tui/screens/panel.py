"""A panel over whatever is on screen: one page of the guide in a bordered box, scrolled by keys.

The help-now panel (:mod:`tui.screens.crisis`) and the notice at first start (:mod:`tui.screens.notice`)
are panels; each names its border's title and subtitle, and adds its own look and keys.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen

from tui.pages import Page
from tui.widgets import PageView, Target

__all__ = ["PanelScreen"]


class PanelScreen(ModalScreen[None]):
    """Shows ``page`` in a box titled :attr:`TITLE`; Escape closes it, and the arrows scroll it."""

    TITLE: ClassVar[str] = ""
    SUBTITLE: ClassVar[str] = "Esc closes"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close", tooltip="Close this panel"),
        Binding("down,j", "scroll(1)", "Down", show=False),
        Binding("up,k", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll(10)", "Down", show=False),
        Binding("pageup", "scroll(-10)", "Up", show=False),
    ]

    DEFAULT_CSS = """
    PanelScreen {
        align: center middle;
        & > Vertical {
            width: 80;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            background: $surface;
        }
        & PageView { height: auto; max-height: 100%; padding: 0 1; background: $surface; }
    }
    """

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self._view = PageView()
        """Kept at hand, not queried: an app that quits as the panel opens removes it at once."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.TITLE
            box.border_subtitle = self.SUBTITLE
            yield self._view

    def on_mount(self) -> None:
        self._view.target = Target(self.page)

    def action_scroll(self, lines: int) -> None:
        self._view.scroll_relative(y=lines, animate=False)
