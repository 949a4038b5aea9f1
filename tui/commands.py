"""Command-palette commands: help now, from every screen, and every page by name (fuzzy matched)."""

from __future__ import annotations

import re
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.guide import Guide
from tui.screens import ReaderScreen

__all__ = ["HELP_NOW", "HELP_WORDS", "TopicCommands"]

HELP_NOW = "Help now: crisis lines"
"""The command that opens the crisis lines and the disclaimer (the app's ``crisis`` action)."""

HELP_WORDS = (
    "crisis",
    "help",
    "suicide",
    "emergency",
    "helpline",
    "hotline",
    "lifeline",
    "samaritans",
    "988",
)
"""Words that find :data:`HELP_NOW` from their first two letters on, whatever the guide's lines say."""

FIRST = 1_000_000.0
"""The score of a query that names help now: above any score the fuzzy matcher gives a page's title."""

_JOINED_DIGITS = re.compile(r"(?<=\d)[\s.-](?=\d)")


def _crisis_words(guide: Guide) -> str:
    """The guide's crisis lines, region and contact, case-folded, then again with each number's spaces,
    dots and dashes left out ("116 123" also as "116123"): what :func:`_names_help` searches."""
    text = " ".join(f"{line.region} {line.contact}" for line in guide.crisis_lines)
    text = " ".join(text.casefold().split())
    return f"{text} {_JOINED_DIGITS.sub('', text)}"


def _names_help(query: str, text: str) -> bool:
    """Whether a word of ``query`` begins one of :data:`HELP_WORDS`, or the whole query begins a word of
    the crisis lines' ``text`` (a number included: "911", "116 123", "9-8-8", "988"). Two characters at
    least, so that one letter does not put help now above every page."""
    words = query.casefold().split()
    if any(len(word) >= 2 and help_word.startswith(word) for word in words for help_word in HELP_WORDS):
        return True
    phrase = " ".join(words)
    forms = {phrase, _JOINED_DIGITS.sub("", phrase)} if len(phrase) >= 2 else set()
    return any(re.search(rf"(?<!\w){re.escape(form)}", text) for form in forms)


class TopicCommands(Provider):
    """Offers :data:`HELP_NOW` on every screen, before its pages, and "Go to: <page>" for each page of
    the reader the palette was opened on (posting a :class:`ReaderScreen.Jump` request to it). Titles
    are shown as plain Content, never markup.

    Help now is found by its own title, by the words of :data:`HELP_WORDS` and by the words and
    numbers of the guide's crisis lines, with a score above every page. (``Matcher.highlight`` parses
    its argument as markup, so it is not used on guide text.)
    """

    def _pages(self) -> list[tuple[int, str]]:
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        return [(index, page.title) for index, page in enumerate(screen.pages)]

    def _go(self, index: int) -> None:
        self.screen.post_message(ReaderScreen.Jump(index))

    async def _help_now(self) -> None:
        await self.app.run_action("crisis")

    def _crisis_text(self) -> str:
        guide = getattr(self.app, "guide", None)  # the app owns the guide (tui.app imports this module)
        return _crisis_words(guide) if isinstance(guide, Guide) else ""

    async def discover(self) -> Hits:
        yield DiscoveryHit(Content(HELP_NOW), self._help_now, text=HELP_NOW)
        for index, title in self._pages():
            yield DiscoveryHit(Content(f"Go to: {title}"), partial(self._go, index), text=title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = FIRST if _names_help(query, self._crisis_text()) else matcher.match(HELP_NOW)
        if score > 0:
            yield Hit(score, Content(HELP_NOW), self._help_now, text=HELP_NOW)
        for index, title in self._pages():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Content(f"Go to: {title}"), partial(self._go, index), text=title)
