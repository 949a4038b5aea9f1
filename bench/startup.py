"""Start-up: whole-process time to first paint and peak RSS, of the reader and of a minimal App.

Every command runs the same way: a fresh process of the venv's interpreter, with :class:`PaintDriver` as
the Textual driver (``TEXTUAL_DRIVER``), ending itself at the first frame that shows its text. For the
reader that text is the start of the first topic's lead in the content pane (a frame with only the topic
list does not count); for the minimal App it is its one Static. The commands take turns, after one
warm-up round.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from common import BENCH, ChildRun, log, run_child
from minimal_app import MINIMAL_TEXT

__all__ = [
    "MINIMAL",
    "Interpreter",
    "Start",
    "app_command",
    "check_interpreter",
    "measure",
    "variant_command",
]


@dataclass(frozen=True)
class Start:
    """A command to start, and the text whose first paint ends it."""

    label: str
    argv: list[str]
    marker: str


MINIMAL = Start("minimal App", [sys.executable, str(BENCH / "minimal_app.py")], MINIMAL_TEXT)
"""The baseline."""


@dataclass
class Interpreter:
    """What the console script starts: its ``#!`` line and whether that is a pyenv shim."""

    script: str
    shebang: str
    resolved: str
    is_shim: bool


def console_script() -> Path:
    """The venv's ``ketamine-tui`` script."""
    return Path(sys.prefix) / "bin" / "ketamine-tui"


def app_command(content: Path | None = None) -> list[str]:
    """The reader's console script, on the built-in guide or on ``content``."""
    script = console_script()
    command = [str(script)] if script.exists() else [sys.executable, "-m", "tui"]
    return command + (["--content", str(content)] if content is not None else [])


def variant_command(variant: str, content: Path | None = None) -> list[str]:
    """The command line run by ``variants.py`` with one mechanism turned off (``"none"``: none)."""
    command = [sys.executable, str(BENCH / "variants.py"), variant]
    return command + (["--content", str(content)] if content is not None else [])


def check_interpreter() -> Interpreter:
    """Read the console script's ``#!`` line: a pyenv shim is a shell script that starts ``pyenv`` first."""
    script = console_script()
    if not script.exists():
        return Interpreter(str(script), "(no console script)", "", False)
    first = script.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    interpreter = Path(first.removeprefix("#!").strip().split()[0]) if first.startswith("#!") else Path()
    resolved = interpreter.resolve() if interpreter.parts else interpreter
    head = resolved.read_bytes()[:4] if resolved.is_file() else b""
    is_shim = "shims" in {*interpreter.parts, *resolved.parts} or head != b"\x7fELF"
    return Interpreter(str(script), first, str(resolved), is_shim)


def measure(starts: list[Start], runs: int) -> dict[str, list[ChildRun]]:
    """``runs`` runs of each start, taking turns, after a warm-up round (it fills the file cache, the
    bytecode cache and the reader's own cache); by label."""
    samples: dict[str, list[ChildRun]] = {start.label: [] for start in starts}
    for number in range(runs + 1):
        for start in starts:
            run = run_child(start.argv, start.marker)
            if run.error:
                raise RuntimeError(f"{start.label} did not paint: {run.error}")
            if number:
                samples[start.label].append(run)
            log(f"start-up {number}/{runs}, {start.label}: {run.wall * 1000:.0f} ms, {run.max_rss >> 20} MiB")
    return samples
