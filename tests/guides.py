"""Guides for tests: small ones written in a test, and the fragments the fuzz tests splice into guides."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from tui.guide import CrisisLine, Guide, Section, Source, Topic, parse_guide

__all__ = [
    "GLOSSARY_YAML",
    "YAML_PIECES",
    "guide_with_glossary",
    "guide_with_topics",
    "topic_yaml",
    "unchecked_guide",
]

GLOSSARY_YAML = """\
glossary:
  - term: NMDA receptor
    definition: |
      A receptor for glutamate in the brain; see the [first topic](#first-topic).
  - term: dissociation
    definition: Feeling detached from your body or surroundings, for a short time.
  - term: "*Esketamine*"
    definition: |
      One of the two mirror-image forms of ketamine.

      - Given as a nasal spray.
"""
"""A glossary for the end of the fixture guide: terms out of order, one in lower case, one with Markdown
punctuation (which stays text), a definition of two blocks and one with a link to a topic."""


def guide_with_glossary() -> Guide:
    """The fixture guide with :data:`GLOSSARY_YAML` added (the fixture itself has none, for its snapshots)."""
    text = (Path(__file__).parent / "fixtures" / "guide.yaml").read_text(encoding="utf-8")
    return parse_guide((text + GLOSSARY_YAML).encode(), "glossary.yaml")


def guide_with_topics(topics: str) -> Guide:
    """A valid guide whose ``topics:`` list is ``topics`` (YAML indented by two); cite the source ``s``.
    It has one crisis line, as every guide must."""
    text = f"""
title: T
subtitle: S
reviewed: 2026-01-01
disclaimer: D
crisis_lines:
  - region: Testland
    contact: Call 000.
topics:
{topics}
sources:
  - id: s
    title: A source
    publisher: P
    year: 2020
"""
    return parse_guide(text.encode(), "test.yaml")


def unchecked_guide(text: bytes) -> Guide:
    """The guide a YAML file holds, built without the loader's checks: for tests of what the renderers
    and exports do with text the loader refuses (raw HTML, images), as a defence in depth."""
    data = yaml.safe_load(text)
    topics = tuple(
        Topic(
            topic["id"],
            topic["title"],
            topic["summary"],
            tuple(Section(section["title"], section["body"]) for section in topic["sections"]),
            tuple(topic["sources"]),
            topic.get("duration"),
        )
        for topic in data["topics"]
    )
    sources = tuple(
        Source(source["id"], source["title"], source["publisher"], source["year"], source.get("url"))
        for source in data["sources"]
    )
    lines = tuple(CrisisLine(line["region"], line["contact"]) for line in data.get("crisis_lines", []))
    return Guide(
        data["title"], data["subtitle"], data["reviewed"], data["disclaimer"], topics, sources, lines
    )


def topic_yaml(
    topic_id: str, title: str, sections: Sequence[tuple[str, str]], summary: str = "Summary."
) -> str:
    """One entry of the ``topics:`` list for :func:`guide_with_topics`, citing the source ``s``. Each
    section body is written as a block scalar, so it may hold any Markdown, blank lines included."""
    lines = [f"  - id: {topic_id}", f"    title: {title}", f"    summary: {summary}", "    sources: [s]"]
    lines.append("    sections:")
    for section_title, body in sections:
        lines += [f"      - title: {section_title}", "        body: |"]
        lines += [f"          {line}" if line else "" for line in body.splitlines()]
    return "\n".join(lines) + "\n"


YAML_PIECES = (
    b"[",
    b"]",
    b"{",
    b"}",
    b": ",
    b"- ",
    b"? ",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!!python/object:os.system ",
    b"!custom ",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"|\n",
    b">-\n",
    b"\n  ",
    b"\n\t",
    b"'",
    b'"',
    b'"\\e[2J"',
    b"#",
    b"\\",
    b"\x00",
    b"\x1b",
    b"\x85",
    b"\r",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xae",
    b"\xe2\x80\xa8",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"[" * 40,
    b"- " * 40,
    b"9" * 40,
)
"""Bytes to splice into a guide: YAML syntax, tags, anchors, quotes, escapes, control and invalid
UTF-8 bytes, and long runs. Shared by the hypothesis fuzz tests and the seeded mutation test."""
