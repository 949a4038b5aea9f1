"""The file watcher: in-place edits, partial writes, delete and re-create."""

from __future__ import annotations

import os
from pathlib import Path

from tui.watch import FileWatcher


def touch(path: Path, text: str, tick: int) -> None:
    path.write_text(text)
    os.utime(path, ns=(tick * 10**9, tick * 10**9))


def test_a_change_is_reported_once_it_has_settled(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    touch(path, "a", 1)
    watcher = FileWatcher(path)
    assert not watcher.poll()
    touch(path, "ab", 2)
    assert not watcher.poll(), "first sight of a change: it may still be being written"
    assert watcher.poll()
    assert not watcher.poll(), "reported once"


def test_a_file_still_being_written_is_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    touch(path, "a", 1)
    watcher = FileWatcher(path)
    for tick, text in enumerate(["ab", "abc", "abcd"], start=2):
        touch(path, text, tick)
        assert not watcher.poll()
    assert watcher.poll()


def test_delete_and_recreate(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    touch(path, "a", 1)
    watcher = FileWatcher(path)
    path.unlink()
    assert not watcher.poll() and watcher.missing
    assert not watcher.poll()
    touch(path, "new", 5)
    assert not watcher.poll() and not watcher.missing
    assert watcher.poll()


def test_a_fifo_in_place_of_the_file_is_one_change(tmp_path: Path) -> None:
    """Reported once, for the reload to refuse it; its times change as it is used, which is no change."""
    path = tmp_path / "g.yaml"
    touch(path, "a", 1)
    watcher = FileWatcher(path)
    path.unlink()
    os.mkfifo(path)
    assert not watcher.poll()
    assert watcher.poll()
    os.utime(path, ns=(7 * 10**9, 7 * 10**9))
    assert not watcher.poll() and not watcher.poll()
    path.unlink()
    touch(path, "back", 9)
    assert not watcher.poll()
    assert watcher.poll()
