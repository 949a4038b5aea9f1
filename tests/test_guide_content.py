"""Content checks for the guide in content.yaml.

These tests check the published guide itself (not the loader): required
topics, sources, links, banned wording, the conditions list and the crisis
lines. Each assertion describes a real property of the content, so editing
the YAML in the wrong way makes a test fail.
"""

from __future__ import annotations

import datetime
import importlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT_PATH = ROOT / "content.yaml"

REQUIRED_TOPIC_IDS = (
    "what-is-ketamine-therapy",
    "how-it-works",
    "forms-of-treatment",
    "benefits-and-limits",
    "conditions",
    "safety",
    "who-should-not",
    "future",
    "in-short",
)

RESERVED_TOPIC_IDS = ("sources", "about", "crisis")

BANNED_PHRASES = (
    "miracle",
    "proven to provide long-lasting",
    "minimal side effects",
    "low potential for addiction",
    "reset button",
    "nepenthewellness",
)

# Each required condition, and the pattern that must match its section title.
CONDITION_PATTERNS = {
    "treatment-resistant depression": r"treatment[- ]resistant depression",
    "suicidal ideation": r"suicidal",
    "bipolar depression": r"bipolar",
    "PTSD": r"\bptsd\b|post-?traumatic",
    "OCD": r"\bocd\b|obsessive",
    "social anxiety disorder": r"social anxiety",
    "generalised anxiety disorder": r"generali[sz]ed anxiety",
    "panic disorder": r"panic",
    "chronic pain": r"chronic pain",
}

EVIDENCE_LEVELS = ("strong", "moderate", "limited", "not supported")
EVIDENCE_MARKER = re.compile(r"Evidence:\s*(strong|moderate|limited|not supported)\b")
ANY_EVIDENCE_LABEL = re.compile(r"Evidence:")
RAW_HTML = re.compile(r"<[a-zA-Z/!]")
PLAIN_HTTP = re.compile(r"http://", re.IGNORECASE)
INTERNAL_LINK = re.compile(r"\]\(#([^)\s]*)\)")


