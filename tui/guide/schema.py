"""Check a YAML node tree against the guide format and build the frozen model from it.

Every problem is collected, not just the first, so an author can fix a file in one pass.
The format is documented in ``docs/content-format.md``.
"""

from __future__ import annotations

from datetime import date

from tui.guide.bodies import EVIDENCE_LEVELS, INTERNAL_LINK, broken_links, evidence_levels, positions_in
from tui.guide.checker import Checker, Lines, shown
from tui.guide.model import (
    DURATION_LIMITS,
    RESERVED_IDS,
    SAFE_URL,
    YEAR_LIMITS,
    CrisisLine,
    GlossaryEntry,
    Guide,
    Section,
    Source,
    Topic,
)
from tui.guide.nodes import STR, TIMESTAMP, Mark, Node, Problem
from tui.guide.rules import validate
from tui.guide.yamltree import compose

__all__ = ["build_guide"]


def build_guide(text: str) -> tuple[Guide | None, list[Problem]]:
    """Validate YAML text as a guide. Returns the guide, or ``None`` and every problem found."""
    root, problems = compose(text)
    if root is None:
        return None, problems or [Problem(Mark(1, 1), "the file is empty")]
    check = Checker()
    check.problems.extend(problems)
    guide = _GuideBuilder(check, Lines(text)).build(root)
    if guide is not None and not check.problems:
        # The builder has reported each broken rule where it is; this states them once, for the cache too.
        for message in validate(guide):
            check.fail(Mark(1, 1), message)
    return (guide if not check.problems else None), check.problems


