"""Read, parse and validate a guide file: ``load_guide(path)`` returns a :class:`Guide` or raises
:class:`ContentError`, which lists every problem found as ``path:line:column: message``.

No Textual imports: the CLI's ``check`` uses this alone.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.guide.model import MAX_FILE_BYTES, ContentError, Guide, Issue

__all__ = ["default_guide_path", "load_guide", "parse_guide", "paused", "read_guide_bytes"]


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


def read_guide_bytes(path: str | Path) -> bytes:
    """A guide file's bytes (at most one more than the limit), or a ContentError saying why not."""
    name = str(path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ContentError([Issue(name, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise ContentError([Issue(name, 1, 1, "this is a folder, not a file")]) from None
    except OSError as error:
        raise ContentError([Issue(name, 1, 1, f"cannot read file: {error.strerror}")]) from None
    return data


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
    with paused():
        try:
            guide, problems = schema.build_guide(text)
        except RecursionError:
            problems, guide = [Problem(Mark(1, 1), "the file is nested too deeply")], None
    if guide is None or problems:
        raise ContentError([Issue(name, p.mark.line, p.mark.column, p.message) for p in problems])
    return guide
