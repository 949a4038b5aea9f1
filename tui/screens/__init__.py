"""The app's screens, one per module. Only the reader is needed at start-up; the others are imported
from their modules when they are first shown."""

from tui.screens.reader import ReaderScreen

__all__ = ["ReaderScreen"]
