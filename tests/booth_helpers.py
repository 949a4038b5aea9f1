"""Helpers for the booth tests: waiting for a screen, and decoding a QR code as it is drawn."""

from __future__ import annotations

import zxingcpp
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

__all__ = ["decode_drawn", "wait_for"]


async def wait_for(pilot: Pilot[None], kind: type, polls: int = 100) -> bool:
    """Wait, in short pauses and for a bounded number of them, until the top screen is ``kind``."""
    for _ in range(polls):
        if isinstance(pilot.app.screen, kind):
            return True
        await pilot.pause(0.05)
    return isinstance(pilot.app.screen, kind)


def _luma(color: object) -> int:
    triplet = getattr(color, "triplet", None)
    assert triplet is not None, "every cell of the code has a colour of its own"
    return round(0.299 * triplet.red + 0.587 * triplet.green + 0.114 * triplet.blue)


def decode_drawn(widget: Widget, scale: int = 4) -> list[str]:
    """Decode what ``widget`` draws (its lines, with their colours) as a grey image, as a camera would:
    each cell is two pixels high, the upper half in ``▀`` and ``█`` drawn in the text colour. Inverted
    codes are not tried: light modules must be drawn light."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    rows: list[list[int]] = []
    for strip in strips:
        upper: list[int] = []
        lower: list[int] = []
        for segment in strip:
            ink, paper = _luma(segment.style.color), _luma(segment.style.bgcolor)
            for char in segment.text:
                upper.append(ink if char in "▀█" else paper)
                lower.append(ink if char in "▄█" else paper)
        rows += [upper, lower]
    width = len(rows[0]) * scale
    image = bytes(pixel for row in rows for _ in range(scale) for value in row for pixel in [value] * scale)
    found = zxingcpp.read_barcodes(
        zxingcpp.ImageView(image, width, len(rows) * scale, zxingcpp.ImageFormat.Lum), try_invert=False
    )
    return [code.text for code in found]
