"""The panel for a link to the web: the app never opens a browser, so it shows the whole address.

The address can be selected and copied; a long one wraps onto more lines (on screen only: it is copied
as one line). In kiosk mode only the address is shown. Under it, when the screen has room, a
QR code of the address, for a visitor to take it away on a phone.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tui.widgets.qr_code import QRCode

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
        /* :focus too: TextArea's own focused border would take the rows of the address. */
        & TextArea, & TextArea:focus { height: auto; max-height: 8; border: none; padding: 0; }
        & TextArea { background: $surface; }
        & #address { text-style: bold; }
        & #scan { margin-top: 1; }
        & QRCode { margin-bottom: 1; }
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
            else:
                yield Static(
                    Content("This app opens no browser. The address, to select and copy:"), classes="note"
                )
                yield TextArea(self.url, read_only=True, soft_wrap=True, show_cursor=False, id="address")
            yield Static(Content("Or scan it with a phone:"), id="scan", classes="note")
            with Center():
                yield QRCode(self.url)

    def on_resize(self) -> None:
        """The QR code shows only where all of it fits: half a code cannot be scanned."""
        code = self.query_one(QRCode)
        width, height = code.cells
        address = self.query_one("#address").outer_size.height or 1
        above = address + (2 if self.kiosk else 4)  # the border, the address and its note
        fits = self.size.width >= width + 4 and self.size.height >= height + above + 3
        code.display = fits
        self.query_one("#scan").display = fits
