"""The references inside a guide, checked once the whole file is read: every cited source is defined,
and every link to a page of the guide names one. A wrong id gets the closest right ones suggested.
"""

from __future__ import annotations

from collections.abc import Collection

from tui.guide.bodies import broken_links
from tui.guide.checker import Checker, closest
from tui.guide.model import RESERVED_IDS
from tui.guide.nodes import Mark, Node

__all__ = ["References", "did_you_mean"]

SUGGESTIONS = 50
"""Broken references given a "did you mean" (each looks through every id: enough for a real file)."""


def did_you_mean(wrong: str, known: Collection[str], prefix: str = "") -> str:
    """`` (did you mean 'x' or 'y'?)``, naming the ids of ``known`` closest to ``wrong``; ``""`` if
    none is close."""
    names = closest(wrong, known, n=3)
    if not names:
        return ""
    quoted = [repr(prefix + name) for name in names]
    either = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" (did you mean {either}?)"


class References:
    """The ids a guide defines, where they are, and the references to them."""

    def __init__(self, check: Checker) -> None:
        self.check = check
        self.topic_ids: dict[str, Mark] = {}
        self.source_ids: dict[str, Mark] = {}
        self.citations: list[tuple[str, Mark]] = []
        self.linked_bodies: list[Node] = []
        """Texts holding links to pages of the guide."""
        self.suggested = 0

    def report(self, *, glossary: bool) -> None:
        """Note each citation of no source and each link to no page, where it is written (a link to
        ``#glossary`` names a page only in a guide with a ``glossary``)."""
        check = self.check
        for source_id, mark in self.citations:
            if source_id not in self.source_ids:
                advice = self.suggest(source_id, self.source_ids.keys(), "")
                check.fail(mark, f"the source {source_id!r} is cited but not defined under 'sources'{advice}")
        known = self.topic_ids.keys() | (RESERVED_IDS if glossary else RESERVED_IDS - {"glossary"})
        for body in self.linked_bodies:
            for target, offset in broken_links(body.value, known):
                if target == "glossary":
                    message = "the link '#glossary' points to no page: this guide has no glossary"
                else:
                    advice = self.suggest(target, self.topic_ids.keys(), "#") or "; use a topic id"
                    message = f"the link '#{target}' points to no topic{advice}"
                check.fail(check.place(body, offset), message)

    def suggest(self, wrong: str, known: Collection[str], prefix: str) -> str:
        self.suggested += 1
        return did_you_mean(wrong, known, prefix) if self.suggested <= SUGGESTIONS else ""