class _GuideBuilder:
    """Walks the root mapping; remembers where ids and references are, for cross-checks."""

    def __init__(self, check: Checker, lines: Lines) -> None:
        self.check = check
        self.lines = lines
        self.topic_ids: dict[str, Mark] = {}
        self.source_ids: dict[str, Mark] = {}
        self.citations: list[tuple[str, Mark]] = []
        self.linked_bodies: list[Node] = []
        """Section bodies and definitions holding internal links, checked once every topic id is known."""
        self.terms: dict[str, Mark] = {}
        """The glossary's terms so far, case-folded: a term may be defined once, whatever its case."""

    def build(self, root: Node) -> Guide | None:
        check = self.check
        names = ("title", "subtitle", "reviewed", "disclaimer", "topics", "sources")
        found = check.fields(root, "the guide", names, ("crisis_lines", "glossary"))
        if found is None:
            return None
        title = check.text(found["title"], "the guide's title", one_line=True) if "title" in found else None
        subtitle = (
            check.text(found["subtitle"], "the subtitle", one_line=True) if "subtitle" in found else None
        )
        reviewed = self.reviewed(found["reviewed"]) if "reviewed" in found else None
        disclaimer = check.text(found["disclaimer"], "the disclaimer") if "disclaimer" in found else None
        lines = (
            check.items(found["crisis_lines"], "crisis_lines", self.crisis_line)
            if "crisis_lines" in found
            else []
        )
        sources = check.items(found["sources"], "sources", self.source) if "sources" in found else []
        topics = check.items(found["topics"], "topics", self.topic) if "topics" in found else []
        glossary = (
            check.items(found["glossary"], "glossary", self.glossary_entry) if "glossary" in found else []
        )
        for source_id, mark in self.citations:
            if source_id not in self.source_ids:
                check.fail(mark, f"the source {source_id!r} is cited but not defined under 'sources'")
        known = self.topic_ids.keys() | (RESERVED_IDS if "glossary" in found else RESERVED_IDS - {"glossary"})
        for body in self.linked_bodies:
            broken = broken_links(body.value, known)
            if not broken:
                continue  # placing nothing would still walk the file to the body (strict zip)
            marks = positions_in(self.lines, body, (offset for _, offset in broken))
            for (target, _), mark in zip(broken, marks, strict=True):
                if target == "glossary":
                    check.fail(mark, "the link '#glossary' points to no page: this guide has no glossary")
                else:
                    check.fail(mark, f"the link '#{target}' points to no topic; use a topic id")
        if None in (title, subtitle, reviewed, disclaimer) or check.problems:
            return None
        assert title and subtitle and reviewed and disclaimer
        parts = (tuple(topics), tuple(sources), tuple(lines), tuple(glossary))
        return Guide(title, subtitle, reviewed, disclaimer, *parts)

    def reviewed(self, node: Node) -> date | None:
        if node.kind == "scalar" and node.tag in (TIMESTAMP, STR):
            try:
                return date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        self.check.fail(node.mark, "reviewed should be a date written YYYY-MM-DD, like 2026-11-24")
        return None

    def crisis_line(self, node: Node) -> CrisisLine | None:
        found = self.check.fields(node, "a crisis line", ("region", "contact"))
        if found is None or len(found) < 2:
            return None
        region = self.check.text(found["region"], "region", one_line=True)
        contact = self.check.text(found["contact"], "contact")
        return CrisisLine(region, contact) if region and contact else None

    def source(self, node: Node) -> Source | None:
        check = self.check
        found = check.fields(node, "a source", ("id", "title", "publisher", "year"), ("url",))
        if found is None:
            return None
        # Record the id even when another key is missing, so its citations are not reported as well.
        source_id = self.unique(found["id"], "source id", self.source_ids) if "id" in found else None
        if not {"title", "publisher", "year"} <= found.keys():
            return None
        title = check.text(found["title"], "the source's title", one_line=True)
        publisher = check.text(found["publisher"], "publisher", one_line=True)
        year = check.integer(found["year"], "year", *YEAR_LIMITS)
        url = self.url(found["url"]) if "url" in found else None
        if source_id is None or title is None or publisher is None or year is None:
            return None
        return Source(source_id, title, publisher, year, url)

    def url(self, node: Node) -> str | None:
        value = self.check.text(node, "url", one_line=True)
        if value is not None and not SAFE_URL.match(value):
            self.check.fail(node.mark, f"url {shown(value)} should start with https:// and contain no spaces")
            return None
        return value

    def unique(self, node: Node, what: str, seen: dict[str, Mark]) -> str | None:
        value = self.check.slug(node, what)
        if value is None:
            return None
        if value in seen:
            first = seen[value]
            self.check.fail(node.mark, f"{what} {value!r} is already used at line {first.line}")
            return None
        seen[value] = node.mark
        return value

    def topic(self, node: Node) -> Topic | None:
        check = self.check
        found = check.fields(
            node, "a topic", ("id", "title", "summary", "sections", "sources"), ("duration",)
        )
        if found is None or not {"id", "title", "summary", "sections", "sources"} <= found.keys():
            return None
        topic_id = self.unique(found["id"], "topic id", self.topic_ids)
        if topic_id in RESERVED_IDS:
            check.fail(found["id"].mark, f"the topic id {topic_id!r} is reserved for a page the app makes")
        title = check.text(found["title"], "the topic's title", one_line=True)
        summary = check.text(found["summary"], "the summary")
        sections = check.items(found["sections"], "sections", self.section)
        cited = check.items(found["sources"], "the topic's sources", self.citation)
        duration = (
            check.integer(found["duration"], "duration", *DURATION_LIMITS) if "duration" in found else None
        )
        if topic_id is None or title is None or summary is None:
            return None
        return Topic(topic_id, title, summary.strip(), tuple(sections), tuple(cited), duration)

    def citation(self, node: Node) -> str | None:
        source_id = self.check.slug(node, "a source id")
        if source_id is not None:
            self.citations.append((source_id, node.mark))
        return source_id

    def glossary_entry(self, node: Node) -> GlossaryEntry | None:
        found = self.check.fields(node, "a glossary entry", ("term", "definition"))
        if found is None or len(found) < 2:
            return None
        term = self.check.text(found["term"], "the term", one_line=True)
        definition = self.check.text(found["definition"], "the definition")
        if term is not None:
            first = self.terms.setdefault(term.casefold(), found["term"].mark)
            if first != found["term"].mark:
                message = f"the term {shown(term)} is already in the glossary at line {first.line}"
                self.check.fail(found["term"].mark, message + " (terms are compared without case)")
                return None
        if definition is not None and INTERNAL_LINK.search(definition):
            self.linked_bodies.append(found["definition"])
        return GlossaryEntry(term, definition) if term and definition is not None else None

    def section(self, node: Node) -> Section | None:
        found = self.check.fields(node, "a section", ("title", "body"))
        if found is None or len(found) < 2:
            return None
        title = self.check.text(found["title"], "the section's title", one_line=True)
        body = self.check.text(found["body"], "the section's body")
        if body is not None:
            if INTERNAL_LINK.search(body):
                self.linked_bodies.append(found["body"])
            for written in evidence_levels(body):
                level = written.rstrip(".,;:*_)").lower()
                if level not in EVIDENCE_LEVELS:
                    self.check.fail(
                        found["body"].mark,
                        f"'Evidence:' is followed by {level!r}; use one of: {', '.join(EVIDENCE_LEVELS)}",
                    )
        return Section(title, body) if title and body is not None else None
