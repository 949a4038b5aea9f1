"""Kiosk rules: what a passer-by may do, and how the operator gets out.

In kiosk mode the app refuses every app-level action outside a short allow-list, whichever way it
is asked for: a key, the command palette, or ``@click`` markup that some missed path let through.
The operator leaves by pressing an exit key of their own three times; :func:`exit_key_problem` says
which keys can serve.
"""

from __future__ import annotations

import string
import time

__all__ = ["ALLOWED_APP_ACTIONS", "EXIT_KEYS", "EXIT_PRESSES", "ExitChord", "exit_key_problem"]

ALLOWED_APP_ACTIONS = frozenset({"focus_next", "focus_previous", "help", "crisis"})
"""The only App actions that run in kiosk mode; screen and widget actions (reading keys) still work."""

EXIT_PRESSES = 3
"""The operator's exit key must be pressed this many times in a row, within ``window`` seconds."""

_REFUSED_LETTERS = "cdhimqz"
"""``ctrl+h``, ``ctrl+i`` and ``ctrl+m`` reach the app as backspace, tab and enter; ``ctrl+c``, ``ctrl+d``,
``ctrl+q`` and ``ctrl+z`` are what a passer-by tries first to get out."""

EXIT_KEYS = frozenset(
    [f"ctrl+{letter}" for letter in string.ascii_lowercase if letter not in _REFUSED_LETTERS]
    + [f"f{number}" for number in range(1, 25)]
)
"""Keys that can be the exit key: a terminal sends each as itself, and a visitor's keys never are one."""


def exit_key_problem(key: str) -> str | None:
    """Why ``key`` cannot be the exit key (a name as Textual spells it), or ``None`` when it can."""
    if key in EXIT_KEYS:
        return None
    return (
        f"{key!r} is not a key the app can count: use ctrl+ and a lower-case letter "
        f"(not {', '.join(_REFUSED_LETTERS[:-1])} or {_REFUSED_LETTERS[-1]}), or f1 to f24"
    )


class ExitChord:
    """Counts presses of the exit key; :meth:`press` is True on the one that completes the chord."""

    def __init__(self, window: float = 2.0) -> None:
        self.window = window
        self._presses: list[float] = []

    def press(self, now: float | None = None) -> bool:
        moment = time.monotonic() if now is None else now
        self._presses = [t for t in self._presses if moment - t <= self.window] + [moment]
        return len(self._presses) >= EXIT_PRESSES
