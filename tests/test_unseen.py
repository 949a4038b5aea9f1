"""Characters never to be drawn never reach the text pane's lines, whatever brings them (issue #21).

Markdown decodes HTML entities, so ``&#x202E;`` in a body becomes a bidi override that the loader's
check of the raw text never saw. The loader refuses such bodies; the pane's renderer drops every
character of ``tui.guide.controls.UNSEEN`` anyway, in every kind of Markdown element.
"""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from tui.app import GuideApp
from tui.guide import Guide, Section, Source, Topic
from tui.guide.controls import UNSEEN
from tui.widgets import TopicView
from tui.widgets.text.markdown_lines import render_markdown

ENTITIES = {
    "&#x202E;": "\u202e",  # right-to-left override
    "&rlm;": "\u200f",  # right-to-left mark
    "&lrm;": "\u200e",  # left-to-right mark
    "&#x2067;": "\u2067",  # right-to-left isolate
    "&#x61c;": "\u061c",  # Arabic letter mark
    "&#x200b;": "\u200b",  # zero-width space
    "&#xFEFF;": "\ufeff",  # byte-order mark
    "&#xE0041;": "\U000e0041",  # tag letter A
}
"""Each entity of the issue, and the character Markdown makes of it."""

PLACES = [
    "Before {e}after, in a paragraph.",
    "# A heading {e}here",
    "- an item {e}here",
    "| Head | Cell |\n|---|---|\n| a {e}b | c |",
    "A [link {e}text](https://example.org/{e}x) here.",
    "Some `code {e}span` here.",  # code shows the entity as written
    "Some *emphasis {e}here* and **strong {e}here**.",
    "```\na fenced {e}block\n```",
    "> a quote {e}here",
]
"""Where an entity can stand: each kind of element the renderer lays out."""

WIDTH = 40


def texts(lines: list[Strip]) -> str:
    return "".join(segment.text for line in lines for segment in line)


@pytest.mark.parametrize(
    "place",
    PLACES,
    ids=["paragraph", "heading", "item", "table", "link", "code", "emphasis", "fence", "quote"],
)
@pytest.mark.parametrize("entity", ENTITIES)
def test_the_renderer_draws_no_unseen_character_from_an_entity(entity: str, place: str) -> None:
    markdown = place.format(e=entity)
    lines = render_markdown(markdown, Console(), WIDTH, Theme(), Style())
    drawn = texts(lines)
    assert UNSEEN.search(drawn) is None, f"{ENTITIES[entity]!r} drawn from {markdown!r}"
    assert all(line.cell_length == WIDTH for line in lines)
    if "`" in place:  # code shows an entity as written, which is harmless text
        assert entity in drawn
    else:
        plain = render_markdown(place.format(e=""), Console(), WIDTH, Theme(), Style())
        assert [line.text for line in lines] == [line.text for line in plain], "the text around it changed"


def guide_with(body: str) -> Guide:
    """A guide made directly, past the loader's checks, as a planted cache entry could be."""
    topic = Topic("one", "One", "A summary.", (Section("Part", body),), ("src",))
    source = Source("src", "A source", "Publisher", 2020)
    return Guide("Guide", "Subtitle", date(2026, 1, 1), "Not advice.", (topic,), (source,))


async def test_the_text_pane_draws_none_of_them() -> None:
    body = "\n\n".join(f"Entity {entity}here, {entity}twice." for entity in ENTITIES)
    app = GuideApp(guide_with(body))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(TopicView)
        shown = "\n".join(line.text for line in view.lines)
        assert "Entity here, twice." in shown
        assert UNSEEN.search(shown) is None
