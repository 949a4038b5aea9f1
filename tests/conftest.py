"""Shared fixtures: the small fixture guide and an app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.app import GuideApp
from tui.guide import Guide, load_guide

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_GUIDE = FIXTURES / "guide.yaml"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, so no test reads or fills the user's cache of guides."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))  # for child processes, on Linux
    monkeypatch.setattr("tui.store.files.default_cache_dir", lambda: folder / "ketamine-tui")
    return folder


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state folder of the test's own, so that no test writes the booth's records to the user's."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture
def guide() -> Guide:
    """The small fixture guide: four topics, then the generated Sources and About pages."""
    return load_guide(FIXTURE_GUIDE)


@pytest.fixture
def make_app(guide: Guide) -> Callable[[], GuideApp]:
    """Build a fresh app on the fixture guide."""
    return lambda: GuideApp(guide)
