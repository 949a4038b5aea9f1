"""What the text pane draws, for tests: its lines on screen as painted, marks and selection included."""

from __future__ import annotations

from textual.strip import Strip

from tui.widgets import TopicView

__all__ = ["drawn"]


def drawn(view: TopicView) -> list[Strip]:
    """The lines on screen, as the next paint draws them."""
    view.render_lines(view.region.reset_offset)  # what a paint looks up before its lines
    return [view.render_line(y) for y in range(view.scrollable_content_region.height)]
