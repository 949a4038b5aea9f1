"""Frames as a terminal gets them: a topic switch draws the list's new highlight and the new text in one.

Textual's headless mode (``run_test``) skips turning the screen into terminal output, so these tests
run the app with a driver that says it is not headless and keeps each frame it is given.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from guides import guide_with_topics, topic_yaml
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot

from tui.app import GuideApp

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class _FrameDriver(HeadlessDriver):
    """Headless input; every frame rendered in full and kept as its visible text."""

    frames: ClassVar[list[str]] = []

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        self._chunks: list[str] = []

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        self._chunks.append(data)

    def flush(self) -> None:
        if self._chunks:
            _FrameDriver.frames.append(_ESCAPES.sub("", "".join(self._chunks)))
            self._chunks.clear()


def test_a_switch_draws_the_highlight_and_the_new_text_in_one_frame() -> None:
    """The text pane's repaint reaches the screen only on its own turn of the event loop; the reader
    gives it that turn, or the frame would show the highlight over the old text, and the new text
    would come a frame (about 1/60 s) later."""
    sections = [("Part", "Words enough to fill a line or two of the pane. " * 4)]
    topics = topic_yaml("one", "First", sections, "Summary of one.") + topic_yaml(
        "two", "Second", sections, "Summary of two."
    )
    app = GuideApp(guide_with_topics(topics))
    app.driver_class = _FrameDriver
    _FrameDriver.frames.clear()
    after_key: list[str] = []

    async def drive(pilot: Pilot[None]) -> None:
        await pilot.pause(0.5)
        start = len(_FrameDriver.frames)
        await pilot.press("down")
        await pilot.pause(0.5)
        after_key.extend(_FrameDriver.frames[start:])
        app.exit()

    app.run(headless=False, size=(100, 30), auto_pilot=drive)
    assert after_key, "no frame after the key"
    assert "Summary of two." in after_key[0]
