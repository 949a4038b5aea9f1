"""The booth's short crisis line: regions and their first numbers, as many as fit, then "! for more"."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.crisis_line import first_number, short_crisis_line
from tui.guide import CrisisLine, load_guide
from tui.pacing import count_words, dwell_times, screen_at

REAL = load_guide(Path(__file__).resolve().parent.parent / "content.yaml").crisis_lines
LINES = (
    CrisisLine("US", "Call or text 988 (988 Suicide & Crisis Lifeline), 24/7."),
    CrisisLine("UK & IE", "Samaritans, call 116 123, free."),
    CrisisLine("Canada", "Call or text 9-8-8."),
    CrisisLine("Everywhere else", "Call your local emergency number. The 988 line works only in the US."),
)


@pytest.mark.parametrize(
    ("contact", "number"),
    [
        ("Call or text 988 (988 Suicide & Crisis Lifeline)", "988"),
        ("Samaritans, call 116 123, free, 24/7 (samaritans.org).", "116 123"),
        ("Call or text 9-8-8 (9-8-8 Suicide Crisis Helpline)", "9-8-8"),
        ("Call 000 at any time.", "000"),
        ("Call your local emergency number. The 988 and 9-8-8 lines work only in the US.", None),
        ("No number at all", None),
    ],
)
def test_the_first_number_of_the_first_sentence(contact: str, number: str | None) -> None:
    assert first_number(contact) == number


def test_as_many_regions_as_fit_always_ending_with_bang_for_more() -> None:
    wide = short_crisis_line(LINES, 200)
    assert wide == "In crisis? US 988 · UK & IE 116 123 · Canada 9-8-8 · ! for more"
    assert "Everywhere else" not in wide, "a region whose first sentence has no number is left out"
    assert short_crisis_line(LINES, 50) == "In crisis? US 988 · UK & IE 116 123 · ! for more"
    assert short_crisis_line(LINES, 30) == "In crisis? US 988 · ! for more"
    assert short_crisis_line(LINES, 16) == "! for more"
    assert short_crisis_line((), 80) == "In crisis? press ! for more"


@pytest.mark.parametrize("width", [38, 40, 60, 76, 78, 80, 96, 120])
def test_the_shipped_lines_fit_every_width(width: int) -> None:
    line = short_crisis_line(REAL, width)
    assert cell_len(line) <= width and line.endswith("! for more")
    first = f"{REAL[0].region} 988"  # the guide's first region, with its number
    assert first in line, "from 38 cells (a 40-column screen) on, the first region shows"
    assert "Everywhere else" not in line, "its contact's 988 belongs to another region"


def test_reading_pace() -> None:
    assert count_words(["│ Alpha │ strong │", "• one item", "────"]) == 4
    assert dwell_times([200, 100], wpm=200, minimum=20) == [60.0, 30.0]
    assert dwell_times([0, 1000], wpm=200, minimum=20) == [3.0, 120.0], "within bounds"
    assert sum(dwell_times([10, 10], wpm=200, minimum=40)) == pytest.approx(40), "the interval is the least"
    assert [screen_at([5.0, 10.0], t) for t in (0, 4.9, 5, 14.9, 99)] == [0, 0, 1, 1, 1]
