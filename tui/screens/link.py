"""The panel for a link to the web: the app never opens a browser, so it shows the whole address.

The address stands on one unbroken line that can be selected and copied (it scrolls sideways when it is
wider than the panel). In kiosk mode only the address is shown.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

__all__ = ["LinkScreen"]


class LinkScreen(ModalScreen[None]):
    """Shows ``url``; Escape or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss(None)", "Close", tooltip="Close the link panel"),
    ]

    DEFAULT_CSS = """
    LinkScreen {
        align: center middle;
        & > Vertical {
            width: 90;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
        }
        & .note { color: $text-muted; }
        & TextArea { height: 3; border: none; padding: 0; background: $surface; }
        & #address { text-style: bold; }
    }
    """

    def __init__(self, url: str, *, kiosk: bool = False) -> None:
        super().__init__()
        self.url = url
        self.kiosk = kiosk

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Link to the web (not opened)"
            box.border_subtitle = "Esc closes"
            if self.kiosk:
                yield Static(Content(self.url), id="address")
                return
            yield Static(
                Content("This app opens no browser. The address, to select and copy:"), classes="note"
            )
            yield TextArea(self.url, read_only=True, soft_wrap=False, show_cursor=False, id="address")
