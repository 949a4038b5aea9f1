"""Read, parse and validate a guide file: ``load_guide(path)`` returns a :class:`Guide` or raises
:class:`ContentError`, which lists every problem found as ``path:line:column: message``.

No Textual imports: the CLI's ``check`` uses this alone.
"""

from __future__ import annotations

import gc
import os
import re
import selectors
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from tui.guide.model import MAX_FILE_BYTES, ContentError, Guide, Issue

if TYPE_CHECKING:
    from tui.guide.nodes import Mark

__all__ = ["PIPE_SECONDS", "default_guide_path", "load_guide", "parse_guide", "paused", "read_guide_bytes"]

PIPE_SECONDS = 10.0
"""How long a guide given as a pipe (``--content <(command)``) may take to come to its end."""

_NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
"""Opening a FIFO does not wait for a writer, and a terminal never becomes the controlling one."""


@contextmanager
def paused() -> Iterator[None]:
    """No automatic garbage collections inside; the collector runs again after, if it ran before.

    A guide is many small objects made to last, with no cycles among them: the collector's rounds while
    it is built would free nothing (about 60 ms with 10,000 topics). ``tui.memory`` shares this.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_guide_path() -> Path:
    """The built-in guide: the copy inside an installed wheel, else the source tree's ``content.yaml``."""
    # The wheel puts the file in the ``tui`` package (see pyproject.toml); importlib.resources would
    # find the same file, but costs a few milliseconds of imports at start-up (the package is never
    # run from a zip).
    package = Path(__file__).resolve().parent.parent
    packaged = package / "content.yaml"
    return packaged if packaged.is_file() else package.parent / "content.yaml"


def load_guide(path: str | Path) -> Guide:
    """Read, parse and validate a guide file."""
    return parse_guide(read_guide_bytes(path), str(path))


def read_guide_bytes(path: str | Path, *, pipe_seconds: float = PIPE_SECONDS) -> bytes:
    """A guide file's bytes (at most one more than the limit), or a ContentError saying why not.

    It never waits for ever. A device or a socket is refused unopened (a link to ``/dev/tty`` would
    read the keyboard). A FIFO, or the pipe of ``--content <(command)``, is opened without waiting for a
    writer and read to its end within ``pipe_seconds``, and refused when that is 0 (a reload)."""
    try:
        kind = _kind(os.stat(path).st_mode)  # looked at before it is opened: opening a device can act on it
        if kind in _REFUSED:
            raise _Refused(_REFUSED[kind])
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | _NO_WAIT)
        with os.fdopen(fd, "rb") as file:
            kind = _kind(os.fstat(fd).st_mode)  # what was opened, which may not be what was looked at
            if kind == "file":
                return file.read(MAX_FILE_BYTES + 1)
            if kind == "pipe" and pipe_seconds > 0:
                return _read_pipe(fd, pipe_seconds)
            raise _Refused(_REFUSED.get(kind, "this is a pipe, not a file: a pipe is read once, at start"))
    except FileNotFoundError:
        message = "file not found"
    except _Refused as refused:
        message = str(refused)
    except OSError as error:
        message = f"cannot read file: {error.strerror}"
    raise ContentError([Issue(str(path), 1, 1, message)]) from None


class _Refused(Exception):
    """A file that is there but is not read, and why, in words."""


_REFUSED = {"folder": "this is a folder, not a file", "device": "this is a device or a socket, not a file"}
"""Kinds of file never opened, and what the user is told."""


def _kind(mode: int) -> str:
    """What a file's mode says it is: "file", "pipe" (a FIFO or a pipe), "folder" or "device" (a socket
    too)."""
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "pipe"
    return "folder" if stat.S_ISDIR(mode) else "device"


def _read_pipe(fd: int, seconds: float) -> bytes:
    """What a pipe (opened without blocking) gives until its writer closes it, up to one byte more
    than the limit; refused if that takes more than ``seconds``."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    size = 0
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while size <= MAX_FILE_BYTES:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                raise _Refused(f"the pipe did not come to its end within {seconds:g} seconds")
            with suppress(BlockingIOError):  # woken with nothing to read after all
                chunk = os.read(fd, 1024 * 1024)
                if not chunk:
                    break  # the end: every writer has closed it
                chunks.append(chunk)
                size += len(chunk)
    return b"".join(chunks)[: MAX_FILE_BYTES + 1]


def parse_guide(data: bytes, name: str = "<content>") -> Guide:
    """Validate a guide held in memory; ``name`` is used in error messages."""
    # Imported here: the schema brings PyYAML (about 7 ms), which a guide read from the cache never needs.
    from tui.guide import schema
    from tui.guide.nodes import Mark, Problem

    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise ContentError([Issue(name, 1, 1, f"file is larger than the {limit} MiB limit")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        raise ContentError([Issue(name, line, column, message)]) from None
    odd = _odd_line_breaks(text)
    if odd:
        raise ContentError([Issue(name, mark.line, mark.column, message) for mark, message in odd])
    with paused():
        try:
            guide, problems = schema.build_guide(text)
        except RecursionError:
            problems, guide = [Problem(Mark(1, 1), "the file is nested too deeply")], None
    if guide is None or problems:
        raise ContentError([Issue(name, p.mark.line, p.mark.column, p.message) for p in problems])
    return guide


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
_BREAK = re.compile("\r\n|[\r\n]")
_ODD_NAMES = {
    "\x85": "U+0085 (next line)",
    "\u2028": "U+2028 (line separator)",
    "\u2029": "U+2029 (paragraph separator)",
}


def _odd_line_breaks(text: str) -> list[tuple[Mark, str]]:
    """Each character that YAML counts as a line break and editors do not (U+0085, U+2028, U+2029),
    placed by the lines an editor shows. Left in, they would put every later position in a message
    off by a line, so the file is refused before YAML reads it."""
    from tui.guide.nodes import MAX_PROBLEMS, Mark

    if text.isascii():
        return []
    found: list[tuple[Mark, str]] = []
    line, start = 1, 0
    for match in _ODD_BREAK.finditer(text):
        breaks = _BREAK.findall(text, start, match.start())
        if breaks:
            line += len(breaks)
            start = max(text.rfind("\n", start, match.start()), text.rfind("\r", start, match.start())) + 1
        message = (
            f"the file contains {_ODD_NAMES[match.group()]}, which YAML reads as a line break; "
            "save the file as UTF-8 (a character was decoded wrongly), or retype the text here"
        )
        found.append((Mark(line, match.start() - start + 1), message))
        if len(found) >= MAX_PROBLEMS:
            break
    return found
