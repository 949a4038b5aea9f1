"""The pages the reader shows: one per topic, then pages made from the guide: the glossary (if it has one),
Sources and About.

Each page is a Markdown document in parts: the title part, then one part per ``##`` section (per term,
on the glossary's page). Titles, terms and other plain-text fields are escaped so that they can never
become Markdown links or formatting; section bodies and definitions are the author's Markdown. A page's
Markdown is built the first time it is asked for, so that a guide of thousands of topics costs nothing
until a topic is shown. No Textual imports.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from tui.crisis_line import short_crisis_line
from tui.guide import Guide, Source, Topic

__all__ = [
    "GLOSSARY_TITLE",
    "Anchor",
    "Page",
    "Part",
    "build_pages",
    "crisis_page",
    "escape_markdown",
    "format_source",
    "help_now_part",
    "notice_page",
]

GLOSSARY_TITLE = "Words used in this guide"
"""The title of the glossary's page (id ``glossary``), which comes before Sources when a guide has one."""

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every ASCII punctuation mark, so plain text stays plain in Markdown."""
    return _PUNCTUATION.sub(r"\\\1", text)


@dataclass(frozen=True)
class Part:
    """A heading and the Markdown under it, up to the next heading of the same or a higher level."""

    title: str
    """The heading as plain text (a section or topic title): what a search hit names."""
    markdown: str
    """The heading line, when there is one, and the text under it."""


@dataclass(frozen=True)
class Anchor:
    """A place in a page that a change of width keeps: a part, and the words that open a line in it."""

    part: int = 0
    """The part (0: the title and lead, then each section)."""
    words: str = ""
    """The first words of the first line with text from the place on ("": the part's first line)."""
    gap: int = 0
    """Blank lines between the place and the line with the words."""
    line: int = 0
    """Lines below the part's start, used when the words are not found (the text has changed)."""


@dataclass(frozen=True, eq=False)
class Page:
    """One entry of the sidebar and what the content pane shows for it."""

    id: str
    title: str
    build: Callable[[], tuple[Part, ...]] = field(repr=False)
    """Makes the parts; called once, the first time they are needed."""
    duration: int | None = None
    heading: tuple[str, str] | None = None
    """The page's top heading and the lead under it (or ""), as plain text: what a first frame can show
    before the Markdown is laid out. None if the page does not open with them."""

    @cached_property
    def parts(self) -> tuple[Part, ...]:
        """The page's Markdown, heading by heading."""
        return self.build()

    @property
    def markdown(self) -> str:
        """The whole page as one Markdown document."""
        return "\n\n".join(part.markdown for part in self.parts) + "\n"

    def without_title(self) -> Page:
        """The same page with the title's heading left out (for a screen that shows the title itself)."""

        def build() -> tuple[Part, ...]:
            first, *rest = self.parts
            body = first.markdown.partition("\n\n")[2] if first.markdown.startswith("# ") else first.markdown
            return (Part(first.title, body), *rest) if body else tuple(rest)

        return Page(self.id, self.title, build, self.duration)  # no heading: it opens with the lead


def format_source(source: Source) -> str:
    """A reference as one Markdown list item: title, publisher, year and URL (shown, never opened)."""
    text = f"{escape_markdown(source.title)}. *{escape_markdown(source.publisher)}*, {source.year}."
    if source.url:
        text += f" <{source.url}>"
    return text


def topic_parts(topic: Topic, guide: Guide) -> tuple[Part, ...]:
    """The whole topic: its title and summary, each section, then its sources."""
    parts = [Part(topic.title, f"# {escape_markdown(topic.title)}\n\n*{escape_markdown(topic.summary)}*")]
    for section in topic.sections:
        parts.append(Part(section.title, f"## {escape_markdown(section.title)}\n\n{section.body.strip()}"))
    if topic.sources:
        items = "\n".join(f"- {format_source(guide.source(sid))}" for sid in topic.sources)
        parts.append(Part("Sources for this topic", f"## Sources for this topic\n\n{items}"))
    return tuple(parts)


def sources_parts(guide: Guide) -> tuple[Part, ...]:
    """Every source in the guide, in file order."""
    items = "\n".join(f"{n}. {format_source(source)}" for n, source in enumerate(guide.sources, 1))
    intro = "Every reference this guide cites, with its web address where it has one."
    return (Part("Sources", f"# Sources\n\n{intro}\n\n{items}"),)


def help_now_part(guide: Guide) -> Part | None:
    """The crisis lines, by region, as a table under "If you need help now" (None if there are none)."""
    if not guide.crisis_lines:
        return None
    rows = [
        f"| {escape_markdown(line.region)} | {' '.join(line.contact.split())} |"
        for line in guide.crisis_lines
    ]
    table = "| Where | Who to contact |\n|---|---|\n" + "\n".join(rows)
    return Part("If you need help now", f"## If you need help now\n\n{table}")


def crisis_page(guide: Guide) -> Page:
    """Where to get help now, then the disclaimer: the page of the "help now" panel (id ``crisis``)."""

    def build() -> tuple[Part, ...]:
        help_now = help_now_part(guide)
        lines = (help_now,) if help_now else ()
        return (*lines, Part("Please read", f"## Please read\n\n{guide.disclaimer.strip()}"))

    return Page("crisis", "Help now", build)


def notice_page(guide: Guide) -> Page:
    """The notice at first start: the crisis lines in one line (``!`` for more), then the disclaimer."""
    line = escape_markdown(short_crisis_line(guide.crisis_lines, 76))
    parts = (Part("In crisis?", f"**{line}**"), Part("Please read", guide.disclaimer.strip()))
    return Page("notice", "Please read", lambda: parts)


def glossary_parts(guide: Guide) -> tuple[Part, ...]:
    """The glossary's terms in alphabetical order, each in bold above its definition."""
    intro = "What some of the words in this guide mean, in alphabetical order."
    parts = [Part(GLOSSARY_TITLE, f"# {GLOSSARY_TITLE}\n\n{intro}")]
    for entry in sorted(guide.glossary, key=lambda entry: _alphabetical(entry.term)):
        parts.append(Part(entry.term, f"**{escape_markdown(entry.term)}**\n\n{entry.definition.strip()}"))
    return tuple(parts)


def _alphabetical(term: str) -> tuple[str, str]:
    """Sorts a term by its letters, digits and spaces, ignoring case, accents and punctuation."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", term) if c.isalnum() or c == " ")
    return letters.casefold(), term


def about_parts(guide: Guide) -> tuple[Part, ...]:
    """The disclaimer, where to get help now, and when the content was last reviewed."""
    parts = [
        Part("About this guide", "# About this guide"),
        Part("Please read", f"## Please read\n\n{guide.disclaimer.strip()}"),
    ]
    help_now = help_now_part(guide)
    if help_now is not None:
        parts.append(help_now)
    reviewed = f"This content was last reviewed on {guide.reviewed:%-d %B %Y}."
    parts.append(Part("Last reviewed", f"## Last reviewed\n\n{reviewed}"))
    return tuple(parts)


def build_pages(guide: Guide) -> tuple[Page, ...]:
    """All pages in sidebar order; each page's Markdown is built when it is first needed."""
    pages = [
        Page(t.id, t.title, _topic_builder(t, guide), t.duration, (t.title, " ".join(t.summary.split())))
        for t in guide.topics
    ]
    if guide.glossary:
        glossary = Page(
            "glossary", GLOSSARY_TITLE, lambda: glossary_parts(guide), heading=(GLOSSARY_TITLE, "")
        )
        pages.append(glossary)
    pages.append(Page("sources", "Sources", lambda: sources_parts(guide), heading=("Sources", "")))
    pages.append(
        Page("about", "About this guide", lambda: about_parts(guide), heading=("About this guide", ""))
    )
    return tuple(pages)


def _topic_builder(topic: Topic, guide: Guide) -> Callable[[], tuple[Part, ...]]:
    return lambda: topic_parts(topic, guide)
