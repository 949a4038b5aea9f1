"""The text pane (:class:`TopicView`) and its page engine: Markdown laid out to lines, in slices."""

from tui.widgets.text.engine import Anchor, Mark, Target
from tui.widgets.text.page_view import MEASURE, PageView
from tui.widgets.text.topic_view import TopicView

__all__ = ["MEASURE", "Anchor", "Mark", "PageView", "Target", "TopicView"]
