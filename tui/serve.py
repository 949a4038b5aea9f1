"""``ketamine-tui serve``: the guide in web browsers, through textual-serve, with no internet needed.

Each browser tab gets its own app process (``python -m tui ...``, about 40 MiB). The server binds
127.0.0.1 unless told otherwise, serves a page with no outside URL (``serve_page.html``, using the
fonts bundled in textual-serve), refuses websockets from other origins (403) and past
``--max-sessions`` (503), and clamps the terminal size a browser asks for.

This module holds the command-line glue and the pure policy (no textual-serve import at the top,
so a missing extra gives a one-line message); the server itself is in :mod:`tui.serve_server`.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.options import ExitCode, Options, theme_problem

if TYPE_CHECKING:
    from tui.guide import Guide
    from tui.serve_server import GuideServer

__all__ = [
    "HEIGHT_RANGE",
    "WIDTH_RANGE",
    "build_command",
    "clamp_size",
    "make_server",
    "origin_allowed",
    "serve_guide",
    "trusted_host",
]

WIDTH_RANGE = (10, 500)
"""Columns a browser may ask for; anything outside is clamped."""
HEIGHT_RANGE = (5, 200)
"""Rows a browser may ask for; anything outside is clamped."""
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})
"""Host values that mean every interface of this machine."""


def build_command(
    path: Path, *, present: bool, kiosk: bool, exit_key: str = "ctrl+o", theme: str | None = None
) -> str:
    """The shell command each session runs; every value is quoted and none comes from a browser.

    ``--no-state`` starts every visitor at the first topic and saves nothing to the operator's
    state; ``--no-watch`` saves a file watcher per tab.
    """
    parts = [sys.executable, "-m", "tui", "--content", str(path.resolve()), "--no-watch", "--no-state"]
    if theme is not None:
        parts += ["--theme", theme]
    if kiosk:
        parts += ["--kiosk", "--exit-key", exit_key]
    if present:
        parts.append("present")
    return " ".join(shlex.quote(part) for part in parts)


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


def make_server(
    command: str, *, host: str = "127.0.0.1", port: int = 8000, max_sessions: int = 4, title: str = ""
) -> GuideServer:
    """The web server, not yet running (needs textual-serve)."""
    from tui.serve_server import GuideServer

    return GuideServer(command, host=host, port=port, max_sessions=max_sessions, title=title)


def serve_guide(options: Options, guide: Guide) -> ExitCode:
    """Serve ``guide`` (read from ``options.guide_path``) until Ctrl+C or SIGTERM; returns the exit status."""
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print("serving to browsers needs textual-serve: pip install 'ketamine-tui[serve]'", file=sys.stderr)
        return ExitCode.USAGE
    if (problem := _problem(options)) is not None:
        print(problem, file=sys.stderr)
        return ExitCode.USAGE
    command = build_command(
        options.guide_path,
        present=options.present,
        kiosk=options.kiosk,
        exit_key=options.exit_key,
        theme=options.theme,
    )
    server = make_server(
        command, host=options.host, port=options.port, max_sessions=options.max_sessions, title=guide.title
    )
    try:
        server.serve()
    except OSError as error:
        where = f"{options.host} port {options.port}"
        print(f"cannot listen on {where}: {error.strerror or error}", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.OK


def _problem(options: Options) -> str | None:
    if not 1 <= options.port <= 65_535:
        return f"--port {options.port}: use a port from 1 to 65535"
    if options.max_sessions < 1:
        return f"--max-sessions {options.max_sessions}: use 1 or more"
    return theme_problem(options.theme)
