"""US and UK spellings folded to one key, so that "anaesthetic" finds "anesthetic" and the other way round.

Both the index and the query are folded, so a rule only has to send both spellings to the same key; the
key need not be a real word. Each rule is narrow on purpose: it must not send two unrelated words to one
key ("four" and "for", "filled" and "filed"). ``RULES`` lists them, each with a word pair it joins;
``tests/test_spelling.py`` checks every pair, and the words a rule must leave apart. No Textual imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RULES", "Rule", "spelling_key"]


@dataclass(frozen=True)
class Rule:
    """One spelling difference: a pattern in a folded word, what it becomes, and a pair it joins."""

    pattern: str
    replacement: str
    uk: str
    us: str


RULES = (
    # Greek and Latin ae and oe: a plain e in US spelling.
    Rule(r"^[ao]e(?=[^aeiouy\W])", "e", "oesophagus", "esophagus"),  # oestrogen, oedema, aetiology
    Rule(r"(?<=\w)ae(?=\w)", "e", "anaesthetic", "anesthetic"),  # haem-, paediatric, leukaemia
    Rule(r"(?<=rh|pn)oea", "ea", "diarrhoea", "diarrhea"),  # apnoea, dyspnoea, amenorrhoea
    Rule(r"^foet", "fet", "foetal", "fetal"),
    Rule(r"^coel", "cel", "coeliac", "celiac"),
    Rule(r"^homoeo", "homeo", "homoeopathy", "homeopathy"),
    # -our: behaviour, colour, tumour, favourite (not hour, your, four: too short).
    Rule(
        r"(?<=\w\w)our(?=(?:s|ed|ing|al|ally|ite|ites|able|ably|er|ers|ful|less)?$)", "or", "tumour", "tumor"
    ),
    # -ise, -isation, -yse: organise, hospitalised, paralysed. Not rise, raise, noise (too short).
    Rule(r"^practis(?=(?:e|es|ed|ing)$)", "practic", "practised", "practiced"),
    Rule(
        r"(?<=\w\w\w)is(?=(?:e|es|ed|ing|er|ers|ation|ations|ational|able)$)", "iz", "organised", "organized"
    ),
    Rule(r"(?<=\w\w)ys(?=(?:e|es|ed|ing|er|ers)$)", "yz", "analyse", "analyze"),
    # -tre, -bre: centre, litre, fibre, and centred.
    Rule(r"(?<=\w\w)(?<=[tb])re(?=s?$)", "er", "centre", "center"),
    Rule(r"(?<=\w\w)(?<=[tb])red$", "ered", "centred", "centered"),
    # -ogue: catalogue, dialogue, analogue (not vogue, rogue).
    Rule(r"(?<=\w\w\w)ogue(?=s?$)", "og", "dialogue", "dialog"),
    # A doubled l before a suffix: travelled, counselling, counsellor (not filled, called: too short).
    Rule(r"(?<=\w\w[aeiou])ll(?=(?:ed|ing|er|ers|or|ors|ous)$)", "l", "counselling", "counseling"),
    # -ence: defence, licence, offence.
    Rule(r"(?<=^def|^off|^lic)enc(?=(?:e|es)$)", "ens", "licence", "license"),
    # Single words.
    Rule(r"^programme(?=s?$)", "program", "programme", "program"),
    Rule(r"^ageing$", "aging", "ageing", "aging"),
    Rule(r"sulph", "sulf", "sulphate", "sulfate"),
    Rule(r"^grey", "gray", "grey", "gray"),
    Rule(r"dgement", "dgment", "judgement", "judgment"),
)
"""The rules, applied together in one pass over a word; where two could start at one place, the first wins."""

_ONE_PASS = re.compile("|".join(f"(?P<r{n}>{rule.pattern})" for n, rule in enumerate(RULES)))
_HINTS = (
    "ae",
    "oe",
    "our",
    "is",
    "ys",
    "re",
    "ogue",
    "ll",
    "enc",
    "programme",
    "ageing",
    "sulph",
    "grey",
    "dgement",
)
"""A word with none of these in it has no rule to apply: most words are passed over at this test."""


def _replace(match: re.Match[str]) -> str:
    name = match.lastgroup
    assert name is not None
    return RULES[int(name[1:])].replacement


def spelling_key(word: str) -> str:
    """The key of a folded word under :data:`RULES`: the same for its US and UK spellings."""
    if not any(hint in word for hint in _HINTS):
        return word
    return _ONE_PASS.sub(_replace, word)
