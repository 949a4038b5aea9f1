"""Characters that are never drawn: stripped whatever route brought them in."""

from __future__ import annotations

import pytest

from tui.guide.controls import CONTROL, strip_unseen


@pytest.mark.parametrize(
    "unseen",
    [
        "\u202e",
        "\u2067",
        "\u200f",
        "\u200e",
        "\u061c",
        "\u200b",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u2028",
        "\u2029",
        "\U000e0041",
        "\x1b",
        "\x9b",
        "\x07",
    ],
)
def test_unseen_characters_are_stripped(unseen: str) -> None:
    assert strip_unseen(f"a{unseen}b") == "ab"


def test_visible_text_tabs_and_newlines_stay() -> None:
    text = "Caf\u00e9 \u2014 \u4e2d\u6587 \U0001f600\tend\n"
    assert strip_unseen(text) == text


def test_everything_the_loader_refuses_is_stripped_too() -> None:
    refused = [
        chr(point) for point in range(0x110000) if CONTROL.match(chr(point)) and chr(point) not in "\t\n"
    ]
    assert refused and strip_unseen("".join(refused)) == ""
