"""A QR code widget: dark modules on a light ground in every theme, so a phone camera can read it."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.qr import qr_lines

__all__ = ["QRCode"]


class QRCode(Widget):
    """Shows ``address`` as a QR code, as wide as the code and as high as half its modules."""

    SCOPED_CSS = False  # the rules below start at the App, whose class says whether the theme is dark
    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; }
    App.-dark-mode QRCode { background: $foreground; color: $background; }
    App.-light-mode QRCode { background: $background; color: $foreground; }
    """

    def __init__(self, address: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.address = address
        self.lines = qr_lines(address)

    @property
    def cells(self) -> tuple[int, int]:
        """Width and height of the code, in cells."""
        return len(self.lines[0]), len(self.lines)

    def render(self) -> Content:
        return Content("\n".join(self.lines))

    def get_content_width(self, container: object, viewport: object) -> int:
        return self.cells[0]

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return self.cells[1]
