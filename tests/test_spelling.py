"""US and UK spellings fold to one key: every rule joins its pair, and no rule joins unrelated words."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tui.guide import load_guide
from tui.search import SearchIndex
from tui.words import RULES, Rule, spelling_key

REPO = Path(__file__).resolve().parent.parent

MORE_PAIRS = [
    ("anaesthesia", "anesthesia"),
    ("haemorrhage", "hemorrhage"),
    ("paediatric", "pediatric"),
    ("oestrogen", "estrogen"),
    ("oedema", "edema"),
    ("aetiology", "etiology"),
    ("dyspnoea", "dyspnea"),
    ("behaviour", "behavior"),
    ("behavioural", "behavioral"),
    ("favourite", "favorite"),
    ("colours", "colors"),
    ("odour", "odor"),
    ("hospitalisation", "hospitalization"),
    ("stabiliser", "stabilizer"),
    ("generalised", "generalized"),
    ("recognising", "recognizing"),
    ("paralysed", "paralyzed"),
    ("centres", "centers"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("catalogues", "catalogs"),
    ("travelled", "traveled"),
    ("counsellor", "counselor"),
    ("signalling", "signaling"),
    ("labelled", "labeled"),
    ("defence", "defense"),
    ("programmes", "programs"),
    ("sulphate", "sulfate"),
    ("judgement", "judgment"),
]

_COMMON = (
    "four for your hour pour tour sour does goes shoes heroes poem poet toe hoe woe filled filed called "
    "calling failing fill file rise raise noise crisis analysis basis thesis advise device prize prise vogue "
    "rogue genre acre massacre meter metre stall stale courses course source journal tumour tumor rumour "
    "doses dose dosed nurse nursing surprise promise premise precise concise exercise otherwise wise size "
    "seize these those whose house mouse cause pause because trial trail smaller spell spelled"
)
APART = _COMMON.split()
"""Common words, some of them near a rule: only spellings of one word may share a key among them."""

ACCEPTED = {
    frozenset(pair)
    for pair in [
        *((rule.uk, rule.us) for rule in RULES),
        *MORE_PAIRS,
        ("metre", "meter"),
        ("tumour", "tumor"),
        ("labelling", "labeling"),  # a UK source's title, quoted as published
    ]
}
"""Groups of words that share a key and are one word spelt two ways."""


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.uk)
def test_each_rule_joins_its_pair(rule: Rule) -> None:
    assert spelling_key(rule.uk) == spelling_key(rule.us)
    assert rule.uk != rule.us


@pytest.mark.parametrize(("uk", "us"), MORE_PAIRS)
def test_more_real_pairs_are_joined(uk: str, us: str) -> None:
    assert spelling_key(uk) == spelling_key(us)


def collisions(words: set[str]) -> list[frozenset[str]]:
    """The groups of two or more of ``words`` that share a key."""
    groups: dict[str, set[str]] = defaultdict(set)
    for word in words:
        groups[spelling_key(word)].add(word)
    return sorted((frozenset(group) for group in groups.values() if len(group) > 1), key=sorted)


def test_common_words_stay_apart() -> None:
    assert [group for group in collisions(set(APART)) if group not in ACCEPTED] == []
    assert spelling_key("four") != spelling_key("for") and spelling_key("filled") != spelling_key("filed")


def test_the_shipped_guide_has_no_collision_but_spellings_of_one_word() -> None:
    """If this fails after a content change, look at the group: add it to ACCEPTED if its words are one
    word spelt two ways, else narrow the rule that joins them in ``tui/words/spelling.py``."""
    index = SearchIndex(load_guide(REPO / "content.yaml"))
    index.build()
    vocabulary = {word for word in index.vocabulary if word.isalpha()}
    assert len(vocabulary) > 500
    assert [group for group in collisions(vocabulary | set(APART)) if group not in ACCEPTED] == []


def test_the_key_of_a_word_without_a_rule_is_the_word() -> None:
    for word in ("ketamine", "esketamine", "depression", "dissociation", "bladder", "988"):
        assert spelling_key(word) == word
