"""Every widget that shows content, against every markup payload: the text stays text.

This extends ``test_injection.py`` (four payloads; the sidebar, the topic text and the header, clicked
along their first lines) to a matrix: five payloads, among them a screenshot action and a
``[link=...]`` style, against the topic page, the generated Sources and About pages, the search
results, the notifications (a link's address and a state notice), the problem banner and the help
screen. On each, no rendered cell may carry a click action or a link that content created, the
payload must be shown literally, clicks on it must leave the app running, and no file may be written.

The only actions allowed are the ``link(...)`` ones that the text pane (``TopicView``) gives to links the
author wrote in Markdown (``[text](https://...)``, ``<https://...>``, ``[text](#topic)``): they only
post a message, and the app then shows the address.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.cells import cell_len
from rich.text import Text
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.markup import MarkupError
from textual.pilot import Pilot
from textual.style import Style
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, TextArea

from tui.app import GuideApp
from tui.guide import ContentError, Guide, parse_guide
from tui.screens.help import HelpScreen
from tui.screens.link import LinkScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.store.state import StateStore
from tui.widgets import ProblemBanner, TopicList, TopicView

PAYLOADS = [
    "[@click=app.quit]x[/]",
    "[ @click=app.screenshot('x.svg','.')]y",
    "[/",
    "[b]",
    "[link='https://evil.example']z[/link]",
]
AUTHOR_PAGE = "https://example.org/author"
SIZE = (100, 30)


def guide_data(payload: str) -> dict[str, Any]:
    """A guide whose every text field carries the payload; the first body also has author links."""
    url_safe = re.search(r"[\s<>\"'`]", payload) is None
    return {
        "title": f"T {payload}",
        "subtitle": f"S {payload}",
        "reviewed": date(2026, 1, 15),
        "disclaimer": f"D {payload} end.",
        "crisis_lines": [{"region": f"R {payload}", "contact": f"C {payload}"}],
        "topics": [
            {
                "id": "one",
                "title": f"{payload} one",
                "summary": f"Summary {payload}",
                "sources": ["src"],
                "sections": [
                    {
                        "title": f"Section {payload}",
                        "body": f"Body {payload} end.\n\nSee [the author's page]({AUTHOR_PAGE}) "
                        "or [topic two](#two).\n",
                    }
                ],
            },
            {
                "id": "two",
                "title": f"Two {payload}",
                "summary": f"Second {payload}",
                "sources": ["src"],
                "sections": [{"title": f"Part {payload}", "body": f"More {payload} text.\n"}],
            },
        ],
        "sources": [
            {
                "id": "src",
                "title": f"Source {payload}",
                "publisher": f"Publisher {payload}",
                "year": 2020,
                # The payload goes in the address too where an https address may hold it.
                "url": f"https://example.org/src/{payload}" if url_safe else "https://example.org/src",
            }
        ],
    }


def hostile_guide(payload: str) -> Guide:
    text = yaml.safe_dump(guide_data(payload), sort_keys=False, allow_unicode=True)
    return parse_guide(text.encode(), "hostile.yaml")


# --- What a widget shows ---------------------------------------------------------------------------


MARKDOWN_FIELDS = ("Body ", "More ", "See ", "D ", "C ")
"""How the texts of the Markdown fields start: bodies, the disclaimer and the crisis contact (which
``tui.pages`` does not escape). Markdown turns a bare address there into a link, as the author wrote."""


def allowed_action(action: str, markdown: bool = False) -> bool:
    """A ``link(...)`` action of the text pane, to an address or topic the author wrote.

    The author's links and the source's address are allowed anywhere; in a Markdown field, a link to
    any https address written there (Markdown links bare addresses) is the author's too.
    """
    match = re.fullmatch(r"link\((.*)\)", action, re.DOTALL)
    if match is None:
        return False
    try:
        href = ast.literal_eval(match.group(1))
    except (ValueError, SyntaxError):
        return False
    if not isinstance(href, str):
        return False
    return (
        href.startswith("https://example.org/")
        or href == "#two"
        or (markdown and href.startswith("https://"))
    )


def in_markdown_field(widget: Widget) -> bool:
    content = getattr(widget, "content", None)
    return isinstance(content, Content) and content.plain.startswith(MARKDOWN_FIELDS)


@dataclass(frozen=True)
class Cell:
    """A run of rendered cells whose style carries an action or a link."""

    widget: str
    x: int
    y: int
    text: str
    action: str | None
    link: str | None
    markdown: bool
    """Whether the widget shows a Markdown field."""


def all_widgets(app: GuideApp) -> Iterator[Widget]:
    """Every widget of every screen on the stack (a modal's background is on show too)."""
    for screen in app.screen_stack:
        yield from (node for node in screen.walk_children(with_self=True) if isinstance(node, Widget))


def rendered_cells(app: GuideApp) -> Iterator[tuple[Widget, int, int, str, Any]]:
    """Each segment each widget renders: (widget, x, y, text, rich style), in widget coordinates."""
    for widget in all_widgets(app):
        width, height = widget.outer_size
        if not (width and height and widget.display):
            continue
        for y, strip in enumerate(widget.render_lines(Region(0, 0, width, height))):
            x = 0
            for segment in strip:
                yield widget, x, y, segment.text, segment.style
                x += segment.cell_length


def action_cells(app: GuideApp) -> list[Cell]:
    """Every rendered cell run that carries a click action or a link."""
    found = []
    for widget, x, y, text, style in rendered_cells(app):
        if style is None:
            continue
        action = style.meta.get("@click")
        if action or style.link:
            found.append(
                Cell(type(widget).__name__, x, y, text, action, style.link, in_markdown_field(widget))
            )
    return found


def content_problems(content: object, where: str, markdown: bool = False) -> list[str]:
    """Spans of a Content (or rich Text) that carry an action or a link."""
    problems = []
    if isinstance(content, Content):
        for span in content.spans:
            style = span.style
            if isinstance(style, str):  # markup leaves styles as text: "@click=app.quit", "link='...'"
                try:
                    style = Style.parse(style)
                except Exception:  # a theme variable such as "$accent 25%", which cannot act
                    continue
            action, link = style.meta.get("@click"), style.link
            if (action and not allowed_action(str(action), markdown)) or link:
                problems.append(f"{where}: {span!r} in {content.plain!r}")
    elif isinstance(content, Text):
        for text_span in content.spans:
            rich_style = text_span.style
            if not isinstance(rich_style, str) and (rich_style.meta.get("@click") or rich_style.link):
                problems.append(f"{where}: {text_span!r} in {content.plain!r}")
    return problems


def assert_nothing_acts(app: GuideApp) -> None:
    """No cell on show, and no Content behind a widget, carries an action or link from content."""
    bad = [
        cell for cell in action_cells(app) if cell.link or not allowed_action(str(cell.action), cell.markdown)
    ]
    assert not bad, f"content created actions or links: {bad}"
    problems: list[str] = []
    for widget in all_widgets(app):
        name, markdown = type(widget).__name__, in_markdown_field(widget)
        for attribute in ("content", "visual"):
            problems += content_problems(getattr(widget, attribute, None), f"{name}.{attribute}", markdown)
        if isinstance(widget, OptionList):
            for option in widget.options:
                problems += content_problems(option.prompt, f"{name} option")
        if isinstance(widget, DataTable):
            for row in range(widget.row_count):
                for cell in widget.get_row_at(row):
                    problems += content_problems(cell, f"{name} cell")
    problems += content_problems(app.format_title(app.title, app.sub_title), "the header's title")
    assert not problems, "\n".join(problems)


def widget_texts(app: GuideApp) -> Iterator[str]:
    """The plain text of every Content a widget holds (what it renders, before any cropping)."""
    for widget in all_widgets(app):
        for attribute in ("content", "visual"):
            content = getattr(widget, attribute, None)
            if isinstance(content, Content | Text):
                yield content.plain
        if isinstance(widget, OptionList):
            yield from (str(option.prompt) for option in widget.options)
        if isinstance(widget, TopicList):
            yield from (widget.row_text(row) for row in range(len(widget.pages)))
        if isinstance(widget, TextArea):  # the link panel's address: plain text, never markup
            yield widget.text


def shows(app: GuideApp, text: str) -> bool:
    """Whether some widget renders this text as it is (wrapped, or cropped with an ellipsis)."""
    rendered = _LAYOUT.sub("", "".join(part for _, _, _, part, _ in rendered_cells(app)))
    wanted = _LAYOUT.sub("", text)
    return (
        wanted in rendered
        or any(text in plain for plain in widget_texts(app))
        or any(wanted in _LAYOUT.sub("", column) for column in table_columns(app))
    )


def table_columns(app: GuideApp) -> list[str]:
    """The text pane's table columns, each read top to bottom: a cell that wraps is shown in pieces,
    one per row, beside the other column's text. Columns are found by where the header's words start."""
    view = app.screen.query_one(TopicView)
    lines = [line.text for line in view.lines]
    columns: list[str] = []
    for n, header in enumerate(lines):
        if n + 1 >= len(lines) or not set(lines[n + 1].strip()) <= {"─", "━"} or not lines[n + 1].strip():
            continue  # a header is the line above a rule
        starts = [m.start(1) for m in re.finditer(r"(?:^ *|  )(\S)", header)]
        bounds = [*starts[1:], len(header)]
        body = list(itertools.takewhile(str.strip, lines[n + 2 :]))
        columns += ["".join(row[a:b] for row in body) for a, b in zip(starts, bounds, strict=True)]
    return columns


_LAYOUT = re.compile("[\\s\u2500-\u259f]")
"""White space, borders and blocks: what a widget puts around and between the rows of a text."""


def occurrences(app: GuideApp, text: str, skip: tuple[type[Widget], ...] = ()) -> list[tuple[int, int]]:
    """Screen offsets where ``text`` starts, on cells really on show (not covered, not scrolled away),
    top to bottom, in widgets other than those of the ``skip`` types."""
    width, height = app.size
    lines: dict[tuple[int, int], tuple[Widget, list[str]]] = {}
    for widget, _, y, segment_text, _ in rendered_cells(app):
        lines.setdefault((id(widget), y), (widget, []))[1].append(segment_text)
    found = []
    for (_, y), (widget, parts) in lines.items():
        if isinstance(widget, skip):
            continue
        line = "".join(parts)
        region = widget.region
        start = line.find(text)
        while start >= 0:
            x, screen_y = region.x + cell_len(line[:start]), region.y + y
            if 0 <= x < width and 0 <= screen_y < height:
                with_widget = app.screen.get_widget_at(x, screen_y)[0]
                if with_widget is widget:
                    found.append((screen_y, x))
            start = line.find(text, start + 1)
    return [(x, y) for y, x in sorted(set(found))]


async def click_payloads(
    pilot: Pilot[None], app: GuideApp, payload: str, limit: int, *, sidebar: bool = False
) -> int:
    """Click where the payload is shown (at its start, and at the end of the first); the app must keep
    running. Clicks cost 0.1 to 0.2 s each, hence the limit. A click in the sidebar opens a topic: the
    sidebar is left out unless asked for."""
    found = occurrences(app, payload[:3], skip=() if sidebar else (TopicList,))[:limit]
    places = [*found, *((x + cell_len(payload) - 1, y) for x, y in found[:1])]
    for x, y in places:
        await pilot.click(offset=(min(x, app.size.width - 1), y))
        assert app.is_running, f"a click at {x},{y} on {payload!r} stopped the app"
        assert app.return_code is None
    return len(places)


# --- The harness -------------------------------------------------------------------------------------


@dataclass
class Notice:
    message: str
    title: str
    markup: bool


def listing(*folders: Path) -> set[str]:
    return {str(path) for folder in folders for path in folder.rglob("*")}


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A tmp working folder, home and XDG folders; after the test, no file may have appeared in any."""
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    before = listing(tmp_path)
    yield tmp_path
    written = listing(tmp_path) - before
    assert not written, f"files were written: {sorted(written)}"


def start(
    payload: str, monkeypatch: pytest.MonkeyPatch, state: StateStore | None = None
) -> tuple[GuideApp, list[Notice]]:
    """An app on the hostile guide, its notifications recorded as they are made."""
    app = GuideApp(hostile_guide(payload), state=state)
    notices: list[Notice] = []
    real_notify: Callable[..., None] = app.notify

    def notify(message: str, *, title: str = "", markup: bool = True, **options: Any) -> None:
        notices.append(Notice(message, title, markup))
        real_notify(message, title=title, markup=markup, **options)

    monkeypatch.setattr(app, "notify", notify)
    return app, notices


def assert_notices_plain(notices: list[Notice]) -> None:
    for notice in notices:
        assert notice.markup is False, f"a notification was made with markup: {notice}"


def reader(app: GuideApp) -> ReaderScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


# --- The matrix ------------------------------------------------------------------------------------

each_payload = pytest.mark.parametrize("payload", PAYLOADS)


@each_payload
async def test_topic_page_sidebar_and_header(
    payload: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, notices = start(payload, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        title = app.format_title(app.title, app.sub_title)
        assert title.plain == f"T {payload} — S {payload}"
        topics = app.screen.query_one(TopicList)
        prompts = [topics.row_text(row) for row in range(len(topics.pages))]
        assert prompts[:2] == [f"1 {payload} one", f"2 Two {payload}"]
        for text in (f"Summary {payload}", f"Section {payload}", f"Body {payload} end.", f"Source {payload}"):
            assert shows(app, text), f"{text!r} is not shown literally"
        assert_nothing_acts(app)
        actions = {cell.action for cell in action_cells(app)}
        assert f"link({AUTHOR_PAGE!r})" in actions, "the author's own link lost its action"
        assert await click_payloads(pilot, app, payload, limit=5, sidebar=True) >= 5
        assert_nothing_acts(app)
    assert_notices_plain(notices)


@each_payload
async def test_generated_about_and_sources_pages(
    payload: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, notices = start(payload, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        pages = [
            ("about", ["G"], [f"D {payload} end.", f"R {payload}", f"C {payload}"]),
            ("sources", ["G", "p"], [f"Source {payload}", f"Publisher {payload}"]),
        ]
        for page_id, keys, expected in pages:
            await pilot.press(*keys)  # a click in the sidebar may have opened another page: keys first
            await pilot.pause()
            assert reader(app).pages[reader(app).current].id == page_id
            for text in expected:
                assert shows(app, text), f"{text!r} is not shown literally on {page_id}"
            assert_nothing_acts(app)
            assert await click_payloads(pilot, app, payload, limit=2) >= 2
            assert_nothing_acts(app)
    assert_notices_plain(notices)


@each_payload
async def test_search_results(payload: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, notices = start(payload, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"body")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.hits, "the search found nothing"
        prompts = [str(option.prompt) for option in search.query_one(OptionList).options]
        assert any(payload in prompt for prompt in prompts), prompts
        assert_nothing_acts(app)
        await click_payloads(pilot, app, payload, limit=2)
        assert_nothing_acts(app)
        if isinstance(app.screen, SearchScreen):  # a click on a result opens it; else open the first
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.is_running
        assert_nothing_acts(app)
    assert_notices_plain(notices)


@each_payload
async def test_notifications(
    payload: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A state notice at start, the author's link clicked, and a content-made address shown."""
    state_dir = tmp_path_factory.mktemp("state")  # the app rewrites its state file: outside the sandbox
    (state_dir / "state.json").write_text(f'{{"damaged": "{payload}"', encoding="utf-8")
    app, notices = start(payload, monkeypatch, state=StateStore(state_dir).load())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert [notice.message for notice in notices] == [
            "Saved reading place was damaged and has been set aside as state.json.damaged; starting fresh."
        ]
        link = next(cell for cell in action_cells(app) if cell.action == f"link({AUTHOR_PAGE!r})")
        places = occurrences(app, link.text)
        assert places, f"the author's link {link.text!r} is not on screen"
        await pilot.click(offset=places[0])  # the text pane posts LinkClicked: the app shows the address
        await pilot.pause()
        assert isinstance(app.screen, LinkScreen)
        assert shows(app, AUTHOR_PAGE), "the address is not shown literally"
        assert_nothing_acts(app)
        await pilot.press("escape")
        evil = f"https://evil.example/{payload}"
        app.open_url(evil)
        await pilot.pause()
        assert isinstance(app.screen, LinkScreen)
        assert shows(app, evil), "the address is not shown literally"
        assert len(notices) == 1, "links open a panel, not notices"
        assert_nothing_acts(app)
        await pilot.press("escape")
        await pilot.pause()
        await click_payloads(pilot, app, payload, limit=4)
        assert app.is_running
    assert_notices_plain(notices)


@each_payload
async def test_problem_banner(payload: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems found on reload quote keys and ids from the file: they are shown as text."""
    bad = guide_data(payload)
    bad[payload] = "an unknown key"
    bad["topics"][0]["id"] = payload
    with pytest.raises(ContentError) as caught:
        parse_guide(yaml.safe_dump(bad).encode(), "bad.yaml")
    lines = [str(issue) for issue in caught.value.issues]
    app, notices = start(payload, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.problems = tuple(lines)
        await pilot.pause()
        banner = app.screen.query_one(ProblemBanner)
        assert banner.has_class("-shown")
        assert shows(app, payload)
        assert_nothing_acts(app)
        await click_payloads(pilot, app, payload, limit=2)
        assert app.is_running
        assert_nothing_acts(app)
    assert_notices_plain(notices)


@each_payload
async def test_help_screen(payload: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The help lists keys only; over a hostile guide, it carries no action either."""
    app, notices = start(payload, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_nothing_acts(app)
        await pilot.click(VerticalScroll, offset=(10, 3))
        assert app.is_running and sum(len(rows) for rows in app.screen.rows.values()) > 30
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    assert_notices_plain(notices)


def test_the_payloads_would_act_if_read_as_markup() -> None:
    """The checks above look for what these payloads make when they are parsed: make sure they find it."""
    found = {payload: content_problems(Content.from_markup(payload), "markup") for payload in PAYLOADS[:2]}
    found[PAYLOADS[4]] = content_problems(Content.from_markup(PAYLOADS[4]), "markup")
    assert all(found.values()), found
    assert "app.quit" in found[PAYLOADS[0]][0] and "app.screenshot" in found[PAYLOADS[1]][0]
    assert not allowed_action("app.quit") and not allowed_action("link('https://evil.example')")
    assert allowed_action("link('https://evil.example')", markdown=True)
    with pytest.raises(MarkupError):  # "[/" would crash a widget that read it as markup
        Content.from_markup(PAYLOADS[2])
