"""Nothing an author writes vanishes silently (issue #19): for every Markdown document of a broad
corpus, either ``check`` refuses it, or every character of its visible text reaches the text pane at
80, 42 and 12 columns, and each handout (HTML, Markdown, plain text).

The visible text is what markdown-it reads as text (entities decoded, escapes resolved, markup
removed). It must be found in the output with its characters counted: a table folded into narrow
columns still holds every character, while a word dropped anywhere leaves some missing. Refused
documents must be refused at a line inside the body, not at ``body:``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import date

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console
from rich.style import Style
from rich.theme import Theme

from tui.export import export_guide
from tui.guide import ContentError, CrisisLine, Guide, Section, Source, Topic, parse_guide
from tui.guide.markdown_check import flaws
from tui.widgets.text.markdown_lines import render_markdown

WIDTHS = (80, 42, 12)
LONG = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
CJK = "氯胺酮是一种麻醉药物用于治疗抑郁症"
EMOJI = "😀🎉💊🧠"


def nested_list(depth: int, marker: str = "-") -> str:
    return "\n".join("  " * level + f"{marker} item{level} {CJK[:4]}" for level in range(depth))


def nested_quote(depth: int) -> str:
    return ">" * depth + f" quoted {CJK[:6]} {LONG}"


def table(columns: int, extra: int = 0) -> str:
    head = "| " + " | ".join(f"head{i}" for i in range(columns)) + " |"
    rule = "|" + "---|" * columns
    row = "| " + " | ".join(f"{CJK[i % 8 : i % 8 + 3]}{i}" for i in range(columns + extra)) + " |"
    return "\n".join((head, rule, row, row.replace("| ", "| x", 1)))


CORPUS: dict[str, str] = {
    "paragraphs": "First paragraph with **bold**, *italic* and `code`.\n\nSecond, with a [link](https://example.org).",
    "lists": "- one\n- two\n  - two a\n  - two b\n\n1. first\n2. second\n",
    "long numbered list": "\n".join(f"{n}. item {n}" for n in range(1, 13)),
    "nested list 3": nested_list(3),
    "nested list 4": nested_list(4),
    "nested list 6": nested_list(6),
    "numbered nested 3": "\n".join("   " * level + f"1. n{level} {CJK[:4]}" for level in range(3)),
    "marker chain": "- - - - chained words",
    "quote": nested_quote(1),
    "quote in quote": nested_quote(2),
    "quote 3 deep": nested_quote(3),
    "list in quote": "> - quoted item one\n>   - quoted item two " + CJK[:4],
    "list 2 in quote": "> - one\n>   - two\n>     - three " + CJK[:4],
    "quote in list": "- item\n\n  > quote in a list " + CJK[:4],
    "code block": "    indented code line\n\nAfter.",
    "fenced code": "```python\nprint('hello')\n```\n",
    "code in lists": "- a\n  - b\n\n        code in two lists",
    "code in deep lists": "- a\n  - b\n    - c\n\n          code in three lists",
    "table 2": table(2),
    "table 3": table(3),
    "table 4": table(4),
    "table 6": table(6),
    "table with extra cells": table(2, extra=1),
    "table in a list": "- item\n\n  " + table(2).replace("\n", "\n  "),
    "table 3 in a list": "- item\n\n  " + table(3).replace("\n", "\n  "),
    "table with pipes escaped": "| a | b |\n|---|---|\n| x \\| y | z |",
    "html inline": "Text with <b>bold</b> and <span>span</span>.",
    "html block": "<div>\nA block of HTML.\n</div>\n\nAfter it.",
    "html comment": "Before <!-- a note --> after.",
    "html comment block": "<!--\nA hidden note.\n-->\n\nShown.",
    "br": "Line one<br>line two.",
    "autolink": "See <https://example.org/guide> for more.",
    "less than": "A dose of < 5 mg, and 3 <4 too.",
    "references used": "See [the label][ref] and [ref].\n\n[ref]: https://example.org/ref",
    "reference unused": "Text.\n\n[unused]: https://example.org/unused",
    "reference with title": 'See [ref].\n\n[ref]: https://example.org "A title"',
    "link with title": 'A [link](https://example.org "Its title") here.',
    "empty link": "An [](https://example.org) empty link.",
    "image": "An ![a chart of doses](chart.png) image.",
    "image with link": "[![alt text](img.png)](https://example.org)",
    "long words": f"{LONG} {LONG}-{LONG}",
    "long url text": "https://example.org/" + "a" * 80,
    "cjk": f"{CJK}\u3002{CJK}\uff0c{CJK}",
    "emoji": f"{EMOJI} and {EMOJI * 5}",
    "cjk list": "- " + CJK + "\n  - " + CJK,
    "headings": "# Heading one\n\n## Heading two\n\n### Heading three\n\nText.",
    "heading in a list": "- # heading in a list",
    "heading in lists": "- a\n  - b\n    - # deep heading",
    "setext": "Title\n=====\n\nText.",
    "hard breaks": "Line one  \nLine two\\\nLine three",
    "rules": "Above\n\n---\n\nBelow",
    "escapes": "Not \\*emphasis\\*, not \\[a link\\], a \\# sign.",
    "entities": "Fish &amp; chips &copy; &eacute; &#169; &#x263A;",
    "entity bidi": "Reversed &#x202E;txet here.",
    "entity rlm": "Mark &rlm; here, and &lrm; there.",
    "entity isolate": "Isolate &#x2067;here&#x2069;.",
    "entity alm": "Arabic mark &#x61c; here.",
    "entity zero width": "Zero&ZeroWidthSpace;width.",
    "entity carriage return": "Carriage&#13;return.",
    "strikethrough": "Some ~~struck~~ text.",
    "deep emphasis": "*a **b *c **d *e **f** e* d** c* b** a*" * 3,
    "many brackets": "[" * 25 + "text" + "]" * 25,
    "tab indent": "-\ta tabbed item\n\n\tcode after a tab",
    "mixed": "Intro.\n\n- a list\n  > with a quote\n\n| t | u |\n|---|---|\n| 1 | 2 |\n\nEnd.",
}
"""Markdown an author might write, and Markdown built to break the pane."""

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def visible_text(markdown: str) -> str:
    """The characters markdown-it reads as text, as a reader should see them (spaces dropped)."""
    parts: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type in ("text", "code_inline", "text_special", "fence", "code_block"):
                parts.append(token.content)
            elif token.type == "image":
                walk(token.children or [])
            elif token.children:
                walk(token.children)

    walk(_PARSER.parse(markdown))
    return re.sub(r"\s", "", "".join(parts))


def missing(expected: str, found: str) -> Counter[str]:
    return Counter(expected) - Counter(found)


def guide_with(body: str) -> Guide:
    topic = Topic("t", "Title", "Summary.", (Section("Part", body),), ("s",))
    return Guide(
        "Guide",
        "Sub",
        date(2026, 1, 1),
        "Disclaimer.",
        (topic,),
        (Source("s", "A source", "P", 2020),),
        (CrisisLine("Region", "Contact."),),
    )


def handout_text(guide: Guide, fmt: str) -> str:
    """What a reader of the handout sees (spaces dropped): the Markdown one as a Markdown viewer shows it."""
    text = export_guide(guide, fmt)
    if fmt == "md":
        return visible_text(text)
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]*>", " ", text.split("<body", 1)[1]))
    return re.sub(r"\s", "", text)


def refused_in_the_body(body: str) -> None:
    """``check`` refuses the document, at a line of the body itself (the body starts on line 8)."""
    lines = "\n".join(f"          {line}" if line else "" for line in body.split("\n"))
    text = (
        "title: G\nsubtitle: S\nreviewed: 2026-01-01\ndisclaimer: D\ncrisis_lines:\n  - region: R\n"
        "    contact: C\ntopics:\n  - id: t\n    title: T\n    summary: S\n    sources: [s]\n"
        "    sections:\n      - title: P\n        body: |\n" + lines + "\nsources:\n  - id: s\n    title: A\n"
        "    publisher: P\n    year: 2020\n"
    )
    with pytest.raises(ContentError) as caught:
        parse_guide(text.encode(), "corpus.yaml")
    first_body_line, last_body_line = 16, 15 + body.count("\n") + 1
    for issue in caught.value.issues:
        assert first_body_line <= issue.line <= last_body_line, issue


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_word_reaches_the_reader_or_check_refuses_it(name: str) -> None:
    document = CORPUS[name]
    if flaws(document):
        refused_in_the_body(document)
        return
    expected = visible_text(document)
    assert expected, "a document with no visible text tests nothing"
    for width in WIDTHS:
        lines = render_markdown(document, Console(), width, Theme({}), Style())
        pane = re.sub(r"\s", "", "".join(line.text for line in lines))
        assert not missing(expected, pane), f"at {width} columns the pane lost {missing(expected, pane)}"
    empty = guide_with("\u00a4")
    for fmt in ("html", "md", "txt"):
        shown = Counter(handout_text(guide_with(document), fmt)) - Counter(handout_text(empty, fmt))
        assert not (Counter(expected) - shown), f"the {fmt} handout lost {Counter(expected) - shown}"


def test_the_corpus_has_both_outcomes() -> None:
    refused = [name for name, document in CORPUS.items() if flaws(document)]
    assert 15 <= len(refused) <= len(CORPUS) - 25, refused
