"""Generate guide files for the benchmarks: valid per the loader's schema, deterministic, Markdown-rich.

Every topic's summary starts with a token, ``Topic00042summary:``, that appears nowhere else on screen: the
paint driver looks for it (with whitespace removed) to know that the topic's text has been painted.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TopicSpec", "guide_of_size", "large_guide", "marker", "summary_marker", "topic_id", "write_guide"]

_VOCABULARY = (
    "ketamine esketamine dose infusion clinic evidence trial placebo depression anxiety response "
    "remission relapse session monitoring blood pressure dissociation nausea bladder liver memory "
    "receptor glutamate synapse study review guideline label approval patient clinician risk benefit "
    "week month follow-up sample outcome measure scale symptom treatment therapy nasal spray tablet "
    "maintenance course history screening consent cost insurance schedule rest recovery driving"
)
_WORDS = _VOCABULARY.split()
_LEVELS = ("strong", "moderate", "limited", "not supported")
_WRAP = 76
_GLUE = "~"
"""Joins words that must stay on one line ("Evidence: not supported"); becomes a space after wrapping."""
_BODY_INDENT = " " * 10


@dataclass(frozen=True)
class TopicSpec:
    """One generated topic: its index (for ids and markers) and the size of its Markdown body in bytes."""

    index: int
    body_bytes: int


def topic_id(index: int) -> str:
    """The slug of generated topic ``index``."""
    return f"topic-{index:05d}"


def summary_marker(index: int) -> str:
    """The token that starts the summary of topic ``index`` (as written in the YAML)."""
    return f"Topic{index:05d}summary:"


def marker(index: int) -> str:
    """What the paint driver looks for in a frame, whitespace removed: the summary token."""
    return summary_marker(index)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 16))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.25:
        at = rng.randrange(len(words))
        words[at] = f"**{words[at]}**"
    elif rng.random() < 0.2:
        at = rng.randrange(len(words))
        words[at] = f"*{words[at]}*"
    return " ".join(words) + "."


def _wrap(text: str, prefix: str = "", indent: str = "") -> list[str]:
    """Greedy word wrap; continuation lines get ``indent`` (Markdown list items stay together)."""
    lines: list[str] = []
    line, fresh = prefix, True
    for word in text.split():
        if not fresh and len(line) + len(word) + 1 > _WRAP:
            lines.append(line)
            line, fresh = indent, True
        line = f"{line}{word}" if fresh else f"{line} {word}"
        fresh = False
    if not fresh:
        lines.append(line)
    return [line.replace(_GLUE, " ") for line in lines]


def _paragraph(rng: random.Random, total_topics: int) -> list[str]:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.3:
        level = rng.choice(_LEVELS).replace(" ", _GLUE)
        sentences.append(f"**Evidence:{_GLUE}{level}.**")
    if rng.random() < 0.2 and total_topics > 1:
        other = rng.randrange(total_topics)
        sentences.append(f"See [the related topic](#{topic_id(other)}).")
    if rng.random() < 0.1:
        sentences.append("More at <https://example.org/guide>.")
    return _wrap(" ".join(sentences))


def _bullets(rng: random.Random) -> list[str]:
    lines: list[str] = []
    for _ in range(rng.randint(3, 5)):
        lines += _wrap(_sentence(rng), prefix="- ", indent="  ")
    return lines


def _numbered(rng: random.Random) -> list[str]:
    lines: list[str] = []
    for n in range(1, rng.randint(3, 5) + 1):
        lines += _wrap(_sentence(rng), prefix=f"{n}. ", indent="   ")
    return lines


def _table(rng: random.Random) -> list[str]:
    rows = ["| Measure | Result | Evidence |", "|---|---|---|"]
    for _ in range(rng.randint(3, 5)):
        first, second = rng.choice(_WORDS), " ".join(rng.choice(_WORDS) for _ in range(3))
        rows.append(f"| {first} | {second} | {rng.choice(_LEVELS)} |")
    return rows


def _blocks(rng: random.Random, total_topics: int) -> Iterator[list[str]]:
    """An endless mix of Markdown blocks, mostly paragraphs, like the shipped guide."""
    while True:
        roll = rng.random()
        if roll < 0.6:
            yield _paragraph(rng, total_topics)
        elif roll < 0.8:
            yield _bullets(rng)
        elif roll < 0.9:
            yield _numbered(rng)
        else:
            yield _table(rng)


def _body(rng: random.Random, size: int, total_topics: int) -> list[str]:
    """Markdown lines adding up to about ``size`` bytes (at least one block)."""
    lines: list[str] = []
    used = 0
    for block in _blocks(rng, total_topics):
        if lines:
            lines.append("")
        lines += block
        used += sum(len(line) + 1 for line in block) + 1
        if used >= size:
            return lines
    raise AssertionError("unreachable")  # pragma: no cover


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _topic_yaml(spec: TopicSpec, total_topics: int, sources: int, section_bytes: int) -> list[str]:
    rng = random.Random(spec.index)
    title = f"Generated topic {spec.index} on {rng.choice(_WORDS)} and {rng.choice(_WORDS)}"
    summary = f"{summary_marker(spec.index)} {_sentence(rng)}"
    cited = sorted({f"source-{rng.randrange(sources)}" for _ in range(rng.randint(1, 3))})
    out = [
        f"  - id: {topic_id(spec.index)}",
        f"    title: {_quoted(title)}",
        f"    summary: {_quoted(summary)}",
        f"    sources: [{', '.join(cited)}]",
        "    sections:",
    ]
    remaining = spec.body_bytes
    number = 1
    while True:
        size = min(remaining, section_bytes)
        out.append(f"      - title: {_quoted(f'Part {number}: {rng.choice(_WORDS)}')}")
        out.append("        body: |")
        body = _body(rng, max(size, 1), total_topics)
        out += [f"{_BODY_INDENT}{line}" if line else "" for line in body]
        remaining -= sum(len(line) + 1 for line in body)
        number += 1
        if remaining <= 0:
            return out


def write_guide(path: Path, topics: list[TopicSpec], *, sources: int = 20, section_bytes: int = 2000) -> Path:
    """Write a guide with these topics to ``path`` and return it. Sections hold about ``section_bytes``."""
    lines = [
        "title: Generated benchmark guide",
        "subtitle: Machine-written text for timing the reader",
        "reviewed: 2026-01-01",
        "disclaimer: Generated text for benchmarks only. Not medical advice.",
        "crisis_lines:",
        "  - region: Everywhere",
        '    contact: "Call your local emergency number."',
        "sources:",
    ]
    for n in range(sources):
        lines += [
            f"  - id: source-{n}",
            f"    title: {_quoted(f'Generated source number {n}')}",
            '    publisher: "Benchmark Press"',
            f"    year: {2000 + n % 26}",
            f"    url: https://example.org/source-{n}",
        ]
    lines.append("topics:")
    for spec in topics:
        lines += _topic_yaml(spec, len(topics), sources, section_bytes)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def guide_of_size(path: Path, total_bytes: int, topic_bytes: int = 10_000) -> Path:
    """Write a guide file of about ``total_bytes`` (within 2 %) made of topics of about ``topic_bytes``."""
    count = max(1, round(total_bytes / (topic_bytes * 1.2)))
    for _ in range(4):
        write_guide(path, [TopicSpec(i, topic_bytes) for i in range(count)])
        size = path.stat().st_size
        if abs(size - total_bytes) <= total_bytes * 0.02 or (count == 1 and size > total_bytes):
            break
        count = max(1, round(count * total_bytes / size))
    return path


def large_guide(directory: Path, topics: int, body_bytes: int = 300) -> Path:
    """A guide of ``topics`` small topics (about ``body_bytes`` of Markdown each)."""
    return write_guide(directory / f"large-{topics}.yaml", [TopicSpec(i, body_bytes) for i in range(topics)])
