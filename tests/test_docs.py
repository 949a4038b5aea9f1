"""The README's key table and the in-app help come from the same bindings: keep them in step."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from textual.binding import Binding

from tui.app import GuideApp
from tui.screens import ReaderScreen
from tui.screens.help import key_groups, key_table

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _make_keys_table() -> str:
    spec = importlib.util.spec_from_file_location("make_keys", ROOT / "docs" / "make_keys.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table: str = module.table()
    return table


def test_the_readme_key_table_is_the_one_made_from_the_bindings() -> None:
    """Run ``docs/make_keys.py`` after changing a binding."""
    region = re.search(r"<!-- keys:begin[^>]*-->\n(.*?)<!-- keys:end -->", README, re.DOTALL)
    assert region is not None, "the README has lost its key table's markers"
    assert region.group(1) == _make_keys_table()


def test_every_described_binding_has_a_row_with_its_keys() -> None:
    table = key_table(key_groups(ReaderScreen.BINDINGS, GuideApp.BINDINGS))
    groups = key_groups(ReaderScreen.BINDINGS, GuideApp.BINDINGS)
    described = [b for _, bindings in groups for b in Binding.make_bindings(bindings) if b.description]
    assert len(described) > 30
    for binding in described:
        explanation = binding.tooltip or binding.description
        row = next((line for line in table.splitlines() if line.endswith(f"| {explanation} |")), None)
        assert row is not None, f"no row for {explanation!r}"
        assert row.count("`") >= 2, row
