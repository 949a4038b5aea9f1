"""The guide read at start-up, in line before the app is made: the same guide with the cache or without
it, a bad file's error, and a planted cache entry that is a miss, not a crash."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import cli
from tui.guide import Guide, load_guide

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Guide]]:
    """The guides that ``cli.run`` hands to the reader, which a fake app stands for."""
    guides: list[Guide] = []

    class FakeApp:
        return_code: int | None = None

        def __init__(self, guide: Guide, **_: object) -> None:
            guides.append(guide)

        def run(self) -> None:
            pass

    monkeypatch.setattr("tui.app.GuideApp", FakeApp)
    yield guides
    gc.unfreeze()  # what cli.run set aside for the app, which a real app releases when it ends


@pytest.mark.parametrize("no_state", [False, True])
def test_the_guide_read_at_start_is_the_guide(
    started: list[Guide], private_cache: Path, no_state: bool
) -> None:
    """Twice, so that the second start (with the cache) reads its entry back."""
    argv = ["--content", str(FIXTURE), *(["--no-state"] if no_state else [])]
    assert cli.run(argv) == 0 and cli.run(argv) == 0
    assert started == [load_guide(FIXTURE)] * 2
    assert any(private_cache.rglob("*.guide")) is not no_state, "--no-state writes no cache"


def test_a_bad_file_exits_2_with_its_message(
    started: list[Guide], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    assert cli.run(["--content", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:") and "Traceback" not in err
    assert started == []


DEEP_ENTRY_SCRIPT = """
import hashlib, json, sys
from pathlib import Path
import tui.app
from tui import cli
from tui.guide.cache import _FORMAT, _loader_stamp

class FakeApp:
    return_code = None
    def __init__(self, guide, **_):
        print(guide.title)
    def run(self):
        pass

tui.app.GuideApp = FakeApp
fixture, cache = Path(sys.argv[1]), Path(sys.argv[2]) / "ketamine-tui"
assert cli.run(["--content", str(fixture)]) == 0  # fills the cache
digest = hashlib.sha256(fixture.read_bytes()).hexdigest()
entry = json.dumps([_FORMAT, _loader_stamp(), digest, 0])[:-2] + "[" * 100_000 + "]" * 100_001
(cache / f"{digest}.guide").write_text(entry)
status = cli.run(["--content", str(fixture)])
assert (cache / f"{digest}.guide").stat().st_size < 100_000, "the planted entry was not replaced"
sys.exit(status)
"""


def test_a_deeply_nested_cache_entry_is_a_miss_at_start(tmp_path: Path) -> None:
    """A planted entry nested 100,000 deep ends in a RecursionError in the JSON parser, which the cache
    counts as a miss: the guide is read afresh, and its entry written anew. Run in a child process, so
    that a crash (a stack overflow) fails this test instead of ending the test run."""
    script = tmp_path / "deep.py"
    script.write_text(DEEP_ENTRY_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(FIXTURE), str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
        env={
            "PATH": "/usr/bin:/bin",
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "XDG_STATE_HOME": str(tmp_path),
        },
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [load_guide(FIXTURE).title] * 2
