"""Resource bombs: each is refused, or loaded, within a fixed memory budget.

Each bomb is built in memory in a fresh Python process, which then caps its own address space at what it
already uses plus ``BUDGET_MIB`` (``RLIMIT_AS``) before calling ``parse_guide``. Exceeding the budget raises
MemoryError there and the test fails: memory is checked, never time.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="needs Linux: RLIMIT_AS and /proc/self/status"
)

ROOT = Path(__file__).resolve().parent.parent
BILLION_LAUGHS = Path(__file__).parent / "fixtures" / "bad" / "billion_laughs.yaml"

BUDGET_MIB = 400
"""What ``parse_guide`` may add to the address space of a process that holds the bomb already.

Measured with Python 3.11 and libyaml: the interpreter takes 12 MiB and ``import tui.guide,
tui.guide.schema`` 6 more; loading a valid guide of 10,000 topics adds about 70 MiB, and the worst bomb
here about 220 MiB (the tree of 500,000 nodes built before ``MAX_NODES`` stops the parse)."""

HEAD = """\
title: Bomb
subtitle: A guide that attacks the loader
reviewed: 2026-01-15
disclaimer: Not advice.
crisis_lines:
  - region: Testland
    contact: Call 000.
sources:
  - id: src
    title: A source
    publisher: Pub
    year: 2020
