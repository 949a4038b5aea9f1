"""The signals that would end the app with the terminal left in the alternate screen and raw mode.

The app catches each of them and ends as the operator's exit does: the terminal restored, status 0.
Not caught: ``SIGKILL`` and ``SIGSTOP``, which no program can catch, and the signals of a fault in
the process itself (``SIGSEGV``, ``SIGBUS``, ``SIGILL``, ``SIGFPE``, ``SIGABRT``, ``SIGSYS``,
``SIGTRAP``): a handler for those would return into the instruction that faulted.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from contextlib import suppress

__all__ = ["CAUGHT_SIGNALS", "exit_on_signals"]

_NAMES = (
    "SIGTERM",
    "SIGHUP",
    "SIGINT",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGIO",
    "SIGPWR",
    "SIGSTKFLT",
)


def _caught() -> tuple[int, ...]:
    named = [int(getattr(signal, name)) for name in _NAMES if hasattr(signal, name)]
    low, high = getattr(signal, "SIGRTMIN", 0), getattr(signal, "SIGRTMAX", -1)
    return (*named, *range(int(low), int(high) + 1))


CAUGHT_SIGNALS = _caught()
"""Every signal whose default action ends the process and which can be caught (real-time ones too)."""


def exit_on_signals(exit: Callable[[], None]) -> None:
    """Call ``exit`` (an app's, which restores the terminal) on each of :data:`CAUGHT_SIGNALS`. Call it
    inside the running loop; off the main thread, where no handler can be set, it does nothing."""
    with suppress(NotImplementedError, RuntimeError):
        loop = asyncio.get_running_loop()
        for signal_number in CAUGHT_SIGNALS:
            loop.add_signal_handler(signal_number, exit)
