"""The README's key table and the in-app help come from the same bindings: keep them in step."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from tui.app import GuideApp
from tui.screens import ReaderScreen
from tui.widgets import TopicList, TopicView

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
KEY_NAMES = {"question_mark": "?", "slash": "/"}


def readme_rows() -> dict[str, str]:
    """Explanation -> keys cell, from the README's key table."""
    rows = re.findall(r"^\| (.+?) \| (?:anywhere|topic list|text) \| (.+?) \|$", README, re.MULTILINE)
    return {explanation: keys for keys, explanation in rows}


def test_every_binding_is_in_the_readme_with_its_keys() -> None:
    rows = readme_rows()
    bindings = [*ReaderScreen.BINDINGS, *GuideApp.BINDINGS, *TopicList.BINDINGS, *TopicView.BINDINGS]
    described = [b for b in Binding.make_bindings(bindings) if b.description]
    assert len(described) > 20
    for binding in described:
        explanation = binding.tooltip or binding.description
        assert explanation in rows, f"README lacks a row for {explanation!r}"
        keys = rows[explanation]
        key = KEY_NAMES.get(binding.key, binding.key)
        assert f"`{key}`" in keys or (key.isdigit() and "`1` … `9`" in keys), (key, keys)


def test_readme_lists_no_key_the_app_lacks() -> None:
    bindings = [*ReaderScreen.BINDINGS, *GuideApp.BINDINGS, *TopicList.BINDINGS, *TopicView.BINDINGS]
    explanations = {b.tooltip or b.description for b in Binding.make_bindings(bindings)}
    assert set(readme_rows()) <= explanations
