"""The guide read in a thread: the same guide, or the same error, handed to the caller."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.guide import ContentError, load_guide
from tui.guide.cache import GuideCache
from tui.guide.loading import GuideLoading

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"


@pytest.mark.parametrize("cached", [False, True])
def test_the_guide_read_in_a_thread_is_the_guide(tmp_path: Path, cached: bool) -> None:
    cache = GuideCache(tmp_path) if cached else None
    assert GuideLoading(FIXTURE, cache).result() == load_guide(FIXTURE)


def test_a_bad_file_raises_its_content_error_in_the_caller(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        GuideLoading(bad, GuideCache(tmp_path / "cache")).result()
    assert raised.value.issues[0].path == str(bad)


DEEP_ENTRY_SCRIPT = """
import hashlib, json, sys, threading
from pathlib import Path
threading.stack_size(128 * 1024)  # as small as musl's default thread stack
from tui.guide.cache import GuideCache, _FORMAT, _loader_stamp
from tui.guide.loading import GuideLoading
fixture, cache = Path(sys.argv[1]), GuideCache(Path(sys.argv[2]))
GuideLoading(fixture, cache).result()
digest = hashlib.sha256(fixture.read_bytes()).hexdigest()
entry = json.dumps([_FORMAT, _loader_stamp(), digest, 0])[:-2] + "[" * 100_000 + "]" * 100_001
(Path(sys.argv[2]) / f"{digest}.guide").write_text(entry)
print(GuideLoading(fixture, cache).result().title)
"""


def test_a_deeply_nested_cache_entry_is_a_miss_even_where_threads_get_small_stacks(tmp_path: Path) -> None:
    """Parsing JSON nested 100,000 deep overflows a 128 KiB thread stack (a crash, not an exception);
    the reading thread gets a stack of its own size, so the entry is refused and the file read afresh.
    Run in a child process, so that a crash fails this test instead of ending the test run."""
    script = tmp_path / "deep.py"
    script.write_text(DEEP_ENTRY_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(FIXTURE), str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == load_guide(FIXTURE).title
