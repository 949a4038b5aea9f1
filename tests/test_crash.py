"""An unexpected error: the traceback goes to the crash log, never on a kiosk's screen; exit status 3."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"

CRASHING_RUN = f"""
import sys
from tui import cli
from tui.screens.reader import ReaderScreen

def broken(self):
    raise RuntimeError("a bug planted by the test")

ReaderScreen.action_next_topic = broken
sys.exit(cli.run(sys.argv[1:] + ["--content", {str(FIXTURE)!r}, "--fresh"]))
"""


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "reader"])
def test_crash_is_logged_and_exits_3(tmp_path: Path, kiosk: bool) -> None:
    socket = f"crash-{time.monotonic_ns()}"
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_RUN)
    flags = "--kiosk --exit-key ctrl+o" if kiosk else ""
    command = f"env XDG_STATE_HOME={tmp_path} {sys.executable} {script} {flags}; echo EXIT=$?; sleep 30"
    tmux = ["tmux", "-L", socket]
    try:
        subprocess.run([*tmux, "new-session", "-d", "-x", "100", "-y", "30", command], check=True)

        def screen() -> str:
            return subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True).stdout

        for _ in range(100):
            if "First topic" in screen():
                break
            time.sleep(0.1)
        subprocess.run([*tmux, "send-keys", "n"], check=True)
        for _ in range(100):
            if "EXIT=" in screen():
                break
            time.sleep(0.1)
        shown = screen()
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    assert "EXIT=3" in shown
    assert "Traceback" not in shown and "RuntimeError" not in shown
    log = (tmp_path / "ketamine-tui" / "crash.log").read_text()
    assert "RuntimeError" in log and "a bug planted by the test" in log
    if kiosk:
        assert "crash.log" not in shown, "nothing at all about the error on a kiosk's screen"
    else:
        assert "the details are in" in shown


def test_a_clean_run_writes_no_log(tmp_path: Path) -> None:
    from tui.store.crashlog import CrashLog

    log = CrashLog(tmp_path / "sub" / "crash.log")
    log.console()
    log.close()
    assert not (tmp_path / "sub").exists()
