"""Search: the index (case, accents, prefixes) and the screen (typing, results, jump, highlight)."""

from __future__ import annotations

from collections.abc import Callable

from guides import guide_with_topics, topic_yaml
from panes import drawn
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tui.app import GuideApp
from tui.guide import Guide
from tui.screens import ReaderScreen
from tui.screens.search import SearchScreen
from tui.search import SearchIndex, fold
from tui.widgets import TopicView

AppFactory = Callable[[], GuideApp]


def marked_words(view: TopicView) -> list[str]:
    """The runs of text on screen drawn in the search-hit style (reverse video)."""
    return [
        segment.text
        for line in drawn(view)
        for segment in line
        if segment.style is not None and segment.style.reverse
    ]


async def open_first_hit(pilot: Pilot[None], query: str) -> TopicView:
    """Search for ``query``, open the first result, and return the text pane once it has moved."""
    await pilot.press("slash", *query)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause(0.3)
    return pilot.app.screen.query_one(TopicView)


def test_fold_strips_case_and_accents() -> None:
    assert fold("Évidence ÇA naïve STRASSE") == "evidence ca naive strasse"


def test_words_and_prefixes_match_case_and_accent_insensitively(guide: Guide) -> None:
    index = SearchIndex(guide)
    assert [(h.page, h.part) for h in index.search("TABLE")] == [(1, 0), (1, 1)]
    assert [h.page_title for h in index.search("paragr")] == ["First topic", "Fourth topic"]
    assert index.search("pàrágráph")[0].page_title == "First topic"
    # "aragraph" is now a close match of "paragraph" (one letter dropped): two letters off are not.
    assert index.search("ragraph") == [], "only word prefixes match, not word middles"


def test_all_words_must_match_in_the_same_place(guide: Guide) -> None:
    index = SearchIndex(guide)
    assert [h.part_title for h in index.search("short paragraph")] == ["Opening"]
    assert index.search("short table") == []
    assert index.search("   ") == []


def test_hit_snippet_marks_the_matching_word(guide: Guide) -> None:
    hit = SearchIndex(guide).search("LONG")[0]
    assert hit.page_title == "Fourth topic"
    snippet, spans = hit.snippet(70)
    assert snippet[slice(*spans[0])] == "long"
    assert "*" not in snippet and "|" not in snippet


def test_a_snippet_folds_line_breaks_and_indents_to_single_spaces() -> None:
    body = "- You spray it, under supervision in a\n    healthcare setting certified\n    under REMS."
    index = SearchIndex(guide_with_topics(topic_yaml("one", "One", [("Spray", body)])))
    index.build()
    [hit] = index.search("certified")
    snippet, [(start, end)] = hit.snippet(70)
    assert snippet.endswith("healthcare setting certified under REMS.")
    assert "  " not in snippet and snippet == snippet.strip()
    assert snippet[start:end] == "certified"


def test_index_on_a_large_guide_is_built_once_and_answers(guide: Guide) -> None:
    topics = "".join(
        topic_yaml(f"t{n}", f"Topic {n}", [("Part", f"Word{n} common text.")]) for n in range(2000)
    )
    index = SearchIndex(guide_with_topics(topics))
    assert len(index.search("common")) == 50, "results are capped"
    assert [h.page_title for h in index.search("word1999")] == ["Topic 1999"]


async def test_typing_shows_results_and_enter_jumps_and_marks(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"beta")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        assert results.option_count == 1
        prompt = results.get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        assert prompt.plain.startswith("Second topic › A table\n")
        marked = [s for s in prompt.spans if s.style == "reverse bold"]
        assert [prompt.plain[s.start : s.end] for s in marked] == ["Beta"]
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(TopicView)
        assert view.page is not None and view.page.id == "second-topic"
        assert marked_words(view) == ["Beta"]
        assert isinstance(app.focused, TopicView)


async def test_enter_scrolls_to_the_section(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        view = await open_first_hit(pilot, "end long")
        assert view.scroll_y > 0, "the marked paragraph at the end of a long topic is scrolled into view"
        assert set(marked_words(view)) == {"end", "long"}, "every word of the query is marked"
        assert view.marked_line is not None
        assert "end" in view.lines[view.marked_line].text
        top = view.scroll_y
        assert top <= view.marked_line < top + view.scrollable_content_region.height


async def test_escape_closes_search_without_moving(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"table", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(TopicView)
        assert view.page is not None and view.page.id == "first-topic"


async def test_down_moves_from_the_query_to_the_results(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"paragraph", "down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")
        await pilot.pause(0.3)
        view = app.screen.query_one(TopicView)
        assert view.page is not None and view.page.id == "fourth-topic"


async def test_search_input_takes_letters_that_are_reader_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"qnps1g")
        assert app.is_running
        assert app.screen.query_one(Input).value == "qnps1g"


async def test_back_and_forward_retrace_link_and_search_jumps(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:

        def shown() -> str:
            page = app.screen.query_one(TopicView).page
            assert page is not None
            return page.id

        view = app.screen.query_one(TopicView)
        view.post_message(TopicView.LinkClicked("#second-topic"))
        await pilot.pause()
        await pilot.press("slash", *"long", "enter")
        await pilot.pause(0.3)
        assert shown() == "fourth-topic"
        await pilot.press("backspace")
        assert shown() == "second-topic"
        await pilot.press("alt+left")
        assert shown() == "first-topic"
        await pilot.press("alt+left")
        assert shown() == "first-topic", "nothing further back"
        await pilot.press("alt+right")
        assert shown() == "second-topic"
        await pilot.press("alt+right")
        assert shown() == "fourth-topic"
        await pilot.press("backspace", "n")
        assert shown() == "third-topic"
        await pilot.press("alt+right")
        assert shown() == "fourth-topic", "a plain move keeps the forward history"
        await pilot.press("backspace")
        assert shown() == "third-topic", "and going forward recorded where it left from"


async def test_a_hit_in_a_short_section_brings_its_heading_to_the_top() -> None:
    long_body = "\n\n".join(f"Paragraph {n} of a long first section." for n in range(30))
    sections = [
        ("First section", long_body),
        ("Target section", "The zebra is here."),
        ("Short section", "A short one."),
        ("Last section", long_body),
    ]
    topics = topic_yaml("one", "Start", [("Opening", "Nothing here.")]) + topic_yaml("two", "Long", sections)
    app = GuideApp(guide_with_topics(topics))
    async with app.run_test(size=(100, 16)) as pilot:
        view = await open_first_hit(pilot, "zebra")
        assert view.lines[int(view.scroll_y)].text.strip() == "Target section"
        assert marked_words(view) == ["zebra"]


ZEBRA = topic_yaml("one", "Start", [("Zebra facts", "Some words first. The zebra is here.")])


async def test_the_hit_in_the_text_is_the_one_found_and_every_occurrence_is_marked() -> None:
    app = GuideApp(guide_with_topics(ZEBRA))
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_first_hit(pilot, "zebra")
        assert view.marked_line is not None
        assert view.lines[view.marked_line].text.strip() == "Some words first. The zebra is here."
        assert marked_words(view) == ["Zebra", "zebra"]  # the heading's too
        app.theme = "textual-light"  # the lines are drawn again in other colours: the marks stay
        await pilot.pause(0.3)
        assert marked_words(view) == ["Zebra", "zebra"]
