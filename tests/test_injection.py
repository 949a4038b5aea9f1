"""Content is data: markup in any string renders literally and clicking it does nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import GuideApp
from tui.guide import parse_guide
from tui.widgets import TopicList, TopicView

PAYLOADS = ["[@click=app.quit]x[/]", "[ @click=app.quit ]x", "[/", "[b]"]


def hostile_guide_text(payload: str) -> str:
    """A valid guide whose every text field carries the payload."""
    q = payload.replace("'", "''")
    return f"""
title: 'T {q}'
subtitle: 'S {q}'
reviewed: 2026-01-01
disclaimer: 'D {q}'
crisis_lines:
  - region: 'R {q}'
    contact: 'C {q}'
topics:
  - id: one
    title: '{q} topic title'
    summary: 'Summary {q}'
    sources: [src]
    sections:
      - title: 'Section {q}'
        body: 'Body {q} end'
sources:
  - id: src
    title: 'Source {q}'
    publisher: 'Publisher {q}'
    year: 2020
"""


async def click_all_text(pilot: Pilot[None], app: GuideApp) -> None:
    """Click across the header, the sidebar's first line and every line of text in the text pane."""
    header, view = app.screen.query_one("Header"), app.screen.query_one(TopicView)
    rows = {(header.region.y, header.region.x, header.region.right), (1, 0, 34)}
    top, region = int(view.scroll_y), view.scrollable_content_region
    shown = view.lines[top : top + region.height]
    rows |= {(region.y + n, region.x, region.right) for n, line in enumerate(shown) if line.text.strip()}
    for y, left, right in sorted(rows):
        step = max(1, (right - left) // 4)
        for x in range(left, right, step):
            await pilot.click(offset=(x, y))
            assert app.is_running, f"a click at {x},{y} quit the app"


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_markup_in_content_is_literal_and_inert(
    payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    guide = parse_guide(hostile_guide_text(payload).encode(), "hostile.yaml")
    app = GuideApp(guide)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.title == f"T {payload}"
        topics = app.screen.query_one(TopicList)
        drawn = "".join(topics.render_line(y).text for y in range(topics.size.height))
        assert "".join(payload.split()) in "".join(drawn.split()), "the sidebar shows the title literally"
        lines = app.screen.query_one(TopicView).lines
        texts = [line.text.strip() for line in lines]
        assert f"Body {payload} end" in texts
        assert f"Summary {payload}" in texts
        for line in lines:
            for segment in line:
                meta = segment.style.meta if segment.style is not None else {}
                assert "@click" not in meta, f"content created a click action in {line.text!r}"
        # Click along every line that shows content: nothing may quit the app or write a file.
        await click_all_text(pilot, app)
        await pilot.press("G")  # the generated About page shows the disclaimer and crisis line
        await pilot.pause()
        await click_all_text(pilot, app)
    assert os.listdir(tmp_path) == []
