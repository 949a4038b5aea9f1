"""The text pane's first screen, kept between runs, so that the first frame needs no Markdown renderer.

Rich's Markdown takes about 20 ms to import and a few more to lay out a screenful: a quarter of the
reader's start-up. The text pane lays a page out piece by piece (see
:mod:`tui.widgets.page_layout`); at start and at exit it keeps here the pieces that fill its screen, as
the lines it drew (text, style and link of each segment). At the next start, a piece whose Markdown,
width and colours are the same is taken from here, and Rich lays it out again after the first frame to
check it (see :class:`~tui.widgets.topic_view.TopicView`).

The file is read as data: a regular file of JSON, at most ``MAX_BYTES``, with texts checked for control
characters (tab and newline too), at most ``MAX_STYLES`` styles that must parse without a hyperlink, and
lines that must be exactly as wide as the text. Anything else makes the whole file unused, and it is
written afresh. Writes are atomic; a screen too large to keep, or a file that cannot be written, is
simply not kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.guide.controls import has_control
from tui.store.files import read_regular_file, write_atomically
from tui.widgets.markdown_styles import link_href, link_style

__all__ = ["MAX_BYTES", "MAX_STYLES", "LineCache"]

MAX_BYTES = 1 << 20
"""A larger file is neither read nor written. A screenful of pieces is some tens of KB; only a piece of
hundreds of KB (one huge block, which is not cut) makes it larger."""

MAX_STYLES = 1024
"""A file with more styles is not used (a screenful has some tens)."""

_FORMAT = "ketamine-tui first screen 1"


def _digest(markdown: str) -> str:
    return hashlib.blake2b(markdown.encode(), digest_size=16).hexdigest()


class LineCache:
    """Laid-out pieces, by their Markdown, for one width and one set of colours (``style``, a string)."""

    def __init__(self, path: Path, data: Any = None) -> None:
        self.path = path
        self._data = data if isinstance(data, dict) else {}
        self._styles: list[Style | None] | None = None

    @classmethod
    def load(cls, path: Path) -> LineCache:
        """The pieces saved in ``path``; none if it is missing, not a regular file, too large or not
        this format."""
        try:
            raw = read_regular_file(path, MAX_BYTES + 1)
            data = json.loads(raw) if len(raw) <= MAX_BYTES else None
        except (OSError, ValueError, RecursionError):
            data = None
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            data = None
        return cls(path, data)

    def lines(self, markdown: str, width: int, style: str) -> list[Strip] | None:
        """The saved lines of a part laid out from ``markdown``, ``width`` cells wide in ``style``."""
        data = self._data
        if type(data.get("width")) is not int or data["width"] != width or data.get("style") != style:
            return None
        parts, digest = data.get("parts"), _digest(markdown)
        if not isinstance(parts, dict) or digest not in parts:
            return None
        # The file is only a speed-up, so any failure to read a part back (damaged or planted: wrong
        # types, unparsable styles, control characters, wrong widths) means "lay it out afresh"; the
        # whole file is dropped, so it is not parsed again and the next save rewrites it.
        try:
            return self._strips(parts[digest], width)
        except Exception:
            self.forget()
            return None

    def forget(self) -> None:
        """Drop what was read, so that the next :meth:`save` writes even the same pieces again."""
        self._data, self._styles = {}, None

    def save(self, parts: Sequence[tuple[str, Sequence[Strip]]], width: int, style: str) -> None:
        """Keep these pieces (Markdown and lines) in place of those saved, unless they are saved already."""
        wanted = [_digest(markdown) for markdown, _ in parts]
        saved = self._data.get("parts")
        if (
            self._data.get("width") == width
            and self._data.get("style") == style
            and isinstance(saved, dict)
            and list(saved) == wanted
        ):
            return
        table: dict[Style | None, int] = {}
        stored: dict[str, list[list[list[Any]]]] = {}
        for digest, (_, strips) in zip(wanted, parts, strict=True):
            stored[digest] = [[_piece(segment, table) for segment in strip] for strip in strips]
        styles = [None if style is None else str(style) for style in table]
        data = {"format": _FORMAT, "width": width, "style": style, "styles": styles, "parts": stored}
        self._data, self._styles = data, None
        encoded = json.dumps(data).encode()
        if len(encoded) <= MAX_BYTES and len(styles) <= MAX_STYLES:  # else it would not be read back
            with contextlib.suppress(OSError):  # a read-only or full disk: the next start is only not faster
                write_atomically(self.path, encoded, prefix=".screen-", folder_mode=0o700)

    def _strips(self, stored: Any, width: int) -> list[Strip]:
        styles = self._parsed_styles()
        strips: list[Strip] = []
        for line in stored:
            segments = []
            for text, index, *href in line:
                if type(text) is not str or _unsafe(text) or type(index) is not int or index < 0:
                    raise ValueError("not a piece of a line")
                style = styles[index]
                if href:
                    if type(href[0]) is not str or _unsafe(href[0]) or len(href) > 1:
                        raise ValueError("not a link")
                    style = (style or Style()) + link_style(href[0])
                segments.append(Segment(text, style))
            strip = Strip(segments)
            if strip.cell_length != width:
                raise ValueError("not a line of this width")
            strips.append(strip)
        return strips

    def _parsed_styles(self) -> list[Style | None]:
        if self._styles is None:
            parsed: list[Style | None] = []
            texts = self._data.get("styles")
            if type(texts) is not list or len(texts) > MAX_STYLES:
                raise ValueError("not a list of styles")
            for text in texts:
                if text is not None and type(text) is not str:
                    raise ValueError("not a style")
                style = None if text is None else Style.parse(text)  # raises on anything but a style
                if style is not None and (style.link or style.meta):
                    raise ValueError("a style with a link")
                parsed.append(style)
            self._styles = parsed
        return self._styles


def _unsafe(text: str) -> bool:
    """Whether ``text`` could move the cursor or disguise itself: Rich's lines never hold a tab or a
    newline, and no guide text holds a control character."""
    return "\t" in text or "\n" in text or has_control(text)


def _piece(segment: Segment, table: dict[Style | None, int]) -> list[Any]:
    """A segment as ``[text, style number]``, with its link's address after them if it is a link."""
    text, style, _ = segment
    href = link_href(style) if style is not None and style.meta else None
    plain = style.clear_meta_and_links() if style is not None and style.meta else style
    number = table.setdefault(plain, len(table))
    return [text, number] if href is None else [text, number, href]
