"""The cache of validated guides: same guide back, never trusted when damaged, foreign or stale."""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading
import time
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import Any

import pytest
from guides import GLOSSARY_YAML

import tui.guide.cache
from tui import cli
from tui.guide import ContentError, Guide, default_guide_path, load_guide
from tui.guide.cache import KEEP, STALE_SECONDS, GuideCache, entry_limit, load_guide_cached

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"


def no_parsing(data: bytes, name: str = "") -> None:
    raise AssertionError("the guide was parsed again")


def test_second_load_comes_from_the_cache_and_is_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = GuideCache(tmp_path / "c")
    first = load_guide_cached(default_guide_path(), cache)
    assert first == load_guide(default_guide_path())
    assert len(list((tmp_path / "c").glob("*.guide"))) == 1
    monkeypatch.setattr(tui.guide.cache, "parse_guide", no_parsing)
    assert load_guide_cached(default_guide_path(), cache) == first


@pytest.mark.parametrize(
    "entry",
    [
        b"",
        b"\x00garbage",
        b'["ketamine-tui guide cache 2", "x", "y", []]',
        b"[1, 2, 3, 4]",
        b"(\xff\xff\xff\x7f",  # a marshal tuple claiming 2**31 items: no allocation with JSON
        b"[" * 100_000,  # deeper than the parser will go
        b"not bytes at all",
    ],
    ids=["empty", "garbage", "other-stamp", "wrong-shape", "text", "huge-tuple", "deep"],
)
def test_a_damaged_or_foreign_entry_is_ignored(tmp_path: Path, entry: bytes) -> None:
    cache = GuideCache(tmp_path)
    expected = load_guide_cached(FIXTURE, cache)
    [path] = tmp_path.glob("*.guide")
    path.write_bytes(entry)
    assert load_guide_cached(FIXTURE, cache) == expected


def test_a_fifo_in_place_of_an_entry_is_a_miss_not_a_hang(tmp_path: Path) -> None:
    cache = GuideCache(tmp_path)
    expected = load_guide_cached(FIXTURE, cache)
    [path] = tmp_path.glob("*.guide")
    path.unlink()
    os.mkfifo(path)
    loaded: list[Guide] = []
    reading = threading.Thread(target=lambda: loaded.append(load_guide_cached(FIXTURE, cache)), daemon=True)
    reading.start()
    reading.join(timeout=10)
    assert not reading.is_alive(), "blocked on the FIFO"
    assert loaded == [expected]
    assert stat.S_ISREG(path.stat().st_mode)  # written afresh as a regular file


