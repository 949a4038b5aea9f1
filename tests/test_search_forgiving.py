"""Search that forgives: typos, US and UK spellings, numbers, the generated pages, the crisis lines first,
every word marked, and snippets cut between words as wide as the dialog (issue #16 item 5, #17 item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guides import topic_yaml
from test_search import marked_words, open_first_hit
from textual.content import Content
from textual.widgets import Input, Static

from tui.app import GuideApp
from tui.guide import Guide, load_guide, parse_guide
from tui.screens import ReaderScreen
from tui.screens.search import ResultList, SearchScreen
from tui.search import CRISIS_WORDS, SearchIndex
from tui.words import ELLIPSIS

REPO = Path(__file__).resolve().parent.parent
HELP_NOW = ("About this guide", "If you need help now")

CRISIS_LINES = """
crisis_lines:
  - region: United States
    contact: "Call or text 988 (988 Lifeline), open 24/7."
  - region: Canada
    contact: "Call or text 9-8-8, in English or French."
  - region: UK and Ireland
    contact: "Samaritans, call 116 123, free. Or text SHOUT to 85258."
"""
"""Crisis lines that do not use the words crisis, help, suicide or emergency: those still find them."""

TOPICS = (
    topic_yaml("one", "Bladder", [("Damage", "Heavy use can damage the bladder. The bladder heals slowly.")])
    + topic_yaml("two", "Feeling apart", [("Dissociation", "Dissociation is common and passes.")])
    + topic_yaml("three", "Anesthesia", [("An anesthetic", "Ketamine is an anesthetic at high doses.")])
    + topic_yaml("four", "Gullet", [("Oesophagus", "Rarely, the oesophagus is irritated.")])
    + topic_yaml("five", "Liver", [("Liver tests", "The liver is checked in tests.")])
    + topic_yaml(
        "six", "Walks", [("Walking", "Long trails help some people."), ("Risky", "Some trials helped.")]
    )
)


def forgiving_guide(topics: str = TOPICS, crisis: str = CRISIS_LINES) -> Guide:
    """A guide with these topics, crisis lines, and a source by a named author."""
    text = f"""
title: T
subtitle: S
reviewed: 2026-01-01
disclaimer: D
{crisis}
topics:
{topics}
sources:
  - id: s
    title: Ketamine for depression, a review by Sanacora and colleagues
    publisher: Psychiatry Journal
    year: 2017
