"""A cache of validated guides, so that a large guide opens at once the second time.

An entry is named by the SHA-256 of the file's bytes and holds the guide as plain JSON lists
(:mod:`tui.guide.codec`, derived from the model): JSON can only make strings, numbers and containers,
and allocates no more than the file holds (marshal and pickle can do worse). An entry is used only if
it was written by the same loader (a hash of the modules of ``tui.guide``, and of PyYAML's version and
binding) for the same bytes, and if the guide rebuilt from it keeps the rules that the schema checks
too (:func:`tui.guide.rules.validate`: types, control characters, ids and citations, ranges).
Anything else, including a damaged or foreign file, is ignored (and removed), and the guide is
loaded afresh; an entry that is not a regular file, or larger than :func:`entry_limit`, is not even
read. Writes are atomic and the folder is private to the user. A cache that cannot be written is
simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from functools import cache
from importlib.machinery import PathFinder
from pathlib import Path

from tui.guide.codec import decode, encode
from tui.guide.loader import parse_guide, read_guide_bytes
from tui.guide.model import Guide
from tui.guide.rules import validate
from tui.store.files import FileTooLarge, NotARegularFile, read_regular_file, write_atomically

__all__ = ["KEEP", "STALE_SECONDS", "GuideCache", "entry_limit", "load_guide_cached"]

KEEP = 4
"""How many cached guides to keep; the least recently written go first."""

STALE_SECONDS = 3600
"""Age after which a temporary file left by a cut-short write is removed."""

_FORMAT = "ketamine-tui guide cache 2"


def entry_limit(size: int) -> int:
    """The largest entry read for a file of ``size`` bytes; a larger one is damaged or planted.

    JSON writes each character of a text in at most three times the bytes that YAML needs for it (an
    ``é`` of two bytes as ``\\u00e9``, an emoji of four as two such escapes, a quote as ``\\"``); four
    times the file, and 1 MiB for what does not grow with it, is enough for any valid guide."""
    return 4 * size + 1024 * 1024


@cache
def _loader_stamp() -> str:
    """What changes when the code that reads, checks or stores a guide changes: a hash of every module
    of this package (named and read: a module added or removed counts too), and of PyYAML's version
    (its ``__init__.py``) and libyaml binding (name and size)."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(f"{module.name} {module.stat().st_size}\n".encode())
        digest.update(module.read_bytes())
    # Found, not imported: a guide read from the cache needs no YAML (7 ms of imports).
    spec = PathFinder.find_spec("yaml")
    if spec is not None and spec.origin is not None:
        package = Path(spec.origin)
        digest.update(package.read_bytes())
        for binding in sorted(package.parent.glob("_yaml*")):
            digest.update(f"{binding.name} {binding.stat().st_size}".encode())
    return digest.hexdigest()


class GuideCache:
    """Guides validated before, by the SHA-256 of their file's bytes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, digest: str) -> Path:
        return self.directory / f"{digest}.guide"

    def get(self, data: bytes) -> Guide | None:
        """The guide these bytes were validated into before, or None."""
        digest = hashlib.sha256(data).hexdigest()
        path = self._path(digest)
        try:
            # Not path.read_bytes(): a planted FIFO would block the start, a planted 5 GB file fill memory.
            raw = read_regular_file(path, entry_limit(len(data)))
        except (NotARegularFile, FileTooLarge):
            raw = b""  # not an entry: removed below
        except OSError:
            return None
        try:
            header, stamp, stored_digest, body = json.loads(raw)
            if (header, stamp, stored_digest) != (_FORMAT, _loader_stamp(), digest):
                return None
            guide = decode(body, Guide)
            broken = validate(guide)
        # The cache is only a speed-up, so any failure to read an entry back (damaged, foreign or
        # planted: ValueError, TypeError, OverflowError, RecursionError...) means "load afresh".
        except Exception:
            broken = ["not an entry this cache can read"]
        if broken:
            with contextlib.suppress(OSError):  # a read-only cache keeps its bad entry, unused
                path.unlink(missing_ok=True)
            return None
        return guide

    def put(self, data: bytes, guide: Guide) -> None:
        """Remember the guide for these bytes; failures are ignored (the cache is only a speed-up)."""
        digest = hashlib.sha256(data).hexdigest()
        try:
            entry = json.dumps((_FORMAT, _loader_stamp(), digest, encode(guide))).encode()
            write_atomically(self._path(digest), entry, prefix=".entry-", folder_mode=0o700)
            self._prune()
        except OSError:
            pass  # a read-only or full disk, or no loader source to stamp: only not faster next time

    def _prune(self) -> None:
        entries = sorted(self.directory.glob("*.guide"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
        # A write cut short (the process killed half-way) leaves its temporary file behind; one
        # that is an hour old is no other process's write in progress.
        stale = time.time() - STALE_SECONDS
        for temporary in self.directory.glob(".entry-*.tmp"):
            with contextlib.suppress(OSError):  # another process may remove it first
                if temporary.stat().st_mtime < stale:
                    temporary.unlink()


def load_guide_cached(path: str | Path, cache: GuideCache | None) -> Guide:
    """Like :func:`tui.guide.load_guide`, answered from ``cache`` when the same bytes were seen."""
    data = read_guide_bytes(path)
    if cache is None:
        return parse_guide(data, str(path))
    guide = cache.get(data)
    if guide is None:
        guide = parse_guide(data, str(path))  # raises ContentError: nothing is cached then
        cache.put(data, guide)
    return guide
