"""The reader with one speed mechanism turned off, to measure what it buys; the app itself has no switch.

Each variant is a monkeypatch, made from the bench and never from ``tui/``:

* ``Markdown first frame``: the first frame is laid out by Rich's Markdown, imported before it, instead of
  as plain text (``plain_lines`` in ``tui/widgets/text/markdown_styles.py``);
* ``no GC pause``: the collector runs while the guide is read and parsed and the app is made, and
  nothing is set aside before the app runs (every ``paused()`` and ``set_aside()`` of ``tui/cli.py`` and
  ``tui/guide/loader.py`` does nothing);
* ``no freeze``: :func:`tui.memory.settle` does nothing, so nothing is frozen out of the collector's
  rounds after the first frame;
* ``no cutter``: a long part is laid out whole, not cut between blocks (``markdown_blocks.split_blocks``).

``keys.py`` applies one by name (:func:`apply`); for start-up, ``python bench/variants.py NAME [ARGS...]``
runs the command line (``ketamine-tui ARGS...``) with it, or with none for the name ``none``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["VARIANTS", "apply", "main"]


def _markdown_first_frame() -> None:
    import tui.cli

    read = tui.cli._read

    def markdown_then_read(*args: Any) -> Any:
        # Patched once the app's modules are imported, so that the imports keep their order.
        from tui.widgets.text.engine import PageEngine

        init = PageEngine.__init__

        def with_markdown(self: PageEngine, *a: Any) -> None:
            init(self, *a)
            self._load_markdown()  # the engine lays a page out as plain text only until it has this

        PageEngine.__init__ = with_markdown  # type: ignore[method-assign]
        return read(*args)

    tui.cli._read = markdown_then_read


def _no_gc_pause() -> None:
    from contextlib import nullcontext

    import tui.cli
    from tui.guide import loader

    tui.cli.paused = loader.paused = nullcontext  # type: ignore[assignment]
    tui.cli.set_aside = lambda: None


def _no_freeze() -> None:
    import tui.app

    tui.app.settle = lambda: None


def _no_cutter() -> None:
    from tui.widgets.text import page_layout

    page_layout.split_blocks = lambda markdown, budget=0: (markdown,)  # type: ignore[assignment]


VARIANTS: dict[str, Callable[[], None]] = {
    "Markdown first frame": _markdown_first_frame,
    "no GC pause": _no_gc_pause,
    "no freeze": _no_freeze,
    "no cutter": _no_cutter,
}


def apply(name: str) -> None:
    """Turn off the mechanism that the variant ``name`` names (``""`` or ``"none"``: nothing)."""
    if name not in ("", "none"):
        VARIANTS[name]()


def main(argv: list[str]) -> int:
    """``variants.py NAME [ARGS...]``: the command line with the variant ``NAME``."""
    apply(argv[0])
    from tui.cli import run

    return run(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
