"""The attract screen of presentation mode: title, disclaimer, the crisis line, and an invitation.

The invitation and the crisis line show at every size down to 40x12: the disclaimer box gives up
its lines first, and says that ``!`` shows all of it (the help-now panel holds the disclaimer too).
An optional take-away address (the operator's, for example where the handout is hosted) shows as a
QR code beside it, where the screen has room for all of the code.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Markdown, Static

from tui.guide import Guide
from tui.widgets.crisis_bar import CrisisBar
from tui.widgets.qr_code import QRCode

__all__ = ["AttractScreen"]

MORE = "! reads it all"
"""The disclaimer box's note when it is cut."""


class AttractScreen(Screen[None]):
    """Shown first and between loops. Any key, click, tap or wheel posts :class:`AttractScreen.Explore`."""

    class Explore(Message):
        """A visitor pressed a key or clicked: hand them the reader."""

    DEFAULT_CSS = """
    AttractScreen {
        align: center middle;
        background: $background;
        & > Horizontal { width: auto; max-width: 100%; height: auto; max-height: 100%; }
        & #column { width: 80; max-width: 100%; height: auto; max-height: 100%; }
        & #takeaway { width: auto; height: auto; padding-left: 3; }
        & #takeaway Static { width: 100%; text-align: center; color: $text-muted; }
        & #title { text-style: bold; color: $primary; text-align: center; width: 100%; padding: 1 0; }
        & #subtitle { text-align: center; width: 100%; color: $text-muted; padding-bottom: 1; }
        & #disclaimer {
            height: auto; border: round $panel; padding: 0 1; overflow: hidden hidden;
            border-subtitle-color: $text-accent;
        }
        & #disclaimer Markdown { background: $background; margin: 0; padding: 0; }
        & #disclaimer Markdown > *:last-child { margin-bottom: 0; }
        & CrisisBar { margin-top: 1; }
        & #invite { width: auto; text-style: bold reverse; padding: 0 2; margin-top: 1; }
        &.-short #title { padding: 0; }
        &.-short #subtitle { padding: 0; }
        &.-short CrisisBar { margin-top: 0; }
    }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012

    def __init__(self, guide: Guide, *, takeaway: str | None = None, shift: int = 0) -> None:
        super().__init__()
        self.guide = guide
        self.takeaway = takeaway
        self.shift = shift
        """Cells to the side (-1, 0 or 1) for the whole screen, a different one each loop (burn-in)."""
        # Kept at hand rather than queried: a resize can come while the show replaces this screen and
        # its widgets are being removed, when a query finds nothing.
        self._row, self._column = Horizontal(), Vertical(id="column")
        self._box, self._notes = Vertical(id="disclaimer"), Markdown(guide.disclaimer, open_links=False)
        self._takeaway = Vertical(id="takeaway")
        self._qr = QRCode(takeaway) if takeaway else None

    def compose(self) -> ComposeResult:
        with self._row:
            with self._column:
                yield Static(Content(self.guide.title.upper()), id="title")
                yield Static(Content(self.guide.subtitle), id="subtitle")
                with self._box:
                    yield self._notes
                yield CrisisBar(self.guide.crisis_lines)
                with Center():
                    yield Static(Content("Press any key to explore"), id="invite")
            if self._qr is not None:
                with self._takeaway:
                    yield Static(Content("Take it with you"))
                    yield self._qr

    def on_resize(self) -> None:
        room = self.size.width
        if self._qr is not None:
            width, height = self._qr.cells
            shown = room >= 60 + width + 3 and self.size.height >= height + 2
            self._takeaway.display = shown
            room -= width + 3 if shown else 0
        self._column.styles.width = min(80, room)
        # The shift against burn-in, where there is a cell to spare on each side.
        self._row.styles.offset = (self.shift if room >= 82 else 0, 0)
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Give the disclaimer box what the other parts leave of the screen's height."""
        if not self.is_attached:
            return
        box, column = self._box, self._column
        others = sum(
            child.outer_size.height + child.styles.margin.top + child.styles.margin.bottom
            for child in column.children
            if child is not box
        )
        room = self.size.height - others
        box.display = room >= 3  # a border and one line, or nothing
        box.styles.max_height = max(3, room)
        self.call_after_refresh(self._note_cut)

    def _note_cut(self) -> None:
        if self.is_attached:
            box = self._box
            cut = self._notes.outer_size.height > box.scrollable_content_region.height
            box.border_subtitle = MORE if cut else ""

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.post_message(self.Explore())

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        self.post_message(self.Explore())

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.post_message(self.Explore())

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.post_message(self.Explore())
