"""Content is data: markup in any string renders literally and clicking it does nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.style import Style
from textual.widgets.markdown import MarkdownBlock

from tui.app import GuideApp
from tui.content import parse_guide
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
    """Click across the header, the sidebar's first line and every text block's first line."""
    widgets = [app.screen.query_one("Header"), *app.screen.query(MarkdownBlock)]
    rows = {(w.region.y, w.region.x, w.region.right) for w in widgets if w.region.height}
    rows.add((1, 0, 34))
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
        prompt = topics.get_option_at_index(0).prompt
        assert payload in str(prompt), "the sidebar shows the title literally"
        blocks = list(app.screen.query_one(TopicView).query(MarkdownBlock))
        texts = [str(block.content) for block in blocks]
        assert f"Body {payload} end" in texts
        assert f"Summary {payload}" in texts
        for block in blocks:
            content = block.content
            if not isinstance(content, Content):
                assert content == "", "a text block holds a markup string"
                continue
            for span in content.spans:
                meta = span.style.meta if isinstance(span.style, Style) else {}
                assert "@click" not in meta, f"content created a click action in {content!r}"
        # Click along every line that shows content: nothing may quit the app or write a file.
        await click_all_text(pilot, app)
        await pilot.press("G")  # the generated About page shows the disclaimer and crisis line
        await pilot.pause()
        await click_all_text(pilot, app)
    assert os.listdir(tmp_path) == []
