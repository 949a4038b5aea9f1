"""Every fatal signal that can be caught leaves a real terminal restored (tmux), and the show ends 0."""

from __future__ import annotations

import signal

import pytest
from test_terminal import Tmux, tmux_app

from tui.fatal import CAUGHT_SIGNALS

__all__ = ["tmux_app"]  # the fixture, shared with test_terminal


def test_the_list_holds_every_fatal_signal_but_the_uncatchable_and_the_faults() -> None:
    for name in ("SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGXCPU"):
        assert getattr(signal, name) in CAUGHT_SIGNALS, name
    assert signal.SIGRTMIN in CAUGHT_SIGNALS and signal.SIGRTMAX in CAUGHT_SIGNALS
    for name in ("SIGKILL", "SIGSTOP", "SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT", "SIGCHLD"):
        assert getattr(signal, name) not in CAUGHT_SIGNALS, name


@pytest.mark.parametrize("signal_name", ["QUIT", "USR1", "USR2", "ALRM", "INT", "RTMIN"])
def test_a_fatal_signal_restores_the_terminal_under_the_show(tmux_app: type[Tmux], signal_name: str) -> None:
    tmux = tmux_app("--kiosk", "--exit-key", "ctrl+o", "present")
    assert tmux.wait_for("FIXTURE GUIDE")
    tmux.assert_a_signal_restores_the_terminal(signal_name)
