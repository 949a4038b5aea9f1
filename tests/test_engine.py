"""The text pane's page engine: a first frame without the Markdown renderer, drawn as Rich would draw it."""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style
from rich.theme import Theme

from tui.guide import default_guide_path, load_guide
from tui.pages import build_pages
from tui.search import find_spans
from tui.widgets import Anchor, Mark, Target
from tui.widgets.text.engine import PageEngine
from tui.widgets.text.markdown_lines import render_markdown
from tui.widgets.text.markdown_styles import plain_lines

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"
THEME = Theme({"markdown.h1": Style(color="red", bold=True), "markdown.em": Style(italic=True, color="blue")})
BASE = Style(color="white", bgcolor="black")


@pytest.mark.parametrize("path", [FIXTURE, default_guide_path()], ids=["fixture", "shipped"])
@pytest.mark.parametrize("width", [16, 60, 84])
def test_the_plain_first_lines_are_those_rich_draws(path: Path, width: int) -> None:
    """No page's text moves when its Markdown replaces the plain first frame."""
    for page in build_pages(load_guide(path)):
        assert page.heading is not None
        plain = plain_lines(*page.heading, Console(), width, THEME, BASE)
        rich = render_markdown(page.parts[0].markdown, Console(), width, THEME, BASE)
        assert plain == rich[: len(plain)], page.id


def test_a_page_opened_at_its_top_before_the_renderer_is_needed_is_plain() -> None:
    page = build_pages(load_guide(FIXTURE))[0]
    engine = PageEngine(Console)
    engine.open(Target(page), (60, 10), (THEME, BASE), None)
    assert engine.plain and engine.layout.done
    assert page.heading is not None and engine.layout.lines[0].text.strip() == page.heading[0]
    engine.open(Target(page), (60, 10), (THEME, BASE), Anchor())  # after the first frame
    assert not engine.plain and len(engine.layout.lines) >= 10


@pytest.mark.parametrize("target", ["scrolled", "marked"])
def test_a_page_opened_elsewhere_than_its_top_is_laid_out_at_once(target: str) -> None:
    page = build_pages(load_guide(FIXTURE))[1]
    engine = PageEngine(Console)
    mark = Mark(1, partial(find_spans, terms=("beta",)))
    engine.open(
        Target(page, at=Anchor(1)) if target == "scrolled" else Target(page, mark=mark),
        (60, 10),
        (THEME, BASE),
        None,
    )
    assert not engine.plain


FIRST_FRAME = """
import sys
from tui.app import GuideApp
from tui.guide import load_guide
from tui.widgets import TopicView

seen = []
class Noting(TopicView):
    def render_lines(self, crop):
        lines = super().render_lines(crop)
        if self.lines and not seen:
            seen.append(("tui.widgets.text.markdown_lines" in sys.modules, self.lines[0].text.strip()))
        return lines

import tui.screens.reader as reader
reader.TopicView = Noting
app = GuideApp(load_guide(sys.argv[1]))

async def drive(pilot):
    await pilot.pause(0.3)
    lines = app.screen.query_one(TopicView).lines
    seen.append(("tui.widgets.text.markdown_lines" in sys.modules, len(lines)))
    app.exit()

app.run(headless=True, size=(100, 30), auto_pilot=drive)
print(seen)
"""


def test_the_first_frame_needs_no_markdown_renderer_and_the_page_follows() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(FIXTURE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, after = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert first == (False, "First topic")
    assert after[0] is True and after[1] > 3, "the whole page, laid out as Markdown just after"
