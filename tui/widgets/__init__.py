"""Widgets of our own: the topic list (sidebar), the text pane and the problem banner."""

from tui.widgets.banner import ProblemBanner
from tui.widgets.text import Anchor, Mark, PageView, Target, TopicView
from tui.widgets.topic_list import TopicList

__all__ = ["Anchor", "Mark", "PageView", "ProblemBanner", "Target", "TopicList", "TopicView"]
