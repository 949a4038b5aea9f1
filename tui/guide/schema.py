"""Check a YAML node tree against the guide format and build the frozen model from it.

Every problem is collected, not just the first, so an author can fix a file in one pass: each key
that is there is read even when another is missing or misspelt, so a typo never hides a problem
elsewhere. The format is documented in ``docs/content-format.md``.
"""

from __future__ import annotations

from functools import partial

from tui.guide import rules
from tui.guide.bodies import (
    CRISIS_LINK,
    SUICIDE,
    mentions_suicide,
)
from tui.guide.checker import Checker
from tui.guide.entries import EntryReader
from tui.guide.markdown_check import flaws, suspects
from tui.guide.model import (
    DURATION_LIMITS,
    RESERVED_IDS,
    Guide,
    Section,
    Topic,
)
from tui.guide.nodes import Mark, Node, Problem
from tui.guide.places import Lines
from tui.guide.yamltree import compose

__all__ = ["build_guide"]

validate = partial(rules.validate, texts_checked=True)
"""The rules every guide keeps (:func:`tui.guide.rules.validate`), less those for each text, which
the schema checks as it reads each one."""


def build_guide(text: str) -> tuple[Guide | None, list[Problem]]:
    """Validate YAML text as a guide. Returns the guide, or ``None`` and every problem found."""
    root, problems = compose(text)
    if root is None:
        return None, problems or [Problem(Mark(1, 1), "the file is empty")]
    check = Checker(Lines(text))
    check.problems.extend(problems)
    # Most guides never mention suicide: two searches of the file spare one of every text.
    guide = _GuideBuilder(check, mentions_suicide(text)).build(root)
    if guide is not None and not check.problems:
        # The builder has reported each broken rule where it is; this states them once, for the cache too.
        for message in validate(guide):
            check.fail(Mark(1, 1), message)
    return (guide if not check.problems else None), check.problems


class _GuideBuilder(EntryReader):
    """Walks the root mapping; remembers where ids and references are, for cross-checks."""

    def __init__(self, check: Checker, suicide: bool) -> None:
        super().__init__(check)
        self.suicide = suicide
        """Whether the file mentions suicide anywhere (else no topic does)."""
        self.mention: Mark | None = None
        """Where the topic being read first mentions suicide, if it does."""

    def build(self, root: Node) -> Guide | None:
        check = self.check
        names = ("title", "subtitle", "reviewed", "disclaimer", "topics", "sources")
        found = check.fields(root, "the guide", names, ("crisis_lines", "glossary"))
        if found is None:
            return None
        if "crisis_lines" not in found:
            check.fail(
                root.mark,
                "the guide has no crisis_lines; add at least one region and contact, where a reader can "
                "get help now (see 'The crisis rule' in docs/content-format.md)",
            )
        title = check.text(found["title"], "the guide's title", one_line=True) if "title" in found else None
        subtitle = (
            check.text(found["subtitle"], "the subtitle", one_line=True) if "subtitle" in found else None
        )
        reviewed = check.date(found["reviewed"], "reviewed") if "reviewed" in found else None
        disclaimer = self.markdown(found["disclaimer"], "the disclaimer") if "disclaimer" in found else None
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
        self.references.report(glossary="glossary" in found)
        values = [value for _, value in self.markdown_texts]
        for index in suspects(values):
            node = self.markdown_texts[index][0]
            for flaw in flaws(values[index]):
                check.fail(check.place(node, flaw.offset, flaw.length), flaw.message)
        if None in (title, subtitle, reviewed, disclaimer) or check.problems:
            return None
        assert title and subtitle and reviewed and disclaimer
        return Guide(
            title,
            subtitle,
            reviewed,
            disclaimer,
            tuple(topics),
            tuple(sources),
            tuple(lines),
            tuple(glossary),
        )

    def topic(self, node: Node) -> Topic | None:
        check = self.check
        found = check.fields(
            node, "a topic", ("id", "title", "summary", "sections", "sources"), ("duration",)
        )
        if found is None:
            return None
        self.mention = None
        topic_id = self.unique(found["id"], "topic id", self.references.topic_ids) if "id" in found else None
        if topic_id in RESERVED_IDS:
            check.fail(found["id"].mark, f"the topic id {topic_id!r} is reserved for a page the app makes")
        title = check.text(found["title"], "the topic's title", one_line=True) if "title" in found else None
        summary = check.text(found["summary"], "the summary") if "summary" in found else None
        self.mentions(found.get("title"), title)
        self.mentions(found.get("summary"), summary)
        linked = [False]
        sections = (
            check.items(found["sections"], "sections", lambda item: self.section(item, linked))
            if ("sections" in found)
            else []
        )
        cited = (
            check.items(found["sources"], "the topic's sources", self.citation) if "sources" in found else []
        )
        duration = (
            check.integer(found["duration"], "duration", *DURATION_LIMITS) if "duration" in found else None
        )
        if self.mention is not None and not linked[0]:
            check.fail(
                self.mention,
                "this topic mentions suicide but does not link to the crisis lines; add a link such as "
                "[crisis lines](#crisis) to one of its sections",
            )
        if (
            topic_id is None
            or title is None
            or summary is None
            or not found.keys() >= {"sections", "sources"}
        ):
            return None
        return Topic(topic_id, title, summary.strip(), tuple(sections), tuple(cited), duration)

    def mentions(self, node: Node | None, value: str | None) -> None:
        """Remember where the topic first mentions suicide, if it does."""
        if node is None or value is None or self.mention is not None or not self.suicide:
            return
        match = SUICIDE.search(value) if mentions_suicide(value) else None
        if match is not None:
            self.mention = self.check.place(node, match.start(), len(match.group()))

    def section(self, node: Node, linked: list[bool]) -> Section | None:
        found = self.check.fields(node, "a section", ("title", "body"))
        if found is None:
            return None
        title = (
            self.check.text(found["title"], "the section's title", one_line=True)
            if "title" in found
            else None
        )
        self.mentions(found.get("title"), title)
        body = self.markdown(found["body"], "the section's body") if "body" in found else None
        if body is not None:
            self.mentions(found["body"], body)
            linked[0] = linked[0] or CRISIS_LINK in body
        return Section(title, body) if title and body is not None else None
