"""Content checks for the guide in content.yaml.

These tests check the published guide itself (not the loader): required
topics, sources, links, banned wording, the conditions list, the crisis
lines and links to them, the evidence rule and plain language. Each
assertion describes a real property of the content, so editing the YAML in
the wrong way makes a test fail.

The evidence rule (also stated in docs/content-format.md): a paragraph or
list item that gives a percentage, a rate such as "3 in 10", or a median, or
that names a trial, study or review, ends with an evidence label
(``*Evidence: LEVEL.*``); a table of percentages is introduced by a
paragraph that does; and a label is only ever the last thing in its
paragraph or list item.
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

# Topics added in the second edition for the questions readers ask (issue #18).
QUESTION_TOPIC_IDS = ("a-visit", "finding-a-provider", "cost-and-insurance", "other-options")

RESERVED_TOPIC_IDS = ("sources", "about", "crisis", "glossary")

BANNED_PHRASES = (
    "miracle",
    "proven to provide long-lasting",
    "minimal side effects",
    "low potential for addiction",
    "reset button",
    "nepenthewellness",
    "the future of mental health",
)

# UK spellings and terms that the US-focused guide must not use (issue #18, item 6).
UK_FORMS = (
    "behaviour",
    "programme",
    "generalised",
    "stabiliser",
    "noradrenaline",
    "anaesthe",
    "randomised",
    "haemorrhage",
    "oesophag",
    "paediatric",
    "foetus",
    "colour",
    "favour",
    "centre",
    "organis",
    "recognis",
    "minimis",
    "summaris",
)

# Each required condition, and the pattern that must match its section title.
CONDITION_PATTERNS = {
    "treatment-resistant depression": r"treatment[- ]resistant depression",
    "suicidal ideation": r"suicidal",
    "bipolar depression": r"bipolar",
    "PTSD": r"\bptsd\b|post-?traumatic",
    "OCD": r"\bocd\b|obsessive",
    "social anxiety disorder": r"social anxiety",
    "generalized anxiety disorder": r"generalized anxiety",
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
    assert guide.reviewed == datetime.date(2026, 12, 6)
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
    """Every internal link names a topic, ``crisis`` (the app's "where to get help now") or
    ``glossary`` (the page the guide's glossary makes)."""
    ids = {topic.id for topic in guide.topics} | {"crisis", "glossary"}
    for topic in guide.topics:
        for section in topic.sections:
            for target in INTERNAL_LINK.findall(section.body):
                assert target in ids, f"{topic.id} / {section.title} links to unknown topic #{target}"


def test_disclaimer_covers_required_points(guide) -> None:
    text = guide.disclaimer.lower()
    for needle in ("not medical advice", "clinic", "licensed clinician", "country"):
        assert needle in text, f"disclaimer does not mention {needle!r}"
    assert "unsupervised" in text, "disclaimer must warn against unsupervised use"


# ---------------------------------------------------------------------------
# Second edition (issue #18): the questions readers ask, spelling, title.


def _prose_texts(guide):
    """(where, text) for every text the guide itself writes: not source titles, which are quoted."""
    yield "title", guide.title
    yield "subtitle", guide.subtitle
    yield "disclaimer", guide.disclaimer
    for line in guide.crisis_lines:
        yield f"crisis line {line.region}", f"{line.region} {line.contact}"
    for topic in guide.topics:
        yield f"{topic.id} title", topic.title
        yield f"{topic.id} summary", topic.summary
        for section in topic.sections:
            yield f"{topic.id} / {section.title}", f"{section.title}\n{section.body}"


def test_question_topics_present(guide) -> None:
    ids = [topic.id for topic in guide.topics]
    missing = [topic_id for topic_id in QUESTION_TOPIC_IDS if topic_id not in ids]
    assert not missing, f"missing topics for readers' questions: {missing}"


def test_seed_heading_not_used_as_a_title(guide) -> None:
    for topic in guide.topics:
        assert "future of mental health" not in topic.title.lower(), topic.title


@pytest.mark.parametrize("form", UK_FORMS)
def test_us_spelling(guide, form: str) -> None:
    hits = [where for where, text in _prose_texts(guide) if form in text.lower()]
    assert not hits, f"UK form {form!r} in: {hits}"


# ---------------------------------------------------------------------------
# Crisis help (issue #17, content part).

SUICIDE = re.compile(r"suicid", re.IGNORECASE)
CRISIS_LINK = re.compile(r"\]\(#crisis\)")
REQUIRED_CRISIS_CONTACTS = {
    # region (a word in the region label) -> text its contact must hold
    "US": "988",
    "Canada": "9-8-8",
    "UK & Ireland": "116 123",
    "UK (text)": "85258",
    "Ireland (text)": "50808",
    "England": "111",
    "veterans": "press 1",
    "Australia": "13 11 14",
    "New Zealand": "1737",
}


def test_every_section_that_mentions_suicide_links_to_the_crisis_lines(guide) -> None:
    unlinked = [
        f"{topic.id} / {section.title}"
        for topic in guide.topics
        for section in topic.sections
        if SUICIDE.search(section.title + section.body) and not CRISIS_LINK.search(section.body)
    ]
    assert not unlinked, f"sections that speak of suicide without a (#crisis) link: {unlinked}"


def test_a_topic_whose_summary_mentions_suicide_links_to_the_crisis_lines(guide) -> None:
    for topic in guide.topics:
        if SUICIDE.search(topic.summary):
            assert any(CRISIS_LINK.search(section.body) for section in topic.sections), topic.id


def test_the_first_topic_points_to_the_crisis_lines(guide) -> None:
    assert any(CRISIS_LINK.search(section.body) for section in guide.topics[0].sections)


def test_crisis_regions(guide) -> None:
    regions = [line.region for line in guide.crisis_lines]
    for region, needle in REQUIRED_CRISIS_CONTACTS.items():
        matching = [line for line in guide.crisis_lines if region in line.region]
        assert matching, f"no crisis line for {region!r} in {regions}"
        assert any(needle in line.contact for line in matching), f"{region}: contact lacks {needle!r}"
    assert regions[:3] == ["US", "Canada", "UK & Ireland"], "the most-used regions come first"
    assert regions[-1] == "Everywhere else"


def test_crisis_lines_are_short(guide) -> None:
    """The booth banner is built from the first lines, so regions and contacts stay short."""
    for line in guide.crisis_lines:
        assert len(line.region) <= 16, f"region label too long: {line.region!r}"
        assert "\n" not in line.contact and len(line.contact) <= 160, f"contact too long: {line.region}"


# ---------------------------------------------------------------------------
# Text units: the paragraphs and list items of a Markdown body.

TABLE_LINE = re.compile(r"^\s*\|")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def text_units(markdown: str) -> list[tuple[str, str]]:
    """The body's blocks in order, as ``(kind, text)``: kind is "para", "item" or "table".

    A list item runs from its marker to the next marker or blank line; its
    indented continuation lines belong to it. Lines joined by single newlines
    form one paragraph. A table is the run of lines that start with ``|``.
    """
    blocks: list[tuple[str, str]] = []
    kind, lines = "", []

    def flush() -> None:
        nonlocal kind
        if lines:
            blocks.append((kind, "\n".join(lines)))
            lines.clear()
        kind = ""

    for line in markdown.splitlines():
        if not line.strip():
            flush()
        elif TABLE_LINE.match(line):
            if kind != "table":
                flush()
                kind = "table"
            lines.append(line.strip())
        elif LIST_ITEM.match(line):
            flush()
            kind = "item"
            lines.append(LIST_ITEM.sub("", line, count=1).strip())
        else:
            if kind == "table":
                flush()
            kind = kind or "para"
            lines.append(line.strip())
    flush()
    return blocks


# ---------------------------------------------------------------------------
# The evidence rule (issue #18, item 3): see the module docstring.

FINDING = re.compile(
    r"\d\s?%|\b\d[\d,]*\s+in\s+\d[\d,]*\b|\bmedian\b|\btrials?\b|\bstud(?:y|ies)\b|\breviews?\b|\bmeta-analys[ie]s\b",
    re.IGNORECASE,
)
LABEL_AT_END = re.compile(r"\*Evidence: (?:strong|moderate|limited|not supported)\.\*\s*\Z")
PERCENT = re.compile(r"\d\s?%")


def evidence_rule_problems(markdown: str) -> list[str]:
    """Units of ``markdown`` that break the evidence rule, each with the reason."""
    problems = []
    blocks = text_units(markdown)
    for index, (kind, text) in enumerate(blocks):
        flat = " ".join(text.split())
        labels = len(ANY_EVIDENCE_LABEL.findall(flat))
        if kind == "table":
            intro = blocks[index - 1] if index else ("", "")
            if PERCENT.search(flat) and not (intro[0] == "para" and LABEL_AT_END.search(intro[1])):
                problems.append(f"table of percentages without a labelled introduction: {flat[:60]!r}")
            continue
        if labels and not LABEL_AT_END.search(flat):
            problems.append(f"label not at the end: {flat[:70]!r}")
        elif labels > 1:
            problems.append(f"more than one label: {flat[:70]!r}")
        elif FINDING.search(flat) and not labels:
            problems.append(f"finding without a label: {flat[:70]!r}")
    return problems


def test_evidence_rule_helper_catches_what_it_should() -> None:
    body = (
        "A 2021 review found 27% responded. *Evidence: limited.*\n\n"
        "- In one trial, 4 in 10 improved.\n"
        "- Benefit lasts days. *Evidence: moderate.* Or weeks.\n"
        "- Staff watch you for 2 hours.\n\n"
        "| Effect | People |\n|---|---|\n| Nausea | 28% |\n"
    )
    problems = evidence_rule_problems(body)
    assert len(problems) == 3, problems
    assert "finding without a label" in problems[0]
    assert "label not at the end" in problems[1]
    assert "table of percentages" in problems[2]


def test_every_finding_carries_an_evidence_label(guide) -> None:
    problems = [
        f"{topic.id} / {section.title}: {problem}"
        for topic in guide.topics
        for section in topic.sections
        for problem in evidence_rule_problems(section.body)
    ]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------
# Plain language (issue #18, item 4).
#
# What is measured, per topic: its summary and the prose of its section
# bodies. Section titles are left out (they are labels, not sentences), and
# so are tables, URLs, Markdown marks ("*", "_", "`", link targets, list
# markers), and the evidence labels; source lists live in ``sources`` and
# are never part of a topic. The disclaimer is measured the same way.
#
# Sentences end at ".", "!" or "?" followed by a space, and at the end of
# each paragraph and list item. A word is a run of letters (an apostrophe
# inside it allowed; a hyphen splits words) or a number.
#
# Syllables (a documented heuristic, not a dictionary):
# - a number counts one syllable per digit, at most 4, plus 2 for "%";
# - an all-capital word of 2 to 5 letters is spelled out (FDA = 3, REMS = 4);
# - otherwise count the groups of vowels (a, e, i, o, u, y), add one for a
#   group starting "ia" or "io" unless it follows c, t, s, x or g
#   (me-di-an, tri-al, but -tion, so-cial), then take one off for a silent
#   final "e" (not "-le", "-ee", "-ye"), a silent "-ed" (not "-ted", "-ded")
#   or a silent "-es" (not after s, x, z, ch, sh, g or c); at least 1.
#
# Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59.

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 25
PLAIN_LABEL = re.compile(r"\*?Evidence:\s*(?:strong|moderate|limited|not supported)\b\.?\*?", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|\d[\d,]*(?:\.\d+)?%?")


def prose_units(markdown: str) -> list[str]:
    """The plain text of each paragraph and list item, with tables, labels, URLs and marks removed."""
    out = []
    for kind, text in text_units(markdown):
        if kind == "table":
            continue
        text = PLAIN_LABEL.sub(" ", text)
        text = URL.sub(" ", text)
        text = MD_LINK.sub(r"\1", text)
        text = re.sub(r"[*_`]", "", text)
        text = " ".join(text.split())
        if text:
            out.append(text)
    return out


def sentences_of(units: list[str]) -> list[str]:
    return [part for unit in units for part in SENTENCE_END.split(unit) if WORD.search(part)]


def words_of(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def syllables(word: str) -> int:
    """Syllables in one word, by the heuristic described above."""
    if word[0].isdigit():
        return min(len(re.sub(r"\D", "", word)), 4) + (2 if word.endswith("%") else 0)
    if 2 <= len(word) <= 5 and word.isupper():
        return len(word)
    w = word.lower().replace("'", "")
    count = 0
    for group in re.finditer(r"[aeiouy]+", w):
        count += 1
        before = w[group.start() - 1] if group.start() else ""
        if group.group().startswith(("ia", "io")) and before not in "ctsxg":
            count += 1
    silent_e = w.endswith("e") and not w.endswith(("le", "ee", "ye"))
    silent_ed = w.endswith("ed") and not w.endswith(("ted", "ded"))
    silent_es = w.endswith("es") and not re.search(r"(?:s|x|z|ch|sh|g|c)es\Z", w)
    if count > 1 and (silent_e or silent_ed or silent_es):
        count -= 1
    return max(1, count)


def fk_grade(units: list[str]) -> float:
    """Flesch-Kincaid grade of the text made of ``units``."""
    sentences = sentences_of(units)
    words = [word for sentence in sentences for word in words_of(sentence)]
    syllable_count = sum(syllables(word) for word in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59


def long_sentences(units: list[str]) -> list[str]:
    return [s for s in sentences_of(units) if len(words_of(s)) > MAX_SENTENCE_WORDS]


def _pages(guide):
    """(name, prose units) for each topic and for the disclaimer."""
    for topic in guide.topics:
        units = [topic.summary]
        for section in topic.sections:
            units += prose_units(section.body)
        yield topic.id, units
    yield "disclaimer", prose_units(guide.disclaimer)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1),
        ("people", 2),
        ("used", 1),
        ("needed", 2),
        ("doses", 2),
        ("takes", 1),
        ("trial", 2),
        ("median", 3),
        ("treatment", 2),
        ("social", 2),
        ("ketamine", 3),
        ("anesthesia", 4),
        ("FDA", 3),
        ("2019", 4),
    ],
)
def test_syllable_heuristic(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_readability_helpers_fail_on_hard_text() -> None:
    hard = prose_units(
        "Pharmacological antagonism of N-methyl-D-aspartate receptors precipitates"
        " glutamatergic disinhibition, subsequently potentiating neurotrophic signaling"
        " cascades, synaptogenesis and consequent antidepressant responsiveness in"
        " treatment-refractory populations characterized by considerable heterogeneity"
        " and comorbidity. *Evidence: limited.*"
    )
    easy = prose_units("Ketamine can help some people. The effect does not last long. *Evidence: strong.*")
    assert fk_grade(hard) > 20
    assert long_sentences(hard), "a 26-word sentence must be caught"
    assert fk_grade(easy) < MAX_GRADE
    assert not long_sentences(easy)
    assert "Evidence" not in " ".join(easy)


def test_each_page_reads_at_grade_8_or_lower(guide) -> None:
    grades = {name: round(fk_grade(units), 1) for name, units in _pages(guide)}
    too_hard = {name: grade for name, grade in grades.items() if grade > MAX_GRADE}
    assert not too_hard, f"Flesch-Kincaid grade over {MAX_GRADE}: {too_hard}"


def test_no_sentence_over_25_words(guide) -> None:
    found = [f"{name}: {sentence}" for name, units in _pages(guide) for sentence in long_sentences(units)]
    assert not found, "\n".join(found)


# ---------------------------------------------------------------------------
# Glossary (issue #18, item 4): one-line terms, unique, and definitions in the
# same plain language as the topics.

GLOSSARY_TERMS = (
    "ECT",
    "TMS",
    "Placebo",
    "Open-label",
    "Remission",
    "Median",
    "REMS",
    "Off-label",
    "Dissociation",
)


def _glossary_entries(guide) -> list[tuple[str, str]]:
    return [(entry.term, entry.definition) for entry in guide.glossary]


def test_glossary_entries_are_well_formed(guide) -> None:
    entries = _glossary_entries(guide)
    terms = [term for term, _ in entries]
    assert len(terms) == len(set(terms)), "duplicate glossary terms"
    for term, definition in entries:
        assert term.strip() and "\n" not in term, f"term must be one line: {term!r}"
        assert definition.strip(), f"empty definition for {term!r}"
    missing = [term for term in GLOSSARY_TERMS if term not in terms]
    assert not missing, f"glossary lacks: {missing}"


def test_glossary_reads_at_grade_8_or_lower(guide) -> None:
    units = [unit for _, definition in _glossary_entries(guide) for unit in prose_units(definition)]
    assert fk_grade(units) <= MAX_GRADE
    assert not long_sentences(units)