"""
    return parse_guide(text.encode(), "forgiving.yaml")


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    built = SearchIndex(forgiving_guide())
    built.build()
    return built


def places(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(hit.page_title, hit.part_title) for hit in index.search(query)]


# --- The index ----------------------------------------------------------------------------------------


def test_one_typo_in_a_word_of_five_letters_or_more_is_forgiven(index: SearchIndex) -> None:
    [title, hit] = index.search("bladdr")  # the page's title and lead, then the section
    assert (title.page_title, title.close, title.word) == ("Bladder", True, ""), "in the title only"
    assert (hit.part_title, hit.close, hit.word) == ("Damage", True, "bladder")
    assert "bladder" in hit.terms, "the word found is marked, not only the word typed"
    assert [(h.part_title, h.word, h.close) for h in index.search("dissociaton")] == [
        ("Dissociation", "Dissociation", True)
    ]
    assert index.search("bladdre")[1].word == "bladder", "two letters swapped are one edit"


def test_a_typo_in_a_short_word_is_not_forgiven(index: SearchIndex) -> None:
    assert index.search("livr") == [], "four letters: exact (or a word start) only"
    assert index.search("liver")[0].page_title == "Liver"
    assert index.search("bldder") != [] and index.search("bldr") == []


def test_close_matches_come_after_the_exact_hits(index: SearchIndex) -> None:
    # "trails" is one swap from "trials": its part comes first in the guide, but after the exact hit.
    results = index.find("trials")
    assert [(h.part_title, h.close) for h in results.hits] == [("Risky", False), ("Walking", True)]
    assert (results.total, results.close) == (2, 1)


def test_us_and_uk_spellings_find_each_other(index: SearchIndex) -> None:
    [first, *_] = index.search("anaesthetic")
    assert first.page_title == "Anesthesia" and not first.close
    assert "anesthetic" in first.terms, "the spelling in the text is what gets marked"
    assert first.word == "anesthetic"
    assert places(index, "esophagus") == [("Gullet", "Oesophagus")]
    assert index.search("esophag")[0].word == "oesophagus", "a word start folds too"


def test_the_generated_pages_are_indexed(index: SearchIndex) -> None:
    assert ("Sources", "Sources") in places(index, "Sanacora")
    assert ("Sources", "Sources") in places(index, "psychiatry journal")
    assert places(index, "Samaritans") == [HELP_NOW]
    assert places(index, "reviewed")[-1] == ("About this guide", "Last reviewed")


@pytest.mark.parametrize(
    "query",
    ["988", "9-8-8", "9 8 8", "116 123", "116123", "116-123", "116 12", "85258", "Samaritans", "shout"],
)
def test_every_number_of_the_crisis_lines_finds_them(index: SearchIndex, query: str) -> None:
    assert places(index, query)[0] == HELP_NOW


@pytest.mark.parametrize("query", ["crisis", "help", "suicide", "suicidal", "emergency", "hotline", "suici"])
def test_the_crisis_lines_come_first_for_the_crisis_words(index: SearchIndex, query: str) -> None:
    results = index.find(query)
    assert (results.hits[0].page_title, results.hits[0].part_title) == HELP_NOW
    assert results.total == len(results.hits)


def test_the_crisis_lines_come_first_before_other_hits_and_not_for_other_words(index: SearchIndex) -> None:
    assert places(index, "help")[:3] == [HELP_NOW, ("Walks", "Walking"), ("Walks", "Risky")]
    assert HELP_NOW not in places(index, "liver"), "only a query about a crisis brings them up"
    assert HELP_NOW not in places(index, "trails")
    assert {"crisis", "help", "suicide", "emergency", "samaritans"} <= CRISIS_WORDS


def test_the_shipped_crisis_lines_are_found_for_988_and_samaritans() -> None:
    index = SearchIndex(load_guide(REPO / "content.yaml"))
    for query in ("988", "Samaritans", "suicide", "crisis", "help"):
        hit = index.search(query)[0]
        assert (hit.page_title, hit.part_title) == HELP_NOW, query


def test_numbers_in_groups_are_marked_whole_and_in_their_groups(index: SearchIndex) -> None:
    [hit] = index.search("116123")
    assert hit.word == "116 123"
    [hit] = index.search("9 8 8")
    assert [hit.text[start:end] for start, end in hit.spans] == ["988", "988", "9-8-8"]


def test_a_snippet_is_cut_between_words_with_an_ellipsis(index: SearchIndex) -> None:
    long_text = (
        " ".join(f"word{n}" for n in range(40)) + " the zebra " + " ".join(f"more{n}" for n in range(40))
    )
    guide = forgiving_guide(topic_yaml("z", "Zebra", [("Stripes", long_text)]))
    [_, hit] = SearchIndex(guide).search("zebra")  # the title part, then the section
    for width in (30, 45, 60):
        snippet, spans = hit.snippet(width)
        assert len(snippet) <= width
        assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
        words = snippet.strip(ELLIPSIS).split(" ")
        assert set(words) <= set(long_text.split()), f"a word was cut: {snippet!r}"
        assert [snippet[start:end] for start, end in spans] == ["zebra"]
    short, spans = hit.snippet(len(hit.text))
    assert short == hit.text and ELLIPSIS not in short, "nothing cut, no ellipsis"


def test_the_snippet_shows_the_place_where_the_words_are_together() -> None:
    body = "Blood tests come first. " * 6 + "Then blood pressure is checked."
    [hit] = SearchIndex(forgiving_guide(topic_yaml("b", "B", [("Checks", body)]))).search("pressure blood")
    snippet, spans = hit.snippet(40)
    assert [snippet[start:end] for start, end in spans] == ["blood", "pressure"]


# --- The dialog ---------------------------------------------------------------------------------------


async def test_a_typo_shows_close_matches_and_opens_with_the_word_found_marked() -> None:
    app = GuideApp(forgiving_guide())
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_first_hit(pilot, "bladdr")
        assert view.page is not None and view.page.id == "one"
        assert marked_words(view) == ["Bladder", "bladder", "bladder"], "at every occurrence in the page"


async def test_the_status_says_how_many_results_and_close_matches() -> None:
    app = GuideApp(forgiving_guide())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"trials")
        await pilot.pause()
        status = app.screen.query_one("#search-status", Static).visual
        assert isinstance(status, Content)
        assert status.plain == "1 result and 1 close match (a letter differs)."
        await pilot.press(*"xx")
        assert status != app.screen.query_one("#search-status", Static).visual
        assert "No topic has all" in str(app.screen.query_one("#search-status", Static).visual)


async def test_a_two_word_query_marks_both_words_at_every_occurrence() -> None:
    body = "Blood pressure rises. Check blood pressure again.\n\nLater, the pressure on the blood falls."
    app = GuideApp(forgiving_guide(topic_yaml("bp", "Checks", [("Blood pressure", body)])))
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_first_hit(pilot, "pressure blood")
        assert sorted(marked_words(view)) == sorted(["Blood"] * 2 + ["blood"] * 2 + ["pressure"] * 4)


async def test_uk_spelling_opens_the_us_word_marked() -> None:
    app = GuideApp(forgiving_guide())
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_first_hit(pilot, "anaesthetic")
        assert view.page is not None and view.page.id == "three"
        assert marked_words(view) == ["anesthetic", "anesthetic"]


async def test_the_crisis_lines_open_on_the_about_page() -> None:
    app = GuideApp(forgiving_guide())
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_first_hit(pilot, "116 123")
        assert view.page is not None and view.page.id == "about"
        assert marked_words(view) == ["116 123"]


async def test_snippets_are_as_wide_as_the_list_and_follow_a_resize() -> None:
    body = " ".join(["Some words before the zebra."] * 10)
    app = GuideApp(forgiving_guide(topic_yaml("z", "Zebra", [("Stripes", body)])))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        results = app.screen.query_one(ResultList)

        def snippet_lines() -> list[str]:
            prompts = [results.get_option_at_index(n).prompt for n in range(results.option_count)]
            return [str(prompt).split("\n")[1] for prompt in prompts]

        width = results.scrollable_content_region.width
        [_, wide] = snippet_lines()
        assert width - 5 <= len(wide) <= width and wide.endswith(ELLIPSIS)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        narrower = results.scrollable_content_region.width
        [_, narrow] = snippet_lines()
        assert narrower < width and narrower - 5 <= len(narrow) <= narrower


async def test_down_and_up_move_between_the_box_and_the_results() -> None:
    app = GuideApp(forgiving_guide())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"trials", "down")
        results = app.screen.query_one(ResultList)
        assert app.focused is results and results.highlighted == 0
        await pilot.press("down")
        assert results.highlighted == 1
        await pilot.press("up")
        assert app.focused is results and results.highlighted == 0
        await pilot.press("up")
        assert isinstance(app.focused, Input), "up on the first result goes back to the box"
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)


def test_the_dialog_describes_every_key_it_takes() -> None:
    keys = {binding.key for binding in SearchScreen.BINDINGS if not isinstance(binding, tuple)}
    assert {"escape", "down", "up", "enter"} <= keys
