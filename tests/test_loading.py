"""The guide read in a thread: the same guide, or the same error, handed to the caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cache import GuideCache
from tui.content import ContentError, load_guide
from tui.loading import GuideLoading

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
