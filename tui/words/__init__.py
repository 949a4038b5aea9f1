"""Words for search: folding, spelling variants, typos, and Markdown as plain text. No Textual imports."""

from __future__ import annotations

from tui.words.fold import WORD, find_spans, fold, number_runs, words
from tui.words.plain import ELLIPSIS, heading_and_body, plain_text, snippet
from tui.words.spelling import RULES, Rule, spelling_key
from tui.words.typos import MIN_LETTERS, Typos, starting, within_one_edit

__all__ = [
    "ELLIPSIS",
    "MIN_LETTERS",
    "RULES",
    "WORD",
    "Rule",
    "Typos",
    "find_spans",
    "fold",
    "heading_and_body",
    "number_runs",
    "plain_text",
    "snippet",
    "spelling_key",
    "starting",
    "within_one_edit",
    "words",
]
