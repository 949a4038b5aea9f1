"""The loader's fast paths give the same answers as the regular expressions they stand in for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.controls import CONTROL, plain_ascii
from tui.schema import _EVIDENCE, evidence_levels

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


@given(PIECES | st.text(max_size=40))
def test_evidence_levels_match_the_regex(body: str) -> None:
    assert list(evidence_levels(body)) == [match.group(1) for match in _EVIDENCE.finditer(body)]


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30))
def test_ascii_fast_path_agrees_with_the_control_regex(value: str) -> None:
    assert plain_ascii(value) == (CONTROL.search(value) is None)


def test_non_ascii_is_left_to_the_regex() -> None:
    assert not plain_ascii("caf\u00e9")
