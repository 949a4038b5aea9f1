"""The app's screens, one per module."""

from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen

__all__ = ["HelpScreen", "ReaderScreen"]
