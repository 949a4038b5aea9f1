"""The content pane: one page's Markdown, rendered once to lines and shown with the Line API.

A page is laid out piece by piece (:class:`~tui.widgets.page_layout.PageLayout`): enough pieces for
the screen at once, then the rest in slices between frames, so a long page shows at once and keys are
not held up for long. What is still laid out in one go: a single block of many KB (one huge paragraph,
list or table, or Markdown that is not cut), and, for a search jump, the sections down to the match.
At start, the pieces of the first screen can come from the lines kept by
:class:`~tui.widgets.line_cache.LineCache`: Rich's Markdown is then imported, and those pieces checked,
only after the first frame. Pages shown before, and the first screens of the pages named by
:meth:`TopicView.prepare` (laid out once keys stop coming), are kept in a
:class:`~tui.widgets.layout_store.LayoutStore`: showing one of them needs no layout before its frame.
Links are reported with :class:`TopicView.LinkClicked`, never opened.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.timer import Timer

from tui.pages import Page
from tui.search import find_match
from tui.widgets.layout_store import LayoutStore
from tui.widgets.markdown_styles import RICH_STYLES
from tui.widgets.page_layout import Kept, PageLayout

if TYPE_CHECKING:
    from tui.widgets.line_cache import LineCache

__all__ = ["MEASURE", "PREPARE_DELAY", "TopicView"]

MEASURE = 84
"""The longest line of text, in cells, for comfortable reading."""

SLICE = 0.01
"""How long, in seconds, laying out the rest of a page may hold the event loop at a time."""

PREPARE_DELAY = 0.1
"""How long, in seconds, after a page is shown the pages likely to come next are laid out: longer than
a held key takes to repeat, so that moving quickly through the topics is not slowed by it."""


class TopicView(ScrollView, can_focus=True):
    """Shows ``page``, no wider than ``measure`` cells.

    | Key(s) | Description |
    | :- | :- |
    | left, h, escape | Go back to the topic list. |
    | up, down | Scroll a line. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h,escape", "screen.focus_topics", "Back to the topic list", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"topic-view--{name}" for name in RICH_STYLES),
        "topic-view--search-hit",
    }

    DEFAULT_CSS = """
    TopicView {
        width: 1fr;
        height: 1fr;
        padding: 0 2;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        background: $background;
        color: $foreground;
        & > .topic-view--h1 { color: $markdown-h1-color; text-style: $markdown-h1-text-style; }
        & > .topic-view--h2 { color: $markdown-h2-color; text-style: $markdown-h2-text-style; }
        & > .topic-view--h3 { color: $markdown-h3-color; text-style: $markdown-h3-text-style; }
        & > .topic-view--em { text-style: italic; }
        & > .topic-view--strong { text-style: bold; }
        & > .topic-view--code { color: $text-warning; }
        & > .topic-view--link { color: $text-accent; text-style: underline; }
        & > .topic-view--quote { color: $text-secondary; }
        & > .topic-view--bullet { color: $text-primary; }
        & > .topic-view--rule { color: $foreground 30%; }
        & > .topic-view--table-header { color: $text-primary; text-style: bold; }
        & > .topic-view--search-hit { text-style: reverse bold; }
    }
    """

    page: reactive[Page | None] = reactive(None)
    """The page on show; setting it replaces the text and scrolls to the top."""

    measure: reactive[int] = reactive(MEASURE)
    """The longest line, in cells."""

    class LinkClicked(Message):
        """A link in the text was clicked: ``href`` as the author wrote it (``#id`` for a topic)."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(
        self, *, measure: int = MEASURE, saved: LineCache | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.set_reactive(TopicView.measure, measure)
        self._saved = saved
        """Where the first screen is kept between runs; its lines are used for the first layout only."""
        self._reading = saved is not None
        self._layout = PageLayout(None, Strip.blank(0), self._rich_lines)
        self._layout_key: Hashable = None
        """The width and colours ``_layout`` is for."""
        self._store = LayoutStore()
        self._upcoming: list[Page] = []
        """Pages to lay out in advance, in order."""
        self._prepare_timer: Timer | None = None
        self._width = 0
        self._theme = Theme({})
        self._base = Style()
        """The widget's own colours, under every line."""
        self._style_key: tuple[Style, ...] = ()
        self._style_text = ""
        self._continuing = False
        """Whether a slice of :meth:`_continue` is due after the next refresh (one at a time)."""
        self._paint: tuple[int, int, int, Selection | None] = (0, 0, 0, None)
        """Scroll offset, width and selection, for the lines of the paint under way: see render_lines."""
        self._pending_mark: tuple[str, str] | None = None
        self._pending_scroll: float | None = None
        self._mark: tuple[str, str] | None = None
        self.marked_line: int | None = None
        """The line holding the search match that :meth:`mark` highlighted, if any."""

    def on_unmount(self) -> None:
        self._keep_screen()  # where the next start opens

    def watch_page(self) -> None:
        self._mark = None
        if self.text_selection is not None and self.is_mounted:
            self.screen.clear_selection()  # it was made in the text of the page before
        self._start(0.0)

    def watch_measure(self) -> None:
        self._start(self.scroll_y)

    def on_resize(self) -> None:
        if self._text_width() != self._width:
            self._start(self.scroll_y)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width is known from the first layout on, but the Resize event that tells it comes after
        # the first frame: laying the first screen out here puts the text in the first frame (as the
        # topic list, and Textual's OptionList, lay themselves out here).
        if not self._width and self.page is not None and self._text_width():
            self._start(self.scroll_y)
        # What every line needs, looked up once per paint rather than once per line (the region is slow).
        self._paint = (*self.scroll_offset, self.scrollable_content_region.width, self.text_selection)
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.call_later(self._restyle)

    @property
    def lines(self) -> list[Strip]:
        """The lines laid out so far, each as wide as the text (at most ``measure``)."""
        return list(self._layout.lines)

    def scroll_after_update(self, y: float) -> None:
        """Scroll down to ``y`` once the next page has been laid out (to resume where a reader was)."""
        self._pending_scroll = y

    def mark_after_update(self, section: str, term: str) -> None:
        """Mark the first match of ``term`` in ``section`` once the next page has been laid out."""
        self._pending_mark = (section, term)

    def prepare(self, pages: Iterable[Page]) -> None:
        """Lay out the first screen of each of ``pages`` (the ones likely to be shown next) once
        ``PREPARE_DELAY`` seconds have passed with no other call, so that showing one costs no layout."""
        self._upcoming = list(pages)
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(PREPARE_DELAY, self._prepare_next)

    def forget_layouts(self) -> None:
        """Drop the pages laid out before, the one on show included (their guide has been replaced)."""
        self._store.clear()
        self._upcoming = []
        self._layout = self._new_layout(None)  # not to be kept when the next page is shown

    def mark(self, section: str, term: str, *, scroll: bool = True) -> bool:
        """Scroll to a section and highlight the first word there that starts with ``term``: in the
        section's text, or in its heading when only the heading has it."""
        self._pending_mark = None
        parts = self.page.parts if self.page is not None else ()
        index = next((i for i, part in enumerate(parts) if part.title == section), None)
        if index is None:
            return False
        if not self._width:  # not laid out yet: mark once it is
            self._pending_mark = (section, term)
            return False
        self._mark, layout = (section, term), self._layout
        layout.until(parts=index + 2)
        start, height = layout.starts[index], self.scrollable_content_region.height
        layout.until(lines=start + height)  # enough below the section to scroll it to the top
        self._update_size()
        lines = layout.lines
        end = layout.starts[index + 1] if index + 1 < len(layout.starts) else len(lines)
        body = next((y for y in range(start, end) if not lines[y].text.strip()), start)
        if scroll:
            self.scroll_to(y=start, animate=False, immediate=True, force=True)
        for y in [*range(body, end), *range(start, body)]:
            begin, stop = find_match(lines[y].text, term)
            if begin >= 0:
                lines[y], self.marked_line = self._highlight(lines[y], begin, stop), y
                if scroll and y >= start + height:
                    self.scroll_to(y=y - height // 3, animate=False, immediate=True, force=True)
                self.refresh()
                break
        return True

    def action_link(self, href: str) -> None:
        """Report a click on a link (the click action that the rendered text carries)."""
        self.post_message(self.LinkClicked(href))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y, width, selection = self._paint
        index, style = scroll_y + y, self._base
        if index >= len(self._layout.lines):
            return Strip.blank(width, style)
        strip = self._layout.lines[index]
        if selection is not None and (span := selection.get_span(index)) is not None:
            begin, end = span
            selected = self.screen.get_component_rich_style("screen--selection")
            strip = _styled(strip, begin, len(strip.text) if end == -1 else end, selected)
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_offsets(scroll_x, index)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection, for copying."""
        return selection.extract("\n".join(line.text.rstrip() for line in self._layout.lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    @property
    def allow_vertical_scroll(self) -> bool:
        """Whether the text can scroll: also in the frames before the scrollbar of a longer page comes
        (see :meth:`_update_size`)."""
        if super().allow_vertical_scroll:
            return True
        return not self.is_disabled and self.virtual_size.height > self.container_size.height

    def _text_width(self) -> int:
        return max(0, min(self.measure, self.scrollable_content_region.width))

    def _start(self, scroll: float) -> None:
        """Show the page at the current width: its layout from the store if one is kept for this width
        and these colours, else laid out afresh; the pieces the screen needs now, the rest later."""
        self._shelve()
        self.marked_line = None
        self._width = self._text_width()
        if self.is_mounted and not self._style_key:
            self._use_theme(*self._build_theme())  # again only when the styles change: see _restyle
        ready = self.page is not None and self._width and self.is_mounted
        kept = self._saved if ready and self._reading else None
        self._layout_key = (self._width, self._style_text)
        stored = self._store.take(self.page, self._layout_key) if ready and self.page else None
        self._layout = stored or self._new_layout(
            self.page if ready else None,
            None if kept is None else partial(kept.lines, width=self._width, style=self._style_text),
        )
        if not ready:
            self._update_size()
            return
        if self._pending_scroll is not None:
            scroll, self._pending_scroll = self._pending_scroll, None
        self._layout.until(lines=scroll + self.scrollable_content_region.height)
        if kept is not None:  # kept lines serve the first screen only
            self._reading, self._layout.kept = False, None
            if len(self._layout.reused) < len(self._layout.pieces):  # Rich laid some out: keep them
                self._keep_screen(scroll)
        self._update_size()
        self.scroll_to(y=scroll, animate=False, immediate=True, force=True)
        if self._pending_mark is not None:
            self.mark(*self._pending_mark)
        elif self._mark is not None:  # the same page again, at another width or in other colours
            self.mark(*self._mark, scroll=False)
        self._continue_later()

    def _continue_later(self) -> None:
        """Ask for a slice of :meth:`_continue` after the next refresh, unless one is due already."""
        if not self._continuing:
            self._continuing = True
            self.call_after_refresh(self._continue)

    def _continue(self) -> None:
        """Lay out more pieces of the page on show until ``SLICE`` seconds have passed (a slice ends
        after the piece that passes it), then come back after the screen has been painted, until the
        page is done."""
        self._continuing = False
        if self._layout.reused and not self._reused_match():
            return  # laid out afresh, and continued from there
        layout = self._layout
        deadline, before = time.perf_counter() + SLICE, len(layout.pieces)
        more = True
        while more and time.perf_counter() < deadline:
            more = layout.next()
        if len(layout.pieces) > before:  # a page that was whole already needs no second frame
            self._update_size()
        if more:
            self._continue_later()

    def _new_layout(self, page: Page | None, kept: Kept | None = None) -> PageLayout:
        return PageLayout(page, Strip.blank(self._width, self._base), self._rich_lines, kept)

    def _shelve(self) -> None:
        """Keep the layout on show for when its page is shown again, unless a search match is marked in
        it or it still holds pieces taken from the kept lines."""
        layout = self._layout
        if layout.page is not None and self.marked_line is None and not layout.reused and layout.kept is None:
            self._store.put(layout.page, layout, self._layout_key)

    def _prepare_next(self) -> None:
        """Lay out the first screen of the next page to prepare; come back for the one after."""
        height = self.scrollable_content_region.height
        if not (self.is_mounted and self._width and height):
            return  # hidden, or not laid out yet: the page is laid out when it is shown
        self._store.use_key(self._layout_key)
        while self._upcoming:
            page = self._upcoming.pop(0)
            if page is not self.page and page not in self._store:
                layout = self._new_layout(page)
                layout.until(lines=height)
                width = self.scrollable_content_region.width
                for index, strip in enumerate(layout.lines[:height]):  # Strip caches what render_line asks
                    strip.crop_extend(0, width, self._base).apply_offsets(0, index)
                self._store.put(page, layout, self._layout_key)
                if self._upcoming:
                    self.call_later(self._prepare_next)
                return

    def _rich_lines(self, markdown: str) -> list[Strip]:
        from tui.widgets.markdown_lines import render_markdown  # 20 ms to import: not before it is needed

        return render_markdown(markdown, self.app.console, self._width, self._theme, self._base)

    def _reused_match(self) -> bool:
        """Lay the pieces taken from the kept lines out again; if one differs (a damaged file, another
        version of Rich), lay the page out afresh, keep the new lines, and say False."""
        if self._layout.check_reused():
            return True
        if self._saved is not None:
            self._saved.forget()
        self._layout = self._new_layout(None)  # not to be kept: its pieces differ from Rich's
        self._start(self.scroll_y)
        self._keep_screen(self.scroll_y)
        return False

    def _keep_screen(self, scroll: float | None = None) -> None:
        """Keep the pieces from the top of the page to the bottom of the screen, for the next start."""
        height = self.scrollable_content_region.height
        if self._saved is None or not self._layout.pieces or not height:
            return  # nothing to keep, or the pane is hidden (a window too small): keep what was kept
        top = self._layout.top((self.scroll_y if scroll is None else scroll) + height)
        if top is not None:  # else not laid out that far yet
            self._saved.save(top, self._width, self._style_text)

    def _update_size(self) -> None:
        """Tell Textual how long the text is now, with a layout of the screen only when one is needed,
        and then only after the text has been drawn.

        A new virtual size asks for a layout of the whole screen. Unless the scrollbar comes or goes,
        nothing on screen moves, so only the scrollbar is told the new length. When it does come or go,
        the text (laid out to the same width either way: the gutter is kept) is drawn first, and the
        layout that shows or hides the scrollbar follows: it takes Textual two layouts, a frame apart.
        """
        size = Size(self._width, len(self._layout.lines))
        shown = self.show_vertical_scrollbar
        height = self.container_size.height
        if not (self.is_mounted and height and self.styles.overflow_y == "auto"):
            self.virtual_size = size
        else:
            self.set_reactive(TopicView.virtual_size, size)
            if shown == (size.height > height):
                if shown:
                    self.vertical_scrollbar.window_virtual_size = size.height
            else:
                self.call_after_refresh(self.refresh, layout=True)
        self.refresh()

    def _build_theme(self) -> tuple[Theme, tuple[Style, ...]]:
        """Rich's Markdown styles, taken from this widget's CSS, and a key to notice when they change
        (the widget's own style first: it walks the ancestors' styles, so it is looked up only here)."""
        styles: dict[str, Style] = {}
        for name, rich_names in RICH_STYLES.items():
            style = self.get_component_rich_style(f"topic-view--{name}", partial=True)
            styles.update(dict.fromkeys(rich_names, style))
        return Theme(styles), (self.rich_style, *styles.values())

    def _use_theme(self, theme: Theme, key: tuple[Style, ...]) -> None:
        self._theme, self._style_key, self._base = theme, key, key[0]
        self._style_text = "\n".join(map(str, key))

    def _restyle(self) -> None:
        if not self.is_mounted:
            return
        theme, key = self._build_theme()
        if key != self._style_key:
            self._use_theme(theme, key)
            self._start(self.scroll_y)

    def _highlight(self, strip: Strip, begin: int, end: int) -> Strip:
        """``strip`` with the characters ``begin`` to ``end`` in the search-hit style."""
        return _styled(
            strip, begin, end, self.get_component_rich_style("topic-view--search-hit", partial=True)
        )


def _styled(strip: Strip, begin: int, end: int, style: Style) -> Strip:
    """``strip`` with the characters ``begin`` to ``end`` of its text drawn in ``style`` on top."""
    text = strip.text
    cuts = [cell_len(text[:begin]), cell_len(text[:end]), strip.cell_length]
    before, hit, after = strip.divide(cuts)
    marked = Strip(Segment.apply_style(hit, post_style=style), hit.cell_length)
    return Strip.join([before, marked, after])
