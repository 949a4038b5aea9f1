"""Faults in a real terminal (tmux), as a user or a booth's supervisor loop meets them (issue #21).

A quit pressed at once exits 0; a FIFO swapped in for the guide during a reload never keeps the
process alive after ``q``; ``--content <(command)`` works at start; damaged files of the app's own
never stop a start.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

import pytest
import terminals
from terminals import APP, Start

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"

terminal = terminals.terminal
"""The fixture that starts terminals (see ``terminals.py``)."""


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
def test_a_quit_pressed_at_once_exits_0_without_a_crash_log(terminal: Start, key: str) -> None:
    for first_start in (True, False, True):  # with the notice at first start coming up, and without
        run = terminal(FIXTURE, env={"TEXTUAL_PRESS": key}, first_start=first_start)
        assert "EXIT=0" in run.finish().screen
        assert not (run.home / "state" / "ketamine-tui" / "crash.log").exists()


def test_a_fifo_swapped_in_for_the_guide_then_q_ends_the_process(terminal: Start, tmp_path: Path) -> None:
    path = tmp_path / "guide.yaml"
    shutil.copy(FIXTURE, path)
    run = terminal(path)
    assert run.wait_for("First topic"), run.screen()
    path.unlink()
    os.mkfifo(path)
    try:
        assert run.wait_for("The content file has problems"), run.screen()
        assert "Fixture guide" in run.screen().splitlines()[0], "the banner is over the header"
        assert "thisisapipe,notafile" in "".join(run.screen().replace("█", "").split())
        run.keys("q")
        assert "EXIT=0" in run.finish(polls=100).screen
    finally:
        with contextlib.suppress(OSError):  # let a reload stuck opening it go (the fault under test)
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_a_guide_from_a_process_substitution_is_read_at_start(terminal: Start) -> None:
    command = f"{APP} --content <(cat {FIXTURE}) --fresh"
    run = terminal(argv=["bash", "-c", command])
    assert run.wait_for("First topic"), run.screen()
    run.keys("q")
    assert "EXIT=0" in run.finish().screen


def test_damaged_files_of_the_apps_own_never_stop_a_start(terminal: Start, tmp_path: Path) -> None:
    """A state file nested too deeply to parse, a planted 5 GB cache entry and a FIFO for the crash
    log: the app starts with one line about the state, and the next start says nothing."""
    state, cache = tmp_path / "state" / "ketamine-tui", tmp_path / "cache" / "ketamine-tui"
    state.mkdir(parents=True)
    cache.mkdir(parents=True)
    (state / "state.json").write_bytes(b"[" * 100_000)
    os.mkfifo(state / "crash.log")
    with (cache / f"{hashlib.sha256(FIXTURE.read_bytes()).hexdigest()}.guide").open("wb") as entry:
        entry.truncate(5 * 1024**3)
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = [str(APP), "--content", str(FIXTURE)]
    first = terminal(argv=argv, env=env)
    assert first.wait_for("set aside as state.json.damaged"), first.screen()
    assert "First topic" in first.screen()
    first.keys("q")
    assert "EXIT=0" in first.finish().screen
    second = terminal(argv=argv, env=env)
    assert second.wait_for("First topic"), second.screen()
    second.keys("q")
    run = second.finish()
    assert "EXIT=0" in run.screen and "Saved reading place" not in run.screen


ENTITIES = ["&#x202E;", "&rlm;", "&lrm;", "&#x2067;", "&#x61c;", "&#x200b;", "&#xFEFF;", "&#xE0041;"]
"""HTML entities that Markdown decodes into characters never to be drawn: bidi controls, invisibles."""


def test_entities_never_reach_the_terminal_as_characters(terminal: Start, tmp_path: Path) -> None:
    """Refused by the loader (status 2), or drawn without them: never their bytes in the output."""
    body = "".join(f"          Entity {entity}here.\n\n" for entity in ENTITIES)
    text = FIXTURE.read_text(encoding="utf-8").replace("          Third topic text.\n", body)
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    run = terminal(path)
    if run.wait_for("Third topic", "EXIT="):
        run.keys("3")
        run.wait_for("Entity here.")
        run.keys("q")
    done = run.finish()
    assert "EXIT=0" in done.screen or "EXIT=2" in done.screen, done.screen
    if "EXIT=0" in done.screen:
        assert b"Entity here." in done.raw, "the topic was not drawn"
    characters = ["\u202e", "\u200f", "\u200e", "\u2067", "\u061c", "\u200b", "\ufeff", "\U000e0041"]
    found = {hex(ord(c)): done.raw.count(c.encode()) for c in characters if c.encode() in done.raw}
    assert not found, f"drawn: {found}"
