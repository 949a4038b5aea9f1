"""Where things are in the file: the indentation of its lines, and the line and column of a character
of a scalar's text, so that a problem found inside a text is reported where the author wrote it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from tui.guide.nodes import Mark, Node

__all__ = ["Lines", "place", "positions_in"]

_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` splits at (the loader refuses the others before YAML reads the file)."""
_SPACES = re.compile(" *")


class Lines:
    """The lines of a file, each found when asked for, without copying any line (``splitlines()``
    takes 400 MiB for a 16 MiB file of short lines).

    Lines are mostly asked for in file order, so a cursor moving forward reads the text about once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.number = 1
        """The line the cursor is on (1-based)."""
        self.start = 0
        """Where that line starts in ``text``, or -1 past the end of the file."""

    def seek(self, number: int) -> int:
        """Where line ``number`` (1-based) starts in the text, or -1 past its end."""
        if number < self.number:
            self.number, self.start = 1, 0
        if number > self.number and self.start >= 0:
            breaks = _LINE_BREAK.finditer(self.text, self.start)
            found = next(itertools.islice(breaks, number - self.number - 1, None), None)
            self.start = found.end() if found is not None else -1
        self.number = number
        return self.start

    def indent(self, number: int) -> int:
        """How many spaces start line ``number`` (1-based); 0 past the end of the file."""
        start = self.seek(number)
        spaces = _SPACES.match(self.text, start) if start >= 0 else None
        return spaces.end() - start if spaces else 0

    def line(self, number: int) -> str:
        """The text of line ``number`` (1-based), without its line break; empty past the end."""
        start = self.seek(number)
        if start < 0:
            return ""
        found = _LINE_BREAK.search(self.text, start)
        return self.text[start : found.start() if found else len(self.text)]

    def mark_after(self, line: int, start: int, index: int) -> Mark:
        """The line and column of the character at ``index``, which is on line ``line`` (starting at
        ``start`` in the text) or after it."""
        breaks = list(_LINE_BREAK.finditer(self.text, start, index))
        if breaks:
            line, start = line + len(breaks), breaks[-1].end()
        return Mark(line, index - start + 1)


def positions_in(lines: Lines, node: Node, offsets: Iterable[int]) -> Iterator[Mark]:
    """Where characters of a scalar's text are in the file (exact for block and one-line scalars).

    The offsets must ascend: the text is read once, however many there are.
    """
    value, scanned, line_in_text, line_start = node.value, 0, 0, 0
    block = node.style in ("|", ">")
    # A block's text starts on the next line; its own indentation is that of its first line,
    # and any deeper indentation of later lines is part of the text (so already in the column).
    base = lines.indent(node.mark.line + 1) if block else 0
    for offset in offsets:
        line_in_text += value.count("\n", scanned, offset)
        newline = value.rfind("\n", scanned, offset)
        line_start = newline + 1 if newline >= 0 else line_start
        scanned, column_in_line = offset, offset - line_start
        if not block:
            quote = 1 if node.style in ('"', "'") else 0
            yield Mark(node.mark.line + line_in_text, node.mark.column + quote + column_in_line)
            continue
        yield Mark(node.mark.line + 1 + line_in_text, base + column_in_line + 1)


def place(lines: Lines | None, node: Node, offset: int, length: int = 1) -> Mark:
    """Where the text at ``offset`` (``length`` characters of it) of a scalar was written in the file.

    Exact for a literal block (``|``); for other scalars, whose lines YAML folds or whose escapes
    it reads, the same characters are looked for in the file from where the scalar starts. Text that
    an escape made (``"\\u200b"``) is not in the file as such: the scalar's start is given then.
    """
    if lines is None:
        return node.mark
    value = node.value
    if node.style == "|":
        return next(positions_in(lines, node, [offset]))
    line_start = lines.seek(node.mark.line)
    if line_start < 0:
        return node.mark
    start = line_start + node.mark.column - 1
    wanted = value[offset : offset + max(1, length)].split("\n", 1)[0] or value[offset : offset + 1]
    # Plain, single-quoted and folded scalars hold their characters as written (YAML only folds the
    # line breaks and doubles a quote), so the same occurrence comes up in the same order.
    at = start
    for _ in range(value.count(wanted, 0, offset) + 1):
        at = lines.text.find(wanted, at) + 1
        if at == 0:
            return node.mark
    found = at - 1
    if node.style == '"' and "\\" in lines.text[start:found]:
        return node.mark  # escapes before it: the same characters may stand for others
    return lines.mark_after(node.mark.line, line_start, found)
