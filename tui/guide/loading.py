"""Read the guide to show in a thread, while the app's modules are being imported.

Reading the guide file, hashing it and reading its cache entry let go of the interpreter lock, so
they run beside the imports of Textual instead of before them: about 15 ms sooner to first paint
with a guide of 10,000 topics. On a cache hit the thread imports nothing (this module imports what
it needs first); on a miss, parsing imports the loader's modules and PyYAML, which share no import
cycle with Textual's, so Python's per-module import locks keep the two threads apart safely.

A guide given as a pipe (``--content <(command)``) is read here to its end, within
:data:`tui.guide.loader.PIPE_SECONDS`, so the wait for :meth:`GuideLoading.result` always ends.
"""

from __future__ import annotations

import threading
from pathlib import Path

from tui.guide.cache import GuideCache, load_guide_cached
from tui.guide.loader import paused
from tui.guide.model import Guide

__all__ = ["GuideLoading"]

STACK_BYTES = 8 * 1024 * 1024
"""The reading thread's stack, as large as the main thread's on Linux. A deeply nested (damaged or
planted) cache entry then ends in a RecursionError, which the cache treats as a miss, instead of
overflowing a small default thread stack (musl's is 128 KiB) and crashing the process."""


class GuideLoading:
    """Loads ``path``, through ``cache`` when there is one, in a thread that starts at once."""

    def __init__(self, path: Path, cache: GuideCache | None) -> None:
        self._path, self._cache = path, cache
        self._guide: Guide | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="read the guide", daemon=True)
        previous = threading.stack_size(STACK_BYTES)  # for the threads started from now on
        try:
            self._thread.start()
        finally:
            threading.stack_size(previous)

    def _load(self) -> None:
        try:
            with paused():  # the guide is made to last: collecting while it is read frees nothing
                self._guide = load_guide_cached(self._path, self._cache)
        except BaseException as error:  # handed over to the caller by result()
            self._error = error

    def result(self) -> Guide:
        """The guide, once read; raises what reading it raised (a ContentError for a bad file)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._guide is not None
        return self._guide
