"""The pages the reader shows: one per topic, then a Sources page and an About page made from the guide.

Each page is a Markdown document. Titles and other plain-text fields are escaped so that they can
never become Markdown links or formatting; section bodies are the author's Markdown. No Textual imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.content import Guide, Source, Topic

__all__ = ["Page", "build_pages", "escape_markdown", "format_source"]

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every ASCII punctuation mark, so plain text stays plain in Markdown."""
    return _PUNCTUATION.sub(r"\\\1", text)


@dataclass(frozen=True)
class Page:
    """One entry of the sidebar and what the content pane shows for it."""

    id: str
    title: str
    markdown: str
    duration: int | None = None


def format_source(source: Source) -> str:
    """A reference as one Markdown list item: title, publisher, year and URL (shown, never opened)."""
    text = f"{escape_markdown(source.title)}. *{escape_markdown(source.publisher)}*, {source.year}."
    if source.url:
        text += f" <{source.url}>"
    return text


def topic_markdown(topic: Topic, guide: Guide) -> str:
    """The whole topic as one Markdown document."""
    parts = [f"# {escape_markdown(topic.title)}", f"*{escape_markdown(topic.summary)}*"]
    for section in topic.sections:
        parts.append(f"## {escape_markdown(section.title)}")
        parts.append(section.body.strip())
    if topic.sources:
        parts.append("## Sources for this topic")
        parts.append("\n".join(f"- {format_source(guide.source(sid))}" for sid in topic.sources))
    return "\n\n".join(parts) + "\n"


def sources_markdown(guide: Guide) -> str:
    """Every source in the guide, in file order."""
    items = "\n".join(f"{n}. {format_source(source)}" for n, source in enumerate(guide.sources, 1))
    intro = "Every reference this guide cites, with its web address where it has one."
    return f"# Sources\n\n{intro}\n\n{items}\n"


def about_markdown(guide: Guide) -> str:
    """The disclaimer, where to get help now, and when the content was last reviewed."""
    parts = ["# About this guide", "## Please read", guide.disclaimer.strip()]
    if guide.crisis_lines:
        parts.append("## If you need help now")
        rows = [
            f"| {escape_markdown(line.region)} | {line.contact.strip().replace(chr(10), ' ')} |"
            for line in guide.crisis_lines
        ]
        parts.append("| Where | Who to contact |\n|---|---|\n" + "\n".join(rows))
    parts.append("## Last reviewed")
    parts.append(f"This content was last reviewed on {guide.reviewed:%-d %B %Y}.")
    return "\n\n".join(parts) + "\n"


def build_pages(guide: Guide) -> tuple[Page, ...]:
    """All pages in sidebar order."""
    pages = [Page(t.id, t.title, topic_markdown(t, guide), t.duration) for t in guide.topics]
    pages.append(Page("sources", "Sources", sources_markdown(guide)))
    pages.append(Page("about", "About this guide", about_markdown(guide)))
    return tuple(pages)
