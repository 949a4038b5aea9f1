"""Where an unexpected error's traceback goes: a log file in the user state directory.

Textual prints the traceback of an unhandled exception through ``App.error_console`` after it has
restored the terminal. Pointing that console at this file keeps tracebacks off a kiosk's screen
and keeps them for the operator. The file is opened only when there is something to write, as one of
the app's own files (``tui.store.files``): never through a symbolic link and never waiting on a FIFO.
Anything else in its place is set aside, and a log past :data:`LIMIT` is moved to ``crash.log.old``,
so that a crash-looping booth cannot fill the disk.
"""

from __future__ import annotations

import contextlib
import io
import os
from datetime import datetime
from pathlib import Path
from typing import IO, cast

from rich.console import Console

from tui.store.files import NotARegularFile, open_own_file, set_aside

__all__ = ["LIMIT", "CrashLog"]

LIMIT = 1024 * 1024
"""Size past which the log starts afresh, the previous one kept as ``crash.log.old`` (1 MiB: dozens of
tracebacks)."""


class CrashLog(io.TextIOBase):
    """A text stream that appends to ``path``, creating it (and a dated heading) on first write."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.written = False
        """Whether an error was reported (and so the app ended on one)."""
        self.problem: str | None = None
        """Why the log could not be written, in words; ``None`` if it was, or if nothing was reported."""
        self._file: io.TextIOWrapper | None = None

    def write(self, text: str) -> int:
        if self.closed:
            return 0
        self.written = True
        try:
            if self._file is None and self.problem is None:
                self._file = self._open()
                self._file.write(
                    f"\n=== ketamine-tui error at {datetime.now().isoformat(timespec='seconds')}\n"
                )
            if self._file is not None:
                self._file.write(text)
        except OSError as error:  # nowhere to keep it (a full disk, a folder that cannot be made)
            self._give_up(error)
        return len(text)

    def _give_up(self, error: OSError) -> None:
        self.problem = (error.strerror or type(error).__name__).lower()
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None

    def _open(self) -> io.TextIOWrapper:
        """The log opened to append: a regular file of the app's own (anything else in its place is set
        aside), started afresh once it has grown past :data:`LIMIT`."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        try:
            fd = open_own_file(self.path, flags)
        except NotARegularFile:
            if set_aside(self.path, ".damaged") is None:
                raise
            fd = open_own_file(self.path, flags)
        if os.fstat(fd).st_size > LIMIT and set_aside(self.path, ".old") is not None:
            os.close(fd)
            fd = open_own_file(self.path, flags)
        return open(fd, "a", encoding="utf-8")

    def flush(self) -> None:
        try:
            if self._file is not None:
                self._file.flush()
        except OSError as error:
            self._give_up(error)

    def close(self) -> None:
        try:
            if self._file is not None:
                self._file.close()
                self._file = None
        except OSError as error:
            self._give_up(error)
        super().close()

    def console(self) -> Console:
        """A plain-text Rich console writing here, to stand in for ``App.error_console``."""
        return Console(file=cast(IO[str], self), markup=False, highlight=False, color_system=None, width=120)
