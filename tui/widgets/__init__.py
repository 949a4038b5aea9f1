"""Widgets of our own: the topic list (sidebar) and the topic view (content pane)."""

from tui.widgets.topic_list import TopicList
from tui.widgets.topic_view import TopicView

__all__ = ["TopicList", "TopicView"]
