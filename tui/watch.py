"""Notice when a content file changes, the way editors save: in place, in parts, or by replacing it.

Polling the file's status is enough here and needs no new dependency. A change is reported only
once the status has stayed the same for one poll, so a file caught half-written is read again
when the writing has finished. Something other than a regular file (a pipe, a device) counts as one
change when it takes the file's place, and the reload then refuses it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["FileWatcher"]

Signature = tuple[int, int, int] | None
"""(modification time in ns, size, inode), ``(0, -1, inode)`` for what is not a regular file, or
``None`` while the file is missing."""


def _signature(path: Path) -> Signature:
    try:
        status = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        # A pipe or a device (its times change as it is used): one change when it appears, then none.
        return (0, -1, status.st_ino)
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
