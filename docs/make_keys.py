"""Write the README's key table from the bindings: ``.venv/bin/python docs/make_keys.py``.

The table sits between the ``keys:begin`` and ``keys:end`` comments; ``tests/test_docs.py`` fails when it
differs from what this writes.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.app import GuideApp
from tui.screens.help import key_groups, key_table
from tui.screens.reader import ReaderScreen

README = Path(__file__).resolve().parent.parent / "README.md"
REGION = re.compile(r"(<!-- keys:begin[^>]*-->\n).*?(<!-- keys:end -->)", re.DOTALL)


def table() -> str:
    """The key table, as the README holds it."""
    return key_table(key_groups(ReaderScreen.BINDINGS, GuideApp.BINDINGS))


def main() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(REGION.sub(lambda m: m.group(1) + table() + m.group(2), text), encoding="utf-8")


if __name__ == "__main__":
    main()
