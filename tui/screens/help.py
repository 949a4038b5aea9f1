"""The help screen: a table of keys generated from the bindings themselves, never written twice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

__all__ = ["BindingGroup", "HelpScreen", "key_rows"]

BindingGroup = tuple[str, Sequence[BindingType]]
"""A heading and the bindings listed under it."""


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


class HelpScreen(ModalScreen[None]):
    """Lists every key of the reader, grouped where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", show=True),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > Vertical {
            width: 80;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
        }
        & Static {
            width: 100%;
            color: $text-muted;
        }
        & DataTable {
            width: 100%;
            height: auto;
            max-height: 100%;
            background: $surface;
        }
    }
    """

    def __init__(self, groups: Sequence[BindingGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Keys"
            yield Static(Content("Esc closes this help. The mouse works too."))
            yield DataTable(cursor_type="none", zebra_stripes=True, show_header=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "Does")
        for heading, bindings in self.groups:
            for keys, description in key_rows(self.app, bindings):
                table.add_row(Text(heading, style="italic"), Text(keys, style="bold"), Text(description))
                heading = ""
