"""Widgets of our own: the topic list (sidebar), the topic view (content pane) and the problem banner."""

from tui.widgets.banner import ProblemBanner
from tui.widgets.topic_list import TopicList
from tui.widgets.topic_view import TopicView

__all__ = ["ProblemBanner", "TopicList", "TopicView"]
