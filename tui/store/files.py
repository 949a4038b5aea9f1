"""Where the app's own files live (cache entries, the kept first screen, the saved state), and how they
are read and written.

Opening a FIFO to read waits for a writer, so a FIFO put in place of one of these files would hang the
start for ever: they are opened without blocking and read only if they are regular files. They are
written atomically, through a temporary file and a rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = [
    "APP_NAME",
    "NotARegularFile",
    "default_cache_dir",
    "default_state_dir",
    "read_regular_file",
    "write_atomically",
]

APP_NAME = "ketamine-tui"
"""The name of the app's folders in the user's state and cache directories."""


def default_state_dir() -> Path:
    """The per-user state directory, for example ``~/.local/state/ketamine-tui`` on Linux."""
    from platformdirs import user_state_dir  # imported when asked for: ``check`` needs no folders

    return Path(user_state_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    """The per-user cache directory, for example ``~/.cache/ketamine-tui`` on Linux."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


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


def write_atomically(path: Path, data: bytes, *, prefix: str, folder_mode: int = 0o777) -> None:
    """Write ``data`` to ``path`` through a temporary file (``prefix``…``.tmp``) in the same folder and
    a rename, so that a reader finds the old file or the new one, never half of one. The folder is made
    if it is missing, with ``folder_mode``. Raises ``OSError``, after removing the temporary file."""
    temporary: str | None = None
    try:
        path.parent.mkdir(mode=folder_mode, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
        temporary = None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