def _load_content_module():
    """Import tui.guide, making sure the repository root is importable."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("tui.guide")


@pytest.fixture(scope="module")
def raw_text() -> str:
    return CONTENT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def guide():
    content = _load_content_module()
    return content.load_guide(CONTENT_PATH)


@pytest.fixture(scope="module")
def topics_by_id(guide):
    return {topic.id: topic for topic in guide.topics}


@pytest.fixture(scope="module")
def conditions_topic(topics_by_id):
    assert "conditions" in topics_by_id, "the guide has no 'conditions' topic"
    return topics_by_id["conditions"]


def _condition_sections(topic, pattern: str):
    regex = re.compile(pattern, re.IGNORECASE)
    return [section for section in topic.sections if regex.search(section.title)]


def test_content_file_exists() -> None:
    assert CONTENT_PATH.is_file(), f"missing {CONTENT_PATH}"


def test_guide_metadata(guide) -> None:
    assert guide.title.strip()
    assert guide.subtitle.strip()
    assert guide.reviewed == datetime.date(2026, 11, 24)
    assert isinstance(guide.reviewed, datetime.date)


def test_required_topics_present_in_order(guide) -> None:
    ids = [topic.id for topic in guide.topics]
    missing = [topic_id for topic_id in REQUIRED_TOPIC_IDS if topic_id not in ids]
    assert not missing, f"missing topics: {missing}"
    positions = [ids.index(topic_id) for topic_id in REQUIRED_TOPIC_IDS]
    assert positions == sorted(positions), f"topics out of order: {ids}"


def test_topic_ids_unique_and_not_reserved(guide) -> None:
    ids = [topic.id for topic in guide.topics]
    assert len(ids) == len(set(ids)), f"duplicate topic ids: {ids}"
    for reserved in RESERVED_TOPIC_IDS:
        assert reserved not in ids, f"topic id {reserved!r} is reserved for the app"


def test_every_topic_has_sections_and_sources(guide) -> None:
    for topic in guide.topics:
        assert topic.sections, f"topic {topic.id} has no sections"
        assert len(topic.sources) >= 1, f"topic {topic.id} cites no sources"


def test_every_cited_source_exists(guide) -> None:
    source_ids = {source.id for source in guide.sources}
    for topic in guide.topics:
        unknown = [sid for sid in topic.sources if sid not in source_ids]
        assert not unknown, f"topic {topic.id} cites unknown sources: {unknown}"


def test_every_source_is_cited(guide) -> None:
    cited = {sid for topic in guide.topics for sid in topic.sources}
    uncited = sorted(source.id for source in guide.sources if source.id not in cited)
    assert not uncited, f"sources never cited by a topic: {uncited}"


def test_source_ids_unique(guide) -> None:
    ids = [source.id for source in guide.sources]
    assert len(ids) == len(set(ids)), "duplicate source ids"


def test_no_plain_http_anywhere(raw_text) -> None:
    hits = [match.group(0) for match in PLAIN_HTTP.finditer(raw_text)]
    assert not hits, "content.yaml contains plain http:// links"


def test_source_urls_are_https(guide) -> None:
    for source in guide.sources:
        if source.url is not None:
            assert source.url.startswith("https://"), f"source {source.id} url is not https: {source.url}"


@pytest.mark.parametrize("phrase", BANNED_PHRASES)
def test_banned_phrase_absent(raw_text, phrase: str) -> None:
    assert phrase not in raw_text.lower(), f"banned phrase found: {phrase!r}"


def test_condition_section_titles_unique(conditions_topic) -> None:
    titles = [section.title.strip().lower() for section in conditions_topic.sections]
    duplicates = sorted({title for title in titles if titles.count(title) > 1})
    assert not duplicates, f"condition listed twice: {duplicates}"


def test_ocd_is_exactly_one_section(conditions_topic) -> None:
    ocd_sections = _condition_sections(conditions_topic, CONDITION_PATTERNS["OCD"])
    assert len(ocd_sections) == 1, f"OCD must appear as exactly one section, found {len(ocd_sections)}"


def test_ocd_and_ptsd_not_called_anxiety_disorders(conditions_topic) -> None:
    for name in ("OCD", "PTSD"):
        for section in _condition_sections(conditions_topic, CONDITION_PATTERNS[name]):
            assert "anxiety" not in section.title.lower(), (
                f"{name} section title calls it an anxiety disorder: {section.title!r}"
            )


@pytest.mark.parametrize("condition", sorted(CONDITION_PATTERNS))
def test_condition_has_one_section_with_evidence(conditions_topic, condition) -> None:
    sections = _condition_sections(conditions_topic, CONDITION_PATTERNS[condition])
    assert len(sections) == 1, (
        f"expected exactly one section for {condition}, found {[section.title for section in sections]}"
    )
    body = sections[0].body
    assert EVIDENCE_MARKER.search(body), f"section {sections[0].title!r} has no 'Evidence: LEVEL' marker"


def test_panic_disorder_marked_not_supported(conditions_topic) -> None:
    (section,) = _condition_sections(conditions_topic, CONDITION_PATTERNS["panic disorder"])
    levels = EVIDENCE_MARKER.findall(section.body)
    assert levels == ["not supported"], f"panic disorder evidence levels: {levels}"


def test_every_evidence_label_has_a_valid_level(guide) -> None:
    for topic in guide.topics:
        for section in topic.sections:
            labels = len(ANY_EVIDENCE_LABEL.findall(section.body))
            valid = len(EVIDENCE_MARKER.findall(section.body))
            assert labels == valid, (
                f"{topic.id} / {section.title}: 'Evidence:' must be followed by one of {EVIDENCE_LEVELS}"
            )


def test_crisis_lines(guide) -> None:
    assert guide.crisis_lines, "no crisis lines"
    contacts = " ".join(line.contact for line in guide.crisis_lines)
    for needle in ("988", "9-8-8", "116 123", "local emergency number"):
        assert needle in contacts, f"crisis lines do not mention {needle!r}"
    for line in guide.crisis_lines:
        assert line.region.strip(), "crisis line without a region"
        assert line.contact.strip(), f"crisis line for {line.region} has no contact"


def test_no_raw_html_in_bodies(guide) -> None:
    for topic in guide.topics:
        for section in topic.sections:
            assert not RAW_HTML.search(section.body), f"raw HTML in {topic.id} / {section.title}"


def test_internal_links_point_to_topics(guide) -> None:
    ids = {topic.id for topic in guide.topics} | {"crisis"}  # '#crisis': the crisis lines (the crisis rule)
    for topic in guide.topics:
        for section in topic.sections:
            for target in INTERNAL_LINK.findall(section.body):
                assert target in ids, f"{topic.id} / {section.title} links to unknown topic #{target}"


def test_disclaimer_covers_required_points(guide) -> None:
    text = guide.disclaimer.lower()
    for needle in ("not medical advice", "clinic", "licensed clinician", "country"):
        assert needle in text, f"disclaimer does not mention {needle!r}"
    assert "unsupervised" in text, "disclaimer must warn against unsupervised use"
