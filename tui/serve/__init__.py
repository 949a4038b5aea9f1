"""``ketamine-tui serve``: the guide in web browsers, through textual-serve, with no internet needed.

Each browser tab gets its own app process (``python -m tui ...``, about 40 MiB). The server binds
127.0.0.1 unless told otherwise, serves a page with no outside URL (``page.html``, using the fonts
bundled in textual-serve), refuses websockets from other origins (403) and past ``--max-sessions``
(503), and clamps the terminal size a browser asks for.

This module is the command's glue: it checks the options and starts the server, and imports
textual-serve only then, so a missing extra gives a one-line message. The rules are in
:mod:`tui.serve.policy` (pure), the server in :mod:`tui.serve.server`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tui.options import ExitCode, Options, theme_problem
from tui.serve.policy import (
    HEIGHT_RANGE,
    WIDTH_RANGE,
    build_command,
    clamp_size,
    origin_allowed,
    show_arguments,
    trusted_host,
)

if TYPE_CHECKING:
    from tui.guide import Guide
    from tui.serve.server import GuideServer

__all__ = [
    "HEIGHT_RANGE",
    "WIDTH_RANGE",
    "build_command",
    "clamp_size",
    "make_server",
    "origin_allowed",
    "serve_guide",
    "show_arguments",
    "trusted_host",
]


def make_server(
    command: str, *, host: str = "127.0.0.1", port: int = 8000, max_sessions: int = 4, title: str = ""
) -> GuideServer:
    """The web server, not yet running (needs textual-serve)."""
    from tui.serve.server import GuideServer

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
        show=show_arguments(
            options.interval,
            options.idle,
            options.wpm,
            None if options.hours is None else str(options.hours),
            options.takeaway,
        ),
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
