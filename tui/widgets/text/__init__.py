"""The text pane (:class:`TopicView`) and its page engine: Markdown laid out to lines, in slices."""

from tui.widgets.text.engine import Mark, Target
from tui.widgets.text.topic_view import MEASURE, TopicView

__all__ = ["MEASURE", "Mark", "Target", "TopicView"]
