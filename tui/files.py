"""Reading the app's own files (cache entries, the saved state) without blocking on a planted FIFO.

Opening a FIFO to read waits for a writer, so a FIFO put in place of one of these files would hang the
start for ever. They are opened without blocking and read only if they are regular files.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["NotARegularFile", "read_regular_file"]


class NotARegularFile(OSError):
    """The path names something other than a regular file (a FIFO, a device, a folder)."""


def read_regular_file(path: Path, limit: int = -1) -> bytes:
    """The bytes of ``path`` (at most ``limit`` of them, if given); raises :class:`NotARegularFile` for
    anything but a regular file, and ``OSError`` as ``open`` does."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        return file.read(limit)