topics:
"""
"""The start of a valid guide, its topics to follow."""

TOPIC = """\
  - id: t{0}
    title: Topic {0}
    summary: Summary {0}.
    sources: [src]
    sections:
      - title: Part
        body: Body {0}, see [the first](#t0).
"""

SCRIPT = """\
import resource, sys

def vm_mib(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) // 1024
    raise LookupError(key)

from tui.guide import MAX_FILE_BYTES, ContentError, parse_guide
import tui.guide.schema  # parse_guide imports it on first use: part of the baseline, not the budget
HEAD, TOPIC = {head!r}, {topic!r}
data = {expression}
assert isinstance(data, bytes), type(data)
baseline = vm_mib("VmSize")
limit = (baseline + {budget}) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
{body}
"""

PARSE = """\
try:
    guide = parse_guide(data, "bomb.yaml")
except ContentError as error:
    outcome = "ContentError " + str(error.issues[0]) + " (" + str(len(error.issues)) + " issues)"
else:
    outcome = "Guide " + str(len(guide.topics)) + " topics"
print(outcome)
print("size", len(data) // 1024 // 1024, "MiB; baseline", baseline, "MiB; peak", vm_mib("VmPeak"), "MiB")
"""


def run_bomb(expression: str, body: str = PARSE) -> str:
    """Build ``data`` from ``expression``, cap the memory, run ``body``; return what it printed."""
    script = SCRIPT.format(
        head=HEAD, topic=TOPIC, expression=expression, budget=BUDGET_MIB, body=textwrap.dedent(body)
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert result.returncode == 0, f"the bomb broke the budget or crashed:\n{result.stdout}{result.stderr}"
    return result.stdout


def test_the_memory_limit_is_enforced() -> None:
    """The harness works: allocating more than the budget in the capped process fails."""
    output = run_bomb(
        'b""',
        f"""\
        try:
            hog = bytearray({BUDGET_MIB + 16} * 1024 * 1024)
        except MemoryError:
            print("MemoryError")
        else:
            print("allocated")
        """,
    )
    assert output.strip() == "MemoryError"


BOMBS = {
    "billion laughs (aliases)": (
        f"open({str(BILLION_LAUGHS)!r}, 'rb').read()",
        "ContentError",
        "anchors ('&name') are not allowed",
    ),
    "billion laughs inside a guide": (
        "HEAD.encode() + b'x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\\n'"
        " + b''.join(b'x%d: &a%d [' % (i, i) + b', '.join([b'*a'] * 9) + b']\\n' for i in range(9))",
        "ContentError",
        "anchors ('&name') are not allowed",
    ),
    "10,000 nested flow lists": ("b'[' * 10_000 + b']' * 10_000", "ContentError", "nest"),
    "10,000 nested flow mappings": ("b'{a: ' * 10_000 + b'}' * 10_000", "ContentError", "nest"),
    "10,000 nested block lists": ("b'- ' * 10_000 + b'x'", "ContentError", "nesting is deeper"),
    "10,000 nested lists in a body": (
        "(HEAD + TOPIC.format(0)).replace('body: Body', 'body: ' + '[' * 10_000 + ']' * 10_000 + ' #')"
        ".encode()",
        "ContentError",
        "nest",
    ),
    "a file over the size cap": (
        "(HEAD + TOPIC.format(0)).encode() + b'#' * MAX_FILE_BYTES",
        "ContentError",
        "file is larger than the 16 MiB limit",
    ),
    "a 5 MB body": (
        "(HEAD + TOPIC.format(0)).replace('body: Body 0', 'body: |\\n          ' + 'x' * 5_000_000).encode()",
        "ContentError",
        "the section's body is longer than 1,048,576 characters",
    ),
    "a 5 MB quoted title with escapes": (
        "(HEAD + TOPIC.format(0)).replace('title: Bomb', 'title: \"' + '\\\\xe9' * 1_250_000 + '\"')"
        ".encode()",
        "ContentError",
        "the guide's title is longer than 1,048,576 characters",
    ),
    "a 5 MB key": (
        "(HEAD + TOPIC.format(0)).encode() + b'? ' + b'k' * 5_000_000 + b'\\n: value\\n'",
        "ContentError",
        "unknown key",
    ),
    "a 15 MB key": (
        "(HEAD + TOPIC.format(0)).encode() + b'? ' + b'k' * 15_000_000 + b'\\n: value\\n'",
        "ContentError",
        "unknown key",
    ),
    # Either outcome is acceptable for 100,000 topics (15 MiB), within the budget. The tree alone would
    # take some 700 MiB, so the loader stops at MAX_NODES keys and values.
    "100,000 topics": (
        "(HEAD + ''.join(TOPIC.format(i) for i in range(100_000))).encode()",
        "",
        "",
    ),
    "8 million list items in 16 MiB": (
        "b'topics: [' + b'1,' * (MAX_FILE_BYTES // 2 - 8) + b']'",
        "ContentError",
        "more than 500,000 keys and values",
    ),
    "5 million short lines in 16 MiB, then a broken link": (
        "(HEAD + TOPIC.format(0)).encode() + b'#c\\n' * (MAX_FILE_BYTES // 3 - 200)"
        " + TOPIC.format(1).replace('body: Body 1,', 'body: |\\n          Body 1,')"
        ".replace('#t0', '#t9').encode()",
        "ContentError",
        "the link '#t9' points to no topic",
    ),
    "2.6 million wrong topics in 16 MiB": (
        "HEAD.encode() + b'  - 1\\n' * (MAX_FILE_BYTES // 6 - 100)",
        "ContentError",
        "more than 500,000 keys and values",
    ),
    "450,000 wrong topics (450,000 problems)": (
        "HEAD.encode() + b'  - 1\\n' * 450_000",
        "ContentError",
        "a topic should be a set of 'key: value' lines",
    ),
    "160,000 topics with 6 problems each": (
        "HEAD.encode() + b'  - {x: 1}\\n' * 160_000",
        "ContentError",
        "a topic is missing the key 'id'",
    ),
    "450,000 duplicate keys": (
        "b'topics: {' + b'a: 1, ' * 240_000 + b'}'",
        "ContentError",
        "the key 'a' appears twice here",
    ),
    "a body of 100,000 broken links": (
        "(HEAD + TOPIC.format(0)).replace('body: Body 0', 'body: |\\n          ' + '[x](#zz) ' * 100_000)"
        ".encode()",
        "ContentError",
        "the link '#zz' points to no topic",
    ),
    "15 bodies of 100,000 links each (a valid guide)": (
        "(HEAD + ''.join(TOPIC.format(i).replace('body: Body', 'body: |\\n          ' + '[x](#t0) ' * 100_000"
        " + '\\n          ') for i in range(15))).encode()",
        "Guide",
        "15 topics",
    ),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_bomb_is_handled_within_the_memory_budget(name: str) -> None:
    expression, outcome, message = BOMBS[name]
    output = run_bomb(expression)
    first = output.splitlines()[0]
    if outcome:
        assert first.startswith(f"{outcome} "), output
        assert message in first, output
    else:
        assert first.startswith(("ContentError ", "Guide ")), output
    if first.startswith("ContentError "):
        issues = int(first.rsplit("(", 1)[1].split()[0])
        assert issues <= 1_002, f"every one of {issues} problems is kept: {output}"
