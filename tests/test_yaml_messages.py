"""YAML syntax errors in an author's words (issue #19): each row of the table in
``docs/content-format.md`` ("When YAML cannot read the file") is a case here, with its exact message.

Every case is a small file with one mistake. The message must be placed at the line and column of
the mistake itself (an unclosed quote at its opening quote), not where YAML gave up, and hold a
one-line hint.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.guide import ContentError, parse_guide

DOC = Path(__file__).resolve().parent.parent / "docs" / "content-format.md"

CASES: dict[str, tuple[str, str]] = {
    "A quote that is never closed": (
        'title: "How it works\nsubtitle: Sub\n',
        '1:8: the quote (") opened here is never closed; add a closing " at the end of the text',
    ),
    "A quote not closed on its line": (
        'crisis_lines:\n  - region: Here\n    contact: "Call 000\n'
        '  - region: There\n    contact: "Call 111"\n',
        '3:14: the quote (") opened here is not closed on its line, so the text runs on to line 5; '
        'add the closing " at the end of the text',
    ),
    "Text after the closing quote": (
        'title: "Guide" for adults\n',
        "1:16: there is text after the closing quote; put the whole value inside the quotes",
    ),
    "A colon and a space inside a value": (
        "title: How it works: the receptor story\n",
        "1:20: a colon and a space inside a value: put the value in quotes, like "
        'title: "How it works: the receptor story"',
    ),
    "No space after a key's colon": (
        "title:Guide\nsubtitle: Sub\n",
        "1:6: a colon needs a space after it: write 'title: Guide'",
    ),
    "A line indented too much": (
        "title: Guide\n  subtitle: Sub\n",
        "2:3: this line is indented more than the key above it, so YAML reads it as part of that value; "
        "start it at column 1",
    ),
    "A key indented too little": (
        "topics:\n  - id: one\n    title: One\n   summary: First.\n",
        "4:4: bad indentation: this line starts at column 4, but the keys above start at column 5; "
        "line it up with them",
    ),
    "A list item indented too little": (
        "topics:\n  - id: one\n    sections:\n      - title: A\n        body: Text.\n"
        "    - title: B\n      body: More.\n",
        "6:5: bad indentation: this line starts at column 5, but the items of the list above start at "
        "column 7; line it up with them",
    ),
    "A body line indented too little": (
        "sections:\n  - title: A\n    body: |\n      First line.\n     Second line.\n    x: 1\n",
        "5:6: bad indentation: this line starts at column 6, but the text above it starts at column 7; "
        "indent it to column 7 to keep it in that text",
    ),
    "A list item where a key belongs": (
        "title: Guide\n- subtitle\n",
        "2:1: a list item ('- ') where a key was expected; indent it under the key whose list it is in",
    ),
    "A tab": (
        "title: Guide\n\tsubtitle: Sub\n",
        "2:1: a tab is used to indent this line; YAML needs spaces: replace the tab with spaces",
    ),
    "A list in brackets that is not closed": (
        "sources: [one, two\ntitle: Guide\n",
        "1:10: the list opened here with '[' is not closed; add ']' at its end (or, if this is text, "
        "put it in quotes)",
    ),
    "A value that starts with [ or {": (
        "title: [Draft] Overview\n",
        "1:8: a value that starts with '[' or '{' is read as a list; put the whole value in quotes",
    ),
    "A value that starts with *": (
        "summary: *Important* news\n",
        "1:10: a value that starts with '*' is read as a YAML alias; put the text in quotes",
    ),
    "A value that starts with @ or `": (
        "title: @home\n",
        "1:8: a value cannot start with '@'; put the text in quotes",
    ),
    "A backslash in double quotes": (
        'title: "a \\q b"\n',
        "1:11: a backslash starts an escape YAML does not know; write \\\\ for a backslash, or put the "
        "text in single quotes instead",
    ),
    "Text after | or >": (
        "disclaimer: | Not advice.\n",
        "1:15: there is text after '|' or '>' on its line; start the text on the next line",
    ),
    "A character read as a line break": (
        "title: Guide\nsubtitle: A\u2028B\n",
        "2:12: the file contains U+2028 (line separator), which YAML reads as a line break; save the "
        "file as UTF-8 (a character was decoded wrongly), or retype the text here",
    ),
}
"""Each mistake: a file that holds it, and the first message ``check`` gives (line:column: message)."""


def first_issue(text: str) -> str:
    with pytest.raises(ContentError) as caught:
        parse_guide(text.encode(), "guide.yaml")
    issue = caught.value.issues[0]
    return f"{issue.line}:{issue.column}: {issue.message}"


@pytest.mark.parametrize("mistake", list(CASES))
def test_each_mistake_gets_its_message_where_it_is(mistake: str) -> None:
    text, expected = CASES[mistake]
    assert first_issue(text) == expected


def doc_rows() -> dict[str, str]:
    """The doc's table of YAML messages: mistake -> message, as ``line:column: message``."""
    section = DOC.read_text(encoding="utf-8").split("## When YAML cannot read the file", 1)[1]
    table = section.split("\n\n| Mistake |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        mistake, _example, message = (cell.replace("\\|", "|") for cell in cells)
        rows[mistake] = message.removeprefix("`").removesuffix("`")
    return rows


def test_the_doc_lists_every_message_with_its_test() -> None:
    """The table in docs/content-format.md and the cases here are the same list."""
    rows = doc_rows()
    assert list(rows) == list(CASES)
    for mistake, message in rows.items():
        assert message == CASES[mistake][1], mistake


def test_each_message_is_one_line_with_a_hint() -> None:
    for _, message in CASES.values():
        assert "\n" not in message
        assert ";" in message or ": put" in message or ": write" in message, message
