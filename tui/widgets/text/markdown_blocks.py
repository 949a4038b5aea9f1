"""Long Markdown cut into pieces between top-level blocks, so that laying out one piece never holds the
keys for long, and the pieces laid out one after the other look exactly like the whole.

Rich's Markdown lays out about 1 KB in 2 ms here, so one section of 100 KB would hold the event loop for
0.2 s. The text pane lays a page out piece by piece instead, with one blank line between pieces, as Rich
puts between top-level blocks. The blocks are found by markdown-it's block parser, set up as Rich sets
it up (inline parsing off: about 17 ms for 100 KB), and a cut is made only where the blank line holds:
before a paragraph, heading, code block or thematic break (a list, quote or table laid out first gets a
blank line above it), not after a thematic break (Rich puts none after one), not next to an empty
heading, and not at all in Markdown with raw HTML blocks or link reference definitions (which reach
across blocks).
``tests/test_markdown_blocks.py`` checks that the pieces look like the whole.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["PIECE_CHARS", "split_blocks"]

PIECE_CHARS = 3000
"""A piece ends at the first cut after this many characters: about 6 ms of layout, within one slice.
Shorter Markdown is one piece, and is not parsed here (so a first frame needs no markdown-it)."""


@cache
def _block_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported with Rich's Markdown anyway, which lays pieces out

    return MarkdownIt().enable("strikethrough").enable("table").disable("inline")  # as Rich's, but inline


@lru_cache(maxsize=64)  # a page is laid out again at each visit, resize and change of theme
def split_blocks(markdown: str, budget: int = PIECE_CHARS) -> tuple[str, ...]:
    """``markdown`` in pieces of about ``budget`` characters or more (one piece if it cannot be cut)."""
    if len(markdown) <= budget:
        return (markdown,)
    env: dict[str, Any] = {}
    tokens = _block_parser().parse(markdown, env)
    if env.get("references") or any(token.type == "html_block" for token in tokens):
        return (markdown,)
    blocks = [(i, token) for i, token in enumerate(tokens) if token.level == 0 and token.nesting >= 0]
    lines = markdown.split("\n")
    ends = list(accumulate((len(line) + 1 for line in lines), initial=0))
    pieces: list[str] = []
    start = 0
    for (i, _), (j, block) in pairwise(blocks):
        cut = block.map[0] if block.map else start
        if ends[cut] - ends[start] >= budget and _blank_line_holds(tokens, i, j):
            pieces.append("\n".join(lines[start:cut]).rstrip("\n"))
            start = cut
    pieces.append("\n".join(lines[start:]))
    return tuple(pieces)


_STARTS_FLAT = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "hr"})
"""Blocks that Rich lays out with no blank line above them when they come first. A list, a quote or a
table comes first with one (its inner elements ask for it), so no cut is made before one of them."""


def _blank_line_holds(tokens: list[Token], before: int, after: int) -> bool:
    """Whether Rich puts exactly one blank line between the top-level blocks that begin at these tokens,
    and none above the second when it comes first."""
    if tokens[before].type == "hr" or tokens[after].type not in _STARTS_FLAT:
        return False
    return not _empty_heading(tokens, before) and not _empty_heading(tokens, after)


def _empty_heading(tokens: list[Token], index: int) -> bool:
    return tokens[index].type == "heading_open" and not tokens[index + 1].content.strip()
