"""Kiosk rules: what a passer-by may do, and how the operator gets out.

In kiosk mode the app refuses every app-level action outside a short allow-list, whichever way it
is asked for: a key, the command palette, or ``@click`` markup that some missed path let through.
"""

from __future__ import annotations

import time

__all__ = ["ALLOWED_APP_ACTIONS", "EXIT_PRESSES", "ExitChord"]

ALLOWED_APP_ACTIONS = frozenset({"focus_next", "focus_previous", "help", "crisis"})
"""The only App actions that run in kiosk mode; screen and widget actions (reading keys) still work."""

EXIT_PRESSES = 3
"""The operator's exit key must be pressed this many times in a row, within ``window`` seconds."""


class ExitChord:
    """Counts presses of the exit key; :meth:`press` is True on the one that completes the chord."""

    def __init__(self, window: float = 2.0) -> None:
        self.window = window
        self._presses: list[float] = []

    def press(self, now: float | None = None) -> bool:
        moment = time.monotonic() if now is None else now
        self._presses = [t for t in self._presses if moment - t <= self.window] + [moment]
        return len(self._presses) >= EXIT_PRESSES
