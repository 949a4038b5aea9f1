"""Where the app's own files live (cache entries, the saved state, the crash log), and how they are read,
written and set aside.

The app's own files are read only if they are regular files, opened without following a symbolic link
and without blocking (opening a FIFO to read waits for a writer, so a FIFO put in place of one would
hang the start for ever), and only up to a size limit (a huge or sparse file is refused unread). They
are written atomically, through a temporary file and a rename, and a damaged one is set aside by a
rename so that the next start is clean.
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
    "OPEN_FLAGS",
    "FileTooLarge",
    "NotARegularFile",
    "default_cache_dir",
    "default_state_dir",
    "open_own_file",
    "read_regular_file",
    "set_aside",
    "write_atomically",
]

APP_NAME = "ketamine-tui"
"""The name of the app's folders in the user's state and cache directories."""

OPEN_FLAGS = (
    getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC
)
"""Added to every opening of one of the app's own files: never through a symbolic link, never waiting
for a FIFO's other end, never making a terminal the controlling one (the flags a system lacks are 0)."""


def default_state_dir() -> Path:
    """The per-user state directory, for example ``~/.local/state/ketamine-tui`` on Linux."""
    from platformdirs import user_state_dir  # imported when asked for: ``check`` needs no folders

    return Path(user_state_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    """The per-user cache directory, for example ``~/.cache/ketamine-tui`` on Linux."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


class NotARegularFile(OSError):
    """The path names something other than a regular file: a FIFO, a device, a folder, a symbolic link."""


class FileTooLarge(OSError):
    """The file is larger than the limit its reader sets."""


def open_own_file(path: Path, flags: int, mode: int = 0o600) -> int:
    """A descriptor of ``path`` opened with ``flags`` and :data:`OPEN_FLAGS`, which must be a regular file;
    raises :class:`NotARegularFile` (a symbolic link included), and ``OSError`` as ``os.open`` does."""
    try:
        fd = os.open(path, flags | OPEN_FLAGS, mode)
    except OSError as error:
        # ELOOP (EMLINK on FreeBSD): a symbolic link; ENXIO: a FIFO opened to write with no reader;
        # EISDIR: a folder opened to write.
        if error.errno in (errno.ELOOP, errno.EMLINK, errno.ENXIO, errno.EISDIR):
            raise NotARegularFile(error.errno, "not a regular file", str(path)) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
    return fd


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes; raises :class:`NotARegularFile`,
    :class:`FileTooLarge`, and ``OSError`` as ``open`` does."""
    with os.fdopen(open_own_file(path, os.O_RDONLY), "rb") as file:
        if os.fstat(file.fileno()).st_size > limit:  # a sparse file of gigabytes is refused unread
            raise FileTooLarge(errno.EFBIG, "too large", str(path))
        data = file.read(limit + 1)  # the file may have grown since
    if len(data) > limit:
        raise FileTooLarge(errno.EFBIG, "too large", str(path))
    return data


def set_aside(path: Path, suffix: str) -> Path | None:
    """Rename ``path`` (whatever it is) to its name plus ``suffix``, replacing an earlier one; the new
    path, or ``None`` if it could not be renamed."""
    aside = path.with_name(path.name + suffix)
    try:
        os.replace(path, aside)
    except OSError:
        return None
    return aside


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
