"""Notice when a content file changes, the way editors save: in place, in parts, or by replacing it.

Polling the file's status is enough here and needs no new dependency. A change is reported only
once the status has stayed the same for one poll, so a file caught half-written is read again
when the writing has finished.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["FileWatcher"]

Signature = tuple[int, int, int] | None
"""(modification time in ns, size, inode), or ``None`` while the file is missing."""


def _signature(path: Path) -> Signature:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


class FileWatcher:
    """Call :meth:`poll` regularly; it returns True when the file is worth reading again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loaded: Signature = _signature(path)
        """The status of the file as last read."""
        self._seen: Signature = self.loaded

    @property
    def missing(self) -> bool:
        """True when the last poll found no file (deleted, or between an editor's delete and write)."""
        return self._seen is None

    def poll(self) -> bool:
        current = _signature(self.path)
        settled = current == self._seen
        self._seen = current
        if settled and current is not None and current != self.loaded:
            self.loaded = current
            return True
        return False
