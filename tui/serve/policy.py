"""The browser mirror's rules, as pure functions: the command each session runs, the terminal sizes
and font sizes a browser may ask for, and which Host names and Origins are this server's own.

No textual-serve or aiohttp import, so the rules can be tested without a server.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "HEIGHT_RANGE",
    "WIDTH_RANGE",
    "WILDCARD_HOSTS",
    "build_command",
    "clamp_font_size",
    "clamp_size",
    "origin_allowed",
    "show_arguments",
    "trusted_host",
]

WIDTH_RANGE = (10, 500)
"""Columns a browser may ask for; anything outside is clamped."""
HEIGHT_RANGE = (5, 200)
"""Rows a browser may ask for; anything outside is clamped."""
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})
"""Host values that mean every interface of this machine."""


def build_command(
    path: Path,
    *,
    present: bool,
    kiosk: bool,
    exit_key: str | None = None,
    theme: str | None = None,
    show: Sequence[str] = (),
) -> str:
    """The shell command each session runs; every value is quoted and none comes from a browser.

    ``--no-state`` starts every visitor at the first topic and saves nothing to the operator's
    state (nor the booth's records, which one process keeps, not one per tab); ``--no-watch`` saves a
    file watcher per tab. ``show`` holds the show's own options (see :func:`show_arguments`).
    """
    parts = [sys.executable, "-m", "tui", "--content", str(path.resolve()), "--no-watch", "--no-state"]
    if theme is not None:
        parts += ["--theme", theme]
    if kiosk:
        if exit_key is None:
            raise ValueError("a kiosk needs an exit key")
        parts += ["--kiosk", "--exit-key", exit_key]
    if present:
        parts += ["present", *show]
    return " ".join(shlex.quote(part) for part in parts)


def show_arguments(
    interval: float, idle: float, wpm: float, hours: str | None = None, takeaway: str | None = None
) -> list[str]:
    """The ``present`` options for each session of ``serve --present``, from the operator's."""
    arguments = ["--interval", f"{interval:g}", "--idle", f"{idle:g}", "--wpm", f"{wpm:g}"]
    if hours is not None:
        arguments += ["--hours", hours]
    if takeaway is not None:
        arguments += ["--takeaway", takeaway]
    return arguments


def _to_int(value: object, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str | float) and not isinstance(value, bool):
        try:
            return int(value)
        except (ValueError, OverflowError):
            return default
    return default


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size from untrusted input: integers (or their text) clamped to sane bounds."""
    (low_w, high_w), (low_h, high_h) = WIDTH_RANGE, HEIGHT_RANGE
    return min(max(_to_int(width, 80), low_w), high_w), min(max(_to_int(height, 24), low_h), high_h)


def clamp_font_size(text: str | None) -> int:
    """The page's ``?fontsize=`` parameter, clamped to 6..64 (default 16)."""
    return min(max(_to_int(text, 16), 6), 64)


def trusted_host(name: str | None, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a Host header's name can only be this server, not a rebound domain.

    IP literals, ``localhost``, this machine's own name (also with ``.local``) and ``extra`` pass;
    any other name could be an outside domain pointed at this machine (DNS rebinding).
    """
    if not name:
        return False
    name = name.strip("[]").lower()
    try:
        ipaddress.ip_address(name)
    except ValueError:
        own = socket.gethostname().lower()
        return name in {"localhost", own, f"{own}.local"} | {item.lower() for item in extra}
    return True


def _endpoint(url: str, default_scheme: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin or ``//host:port``, or None if it does not parse."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme or default_scheme
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        return None
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port


def origin_allowed(origin: str | None, scheme: str, host: str, extra: frozenset[str] = frozenset()) -> bool:
    """True when a websocket's Origin is exactly this server, as reached at ``scheme://host``."""
    if not origin:
        return False
    own = _endpoint(f"//{host}", scheme)
    return own is not None and _endpoint(origin, "") == own and trusted_host(own[1], extra)
