"""Where an unexpected error's traceback goes: a log file in the user state directory.

Textual prints the traceback of an unhandled exception through ``App.error_console`` after it has
restored the terminal. Pointing that console at this file keeps tracebacks off a kiosk's screen
and keeps them for the operator. The file is opened only when there is something to write.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import IO, cast

from rich.console import Console

__all__ = ["CrashLog"]


class CrashLog(io.TextIOBase):
    """A text stream that appends to ``path``, creating it (and a dated heading) on first write."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.written = False
        self._file: io.TextIOWrapper | None = None

    def write(self, text: str) -> int:
        if self.closed:
            return 0
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
            self._file.write(f"\n=== ketamine-tui error at {datetime.now().isoformat(timespec='seconds')}\n")
        self.written = True
        return self._file.write(text)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()

    def console(self) -> Console:
        """A plain-text Rich console writing here, to stand in for ``App.error_console``."""
        return Console(file=cast(IO[str], self), markup=False, highlight=False, color_system=None, width=120)
