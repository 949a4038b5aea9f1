"""Shared fixtures: the small fixture guide and an app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.app import GuideApp
from tui.content import Guide, load_guide

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_GUIDE = FIXTURES / "guide.yaml"


@pytest.fixture
def guide() -> Guide:
    """The small fixture guide: four topics, then the generated Sources and About pages."""
    return load_guide(FIXTURE_GUIDE)


@pytest.fixture
def make_app(guide: Guide) -> Callable[[], GuideApp]:
    """Build a fresh app on the fixture guide."""
    return lambda: GuideApp(guide)
