"""An App whose exit waits for its first frame: the work-around for a Textual race on a quick quit.

Textual's ``Header`` (8.2.8) queues a title update on the app and the screen when it mounts
(``Header._on_mount`` watches their ``title`` and ``sub_title``); the update looks up the header's
``HeaderTitle`` and catches only ``NoScreen``. An exit asked for before the first frame
(``TEXTUAL_PRESS=ctrl+q``, a key typed ahead, a signal at start) lets the app remove the header's
children first, and the update then ends the app with ``NoMatches: No nodes match 'HeaderTitle' on
Header()``: a crash log and exit status 3 for a user who only quit. Upstream, the fix that adds
``NoMatches`` to that ``except`` was never merged: https://github.com/Textualize/textual/pull/4817.

Until it is, an exit asked for before the app is ready (Textual's ``Ready`` event, sent once the first
screen has been laid out, after its widgets have mounted) is held until then, or :data:`EXIT_WAIT`
seconds at most, so that an exit is never lost.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.console import RenderableType
from textual import events, on
from textual.app import App

__all__ = ["EXIT_WAIT", "ExitWhenReady"]

EXIT_WAIT = 5.0
"""The longest an exit asked for before the first frame waits for it, in seconds."""


class ExitWhenReady(App[None]):
    """An App that holds an early exit until its first frame (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn = False
        self._held_exit: Callable[[], None] | None = None
        """The exit asked for before the app was ready."""
        self.quitting = False
        """Whether an exit has been asked for: nothing new should open then."""

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Exit, once the app is ready (see the module's docstring)."""
        self.quitting = True
        if self._drawn:
            super().exit(result, return_code, message)
            return
        if self._held_exit is None:
            self.set_timer(EXIT_WAIT, self._release_exit, name="exit when ready")
        self._held_exit = partial(super().exit, result, return_code, message)

    @on(events.Ready)
    def _on_first_frame(self) -> None:
        self._drawn = True
        self._release_exit()

    def _release_exit(self) -> None:
        held, self._held_exit = self._held_exit, None
        if held is not None:
            held()