def sparse_5_gb(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(5 * 1024**3)  # a size, not blocks: read whole, it would need 5 GB of memory


def just_too_large(path: Path) -> None:
    good = path.read_bytes()
    path.write_bytes(good.ljust(entry_limit(FIXTURE.stat().st_size) + 1))  # the good entry, padded


def link_to_a_good_entry(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.guide"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)


def link_to_an_endless_device(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def link_to_the_terminal(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/tty")  # read, it would take the keys typed at the start


@pytest.mark.parametrize(
    "plant",
    [sparse_5_gb, just_too_large, link_to_a_good_entry, link_to_an_endless_device, link_to_the_terminal],
)
def test_an_entry_that_is_not_a_file_of_the_cache_is_a_miss_and_is_replaced(
    tmp_path: Path, plant: Callable[[Path], None]
) -> None:
    cache = GuideCache(tmp_path / "c")
    expected = load_guide_cached(FIXTURE, cache)
    [path] = (tmp_path / "c").glob("*.guide")
    good = path.read_bytes()
    plant(path)
    loaded: list[Guide] = []
    reading = threading.Thread(target=lambda: loaded.append(load_guide_cached(FIXTURE, cache)), daemon=True)
    reading.start()
    reading.join(timeout=10)
    assert not reading.is_alive(), "blocked reading the entry"
    assert loaded == [expected]
    assert not path.is_symlink() and path.read_bytes() == good, "not replaced by a good entry"


def test_a_folder_in_place_of_an_entry_is_a_miss(tmp_path: Path) -> None:
    cache = GuideCache(tmp_path)
    expected = load_guide_cached(FIXTURE, cache)
    [path] = tmp_path.glob("*.guide")
    path.unlink()
    (path / "inside").mkdir(parents=True)
    for _ in range(2):
        assert load_guide_cached(FIXTURE, cache) == expected


def test_the_largest_entries_of_valid_guides_are_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts that JSON writes three times longer than YAML (emoji, accented letters, quotes) still hit."""
    worst = "\U0001f600é\\" * 40_000  # 4 + 2 + 1 bytes in YAML, 12 + 6 + 2 in JSON
    text = FIXTURE.read_text(encoding="utf-8").replace("Third topic text.", worst)
    path = tmp_path / "worst.yaml"
    path.write_text(text, encoding="utf-8")
    cache = GuideCache(tmp_path / "c")
    expected = load_guide_cached(path, cache)
    [entry] = (tmp_path / "c").glob("*.guide")
    size = path.stat().st_size
    assert 2.5 * size < entry.stat().st_size <= entry_limit(size)
    monkeypatch.setattr(tui.guide.cache, "parse_guide", no_parsing)
    assert load_guide_cached(path, cache) == expected


def title(body: list[Any], value: Any) -> None:
    body[0] = value


def reviewed(body: list[Any], value: Any) -> None:
    body[2] = value


def first_citation(body: list[Any], value: Any) -> None:
    body[4][0][4] = [value]


def first_url(body: list[Any], value: Any) -> None:
    body[5][0][4] = value


def first_topic_id(body: list[Any], value: Any) -> None:
    body[4][0][0] = value


def first_section_body(body: list[Any], value: Any) -> None:
    body[4][0][3][0][1] = value


def first_year(body: list[Any], value: Any) -> None:
    body[5][0][3] = value


def first_duration(body: list[Any], value: Any) -> None:
    body[4][0][5] = value


@pytest.mark.parametrize(
    ("change", "value"),
    [
        (title, 1),  # a number for the title
        (reviewed, 10**20),  # no such date: OverflowError
        (title, "T \x1b]2;pwned\x07"),  # a terminal escape the loader refuses
        (title, "T \u202e reversed"),  # a bidi override
        (title, "T \ud800 half"),  # half of a character pair, which no terminal can show
        (first_citation, "no-such-source"),  # a citation of no source
        (first_topic_id, "about"),  # the id of a page the app makes
        (first_url, "https://example.org/a'b"),  # an address the loader refuses
        (first_topic_id, ["about"]),  # a list where an id should be (cannot go in a set)
        (first_citation, {"a": 1}),  # a mapping where a citation should be
        (first_section_body, 7),  # a number where text should be, deep in a topic
        (first_url, 7),  # a number for an address
        (first_year, True),  # JSON's true where a year should be
        (first_year, 99_999),  # a year the loader refuses
        (first_duration, True),  # JSON's true where a duration should be
        (reviewed, True),  # JSON's true where a date should be
        (title, "Two\nlines"),  # a line break in a one-line field
        (first_topic_id, "Not An Id"),  # an id the loader refuses
        (first_year, float("nan")),  # JSON's NaN, which Python's parser accepts
        (first_duration, float("inf")),  # and its Infinity
        (first_year, 10**400),  # a 400-digit whole number
        (reviewed, -(10**400)),  # a date 400 digits long
        (first_year, 2020.0),  # a year written as a fraction
    ],
    ids=[
        "wrong-type",
        "overflow",
        "escape",
        "bidi",
        "surrogate",
        "citation",
        "reserved-id",
        "url",
        "list-id",
        "mapping-citation",
        "number-body",
        "number-url",
        "bool-year",
        "far-year",
        "bool-duration",
        "bool-date",
        "line-break",
        "bad-id",
        "nan-year",
        "infinite-duration",
        "400-digit-year",
        "400-digit-date",
        "fraction-year",
    ],
)
def test_an_entry_that_the_loader_would_refuse_is_ignored(
    tmp_path: Path, change: Callable[[list[Any], Any], None], value: Any
) -> None:
    cache = GuideCache(tmp_path)
    expected = load_guide_cached(FIXTURE, cache)
    [path] = tmp_path.glob("*.guide")
    good = path.read_bytes()
    header, stamp, digest, body = json.loads(good)
    change(body, value)
    path.write_text(json.dumps([header, stamp, digest, body]), encoding="utf-8")
    assert load_guide_cached(FIXTURE, cache) == expected
    assert path.read_bytes() == good, "the bad entry was used, not replaced by a good one"
    assert load_guide_cached(FIXTURE, cache) == expected


def test_changed_loader_code_makes_entries_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = GuideCache(tmp_path)
    load_guide_cached(FIXTURE, cache)
    monkeypatch.setattr(tui.guide.cache, "_loader_stamp", lambda: "another loader")
    parsed: list[str] = []
    real = tui.guide.cache.parse_guide
    monkeypatch.setattr(
        tui.guide.cache, "parse_guide", lambda data, name: parsed.append(name) or real(data, name)
    )
    load_guide_cached(FIXTURE, cache)
    assert parsed == [str(FIXTURE)]


def test_the_stamp_covers_every_module_of_the_guide_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit to any module of tui/guide/, or a module added to it, makes earlier entries stale."""
    package = tmp_path / "guide"
    shutil.copytree(
        Path(tui.guide.cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(tui.guide.cache, "__file__", str(package / "cache.py"))
    stamps = [tui.guide.cache._loader_stamp.__wrapped__()]
    with (package / "model.py").open("a", encoding="utf-8") as model:
        model.write("# one more line\n")
    stamps.append(tui.guide.cache._loader_stamp.__wrapped__())
    (package / "glossary.py").write_text('"""A module added to the package."""\n', encoding="utf-8")
    stamps.append(tui.guide.cache._loader_stamp.__wrapped__())
    assert len(set(stamps)) == 3


@pytest.mark.parametrize("change", ["version", "binding"])
def test_the_stamp_changes_with_pyyaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    """Another PyYAML (its version, or its libyaml binding) may read a file differently: new stamp."""
    package = tmp_path / "yaml"
    package.mkdir()
    (package / "__init__.py").write_text("__version__ = '6.0.2'\n", encoding="utf-8")

    class Finder:
        @staticmethod
        def find_spec(name: str) -> ModuleSpec:
            return ModuleSpec(name, None, origin=str(package / "__init__.py"))

    monkeypatch.setattr(tui.guide.cache, "PathFinder", Finder)
    before = tui.guide.cache._loader_stamp.__wrapped__()
    if change == "version":
        (package / "__init__.py").write_text("__version__ = '7.0.0'\n", encoding="utf-8")
    else:
        (package / "_yaml.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\0" * 10)
    assert tui.guide.cache._loader_stamp.__wrapped__() != before


def test_invalid_files_are_never_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    cache = GuideCache(tmp_path / "c")
    for _ in range(2):
        with pytest.raises(ContentError):
            load_guide_cached(bad, cache)
    assert not list((tmp_path / "c").glob("*.guide"))


def test_an_unwritable_cache_still_loads(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert load_guide_cached(FIXTURE, GuideCache(blocker / "cache")) == load_guide(FIXTURE)


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    cache = GuideCache(tmp_path / "c")
    text = FIXTURE.read_text(encoding="utf-8")
    for n in range(KEEP + 2):
        variant = tmp_path / f"g{n}.yaml"
        variant.write_text(text.replace("Fixture guide", f"Fixture guide {n}"), encoding="utf-8")
        load_guide_cached(variant, cache)
    assert len(list((tmp_path / "c").glob("*.guide"))) == KEEP


def test_temporary_files_of_cut_short_writes_are_removed_once_old(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    old, fresh = folder / ".entry-old.tmp", folder / ".entry-fresh.tmp"
    old.write_bytes(b"half an entry")
    fresh.write_bytes(b"another process writing now")
    hours_ago = time.time() - STALE_SECONDS - 60
    os.utime(old, (hours_ago, hours_ago))
    load_guide_cached(FIXTURE, GuideCache(folder))
    assert not old.exists() and fresh.exists()
    assert len(list(folder.glob("*.guide"))) == 1


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    load_guide_cached(FIXTURE, GuideCache(tmp_path / "c"))
    assert (tmp_path / "c").stat().st_mode & 0o077 == 0


def test_no_state_leaves_the_cache_alone(private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_read", lambda guide, options: 0)
    assert cli.run(["--no-state", "--content", str(FIXTURE)]) == 0
    assert not any(private_cache.rglob("*.guide"))
    assert cli.run(["--content", str(FIXTURE)]) == 0
    assert len(list(private_cache.rglob("*.guide"))) == 1


def test_a_glossary_comes_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + GLOSSARY_YAML, encoding="utf-8")
    cache = GuideCache(tmp_path / "c")
    first = load_guide_cached(path, cache)
    assert len(first.glossary) == 3
    monkeypatch.setattr(tui.guide.cache, "parse_guide", no_parsing)
    assert load_guide_cached(path, cache) == first
