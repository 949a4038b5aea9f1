"""A real terminal for tests: a program in a private tmux server, its raw output captured.

Used by the terminal tests (``test_terminal_bytes.py``, ``test_own_files.py``): start the installed app,
send keys, read the screen and every byte the program wrote.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

APP = Path(sys.executable).parent / "ketamine-tui"
"""The installed console script, next to the interpreter of the venv."""

_SESSIONS = itertools.count()


@dataclass
class Run:
    """What a run of the app left behind."""

    raw: bytes
    """Everything the app wrote to the terminal."""
    screen: str
    """The pane's text at the end."""
    buffers: str
    """``tmux list-buffers``."""
    pane_title: str


class Terminal:
    """A program in a private tmux server, 100x30, its output captured with ``pipe-pane``.

    tmux is told to accept OSC 52 from programs (``set-clipboard on``), so a clipboard write would
    show up as a paste buffer.
    """

    def __init__(self, tmp: Path) -> None:
        self.socket = f"test-{os.getpid()}-{next(_SESSIONS)}"
        self.tmp = tmp
        self.raw_file = tmp / "raw.bin"
        self.socket_path = ""
        self.home = tmp / "home"
        """The program's HOME; its state folder (``XDG_STATE_HOME``) is ``home/state``."""

    def start(self, argv: list[str], env: dict[str, str] | None = None, *, first_start: bool = False) -> None:
        """Run ``argv``, with ``env`` added to its environment. Unless ``first_start``, the reader has
        read the notice at first start (the disclaimer) in an earlier run."""
        tmp = self.tmp
        self.home.mkdir(exist_ok=True)
        home = self.home
        if not first_start:
            state = home / "state" / "ketamine-tui"
            state.mkdir(parents=True, exist_ok=True)
            seen = '{"version": 1, "theme": null, "guides": {}, "disclaimer_read": true}'
            (state / "state.json").write_text(seen, encoding="utf-8")
        values = {"HOME": home, "XDG_STATE_HOME": home / "state", "XDG_CONFIG_HOME": home / "config"}
        values.update(env or {})
        env_words = " ".join(f"{name}={shlex.quote(str(value))}" for name, value in values.items())
        program = shlex.join(argv)
        gate = f"tmux -L {self.socket} wait-for go"
        # The program starts once the capture is in place; the pane then stays open with its exit status.
        command = f"{gate}; cd {shlex.quote(str(tmp))} && env {env_words} {program}; echo EXIT=$?; sleep 60"
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", command)
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()
        self.tmux("set-option", "-g", "set-clipboard", "on")
        self.tmux("pipe-pane", "-o", f"cat >> {shlex.quote(str(self.raw_file))}")
        self.tmux("wait-for", "-S", "go")

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False, timeout=30
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J")

    def wait_for(self, *texts: str, gone: bool = False, polls: int = 150) -> bool:
        """Wait until one of the texts is on screen (or, with ``gone``, none is)."""
        for _ in range(polls):
            screen = self.screen()
            if any(text in screen for text in texts) != gone:
                return True
            time.sleep(0.1)
        return False

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", *(["-l"] if literal else []), *keys)

    def finish(self, polls: int = 150) -> Run:
        """Wait for the app's exit status to be on screen and in the capture, then collect the run."""
        assert self.wait_for("EXIT=", polls=polls), f"the app did not exit:\n{self.screen()}"
        for _ in range(50):
            if self.raw_file.exists() and b"EXIT=" in self.raw_file.read_bytes():
                break
            time.sleep(0.1)
        return Run(
            raw=self.raw_file.read_bytes(),
            screen=self.screen(),
            buffers=self.tmux("list-buffers"),
            pane_title=self.tmux("display-message", "-p", "#{pane_title}"),
        )

    def programs(self) -> list[int]:
        """The process ids of what the pane's shell is running now."""
        shell = self.tmux("display-message", "-p", "#{pane_pid}").strip()
        if not shell:
            return []
        found = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True, check=False)
        return [int(pid) for pid in found.stdout.split()]

    def kill(self) -> None:
        """End the tmux server, and the program too if it outlives the hangup (a stuck thread)."""
        programs = self.programs()
        self.tmux("kill-server")
        if self.socket_path.endswith(self.socket):  # tmux 3.3 leaves its socket file behind
            Path(self.socket_path).unlink(missing_ok=True)
        time.sleep(0.2 if programs else 0)
        for pid in programs:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


Start = Callable[..., Terminal]
"""``start(content)`` runs the app on a guide, ``start(argv=[...])`` another program; ``env=`` adds
to the environment; ``first_start=True`` leaves out the state file that says the notice was read."""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Start]:
    """Start terminals in this test's tmp folder; their tmux servers are always killed."""
    started: list[Terminal] = []

    def start(
        content: Path | None = None,
        argv: list[str] | None = None,
        env: dict[str, str] | None = None,
        first_start: bool = False,
    ) -> Terminal:
        folder = tmp_path / f"run-{len(started)}"
        folder.mkdir()
        session = Terminal(folder)
        started.append(session)  # before starting, so that a failed start is cleaned up as well
        session.start(argv or [str(APP), "--content", str(content), "--fresh"], env, first_start=first_start)
        return session

    try:
        yield start
    finally:
        for session in started:
            session.kill()
