"""A web address as a QR code drawn in text: two rows of modules to a line, with half blocks.

Made with segno (pure Python). The code is drawn in the text colour on the background colour, so a
widget that shows it must make the text dark and the background light (see
:class:`tui.widgets.qr_code.QRCode`): phone cameras read dark modules on a light ground. No Textual imports.
"""

from __future__ import annotations

import segno

__all__ = ["QUIET", "qr_lines"]

QUIET = 2
"""Light modules around the code. The standard asks for 4; 2 keeps it small, and cameras read it."""
_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_lines(text: str) -> list[str]:
    """``text`` (an address) as a QR code: lines of equal width, each cell two modules high."""
    code = segno.make(text, micro=False, error="m")
    rows = [[module == 0x1 for module in row] for row in code.matrix_iter(scale=1, border=QUIET)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_CELLS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]
