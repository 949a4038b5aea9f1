"""The rules every guide keeps, checked in one place: the schema checks the guide it built with them,
and the cache the guide it read back.

The schema reports each problem of a file where it is, in an author's words; these rules state what
it guarantees, once: a guide passes them exactly when the loader could have made it, so a cache entry
that differs in any way from what the loader makes (a multi-line title, an invisible character, a
body with raw HTML...) is never used. Texts are found from the model's type hints, so a text field
added to a model class is checked with no edit here. Most checks run once over all the texts joined,
so the work per topic stays in C. Still, on a guide of 10,000 topics (8.6 MB) they take about 65 ms of
CPU, half of a cache hit (docs/performance.md).
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from tui.guide.bodies import CRISIS_LINK, EVIDENCE_LEVELS, broken_links, evidence_levels, mentions_suicide
from tui.guide.controls import blank, has_unseen
from tui.guide.markdown_check import all_faithful
from tui.guide.model import DURATION_LIMITS, ID, MAX_TEXT, RESERVED_IDS, SAFE_URL, YEAR_LIMITS, Guide, Topic
from tui.guide.texts import guide_texts

__all__ = ["validate"]

_CITED, _DURATION, _YEAR = attrgetter("sources"), attrgetter("duration"), attrgetter("year")


def validate(guide: Guide, *, texts_checked: bool = False) -> list[str]:
    """What is wrong with ``guide``, in words; empty when the loader could have made it.

    Every text is text (a ``TypeError`` otherwise) that shows something, with no character the app
    never draws, no longer than a text may be; one-line fields hold no line break and, like summaries,
    no space at either end; Markdown texts reach the reader whole and link only to pages that exist;
    evidence levels are known; there is a topic, a source and a crisis line, and every list has an
    item; ids are unique and well formed, no topic takes a reserved id, every citation names a source;
    addresses are safe https URLs; years and durations are in range; no two glossary terms are the
    same but for case; and every topic that mentions suicide links to the crisis lines. Numbers are not
    checked to be numbers: the codec makes only ``int`` ones. With ``texts_checked``, the rules for each
    text are left out: the schema has checked them text by text as it built the guide, with the same
    functions (:mod:`tui.guide.controls`, :mod:`tui.guide.markdown_check`, :mod:`tui.guide.bodies`).
    """
    problems = []
    if not texts_checked:
        texts = guide_texts(guide)
        problems += _text_problems(texts.lines, texts.blocks, [topic.summary for topic in guide.topics])
        problems += _markdown_problems(guide, texts.markdown)
    topic_ids = [topic.id for topic in guide.topics]
    source_ids = [source.id for source in guide.sources]
    if not (topic_ids and source_ids and guide.crisis_lines):
        problems.append("the guide has no topics, no sources or no crisis lines")
    if not all(topic.sections and topic.sources for topic in guide.topics):
        problems.append("a topic has no sections or cites no source")
    for what, ids in (("topic", topic_ids), ("source", source_ids)):
        if len(set(ids)) != len(ids):
            problems.append(f"two {what}s have the same id")
        if not all(map(ID.match, ids)):
            problems.append(f"a {what} id is not lowercase words joined by hyphens")
    if RESERVED_IDS.intersection(topic_ids):
        problems.append("a topic takes the id of a page the app makes")
    terms = [entry.term.casefold() for entry in guide.glossary]
    if len(set(terms)) != len(terms):
        problems.append("two glossary terms differ only in case, or not at all")
    if not set(source_ids).issuperset(chain.from_iterable(map(_CITED, guide.topics))):
        problems.append("a topic cites a source that is not defined")
    if not all(source.url is None or SAFE_URL.match(source.url) for source in guide.sources):
        problems.append("a source's address is not a safe https URL")
    years = list(map(_YEAR, guide.sources))
    if years and not YEAR_LIMITS[0] <= min(years) <= max(years) <= YEAR_LIMITS[1]:
        problems.append("a source's year is out of range")
    durations = [duration for duration in map(_DURATION, guide.topics) if duration is not None]
    if durations and not DURATION_LIMITS[0] <= min(durations) <= max(durations) <= DURATION_LIMITS[1]:
        problems.append("a topic's duration is out of range")
    return problems


def _text_problems(lines: list[str], blocks: list[str], summaries: list[str]) -> list[str]:
    # Each join fails on anything but text; one scan finds a refused character wherever it stands.
    one_line, other = "\n".join(lines), "".join(blocks)
    problems = []
    if has_unseen(one_line) or has_unseen(other):
        problems.append("a text holds a character the app never draws")
    if one_line.count("\n") != len(lines) - 1:
        problems.append("a title, name or id holds a line break")
    elif not all(lines) or "\n".join(map(str.strip, lines)) != one_line:
        problems.append("a title, name or id is empty, or starts or ends with a space")
    if list(map(str.strip, summaries)) != summaries:
        problems.append("a summary starts or ends with a space")
    if not all(map(str.strip, blocks)) or (
        not (one_line.isascii() and other.isascii()) and any(map(blank, chain(lines, blocks)))
    ):
        problems.append("a text shows nothing")
    if max(map(len, chain(lines, blocks)), default=0) > MAX_TEXT:
        problems.append("a text is too long")
    return problems


def _markdown_problems(guide: Guide, markdown: list[str]) -> list[str]:
    problems = []
    if not all_faithful(markdown) or any("|" in line.contact for line in guide.crisis_lines):
        problems.append("a Markdown text holds something that would not be shown")
    # Joined with a blank line, no level and no link runs on from one text into the next.
    joined = "\n\n".join(markdown)
    if any(level.rstrip(".,;:*_)").lower() not in EVIDENCE_LEVELS for level in evidence_levels(joined)):
        problems.append("an 'Evidence:' is followed by no known level")
    pages = RESERVED_IDS if guide.glossary else RESERVED_IDS - {"glossary"}
    if broken_links(joined, {topic.id for topic in guide.topics} | pages):
        problems.append("a link points to no page")
    if mentions_suicide("\n".join(chain.from_iterable(map(_topic_texts, guide.topics)))):
        for topic in guide.topics:
            mentioned = any(map(mentions_suicide, _topic_texts(topic)))
            if mentioned and not any(CRISIS_LINK in section.body for section in topic.sections):
                problems.append("a topic mentions suicide and does not link to the crisis lines")
                break
    return problems


def _topic_texts(topic: Topic) -> list[str]:
    """The texts of a topic that may mention suicide."""
    return [topic.title, topic.summary] + [text for s in topic.sections for text in (s.title, s.body)]
