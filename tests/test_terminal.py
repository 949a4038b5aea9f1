"""The real terminal, through tmux: kiosk keys, and SIGTERM/SIGHUP leaving the terminal restored."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"


class Tmux:
    """One private tmux server running the app in a 100x30 window."""

    def __init__(self, tmp: Path, *args: str) -> None:
        self.socket = f"kt-{os.getpid()}-{time.monotonic_ns()}"
        env = f"XDG_STATE_HOME={tmp} HOME={tmp}"
        app = f"{sys.executable} -m tui --content {FIXTURE} --fresh {' '.join(args)}"
        # After the app ends, the shell reports its exit status and keeps the pane open for reading.
        command = f"cd {tmp} && env {env} {app}; echo EXIT=$?; sleep 60"
        self.run("new-session", "-d", "-x", "100", "-y", "30", command)

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p")

    def wait_for(self, text: str, polls: int = 100) -> bool:
        for _ in range(polls):
            if text in self.screen():
                return True
            time.sleep(0.1)
        return False

    def app_pid(self) -> int:
        shell = int(self.run("display-message", "-p", "#{pane_pid}").strip())
        children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True, check=False)
        return int(children.stdout.split()[0])

    def kill(self) -> None:
        self.run("kill-server")

    def assert_a_signal_restores_the_terminal(self, signal_name: str) -> None:
        """Send the app ``signal_name`` (``TERM``, ``RTMIN``...): it exits 0, and the terminal leaves the
        alternate screen with the mouse reports off and the cursor shown."""
        assert self.run("display-message", "-p", "#{alternate_on}").strip() == "1"
        subprocess.run(["kill", f"-{signal_name}", str(self.app_pid())], check=True)
        assert self.wait_for("EXIT=0")
        assert self.run("display-message", "-p", "#{alternate_on}").strip() == "0"
        assert self.run("display-message", "-p", "#{mouse_any_flag}#{mouse_button_flag}").strip() == "00"
        assert self.run("display-message", "-p", "#{cursor_flag}").strip() == "1"


@pytest.fixture
def tmux_app(tmp_path: Path) -> Iterator[type[Tmux]]:
    sessions: list[Tmux] = []

    class Started(Tmux):
        def __init__(self, *args: str) -> None:
            super().__init__(tmp_path, *args)
            sessions.append(self)

    yield Started
    for session in sessions:
        session.kill()


def test_ctrl_c_and_ctrl_z_do_nothing_in_kiosk_mode(tmux_app: type[Tmux]) -> None:
    tmux = tmux_app("--kiosk", "--exit-key", "ctrl+o")
    assert tmux.wait_for("First topic")
    for key in ["C-c", "C-z", "C-\\", "q", "C-q"]:
        tmux.run("send-keys", key)
        time.sleep(0.3)
    assert "EXIT=" not in tmux.screen()
    assert "First topic" in tmux.screen()
    tmux.run("send-keys", "C-o", "C-o", "C-o")
    assert tmux.wait_for("EXIT=0")


@pytest.mark.parametrize("signal_name", ["TERM", "HUP"])
def test_signal_restores_the_terminal_and_exits_zero(tmux_app: type[Tmux], signal_name: str) -> None:
    tmux = tmux_app("--kiosk", "--exit-key", "ctrl+o")
    assert tmux.wait_for("First topic")
    tmux.assert_a_signal_restores_the_terminal(signal_name)
