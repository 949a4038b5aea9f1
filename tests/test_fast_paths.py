"""The loader's fast paths give the same answers as the regular expressions they stand in for."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.guide.bodies import _EVIDENCE, evidence_levels
from tui.guide.checker import Checker
from tui.guide.controls import CONTROL, UNSEEN, blank, plain_ascii
from tui.guide.yamltree import compose

PIECES = st.lists(
    st.sampled_from(
        [
            "Evidence:",
            "EVIDENCE:",
            "evidence",
            ":",
            "*",
            "_",
            " ",
            "\t",
            "\n",
            "strong",
            "not",
            "supported",
            "x.",
            "İ",
            "é",
        ]
    ),
    max_size=12,
).map("".join)


@settings(derandomize=True, database=None)
@given(PIECES | st.text(max_size=40))
def test_evidence_levels_match_the_regex(body: str) -> None:
    assert list(evidence_levels(body)) == [match.group(1) for match in _EVIDENCE.finditer(body)]


@settings(derandomize=True, database=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30))
def test_ascii_fast_path_agrees_with_the_control_regex(value: str) -> None:
    assert plain_ascii(value) == (CONTROL.search(value) is None)


def test_non_ascii_is_left_to_the_regex() -> None:
    assert not plain_ascii("caf\u00e9")


TEXTS = st.text(
    alphabet=st.sampled_from("ab \t\n\r\x0b\x1b\x7f\x85\x9b\u00e9\u2028\u202e\u200f"), max_size=12
) | st.text(max_size=12)


@settings(derandomize=True, database=None)  # the same examples in every run
@given(TEXTS, st.sampled_from(["|", ">", "'", '"', None]))
def test_text_refuses_exactly_what_the_regex_finds(value: str, style: str | None) -> None:
    """Whatever way the text is written, ``Checker.text`` refuses it when the regex finds a character
    the app never draws, or when it shows nothing.

    It skips the regex for ASCII text that is not double-quoted, where YAML itself refused them.
    """
    document = yaml.safe_dump(value, default_style=style, allow_unicode=True)
    root, problems = compose(document)
    assert root is not None and not problems
    check = Checker()
    accepted = check.text(root, "text") is not None
    refused = UNSEEN.search(root.value) is not None or blank(root.value)  # the policy of issue #21
    assert accepted == (bool(root.value.strip()) and not refused), check.problems
