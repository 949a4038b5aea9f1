"""Figure 1, start-up: whole-process time to first paint and peak RSS, ``ketamine-tui`` against a minimal App.

Both run the same way: a fresh process of the venv's interpreter, with :class:`PaintDriver` as the Textual
driver (``TEXTUAL_DRIVER``), ending itself at the first frame that shows its text. For the reader that text
is the start of the first topic's summary in the content pane (a frame with only the sidebar does not
count); for the minimal App it is its one Static. Runs alternate between the two after one warm-up each.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from common import BENCH, ChildRun, log, run_child
from minimal_app import MINIMAL_TEXT

__all__ = ["Interpreter", "StartupSamples", "app_command", "check_interpreter", "measure", "minimal_command"]


@dataclass
class StartupSamples:
    """Runs of the measured command and of the minimal App, in the order they were made."""

    app: list[ChildRun]
    minimal: list[ChildRun]


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


def minimal_command() -> list[str]:
    """The minimal App, on the same interpreter."""
    return [sys.executable, str(BENCH / "minimal_app.py")]


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


def measure(app: list[str], marker: str, runs: int, *, label: str) -> StartupSamples:
    """Alternate ``runs`` runs of ``app`` and of the minimal App, after a warm-up of each."""
    samples = StartupSamples([], [])
    for number in range(runs + 1):
        for name, command, text, into in (
            ("minimal App", minimal_command(), MINIMAL_TEXT, samples.minimal),
            (label, app, marker, samples.app),
        ):
            run = run_child(command, text)
            if run.error:
                raise RuntimeError(f"{name} did not paint: {run.error}")
            if number:  # run 0 warms the file cache
                into.append(run)
            log(f"{label}: run {number}/{runs}, {name}: {run.wall * 1000:.0f} ms, {run.max_rss >> 20} MiB")
    return samples
