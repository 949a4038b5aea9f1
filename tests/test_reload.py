"""Hot reload: a changed file is shown in place; an invalid one never replaces good content."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Header

import tui.app
from tui.app import GuideApp
from tui.guide import load_guide
from tui.widgets import ProblemBanner, TopicList, TopicView

FIXTURE_GUIDE = Path(__file__).parent / "fixtures" / "guide.yaml"


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], polls: int = 60) -> bool:
    """Let the app poll the file (every 0.5 s) until ``condition`` holds: a bounded wait, not a timing."""
    for _ in range(polls):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10**9  # a visibly newer mtime even on coarse clocks
    os.utime(path, ns=(stamp, stamp))


def setup(tmp_path: Path) -> tuple[GuideApp, Path, str]:
    path = tmp_path / "guide.yaml"
    shutil.copy(FIXTURE_GUIDE, path)
    return GuideApp(load_guide(path), watch=path), path, path.read_text(encoding="utf-8")


def page_id(app: GuideApp) -> str:
    page = app.screen.query_one(TopicView).page
    assert page is not None
    return page.id


async def test_a_valid_change_appears_on_the_same_topic_and_scroll(tmp_path: Path) -> None:
    app, path, text = setup(tmp_path)
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.press("4", "space")
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        scrolled = view.scroll_y
        assert scrolled > 0
        write(path, text.replace("title: Fourth topic", "title: Fourth topic, edited"))
        assert await wait_until(pilot, lambda: "edited" in (view.page.title if view.page else ""))
        await pilot.pause(0.2)
        assert page_id(app) == "fourth-topic"
        assert view.scroll_y == scrolled
        topics = app.screen.query_one(TopicList)
        assert "Fourth topic, edited" in topics.row_text(3)
        assert topics.highlighted == 3


async def test_an_invalid_file_keeps_the_last_good_guide_and_shows_the_errors(tmp_path: Path) -> None:
    app, path, text = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        banner = app.screen.query_one(ProblemBanner)
        write(path, text.replace("year: 2020", "year: soon").replace("title: First topic", "title: no"))
        assert await wait_until(pilot, lambda: banner.display)
        shown = str(banner.content)
        assert f"{path}:14:12: the topic's title should be text" in shown
        assert f"{path}:81:11: year should be a whole number" in shown
        assert app.screen.query_one(TopicList).pages[0].id == "first-topic"
        assert page_id(app) == "first-topic" and app.is_running
        write(path, text.replace("title: First topic", "title: First topic, fixed"))
        assert await wait_until(pilot, lambda: not banner.display)
        view = app.screen.query_one(TopicView)
        assert view.page is not None and view.page.title == "First topic, fixed"


async def test_x_dismisses_the_banner(tmp_path: Path) -> None:
    app, path, _ = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        banner = app.screen.query_one(ProblemBanner)
        write(path, "title: [unclosed\n")
        assert await wait_until(pilot, lambda: banner.display)
        await pilot.press("x")
        assert not banner.display


async def test_a_half_written_file_then_the_rest(tmp_path: Path) -> None:
    app, path, text = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        write(path, text[: len(text) // 2])
        await pilot.pause(1.2)
        assert app.is_running and page_id(app) == "first-topic"
        write(path, text.replace("title: Second topic", "title: Second, complete"))
        topics = app.screen.query_one(TopicList)
        assert await wait_until(pilot, lambda: "complete" in topics.row_text(1))
        assert not app.screen.query_one(ProblemBanner).display


async def test_deleted_then_recreated_like_an_editor_saves(tmp_path: Path) -> None:
    app, path, text = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        path.unlink()
        await pilot.pause(1.2)
        assert app.is_running and page_id(app) == "third-topic"
        write(path, text.replace("title: Third topic", "title: Third, recreated"))
        view = app.screen.query_one(TopicView)
        assert await wait_until(pilot, lambda: view.page is not None and "recreated" in view.page.title)
        assert page_id(app) == "third-topic"


async def test_a_removed_topic_falls_back_to_a_neighbour(tmp_path: Path) -> None:
    app, path, text = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        start = text.index("  - id: third-topic")
        end = text.index("  - id: fourth-topic")
        write(path, text[:start] + text[end:])
        topics = app.screen.query_one(TopicList)
        assert await wait_until(pilot, lambda: len(topics.pages) == 5)
        assert page_id(app) == "fourth-topic"


@contextmanager
def fifo_in_place_of(path: Path) -> Iterator[None]:
    """Replace ``path`` with a FIFO that no one writes. Afterwards a writer opens and closes it, so
    that a reload stuck opening it (the fault under test) is let go: the test fails, never hangs."""
    path.unlink()
    os.mkfifo(path)
    try:
        yield
    finally:
        with suppress(OSError):  # ENXIO: no reader waiting
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


async def test_a_fifo_swapped_in_is_refused_at_once_and_the_reader_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, path, _ = setup(tmp_path)
    reads: list[Path] = []
    real = tui.app.read_guide_bytes
    monkeypatch.setattr(
        tui.app, "read_guide_bytes", lambda path, **kw: reads.append(path) or real(path, **kw)
    )
    with fifo_in_place_of(path):
        async with app.run_test(size=(100, 30)) as pilot:
            banner = app.screen.query_one(ProblemBanner)
            assert await wait_until(pilot, lambda: banner.display)
            message = "this is a pipe, not a file: a pipe is read once, at start"
            assert f"{path}:1:1: {message}" in str(banner.content)
            # The worker says it has ended a moment after its banner: a bounded wait, not a hang.
            done = await wait_until(
                pilot, lambda: all(worker.is_finished for worker in app.workers), polls=10
            )
            assert done, "a reload is still reading"
            await pilot.press("n")
            assert await wait_until(pilot, lambda: page_id(app) == "second-topic", polls=10)
            await pilot.pause(1.2)  # two more polls: the FIFO is one change, tried once
            assert reads == [path]


async def test_a_link_to_the_terminal_swapped_in_is_refused_unread(tmp_path: Path) -> None:
    """Read, /dev/tty would be a thread taking the keys meant for the app."""
    app, path, _ = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        banner = app.screen.query_one(ProblemBanner)
        path.unlink()
        path.symlink_to("/dev/tty")
        assert await wait_until(pilot, lambda: banner.display)
        assert f"{path}:1:1: this is a device or a socket, not a file" in str(banner.content)
        # The worker says it has ended a moment after its banner: a bounded wait, not a hang.
        assert await wait_until(pilot, lambda: all(worker.is_finished for worker in app.workers), polls=10)
        await pilot.press("3")
        assert await wait_until(pilot, lambda: page_id(app) == "third-topic", polls=10)


async def test_the_banner_sits_under_the_header_which_keeps_the_title(tmp_path: Path) -> None:
    app, path, _ = setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        banner = app.screen.query_one(ProblemBanner)
        header = app.screen.query_one(Header)
        write(path, "title: [unclosed\n")
        assert await wait_until(pilot, lambda: banner.display)
        for tall in (False, True):  # a click on the header makes it three rows tall
            header.tall = tall
            await pilot.pause()
            assert banner.region.y == header.region.bottom and banner.region.height >= 2
            for y in range(header.region.height):
                on_top, _ = app.screen.get_widget_at(50, y)
                assert header in (on_top, on_top.parent), f"row {y} shows {on_top!r}, not the header"
            assert app.screen.query_one(TopicView).region.y == banner.region.bottom
