"""The help screen: every key, generated from the bindings themselves and never written twice.

:func:`key_rows` turns bindings into (keys, what they do) rows; the help screen and the README's key
table (``tests/test_docs.py`` keeps it in step) are both made from them. Descriptions wrap, so the list
reads at any size down to 40x12 and never scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["MOUSE", "BindingGroup", "HelpScreen", "key_groups", "key_rows", "key_table"]

BindingGroup = tuple[str, Sequence[BindingType]]
"""A heading and the bindings listed under it."""

MOUSE = (
    ("wheel", "Scroll the text or the topic list"),
    ("click", "Read a topic; follow a link"),
    ("drag", "Select text to copy"),
)
"""What the mouse does: not bindings, so listed here once."""


def key_groups(reader: Sequence[BindingType], app: Sequence[BindingType]) -> list[BindingGroup]:
    """Every key of the reader, grouped by where it works: the help's and the README's source."""
    from tui.screens.search import SearchScreen
    from tui.widgets import TopicList, TopicView

    return [
        ("Anywhere", [*reader, *app]),
        ("In the topic list", TopicList.BINDINGS),
        ("In the text", TopicView.BINDINGS),
        ("In the search dialog", SearchScreen.BINDINGS),
    ]


def allowed_groups(
    app: App[Any], reader: Sequence[BindingType], app_bindings: Sequence[BindingType]
) -> list[tuple[str, list[Binding]]]:
    """:func:`key_groups`, without the app's keys that ``app`` refuses now (as in kiosk mode)."""
    app_actions = {binding.action for binding in Binding.make_bindings(app_bindings)}

    def allowed(binding: Binding) -> bool:
        action = binding.action.removeprefix("app.")
        is_app = binding.action.startswith("app.") or action in app_actions
        return not is_app or bool(app.check_action(action, ()))

    groups = key_groups(reader, app_bindings)
    return [(heading, [b for b in Binding.make_bindings(keys) if allowed(b)]) for heading, keys in groups]


def key_rows(app: App[object], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """One (keys, explanation) row per description, in binding order; undescribed bindings skipped.

    The explanation is the binding's tooltip where it has one (the footer's label is terse).
    """
    rows: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.description:
            keys = rows.setdefault(binding.tooltip or binding.description, [])
            display = app.get_key_display(binding)
            if display not in keys:
                keys.append(display)
    return [(" ".join(keys), description) for description, keys in rows.items()]


def key_table(groups: Sequence[BindingGroup]) -> str:
    """The README's key table, in Markdown: the same rows as the help, with the keys' own names."""
    lines = ["| Keys | Where | What they do |", "|---|---|---|"]
    for heading, bindings in groups:
        rows: dict[str, list[str]] = {}
        for binding in Binding.make_bindings(bindings):
            if binding.description:
                keys = rows.setdefault(binding.tooltip or binding.description, [])
                if (name := f"`{_key_name(binding.key)}`") not in keys:  # "!" and "exclamation_mark"
                    keys.append(name)
        where = heading.removeprefix("In the ").lower()
        lines += [f"| {' '.join(keys)} | {where} | {what} |" for what, keys in rows.items()]
    lines += [f"| {keys} | mouse | {what} |" for keys, what in MOUSE]
    return "\n".join(lines) + "\n"


def _key_name(key: str) -> str:
    """A key as a reader types it: ``?`` for ``question_mark``, but ``space`` and ``tab`` by name."""
    character = "/" if key == "slash" else key_to_character(key) if len(key) > 1 else key
    return character if character and character.isprintable() and not character.isspace() else key


class HelpScreen(ModalScreen[None]):
    """Lists every key of the reader, grouped where it works, then what the mouse does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", tooltip="Close this list"),
        Binding("down,j", "scroll(1)", "Down", show=False),
        Binding("up,k", "scroll(-1)", "Up", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 80;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
            overflow-x: hidden;
        }
        & .note { color: $text-muted; }
        & .group { text-style: bold; color: $text-primary; margin-top: 1; }
    }
    """

    def __init__(self, groups: Sequence[BindingGroup]) -> None:
        super().__init__()
        self.groups = groups
        self.rows: dict[str, list[tuple[str, str]]] = {}
        """What the list shows: under each heading, (keys, what they do) rows."""

    def compose(self) -> ComposeResult:
        self.rows = {heading: key_rows(self.app, bindings) for heading, bindings in self.groups}
        self.rows["Mouse"] = list(MOUSE)
        with VerticalScroll() as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield Static(Content("Every key of the reader; Esc closes this list."), classes="note")
            for heading, rows in self.rows.items():
                yield Static(Content(heading), classes="group")
                yield Static(_table(rows))

    def action_scroll(self, direction: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=direction, animate=False)


def _table(rows: Iterable[tuple[str, str]]) -> Table:
    """Keys on the left, what they do on the right; the descriptions wrap at word boundaries."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(ratio=2, overflow="fold", style="bold")
    table.add_column(ratio=5, overflow="fold")
    for keys, description in rows:
        table.add_row(Text(keys), Text(description))
    return table
