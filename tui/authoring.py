"""The commands for people who write a guide: ``check``, ``new`` and ``schema``.

Each says which file it works on, and names it safely (a file name may hold any character). No
Textual imports: they run before, and without, the app.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tui.guide import ContentError, Guide, default_guide_path, load_guide
from tui.guide.controls import printable
from tui.options import ExitCode, Options

__all__ = ["AUTHORING_COMMANDS", "STARTER", "check", "new", "run_authoring", "schema", "summarize"]

AUTHORING_COMMANDS = frozenset({"check", "new", "schema"})

STARTER = Path(__file__).with_name("guide") / "starter.yaml"
"""The starter guide that ``new`` writes: it passes ``check``."""


def run_authoring(options: Options) -> ExitCode:
    """Run ``check``, ``new`` or ``schema``."""
    if options.command == "check":
        return check(options)
    if options.command == "new":
        return new(options)
    return schema(options)


def summarize(guide: Guide) -> str:
    """Counts for ``check``: topics, sections, words and sources, and glossary terms if there are any."""
    sections = sum(len(topic.sections) for topic in guide.topics)
    texts = [guide.title, guide.subtitle, guide.disclaimer]
    for topic in guide.topics:
        texts += [topic.title, topic.summary]
        texts += [part for section in topic.sections for part in (section.title, section.body)]
    texts += [text for entry in guide.glossary for text in (entry.term, entry.definition)]
    words = sum(len(text.split()) for text in texts)
    counts = [
        (len(guide.topics), "topic"),
        (sections, "section"),
        (words, "word"),
        (len(guide.sources), "source"),
    ]
    if guide.glossary:
        counts.append((len(guide.glossary), "glossary term"))
    return ", ".join(f"{n:,} {name}{'' if n == 1 else 's'}" for n, name in counts)


def check(options: Options) -> ExitCode:
    """Check each file given (``--content`` counts as one), else the built-in guide, saying which."""
    files = list(options.files) + ([options.content] if options.content is not None else [])
    status = ExitCode.OK
    for path in files or [default_guide_path()]:
        name = printable(str(path)) + ("" if files else " (the built-in guide)")
        try:
            guide = load_guide(path)
        except ContentError as error:
            print(error, file=sys.stderr)
            status = ExitCode.INVALID
        else:
            print(f"{name}: OK: {summarize(guide)}")
    if not files:
        print("To check your own guide, name its file: ketamine-tui check my-guide.yaml", file=sys.stderr)
    return status


def new(options: Options) -> ExitCode:
    """Write the starter guide to a new file; never overwrite one."""
    targets = set(options.files) | ({options.content} if options.content is not None else set())
    if len(targets) != 1:
        print(
            "ketamine-tui new: name one file to write, for example: ketamine-tui new my-guide.yaml",
            file=sys.stderr,
        )
        return ExitCode.USAGE
    (path,) = targets
    shown = printable(str(path))
    try:
        with open(path, "x", encoding="utf-8") as file:  # "x": fails if the file exists
            file.write(STARTER.read_text(encoding="utf-8"))
    except FileExistsError:
        print(f"{shown}: already exists; choose another name (new never overwrites a file)", file=sys.stderr)
        return ExitCode.USAGE
    except OSError as error:
        print(f"{shown}: cannot write: {error.strerror}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"{shown}: wrote a starter guide. Fill it in, then run: ketamine-tui check {shown}")
    print(f"Read it as you write (it reloads when you save): ketamine-tui --content {shown}")
    return ExitCode.OK


def schema(options: Options) -> ExitCode:
    """Print (or write) the JSON Schema of the guide format."""
    from tui.guide.json_schema import guide_schema

    if options.content is not None:
        print(
            "ketamine-tui schema: the schema describes every guide, so it reads no --content file",
            file=sys.stderr,
        )
        return ExitCode.USAGE
    text = json.dumps(guide_schema(), indent=2, ensure_ascii=False) + "\n"
    if options.output is None:
        sys.stdout.write(text)
        return ExitCode.OK
    try:
        options.output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{printable(str(options.output))}: cannot write: {error.strerror}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"{printable(str(options.output))}: wrote the JSON Schema of the guide format", file=sys.stderr)
    return ExitCode.OK
