"""The text pane: a page of the guide read by keyboard, as in less and GNU info.

:class:`TopicView` is a :class:`~tui.widgets.text.page_view.PageView` with the reader's keys: lines,
screenfuls and half screens, the top and the end, ``space`` on to the next topic at the end of one,
and ``tab`` through the links (``enter`` follows one). Links are reported with :class:`LinkClicked`,
never opened.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message

from tui.widgets.text.page_view import PageView

__all__ = ["TopicView"]


class TopicView(PageView, can_focus=True):
    """The text of the topic on show, with the reader's keys.

    | Key(s) | Description |
    | :- | :- |
    | down, j / up, k | Scroll a line. |
    | space, f, ctrl+f, pagedown | A screenful on; at the end of a topic, the next topic. |
    | b, ctrl+b, pageup | A screenful back. |
    | d, ctrl+d / u, ctrl+u | Half a screenful on or back. |
    | g, <, home / G, >, end | The top or the end of the topic. |
    | tab / shift+tab | The next or previous link (past the last, the next pane). |
    | enter | Follow the link. |
    | left, h, escape | Back to the topic list. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Down a line", show=False),
        Binding("up,k", "scroll_up", "Up a line", show=False),
        Binding(
            "space,f,ctrl+f,pagedown", "page(1)", "A screenful on; at the end, the next topic", show=False
        ),
        Binding("b,ctrl+b,pageup", "page(-1)", "A screenful back", show=False),
        Binding("d,ctrl+d", "half(1)", "Half a screenful on", show=False),
        Binding("u,ctrl+u", "half(-1)", "Half a screenful back", show=False),
        Binding("g,less_than_sign,home", "scroll_home", "Top of the topic", show=False),
        Binding("G,greater_than_sign,end", "scroll_end", "End of the topic", show=False),
        Binding("tab", "next_link(1)", "Next link", show=False),
        Binding("shift+tab", "next_link(-1)", "Previous link", show=False),
        Binding("enter", "follow", "Follow the link", show=False),
        Binding(
            "left,h,escape", "screen.focus_topics", "Topics", tooltip="Back to the topic list", id="topics"
        ),
    ]

    @dataclass
    class LinkClicked(Message):
        """A link in the text was clicked or followed with Enter."""

        href: str
        """The link's address, as the author wrote it (``#id`` for a topic)."""

    class EndReached(Message):
        """``space`` was pressed at the end of the topic: the reader goes on to the next one."""

    def action_page(self, direction: int) -> None:
        if direction > 0 and self.scroll_y >= self.max_scroll_y and self._engine.layout.done:
            self.post_message(self.EndReached())
        elif direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)

    def action_half(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self._engine.layout.until(lines=float("inf"))  # the end is only known once it is laid out
        self._update_size()
        self.scroll_to(y=len(self.lines), animate=False, force=True)

    def action_link(self, href: str) -> None:
        """Report a click on a link (the click action that a link's text carries)."""
        self.post_message(self.LinkClicked(href))

    def action_next_link(self, direction: int) -> None:
        """Focus the next (1) or previous (-1) link from the focused one, or from the screen when it
        is not on it; past the last or the first, move to the next or previous pane."""
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        self._engine.layout.until(lines=top + 2 * height)
        links = self._engine.links()
        starts = [link.spans[0][0] for link in links]
        focused = self.focused_link
        if focused in links and top <= focused.spans[0][0] < top + height:
            index = links.index(focused) + direction
        else:
            index = bisect_left(starts, top) if direction > 0 else bisect_left(starts, top + height) - 1
        self.focused_link = links[index] if 0 <= index < len(links) else None
        self.refresh()
        if self.focused_link is None:
            (self.screen.focus_next if direction > 0 else self.screen.focus_previous)()
            return
        region = Region(0, starts[index], 1, len(self.focused_link.spans))
        self.scroll_to_region(region, animate=False, force=True)

    marking = False
    """Whether the page on show has a search's words marked: the screen's match keys (``.`` and ``,``,
    which call :meth:`action_match`) work, and show, only then."""

    def watch_target(self) -> None:
        super().watch_target()
        marking = self.target is not None and self.target.mark is not None
        if marking != self.marking:  # the footer is rebuilt only when the match keys come or go
            self.marking = marking
            self.refresh_bindings()

    def action_match(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) line with a marked word: the current one is drawn apart."""
        start = self.marked_line
        if start is None:
            start = round(self.scroll_y) - 1 if direction > 0 else round(self.scroll_y)
        found = self._engine.next_mark(start, direction)
        if found is None:
            self.notify("No more matches on this page.", markup=False, timeout=2)
            return
        self.marked_line = found
        self.refresh()  # the lines are the same; only which one is drawn as the current match changes
        self.scroll_to_region(Region(0, found, 1, 1), animate=False, force=True)

    def action_follow(self) -> None:
        if self.focused_link is not None:
            self.post_message(self.LinkClicked(self.focused_link.href))
