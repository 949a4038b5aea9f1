"""The text pane's first screen kept between runs: read back as it was laid out, used at the next start,
checked after the first frame, and never trusted when the file is damaged or planted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURE_GUIDE
from guides import guide_with_topics, topic_yaml
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from tui.app import GuideApp
from tui.guide import Guide, default_guide_path, load_guide
from tui.pages import Part, build_pages
from tui.widgets import TopicView
from tui.widgets.line_cache import MAX_BYTES, MAX_STYLES, LineCache
from tui.widgets.markdown_lines import render_markdown

MARKDOWN = (
    "## A heading\n\nSome *em*, **strong**, `code`, a [link](https://example.org/a?b='c') and "
    "[a topic](#two).\n\n- a bullet\n- another\n\n> a quote\n\n| A | B |\n|---|---|\n| x | y |\n\n"
    "    code block\n\n---\n\nAccents: café, 日本語."
)
THEME = Theme({"markdown.h2": Style.parse("bold #0178d4"), "markdown.link": Style.parse("underline #ffc473")})
BASE = Style.parse("#e0e0e0 on #121212")
STYLE = "the colours"


def _laid_out(markdown: str = MARKDOWN, width: int = 40) -> list[Strip]:
    return render_markdown(markdown, Console(), width, THEME, BASE)


def _saved(tmp_path: Path, width: int = 40) -> Path:
    path = tmp_path / "first-screen.json"
    LineCache.load(path).save(
        [(MARKDOWN, _laid_out(width=width)), ("Second.", _laid_out("Second."))], 40, STYLE
    )
    return path


@pytest.mark.parametrize("width", [12, 40, 84])
def test_saved_lines_read_back_as_they_were_laid_out(tmp_path: Path, width: int) -> None:
    path = tmp_path / "first-screen.json"
    lines = _laid_out(width=width)
    LineCache.load(path).save([(MARKDOWN, lines)], width, STYLE)
    read = LineCache.load(path).lines(MARKDOWN, width, STYLE)
    assert read == lines
    assert read is not None and [line.cell_length for line in read] == [width] * len(lines)
    actions = {segment.style.meta.get("@click") for line in read for segment in line if segment.style}
    assert {"link(\"https://example.org/a?b='c'\")", "link('#two')"} <= actions


@pytest.mark.parametrize("theme", ["textual-dark", "solarized-light", "monokai"])
async def test_every_page_of_the_built_in_guide_reads_back_in_the_colours_of_a_theme(
    tmp_path: Path, theme: str
) -> None:
    guide = load_guide(default_guide_path())
    app = GuideApp(guide, theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        colours, base = view._theme, view._base  # the pane's own Markdown colours
        parts = [
            (part.markdown, render_markdown(part.markdown, app.console, 60, colours, base))
            for page in build_pages(guide)
            for part in page.parts
        ]
    path = tmp_path / "first-screen.json"
    LineCache.load(path).save(parts, 60, STYLE)
    cache = LineCache.load(path)
    assert all(cache.lines(markdown, 60, STYLE) == lines for markdown, lines in parts)


def test_other_text_width_or_colours_are_not_taken(tmp_path: Path) -> None:
    cache = LineCache.load(_saved(tmp_path))
    assert cache.lines(MARKDOWN, 40, STYLE) is not None
    assert cache.lines(MARKDOWN + " ", 40, STYLE) is None
    assert cache.lines(MARKDOWN, 41, STYLE) is None
    assert cache.lines(MARKDOWN, 40, "other colours") is None
    assert LineCache.load(tmp_path / "missing.json").lines(MARKDOWN, 40, STYLE) is None


def _set(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _first_piece(data: dict[str, Any]) -> list[Any]:
    piece: list[Any] = next(iter(data["parts"].values()))[0][0]
    return piece


def _with_text(text: str) -> Any:
    """Put ``text`` at the start of the first line, in place of as many cells: the line keeps its width,
    so only the check of the characters can refuse it."""

    def change(data: dict[str, Any]) -> None:
        piece = _first_piece(data)
        assert piece[0].isascii()
        piece[0] = text + piece[0][cell_len(text) :]

    return change


HOSTILE = {
    "an escape sequence": _with_text("\x1b[2J"),
    "a carriage return": _with_text("\rX"),
    "a newline": _with_text("\nX"),
    "a tab": _with_text("\tX"),
    "a bidi override": _with_text("\u202e"),
    "a lone surrogate": _with_text("\ud800"),
    "a hyperlink style": lambda data: data["styles"].__setitem__(0, "link https://example.org"),
    "a style that does not parse": lambda data: data["styles"].__setitem__(0, "bold on nowhere"),
    "a style that is a number": lambda data: data["styles"].__setitem__(0, 7),
    "a style that is true": lambda data: data["styles"].__setitem__(0, True),
    "styles that are not a list": lambda data: data.__setitem__("styles", 7),
    "too many styles": lambda data: data["styles"].extend(["bold"] * MAX_STYLES),
    "a style number out of range": lambda data: _first_piece(data).__setitem__(1, 999),
    "a negative style number": lambda data: _first_piece(data).__setitem__(1, -1),
    "a style number that is true": lambda data: _first_piece(data).__setitem__(1, True),
    "a link address that is a number": lambda data: _first_piece(data).append(5),
    "a link address with an escape": lambda data: _first_piece(data).append("\x1b]8;;x\x1b\\"),
    "two link addresses": lambda data: _first_piece(data).extend(["#a", "#b"]),
    "a line one cell short": lambda data: _first_piece(data).__setitem__(0, _first_piece(data)[0][1:]),
    "a line that is a string": lambda data: next(iter(data["parts"].values())).__setitem__(0, "line"),
    "a part that is a number": lambda data: data["parts"].__setitem__(next(iter(data["parts"])), 3),
    "parts that are a list": lambda data: data.__setitem__("parts", [1, 2]),
    "a width that is true": lambda data: data.__setitem__("width", True),
    "another format": lambda data: data.__setitem__("format", "something else"),
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_damaged_or_planted_file_is_not_used(tmp_path: Path, change: Any) -> None:
    path = _saved(tmp_path)
    _set(path, change)
    cache = LineCache.load(path)
    assert cache.lines(MARKDOWN, 40, STYLE) is None
    assert cache.lines("Second.", 40, STYLE) is None  # nothing more is read from a bad file


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    """A FIFO planted in place of the file would block the start for ever if it were opened to read."""
    path = tmp_path / "first-screen.json"
    os.mkfifo(path)
    loaded: list[LineCache] = []
    reading = threading.Thread(target=lambda: loaded.append(LineCache.load(path)), daemon=True)
    reading.start()
    reading.join(timeout=10)
    assert not reading.is_alive(), "blocked on the FIFO"
    assert loaded[0].lines(MARKDOWN, 40, STYLE) is None


def test_a_screen_too_large_to_read_back_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "first-screen.json"
    huge = "word " * (MAX_BYTES // 4)
    LineCache.load(path).save([(huge, _laid_out(huge, 84))], 84, STYLE)
    assert not path.exists()


@pytest.mark.parametrize(
    "raw",
    [b"", b"\xff\xfe not UTF-8", b"[" * 100_000 + b"]" * 100_000, b"[1, 2]", b" " * (MAX_BYTES + 1)],
    ids=["empty", "not UTF-8", "deeply nested", "a list", "too large"],
)
def test_a_file_that_is_not_json_of_this_format_is_not_used(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "first-screen.json"
    path.write_bytes(raw)
    assert LineCache.load(path).lines(MARKDOWN, 40, STYLE) is None


def test_a_file_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("", encoding="utf-8")
    cache = LineCache.load(tmp_path / "a file" / "first-screen.json")
    cache.save([(MARKDOWN, _laid_out())], 40, STYLE)  # the folder is a file: nothing is written
    assert not list(tmp_path.glob(".screen-*")) and not list((tmp_path).glob("*.tmp"))


class _Counting(LineCache):
    """Counts the parts it answered."""

    answered = 0

    def lines(self, markdown: str, width: int, style: str) -> list[Strip] | None:
        found = super().lines(markdown, width, style)
        self.answered += found is not None
        return found


def _guide() -> Guide:
    body = "\n\n".join(f"Paragraph {n} of a long enough section to need a few lines." for n in range(6))
    topics = "".join(
        topic_yaml(f"t{n}", f"Topic {n}", sections=[(f"Part {p}", body) for p in range(4)]) for n in range(4)
    )
    return guide_with_topics(topics)


async def _run(app: GuideApp, *keys: str) -> list[Strip]:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.2)
        lines = app.screen.query_one(TopicView).lines
    return lines


async def test_the_first_screen_is_kept_and_taken_at_the_next_start(tmp_path: Path) -> None:
    guide, path = _guide(), tmp_path / "first-screen.json"
    first = await _run(GuideApp(guide, saved_lines=LineCache.load(path)))
    written = path.read_bytes()
    cache = _Counting.load(path)
    assert isinstance(cache, _Counting)
    again = await _run(GuideApp(guide, saved_lines=cache))
    assert cache.answered >= 2  # the title, and the sections the screen shows
    assert again == first
    assert path.read_bytes() == written  # checked after the first frame, and found the same


async def test_a_long_first_section_is_kept_in_pieces(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {n} of a section long enough to be cut in pieces." for n in range(300))
    guide, path = (
        guide_with_topics(topic_yaml("one", "One", [("Long", body)])),
        tmp_path / "first-screen.json",
    )
    first = await _run(GuideApp(guide, saved_lines=LineCache.load(path)))
    cache = _Counting.load(path)
    assert isinstance(cache, _Counting)
    again = await _run(GuideApp(guide, saved_lines=cache))
    assert cache.answered >= 2 and again == first  # the title, and the first piece of the section


@pytest.mark.parametrize(
    "planted",
    ["Planted!! 0", "Planted! 0"],
    ids=["same width: shown, then replaced after the first frame", "a cell short: refused, laid out"],
)
async def test_lines_that_differ_from_a_fresh_layout_are_replaced_and_saved_again(
    tmp_path: Path, planted: str
) -> None:
    guide, path = _guide(), tmp_path / "first-screen.json"
    first = await _run(GuideApp(guide, saved_lines=LineCache.load(path)))
    text = path.read_text(encoding="utf-8")
    assert "Paragraph 0" in text
    path.write_text(text.replace("Paragraph 0", planted), encoding="utf-8")
    again = await _run(GuideApp(guide, saved_lines=LineCache.load(path)))
    assert again == first
    assert "Planted" not in path.read_text(encoding="utf-8")


async def test_the_first_screen_is_kept_as_soon_as_it_is_laid_out(tmp_path: Path) -> None:
    """Not only at exit: an app that is killed, or loses its terminal, still starts faster next time."""
    path = tmp_path / "first-screen.json"
    app = GuideApp(_guide(), saved_lines=LineCache.load(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Paragraph 0" in path.read_text(encoding="utf-8")


async def test_only_the_parts_down_to_the_bottom_of_the_screen_are_kept(tmp_path: Path) -> None:
    guide, path = _guide(), tmp_path / "first-screen.json"
    await _run(GuideApp(guide, saved_lines=LineCache.load(path)))  # the whole page is laid out by now
    data = json.loads(path.read_text(encoding="utf-8"))
    cache = LineCache.load(path)
    kept = [cache.lines(part.markdown, data["width"], data["style"]) is not None for part in _first(guide)]
    assert kept[0] and not kept[-1]  # from the top, not down to the end of the page
    assert kept == sorted(kept, reverse=True)  # the title, and the parts that fill the screen


def _first(guide: Guide) -> tuple[Part, ...]:
    return build_pages(guide)[0].parts


async def test_kept_lines_serve_only_the_first_layout(tmp_path: Path) -> None:
    guide, path = _guide(), tmp_path / "first-screen.json"
    await _run(GuideApp(guide, saved_lines=LineCache.load(path)))
    second = build_pages(guide)[1].parts[0].markdown
    cache = _Counting.load(path)
    assert isinstance(cache, _Counting)
    lines = cache.lines(second, 0, "") or []  # no such entry: only to learn the saved width and colours
    assert lines == [] and cache.answered == 0
    app = GuideApp(guide, saved_lines=cache)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        answered = cache.answered
        assert answered >= 2
        await pilot.press("n", "p", "n")
        await pilot.pause(0.2)
        assert cache.answered == answered  # the same pages again, laid out by Rich


@pytest.mark.parametrize("size", [(50, 30), (15, 6)], ids=["topics open in a narrow window", "too small"])
async def test_a_hidden_pane_at_exit_keeps_what_was_kept(tmp_path: Path, size: tuple[int, int]) -> None:
    """Leaving while the text is hidden (the pane has no size) keeps the screen kept before."""
    path = tmp_path / "first-screen.json"
    app = GuideApp(_guide(), saved_lines=LineCache.load(path))
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.pause()
        kept = path.read_bytes()
        await pilot.resize_terminal(*size)
        await pilot.press("s")
        await pilot.pause(0.2)
        assert app.screen.query_one(TopicView).scrollable_content_region.height == 0
    assert path.read_bytes() == kept


async def test_the_place_on_show_at_exit_is_kept(tmp_path: Path) -> None:
    guide, path = _guide(), tmp_path / "first-screen.json"
    await _run(GuideApp(guide, saved_lines=LineCache.load(path)), "n", "n", "q")
    data = json.loads(path.read_text(encoding="utf-8"))
    third = build_pages(guide)[2]
    cache = LineCache.load(path)
    assert cache.lines(third.parts[0].markdown, data["width"], data["style"]) is not None
    assert cache.lines(build_pages(guide)[0].parts[0].markdown, data["width"], data["style"]) is None


WARM_START = """
import asyncio, sys
from pathlib import Path
from tui.app import GuideApp
from tui.guide import load_guide
from tui.widgets import TopicView
from tui.widgets.line_cache import LineCache

seen = []
render_line = TopicView.render_line

def spy(self, y):
    strip = render_line(self, y)
    if strip.text.strip() and not seen:
        seen.append("rich.markdown" in sys.modules)
    return strip

TopicView.render_line = spy

async def main():
    app = GuideApp(load_guide(sys.argv[1]), saved_lines=LineCache.load(Path(sys.argv[2])))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
    print(seen)

asyncio.run(main())
"""


def test_a_warm_start_draws_its_first_text_before_importing_rich_markdown(tmp_path: Path) -> None:
    """The point of keeping the first screen: the 20 ms import of Rich's Markdown comes after the
    first frame. The first start, with nothing kept, needs it before."""
    command = [sys.executable, "-c", WARM_START, str(FIXTURE_GUIDE), str(tmp_path / "first-screen.json")]
    runs = [subprocess.run(command, capture_output=True, text=True, check=True, timeout=60) for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["[True]", "[False]"]
