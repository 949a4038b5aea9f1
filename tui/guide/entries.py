"""Reading the entries of a guide file that stand on their own: Markdown texts, crisis lines, sources,
glossary entries and citations. The schema's builder (:mod:`tui.guide.schema`) reads topics with these.
"""

from __future__ import annotations

from tui.guide.bodies import EVIDENCE_LEVELS, INTERNAL_LINK, bad_evidence
from tui.guide.checker import Checker, shown
from tui.guide.model import HTML_ENTITY, SAFE_URL, YEAR_LIMITS, CrisisLine, GlossaryEntry, Source
from tui.guide.nodes import Mark, Node
from tui.guide.references import References

__all__ = ["EntryReader"]


class EntryReader:
    """Reads entries, noting a problem for each one that does not fit; remembers ids and references."""

    def __init__(self, check: Checker) -> None:
        self.check = check
        self.references = References(check)
        self.markdown_texts: list[tuple[Node, str]] = []
        """The Markdown texts read, checked for flaws all at once when the file is read."""
        self.terms: dict[str, Mark] = {}
        """The glossary's terms so far, case-folded: a term may be defined once, whatever its case."""

    def markdown(self, node: Node, what: str) -> str | None:
        """A Markdown text, its evidence levels checked; it is kept to be looked for flaws that would keep
        a word of it from the reader, and its links to pages to be checked, once the file is read."""
        check = self.check
        value = check.text(node, what)
        if value is None:
            return None
        self.markdown_texts.append((node, value))
        if INTERNAL_LINK.search(value):
            self.references.linked_bodies.append(node)
        for offset, level in bad_evidence(value):
            check.fail(
                check.place(node, offset, max(1, len(level))),
                f"'Evidence:' is followed by {level!r}; use one of: {', '.join(EVIDENCE_LEVELS)}",
            )
        return value  # with a problem noted, no guide is made: the rest of the text is still checked

    def crisis_line(self, node: Node) -> CrisisLine | None:
        found = self.check.fields(node, "a crisis line", ("region", "contact"))
        if found is None:
            return None
        region = self.check.text(found["region"], "region", one_line=True) if "region" in found else None
        contact = self.markdown(found["contact"], "contact") if "contact" in found else None
        if contact is not None and "|" in contact:
            # Contacts are cells of the crisis table: a '|' would start another cell, which is not shown.
            at = self.check.place(found["contact"], contact.index("|"))
            self.check.fail(at, "a contact cannot hold '|', which would split the crisis table; write 'or'")
        return CrisisLine(region, contact) if region and contact else None

    def glossary_entry(self, node: Node) -> GlossaryEntry | None:
        found = self.check.fields(node, "a glossary entry", ("term", "definition"))
        if found is None:
            return None
        term = self.check.text(found["term"], "the term", one_line=True) if "term" in found else None
        definition = self.markdown(found["definition"], "the definition") if "definition" in found else None
        if term is not None:
            first = self.terms.setdefault(term.casefold(), found["term"].mark)
            if first != found["term"].mark:
                message = f"the term {shown(term)} is already in the glossary at line {first.line}"
                self.check.fail(found["term"].mark, message + " (terms are compared without case)")
                return None
        return GlossaryEntry(term, definition) if term and definition is not None else None

    def source(self, node: Node) -> Source | None:
        check = self.check
        found = check.fields(node, "a source", ("id", "title", "publisher", "year"), ("url",))
        if found is None:
            return None
        source_id = (
            self.unique(found["id"], "source id", self.references.source_ids) if "id" in found else None
        )
        title = check.text(found["title"], "the source's title", one_line=True) if "title" in found else None
        publisher = (
            check.text(found["publisher"], "publisher", one_line=True) if "publisher" in found else None
        )
        year = check.integer(found["year"], "year", *YEAR_LIMITS) if "year" in found else None
        url = self.url(found["url"]) if "url" in found else None
        if source_id is None or title is None or publisher is None or year is None:
            return None
        return Source(source_id, title, publisher, year, url)

    def url(self, node: Node) -> str | None:
        value = self.check.text(node, "url", one_line=True)
        if value is not None and not SAFE_URL.match(value):
            entity = HTML_ENTITY.search(value) if value.startswith("https://") else None
            why = "should start with https:// and contain no spaces"
            if entity is not None:
                why = f"holds the HTML entity {entity.group()!r}; write the character itself (& for &amp;)"
            self.check.fail(node.mark, f"url {shown(value)} {why}")
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

    def citation(self, node: Node) -> str | None:
        source_id = self.check.slug(node, "a source id")
        if source_id is not None:
            self.references.citations.append((source_id, node.mark))
        return source_id
