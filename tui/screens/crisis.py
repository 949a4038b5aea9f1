"""The "help now" panel: the crisis lines, by region, and the disclaimer, over whatever is on screen.

It opens with ``!`` from every screen and in every mode, kiosk and the booth included, and Escape
returns to the same place. (Not closed by ``!``: the app's key opens the panel and, pressed again,
leaves it open.)
"""

from __future__ import annotations

from tui.screens.panel import PanelScreen

__all__ = ["CrisisScreen"]


class CrisisScreen(PanelScreen):
    """Shows the page of :func:`tui.pages.crisis_page` in a box with the error colour's border."""

    TITLE = "Help now"

    DEFAULT_CSS = """
    CrisisScreen > Vertical { border: thick $error; }
    """
