"""The notice at first start: the guide's disclaimer and where to get help now, until it is dismissed.

A notice rather than a line that stays under the header: the disclaimer is four short paragraphs, far
more than one line holds, and a line that stays would take a reading row from every screen (one of ten
at 40x12) to repeat what the footer's ``! Help now`` already offers. The app shows it once to each
reader (the state file remembers that it was read) and at every start that remembers nothing
(``--no-state``, kiosk). After that the same text is one key away: ``!`` opens it with every crisis line,
and the About page holds it too.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from tui.screens.panel import PanelScreen

__all__ = ["NoticeScreen"]


class NoticeScreen(PanelScreen):
    """Shows the page of :func:`tui.pages.notice_page`; Enter or Escape closes it, and ``q`` quits."""

    TITLE = "Please read"
    SUBTITLE = "Enter to start reading"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "dismiss(None)", "Start reading", tooltip="Close the notice and start reading"),
        Binding("q", "app.quit", "Quit", tooltip="Leave the guide (the notice shows again next time)"),
    ]
