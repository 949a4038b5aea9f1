"""Resume, theme memory and the state file's faults: damaged (set aside), unreadable, unwritable."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.app import GuideApp
from tui.guide import Guide
from tui.pages import Anchor
from tui.store.state import LIMIT, Place, StateStore
from tui.widgets import TopicView

KEY = "/guides/fixture.yaml"


def app_for(guide: Guide, state_dir: Path, **options: object) -> GuideApp:
    return GuideApp(guide, guide_key=KEY, state=StateStore(state_dir).load(), **options)  # type: ignore[arg-type]


def shown(app: GuideApp) -> str:
    page = app.screen.query_one(TopicView).page
    assert page is not None
    return page.id


def top_line(app: GuideApp) -> str:
    view = app.screen.query_one(TopicView)
    return view.lines[round(view.scroll_y)].text.strip()


async def test_reopens_at_the_last_topic_and_scroll_position(guide: Guide, tmp_path: Path) -> None:
    app = app_for(guide, tmp_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press("4", "tab", "space")
        await pilot.pause()
        scrolled = app.screen.query_one(TopicView).scroll_y
        assert scrolled > 0
        top = top_line(app)
        await pilot.press("q")
    saved = json.loads((tmp_path / "state.json").read_text())["guides"][KEY]
    assert saved["topic"] == "fourth-topic" and saved["part"] == 1, saved
    assert top.startswith(saved["words"]) or not top, saved
    again = app_for(guide, tmp_path)
    async with again.run_test(size=(100, 20)) as pilot:
        await pilot.pause(0.2)
        assert shown(again) == "fourth-topic"
        assert again.screen.query_one(TopicView).scroll_y == scrolled


@pytest.mark.parametrize("width", [60, 140])
async def test_reopens_at_the_same_passage_at_another_width(guide: Guide, tmp_path: Path, width: int) -> None:
    """The place is kept as a passage, not a line count: the text reflows, the same words come back."""
    app = app_for(guide, tmp_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press("4", "tab", "space", "j")
        while not top_line(app).startswith("Paragraph"):  # a line that wraps differently elsewhere
            await pilot.press("j")
        top = top_line(app)
        await pilot.press("q")
    again = app_for(guide, tmp_path)
    async with again.run_test(size=(width, 20)) as pilot:
        await pilot.pause(0.2)
        assert shown(again) == "fourth-topic"
        assert top_line(again).startswith(" ".join(top.split()[:3])), (top, top_line(again))


def test_a_place_saved_as_a_scroll_by_an_earlier_version_is_read_as_lines(tmp_path: Path) -> None:
    state = {"version": 1, "theme": None, "guides": {KEY: {"topic": "fourth-topic", "scroll": 7}}}
    (tmp_path / "state.json").write_text(json.dumps(state))
    place = StateStore(tmp_path).load().place(KEY)
    assert place is not None and place.topic == "fourth-topic" and place.at.line == 7


async def test_fresh_starts_at_the_first_topic(guide: Guide, tmp_path: Path) -> None:
    StateStore(tmp_path).remember_place(KEY, Place("third-topic"))
    app = app_for(guide, tmp_path, fresh=True)
    async with app.run_test(size=(100, 30)):
        assert shown(app) == "first-topic"


async def test_a_place_in_another_guide_or_a_removed_topic_is_not_used(guide: Guide, tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    store.remember_place("/elsewhere.yaml", Place("third-topic"))
    store.remember_place(KEY, Place("no-such-topic"))
    app = app_for(guide, tmp_path)
    async with app.run_test(size=(100, 30)):
        assert shown(app) == "first-topic"


@pytest.mark.parametrize(
    "damage",
    [b"{not json", b'{"version": 1, "guides": []}', b'{"version": 99}', b"\xff\xfe", b"[]"],
)
async def test_a_corrupt_state_file_gives_one_notice_and_no_crash(
    guide: Guide, tmp_path: Path, damage: bytes
) -> None:
    (tmp_path / "state.json").write_bytes(damage)
    app = app_for(guide, tmp_path)
    notes: list[str] = []
    app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app) == "first-topic"
        assert len(notes) == 1 and "starting fresh" in notes[0]
        await pilot.press("n")
    assert json.loads((tmp_path / "state.json").read_text())["guides"][KEY]["topic"] == "second-topic"


def load_within(directory: Path, seconds: float = 10) -> StateStore:
    """``StateStore(directory).load()``, failing the test (not hanging it) if it blocks."""
    stores: list[StateStore] = []
    reading = threading.Thread(target=lambda: stores.append(StateStore(directory).load()), daemon=True)
    reading.start()
    reading.join(timeout=seconds)
    assert not reading.is_alive(), "blocked reading the state file"
    return stores[0]


def state_with(entry: str) -> bytes:
    """A state file as this version writes it, with one place written as ``entry`` (JSON text)."""
    return b'{"version": 1, "theme": null, "guides": {"%s": %s}}' % (KEY.encode(), entry.encode())


PLACE = '{"topic": "fourth-topic", "part": 1, "words": "A", "gap": 0, "line": %s}'
"""A place as this version writes it, its line still to fill in."""

DAMAGED_TEXT = {
    "not-json": b"{not json",
    "not-utf8": b"\xff\xfe",
    "nan-scroll": state_with('{"topic": "fourth-topic", "scroll": NaN}'),
    "infinite-scroll": state_with('{"topic": "fourth-topic", "scroll": -Infinity}'),
    "400-digit-scroll": state_with('{"topic": "fourth-topic", "scroll": %s}' % ("9" * 400)),
    "nan-line": state_with(PLACE % "NaN"),
    "infinite-line": state_with(PLACE % "Infinity"),
    "400-digit-line": state_with(PLACE % ("9" * 400)),
    "5000-digit-line": state_with(PLACE % ("9" * 5000)),  # past int()'s digit limit: a ValueError
    "float-line": state_with(PLACE % "1.5"),
    "bool-part": state_with(PLACE.replace('"part": 1', '"part": true') % "0"),
    "number-words": state_with(PLACE.replace('"A"', "7") % "0"),
    "null-topic": state_with('{"topic": null, "scroll": 3}'),
    "true-version": b'{"version": true, "theme": null, "guides": {}}',
    "list-of-guides": b'{"version": 1, "theme": null, "guides": []}',
    "nested-lists": b"[" * 100_000,
    "nested-mappings": b'{"a": ' * 100_000,
}
"""What a state file may hold after a bad disk, an editor or a planted file: none of it is a place."""


def fifo(path: Path) -> None:
    os.mkfifo(path)


def sparse_5_gb(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(5 * 1024**3)  # 5 GB on disk as a size, not as blocks: refused without reading


def just_too_large(path: Path) -> None:
    path.write_bytes(state_with(PLACE % "0").ljust(LIMIT + 1))  # valid JSON, padded with spaces


def link_to_a_valid_file(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.json"
    elsewhere.write_bytes(state_with(PLACE % "0"))
    path.symlink_to(elsewhere)


def link_to_an_endless_device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def folder(path: Path) -> None:
    path.mkdir()


DAMAGED_FILES = [fifo, sparse_5_gb, just_too_large, link_to_a_valid_file, link_to_an_endless_device, folder]
"""Things in place of the state file that are not a file of the app's own to read."""


