"""Word wrap for the topic list's titles: greedy, at spaces, measured in terminal cells."""

from __future__ import annotations

from rich.cells import cell_len, chop_cells

__all__ = ["wrap_words"]


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces into lines of at most ``width`` cells; a longer word is cut in pieces."""
    if _single_spaced_ascii(text) and width > 0:
        return _wrap_at_spaces(text, width)
    return _wrap_word_by_word(text, width)


def _wrap_word_by_word(text: str, width: int) -> list[str]:
    measure = len if text.isascii() else cell_len  # one cell per character: 3 times faster for 10,000
    if measure(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = measure(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        if size > width:
            *whole, word = chop_cells(word, width)
            lines += whole
            size = measure(word)
        line, used = word, size
    lines.append(line)
    return lines


def _single_spaced_ascii(text: str) -> bool:
    """Printable ASCII words between single spaces: where cutting at the last space that fits is the
    same as the word-by-word wrap above, twice as fast (most titles)."""
    return text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]


def _wrap_at_spaces(text: str, width: int) -> list[str]:
    lines: list[str] = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut > 0:
            lines.append(text[:cut])
            text = text[cut + 1 :]
        else:  # a word longer than the line
            lines.append(text[:width])
            text = text[width:]
    lines.append(text)
    return lines
