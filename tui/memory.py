"""Keep the garbage collector away from what lives as long as the app.

The guide, its pages, the search index and the screen's widgets are made once and kept. Left to
itself, the collector walks all of them again at every full collection: tens of milliseconds, now and
then in the middle of a key press, on a guide of 10,000 topics. :func:`settle` collects once and then
freezes everything alive (``gc.freeze``), so later collections skip it; objects that die later are
still freed by reference counting. :func:`release` undoes it, so that an app that ends inside a longer-
lived process (the tests) leaves nothing behind for good.

The command line reads the guide and makes the app with the collector :func:`paused` (its rounds
would find nothing to free among those objects, and cost about 60 ms with 10,000 topics), then sets
them aside (:func:`set_aside`) without a collection before the app starts. The pause is the guide
loader's own (:func:`tui.guide.loader.paused`), which depends on nothing of the app.
"""

from __future__ import annotations

import gc

from tui.guide.loader import paused

__all__ = ["paused", "release", "set_aside", "settle"]


def set_aside() -> None:
    """Keep everything alive now out of later collections, without collecting first."""
    gc.freeze()


def settle() -> None:
    """Collect now, then keep everything still alive out of later collections."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """Let the collector see everything that :func:`settle` set aside again."""
    gc.unfreeze()