@pytest.mark.parametrize(
    "damage",
    [*DAMAGED_TEXT.values(), *DAMAGED_FILES],
    ids=[*DAMAGED_TEXT, *(make.__name__ for make in DAMAGED_FILES)],
)
async def test_a_damaged_state_file_is_set_aside_with_one_line_and_the_next_start_is_clean(
    guide: Guide, tmp_path: Path, damage: bytes | Callable[[Path], None]
) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    path = folder / "state.json"
    if isinstance(damage, bytes):
        path.write_bytes(damage)
    else:
        damage(path)
    store = load_within(folder)
    notice = "Saved reading place was damaged and has been set aside as state.json.damaged; starting fresh."
    assert store.notice == notice
    assert not os.path.lexists(path) and os.path.lexists(folder / "state.json.damaged")
    app = GuideApp(guide, guide_key=KEY, state=store)
    notes: list[str] = []
    app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app) == "first-topic"
        await pilot.press("n")
    assert notes == [notice]
    again = load_within(folder)
    place = again.place(KEY)
    assert again.notice is None and place is not None and place.topic == "second-topic"


def test_a_damaged_state_file_that_cannot_be_set_aside_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "state.json").write_bytes(b"[" * 100_000)
    (tmp_path / "state.json.damaged").mkdir()
    (tmp_path / "state.json.damaged" / "in-the-way").write_text("a folder that cannot be replaced")
    store = load_within(tmp_path)
    assert store.notice == "Saved reading place was damaged and has been ignored; starting fresh."
    assert store.place(KEY) is None


async def test_an_unwritable_state_directory_gives_a_notice_and_the_app_runs(
    guide: Guide, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-in-the-way"
    blocker.write_text("x")
    app = app_for(guide, blocker / "sub")
    notes: list[str] = []
    app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n")
        await pilot.pause()
        assert app.is_running and shown(app) == "third-topic"
    assert notes[0] == "Saved reading place not read (not a directory); starting fresh."
    assert notes[1:] == ["Reading place not saved (not a directory); it will not be remembered this time."]


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    for n in range(5):
        store.remember_place(KEY, Place("t", Anchor(line=n)))
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
    assert StateStore(tmp_path).load().place(KEY) == Place("t", Anchor(line=4))


async def test_t_cycles_themes_and_the_choice_is_remembered(guide: Guide, tmp_path: Path) -> None:
    app = app_for(guide, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.theme
        await pilot.press("t")
        await pilot.pause()
        second = app.theme
        assert second != first
        assert second == sorted(app.available_themes)[sorted(app.available_themes).index(first) + 1]
    assert StateStore(tmp_path).load().theme() == second
    again = app_for(guide, tmp_path)
    async with again.run_test(size=(100, 30)):
        assert again.theme == second


async def test_theme_option_wins_over_the_remembered_one(guide: Guide, tmp_path: Path) -> None:
    StateStore(tmp_path).remember_theme("nord")
    app = app_for(guide, tmp_path, theme="textual-light")
    async with app.run_test(size=(100, 30)):
        assert app.theme == "textual-light"


async def test_no_color_is_honoured(guide: Guide, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)):
        assert app.no_color


async def test_palette_finds_topics_by_name(guide: Guide) -> None:
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"third")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert shown(app) == "third-topic"
