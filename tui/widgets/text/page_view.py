"""A page of Markdown, laid out to lines and shown with the Line API: the text pane's drawing.

Setting :attr:`PageView.target` asks for a page, where to scroll it and which words to mark, in one
request (a :class:`Target`); the page engine (:mod:`tui.widgets.text.engine`) lays it out. Search marks
and the focused link are drawn over the lines as they are painted. Keys live in
:class:`~tui.widgets.text.topic_view.TopicView`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.theme import Theme
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.pages import Page
from tui.widgets.text.engine import Anchor, Link, PageEngine, Target
from tui.widgets.text.markdown_styles import RICH_STYLES, rich_styles, styled

__all__ = ["MEASURE", "PageView"]

MEASURE = 84
"""The longest line of text, in cells, for comfortable reading."""

_OVERLAYS = ("search-hit", "current-hit", "link-focus")
"""The component classes drawn over the laid-out lines: a search mark, the one gone to, the focused link."""

_Paint = tuple[int, int, int, Selection | None, tuple[Style, ...]]

SLICE = 0.01
"""How long, in seconds, laying out the rest of a page may hold the event loop at a time."""


class PageView(ScrollView):
    """Shows the page of ``target``, no wider than ``measure`` cells."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"topic-view--{name}" for name in (*RICH_STYLES, *_OVERLAYS)}

    DEFAULT_CSS = """
    PageView {
        width: 1fr;
        height: 1fr;
        padding: 0 2;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        background: $background;
        color: $foreground;
        /* Headings are bold and never underlined; links are underlined and never bold. */
        & > .topic-view--h1 { color: $text-primary; text-style: bold; }
        & > .topic-view--h2 { color: $text-primary; text-style: bold; }
        & > .topic-view--h3 { color: $text-secondary; text-style: bold; }
        & > .topic-view--em { text-style: italic; }
        & > .topic-view--strong { text-style: bold; }
        & > .topic-view--code { color: $text-warning; }
        & > .topic-view--link { color: $text-accent; text-style: underline; }
        & > .topic-view--quote { color: $text-secondary; }
        & > .topic-view--bullet { color: $text-primary; }
        & > .topic-view--rule { color: $foreground 30%; }
        & > .topic-view--table-header { color: $text-primary; text-style: bold; }
        & > .topic-view--search-hit { text-style: reverse bold; }
        & > .topic-view--current-hit { text-style: reverse bold underline; }
        & > .topic-view--link-focus { color: $block-cursor-foreground; background: $block-cursor-background; }
    }
    """

    target: reactive[Target | None] = reactive(None, always_update=True)
    """What to show: a page, at a place or at the first word marked in a part. Every assignment lays
    the page out afresh and scrolls as it says."""

    measure: reactive[int] = reactive(MEASURE)
    """The longest line, in cells."""

    def __init__(self, *, measure: int = MEASURE, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PageView.measure, measure)
        self._engine = PageEngine(lambda: self.app.console)
        self._width = 0
        self._theme, self._base, self._style_key = Theme({}), Style(), ""
        self._continuing = False  # whether a slice of _continue is due after the next refresh
        self._paint: _Paint = (0, 0, 0, None, (Style(),) * len(_OVERLAYS))
        """Scroll offset, width, selection, and the overlays' styles, for the lines of the paint under way."""
        self.marked_line: int | None = None
        """The line the mark scrolled into view, if any."""
        self.focused_link: Link | None = None
        """The link that Enter follows, drawn in the link-focus style."""

    @property
    def page(self) -> Page | None:
        """The page on show."""
        return None if self.target is None else self.target.page

    @property
    def lines(self) -> Sequence[Strip]:
        """The lines laid out so far, each as wide as the text (at most ``measure``)."""
        return self._engine.layout.lines

    def passage(self) -> Anchor:
        """The place at the top of the screen, which a change of width keeps."""
        lines = self._engine.layout.lines
        return self._engine.anchor(min(round(self.scroll_y), len(lines) - 1)) if lines else Anchor()

    def watch_target(self) -> None:
        if self.text_selection is not None and self.is_mounted:
            self.screen.clear_selection()  # it was made in the text of the page before
        self._lay_out(None)

    def watch_measure(self) -> None:
        self._lay_out(self.passage())

    def on_resize(self) -> None:
        if self._text_width() != self._width:
            self._lay_out(self.passage())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.call_later(self._restyle)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The Resize event that tells the width comes after the first frame: laying the page out here
        # puts the text in the first frame (as Textual's OptionList lays itself out here).
        if not self._width and self.target is not None and self._text_width():
            self._lay_out(None)
        hit, current, focus = (
            self.get_component_rich_style(f"topic-view--{n}", partial=True) for n in _OVERLAYS
        )
        region = self.scrollable_content_region
        self._paint = (*self.scroll_offset, region.width, self.text_selection, (hit, current, focus))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y, width, selection, (hit, current, focus) = self._paint
        index, lines = scroll_y + y, self._engine.layout.lines
        if index >= len(lines):
            return Strip.blank(width, self._base)
        strip = lines[index]
        for begin, end in self._engine.marks(index):
            strip = styled(strip, begin, end, current if index == self.marked_line else hit)
        for line, begin, end in self.focused_link.spans if self.focused_link else ():
            if line == index:  # cells, not characters
                strip = styled(strip, begin, end, focus, cells=True)
        if selection is not None and (span := selection.get_span(index)) is not None:
            begin, end = span
            selected = self.screen.get_component_rich_style("screen--selection")
            strip = styled(strip, begin, len(strip.text) if end == -1 else end, selected)
        return strip.crop_extend(scroll_x, scroll_x + width, self._base).apply_offsets(scroll_x, index)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection, for copying."""
        text = "\n".join(line.text.rstrip() for line in self._engine.layout.lines)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    @property
    def allow_vertical_scroll(self) -> bool:
        """Whether the text can scroll: also in the frames before the scrollbar of a longer page comes."""
        if super().allow_vertical_scroll:
            return True
        return not self.is_disabled and self.virtual_size.height > self.container_size.height

    def _text_width(self) -> int:
        return max(0, min(self.measure, self.scrollable_content_region.width))

    def _lay_out(self, at: Anchor | None) -> None:
        """Lay the page out afresh at the current width and colours: what the screen shows at once,
        the rest in slices after each frame. ``at`` None means where the target says."""
        self._width, target = self._text_width(), self.target
        ready = target is not None and self._width > 0 and self.is_mounted
        if ready and not self._style_key:
            self._take_colours()
        size, colours = (self._width, self.scrollable_content_region.height), (self._theme, self._base)
        y, self.marked_line = self._engine.open(target if ready else None, size, colours, at)
        self.focused_link = None
        self._update_size()
        if ready:
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self._continue_later()

    def _continue_later(self) -> None:
        """Ask for a slice of :meth:`_continue` after the next refresh, unless one is due already."""
        if not self._continuing:
            self._continuing = True
            self.call_after_refresh(self._continue)

    def _continue(self) -> None:
        """Lay out a slice more of the page on show, then come back after the next frame until done."""
        self._continuing = False
        layout = self._engine.layout
        if self._engine.plain:  # the first frame has been drawn: now the Markdown
            self._lay_out(Anchor())
        elif not layout.done:
            more = layout.advance(SLICE)
            self._update_size()
            if more:
                self._continue_later()

    def _update_size(self) -> None:
        self.virtual_size = Size(self._width, len(self._engine.layout.lines))
        self.refresh()

    def _take_colours(self) -> bool:
        """Take Rich's Markdown styles from this widget's CSS: whether they changed."""
        styles = rich_styles(lambda name: self.get_component_rich_style(f"topic-view--{name}", partial=True))
        key = "\n".join(map(str, (self.rich_style, *styles.values())))
        changed, self._style_key = key != self._style_key, key
        if changed:
            self._theme, self._base = Theme(styles), self.rich_style
        return changed

    def _restyle(self) -> None:
        if self.is_mounted and self._take_colours():
            self._lay_out(self.passage())
