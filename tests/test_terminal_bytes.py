"""The raw bytes the installed app writes to a real terminal (tmux), on hostile guides.

Content that holds terminal escapes is refused before anything is drawn. Content that only looks like
them is drawn as text: the app's output then holds no more clipboard (OSC 52), window-title (OSC 2),
clear-screen (CSI 2J) or one-byte C1 sequences than on the benign fixture guide with the same keys,
tmux's paste buffers stay empty and the pane's title is untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import terminals
from terminals import APP, Run, Start, Terminal

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the raw terminal output cannot be captured"
)

FIXTURES = Path(__file__).parent / "fixtures"
BENIGN = FIXTURES / "guide.yaml"
ESCAPES = FIXTURES / "hostile" / "escapes.yaml"
RAW_ESCAPE = FIXTURES / "hostile" / "raw-escape.yaml"
LOOKALIKES = FIXTURES / "hostile" / "lookalikes.yaml"

SEQUENCES = {
    "OSC 52 (clipboard)": b"\x1b]52;",
    "OSC 2 (window title)": b"\x1b]2;",
    "OSC 0 (window title)": b"\x1b]0;",
    "CSI 2J (clear screen)": b"\x1b[2J",
    "C1 CSI": "\x9b".encode(),
    "C1 OSC": "\x9d".encode(),
}
"""What content must never make the app write: counted in the raw output of a run."""

terminal = terminals.terminal
"""The fixture that starts terminals (see ``terminals.py``)."""


def counts(raw: bytes) -> dict[str, int]:
    return {name: raw.count(sequence) for name, sequence in SEQUENCES.items()}


def read_with_keys(terminal: Terminal, pages: tuple[str, str, str]) -> Run:
    """Next, next, search, type, close, help, close, quit; ``pages`` is a text of each page to be seen."""
    first, second, third = pages
    assert terminal.wait_for(first), f"the app did not start:\n{terminal.screen()}"
    terminal.keys("n")
    assert terminal.wait_for(second), terminal.screen()
    terminal.keys("n")
    assert terminal.wait_for(third), terminal.screen()
    terminal.keys("/")
    assert terminal.wait_for("Type to search every topic."), terminal.screen()
    terminal.keys("pwned", literal=True)
    assert terminal.wait_for(" result", "No topic has all"), terminal.screen()
    terminal.keys("Escape")
    assert terminal.wait_for(" result", "No topic has all", gone=True), terminal.screen()
    terminal.keys("?")
    assert terminal.wait_for("Esc closes this list"), terminal.screen()
    terminal.keys("Escape")
    assert terminal.wait_for("Esc closes this list", gone=True), terminal.screen()
    terminal.keys("q")
    return terminal.finish()


def test_the_capture_sees_what_a_program_writes(terminal: Start) -> None:
    """The harness itself: a program that does write the sequences is caught on every count."""
    payload = "\x1b]52;c;aGVsbG8=\x07\x1b]2;pwned\x07\x1b[2J"
    run = terminal(argv=[sys.executable, "-c", f"print({payload!r}, flush=True)"]).finish()
    assert "EXIT=0" in run.screen
    found = counts(run.raw)
    assert found["OSC 52 (clipboard)"] == found["OSC 2 (window title)"] == found["CSI 2J (clear screen)"] == 1
    assert run.buffers != "", "tmux did not take the clipboard write as a buffer"
    assert "pwned" in run.pane_title


def test_check_refuses_every_escape_and_prints_none() -> None:
    for path in (ESCAPES, RAW_ESCAPE):
        result = subprocess.run([str(APP), "check", str(path)], capture_output=True, check=False, timeout=60)
        assert result.returncode == 1, result.stderr.decode()
        assert result.stdout == b""
        assert b"control character U+" in result.stderr
        assert not any(sequence in result.stderr for sequence in SEQUENCES.values())
        assert not any(byte in result.stderr for byte in (b"\x1b", b"\x07", b"\x9b", b"\x9d"))
    # Every text field of the escapes file is reported, each at its own line.
    lines = subprocess.run(
        [str(APP), "check", str(ESCAPES)], capture_output=True, text=True, check=False, timeout=60
    ).stderr.splitlines()
    assert len(lines) == 21, lines
    assert len({line.split(":")[1] for line in lines}) == 21


@pytest.mark.parametrize("path", [ESCAPES, RAW_ESCAPE], ids=["yaml-escapes", "raw-esc-byte"])
def test_reader_refuses_escapes_without_drawing(terminal: Start, path: Path) -> None:
    run = terminal(path).finish()
    assert "EXIT=2" in run.screen
    assert "control character U+" in run.screen
    assert b"\x1b[?1049h" not in run.raw, "the app switched to the alternate screen: it started"
    assert counts(run.raw) == dict.fromkeys(SEQUENCES, 0), run.raw
    assert run.buffers == ""
    assert "pwned" not in run.pane_title


def test_lookalikes_are_drawn_as_text_and_write_no_sequence(terminal: Start) -> None:
    benign_pages = (
        "The first topic of the fixture guide.",
        "The second topic, with a table.",
        "A third topic.",
    )
    benign = read_with_keys(terminal(BENIGN), benign_pages)
    hostile_pages = ("summary [2J", "]52;c;aGVsbG8= second summary", "Every reference this guide cites")
    hostile = read_with_keys(terminal(LOOKALIKES), hostile_pages)
    for run in (benign, hostile):
        assert "EXIT=0" in run.screen, run.screen
        assert b"\x1b[?1049h" in run.raw, "the app never drew its screen"
    # The content was really drawn, as text.
    for text in ("]2;pwned lookalike topic", "]2;pwned source [2J", "ESC]52;c;aGVsbG8= lookalike guide"):
        assert text.encode() in hostile.raw, f"{text!r} was not drawn"
    benign_counts, hostile_counts = counts(benign.raw), counts(hostile.raw)
    extra = {name: n - benign_counts[name] for name, n in hostile_counts.items() if n > benign_counts[name]}
    assert not extra, f"content made the app write {extra} (benign run: {benign_counts})"
    assert hostile_counts["OSC 52 (clipboard)"] == 0
    assert hostile.buffers == "", f"a paste buffer was set: {hostile.buffers!r}"
    assert "pwned" not in hostile.pane_title, f"the pane title was set: {hostile.pane_title!r}"
