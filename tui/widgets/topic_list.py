"""The sidebar: one numbered row per page, drawn with the Line API so that only the rows on screen cost.

Textual's ``OptionList`` wraps every option's ``Content`` before it draws its first frame: 0.5 s for
10,000 topics, twice at start-up, and 7–10 ms per key at that size (see ``docs/performance.md``).
Here each title is wrapped with a plain greedy word wrap (a few microseconds a title), and only
the rows on screen are turned into strips. Titles are drawn as plain text segments, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.pages import Page
from tui.widgets.wrap import Rows, wrap_words

__all__ = ["TopicList", "wrap_words"]


class TopicList(ScrollView, can_focus=True):
    """The list of topics. Highlighting a row shows its topic; selecting it moves into the text.

    | Key(s) | Description |
    | :- | :- |
    | down, j | Highlight the next topic. |
    | up, k | Highlight the previous topic. |
    | enter, right, l | Read the highlighted topic. |
    | g, home / G, end | The first or the last topic. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next topic in the list", show=False),
        Binding("up,k", "cursor_up", "Previous topic in the list", show=False),
        Binding("enter,right,l", "select", "Read", tooltip="Read the highlighted topic", id="read"),
        Binding("g,home", "first", "First topic", show=False),
        Binding("G,end", "last", "Last topic", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "topic-list--number",
        "topic-list--highlighted",
        "topic-list--hover",
    }
    """
    | Class | Description |
    | :- | :- |
    | `topic-list--number` | The topic's number in front of its title. |
    | `topic-list--highlighted` | The highlighted row. |
    | `topic-list--hover` | The row under the mouse. |
    """

    DEFAULT_CSS = """
    TopicList {
        width: 40%;
        min-width: 24;
        max-width: 34;
        height: 1fr;
        overflow-x: hidden;
        border-right: vkey $foreground 20%;
        background: $surface;
        color: $foreground;
        & > .topic-list--number { text-style: dim; }
        & > .topic-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .topic-list--hover { background: $block-hover-background; }
        &:focus {
            border-right: vkey $primary;
            & > .topic-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    pages: reactive[tuple[Page, ...]] = reactive((), init=False)
    """The pages listed, in order (a reloaded guide replaces them)."""

    highlighted: reactive[int] = reactive(0, init=False, repaint=False)
    """Index of the highlighted row; setting it scrolls the row into view. Only the user's moves are
    reported (with :class:`Highlighted`): a parent that sets it to follow its own state gets no echo."""

    @dataclass
    class Highlighted(Message):
        """The user highlighted another row, with a key or a click."""

        index: int

    @dataclass
    class Selected(Message):
        """The highlighted row was chosen, with Enter or a click: the reader should move into the text."""

        index: int

    def __init__(self, pages: tuple[Page, ...], *, highlighted: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(TopicList.pages, pages)
        self.set_reactive(TopicList.highlighted, self.validate_highlighted(highlighted))
        self._rows = Rows([])
        """The titles, wrapped to the list's width."""
        self._draw_width = 0
        self._hover: int | None = None
        self._styles: tuple[Style, Style, Style, Style] | None = None

    def watch_pages(self, old: tuple[Page, ...], pages: tuple[Page, ...]) -> None:
        if pages is old:
            return  # the data binding's first call: nothing has changed
        self._hover = None
        self._lay_out()
        self.set_reactive(TopicList.highlighted, self.validate_highlighted(self.highlighted))
        self._scroll_to_highlight()

    def row_text(self, index: int) -> str:
        """Row ``index`` as one line of plain text: its number, a space and its title."""
        return f"{index + 1} {self.pages[index].title}"

    def validate_highlighted(self, index: int) -> int:
        return max(0, min(index, len(self.pages) - 1))

    def watch_highlighted(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_highlight()

    def action_cursor_down(self) -> None:
        self._move_to(self.highlighted + 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.highlighted - 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.pages) - 1)

    def action_select(self) -> None:
        if self.pages:
            self.post_message(self.Selected(self.highlighted))

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width changes without a Resize event when the scrollbar comes or goes, so it is checked
        # before each paint (as OptionList does), and the titles are wrapped again when it changed.
        self._draw_width = self.scrollable_content_region.width
        if self._wrap_width() != self._rows.width:
            self._lay_out()
            self._scroll_to_highlight()
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        row = self._row_under(event)
        if row is not None:
            self._move_to(row)
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_under(event))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def render_line(self, y: int) -> Strip:
        width = self._draw_width  # render_lines has just worked it out (the region is slow to get)
        base, number, highlighted, hover = self._row_styles()
        line = self.scroll_offset.y + y
        if not 0 <= line < self._rows.height:
            return Strip.blank(width, base)
        row, prefix, text = self._rows.line(line)
        style = base + (highlighted if row == self.highlighted else hover if row == self._hover else Style())
        segments = [Segment(" ", style), Segment(prefix, style + number), Segment(text, style)]
        return Strip(segments).crop_extend(0, width, style)

    def _move_to(self, index: int) -> None:
        """Highlight row ``index`` (kept in range) for the user, and report it when it is another row.

        Setting ``highlighted`` itself would not report it: a parent that keeps the list in step with
        its own state would otherwise hear its own changes back, and keys pressed faster than they are
        handled would then bounce between the two for ever. The message goes out before the row is
        repainted, so that the parent's answer (the topic's text) is drawn in the same frame as the
        highlight, not one frame (up to 30 ms) later."""
        index = self.validate_highlighted(index)
        if index != self.highlighted:
            self.post_message(self.Highlighted(index))
        self.highlighted = index

    def _lay_out(self) -> None:
        """Wrap every title to the current width (the number and a margin go in front of each line)."""
        width = self._wrap_width()
        self._rows = Rows([page.title for page in self.pages], width)
        self.virtual_size = Size(width, self._rows.height)
        self.refresh()

    def _wrap_width(self) -> int:
        """The content's width, less the scrollbar's room when more rows than fit are sure to bring it:
        wrapping 10,000 titles twice, before and after the scrollbar appears, costs 25 ms."""
        region = self.scrollable_content_region
        if not self.show_vertical_scrollbar and len(self.pages) > region.height:
            return max(0, region.width - self.styles.scrollbar_size_vertical)
        return region.width

    def _scroll_to_highlight(self) -> None:
        top, height = self._rows.span(self.highlighted)
        if height and self._rows.width:
            region = Region(0, top, self._rows.width, height)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def _refresh_row(self, row: int | None) -> None:
        if row is not None:
            self.refresh_lines(*self._rows.span(row))

    def _set_hover(self, row: int | None) -> None:
        if row != self._hover:
            old, self._hover = self._hover, row
            self._refresh_row(old)
            self._refresh_row(row)

    def _row_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self._rows.row_at(offset.y + self.scroll_offset.y)

    def _row_styles(self) -> tuple[Style, Style, Style, Style]:
        """The list's own colours and those of its component classes, looked up once per style change."""
        if self._styles is None:
            number, highlighted, hover = (
                self.get_component_rich_style(f"topic-list--{name}", partial=True)
                for name in ("number", "highlighted", "hover")
            )
            self._styles = (self.rich_style, number, highlighted, hover)
        return self._styles
