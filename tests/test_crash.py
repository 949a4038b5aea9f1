"""An unexpected error: the traceback goes to the crash log, never on a kiosk's screen; exit status 3.
Whatever is in the log's place (a FIFO, a link, a huge file) never hangs or spreads the crash."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.store.crashlog import LIMIT, CrashLog

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
            if "Enter to start reading" in screen():  # the notice at first start, over the reader
                break
            time.sleep(0.1)
        subprocess.run([*tmux, "send-keys", "Enter"], check=True)
        for _ in range(100):
            if "Enter to start reading" not in screen():
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
    log = CrashLog(tmp_path / "sub" / "crash.log")
    log.console()
    log.close()
    assert not (tmp_path / "sub").exists()


def write_within(log: CrashLog, text: str, seconds: float = 10) -> None:
    """Write ``text`` to the log and close it, failing the test (not hanging it) if that blocks."""

    def write() -> None:
        log.write(text)
        log.close()

    writing = threading.Thread(target=write, daemon=True)
    writing.start()
    writing.join(timeout=seconds)
    assert not writing.is_alive(), "blocked writing the crash log"


def plant_fifo(path: Path) -> None:
    os.mkfifo(path)  # opened to append, it would wait for a reader: a crash would hang, not restart


def plant_link(path: Path) -> None:
    elsewhere = path.parent / "elsewhere.txt"
    elsewhere.write_text("someone else's file\n")
    path.symlink_to(elsewhere)  # appended to, it would take the traceback


def plant_folder(path: Path) -> None:
    (path / "inside").mkdir(parents=True)


@pytest.mark.parametrize("plant", [plant_fifo, plant_link, plant_folder])
def test_what_is_in_place_of_the_log_is_set_aside_and_the_traceback_kept(
    tmp_path: Path, plant: Callable[[Path], None]
) -> None:
    path = tmp_path / "crash.log"
    plant(path)
    log = CrashLog(path)
    write_within(log, "Traceback: a bug\n")
    assert log.problem is None
    assert "Traceback: a bug" in path.read_text() and not path.is_symlink()
    assert os.path.lexists(tmp_path / "crash.log.damaged")
    if plant is plant_link:
        assert (tmp_path / "elsewhere.txt").read_text() == "someone else's file\n"


def test_a_log_past_its_limit_starts_afresh_and_keeps_the_last_one(tmp_path: Path) -> None:
    path = tmp_path / "crash.log"
    with path.open("wb") as file:
        file.truncate(5 * 1024**3)  # sparse: a crash-looping booth's years of tracebacks
    write_within(CrashLog(path), "Traceback: a bug\n")
    assert path.stat().st_size < LIMIT and "Traceback: a bug" in path.read_text()
    assert (tmp_path / "crash.log.old").stat().st_size == 5 * 1024**3
    write_within(CrashLog(path), "Traceback: another\n")
    assert "Traceback: a bug" in path.read_text() and "Traceback: another" in path.read_text()


def test_a_log_that_cannot_be_written_says_why_and_raises_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    log = CrashLog(blocker / "crash.log")
    write_within(log, "Traceback: a bug\n")
    assert log.written and log.problem == os.strerror(errno.EEXIST).lower()  # the folder to make
