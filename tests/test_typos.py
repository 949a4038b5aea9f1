"""The typo finder's fast path: a lookup that reads only the words sharing a start or an end finds exactly
what comparing the word with the whole vocabulary finds. No timing here: timings live in bench/."""

from __future__ import annotations

import random

import pytest

from tui.words import MIN_LETTERS, Typos, within_one_edit


def distance(a: str, b: str) -> int:
    """Edit distance with swaps of neighbours (optimal string alignment), the slow and obvious way."""
    rows = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            rows[i][j] = min(
                rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def test_one_edit_is_what_the_slow_way_says() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 7)))
        assert within_one_edit(a, b) == (distance(a, b) <= 1), (a, b)


@pytest.mark.parametrize("seed", range(3))
def test_the_lookup_finds_what_a_scan_of_the_whole_vocabulary_finds(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcde") for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    typos = Typos(vocabulary)
    queries = [
        *rng.sample(vocabulary, 300),
        *("".join(rng.choices("abcde", k=rng.randint(3, 10))) for _ in range(300)),
    ]
    for query in queries:
        short = len(query) < MIN_LETTERS
        expected = {w for w in vocabulary if w != query and not short and within_one_edit(query, w)}
        assert typos.close_to(query) == expected, query


def test_real_typos() -> None:
    typos = Typos(["bladder", "dissociation", "liver", "ketamine", "trials", "trails"])
    assert typos.close_to("bladdr") == {"bladder"}
    assert typos.close_to("dissociaton") == {"dissociation"}
    assert typos.close_to("ketamien") == {"ketamine"}
    assert typos.close_to("trials") == {"trails"}
    assert typos.close_to("livr") == set(), "shorter than five letters: no typo forgiven"
