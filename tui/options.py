"""The command line's words: the argument parser, the typed :class:`Options` it gives, and the exit statuses.

Shared by the CLI and the browser mirror, which both read :class:`Options` and return an
:class:`ExitCode`. No Textual imports, but for the theme names, looked up only when a theme is given.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from tui.guide import default_guide_path
from tui.hours import OpeningHours
from tui.kiosk import exit_key_problem
from tui.options_authoring import add_authoring_commands, content_after_every_command
from tui.pacing import DEFAULT_WPM
from tui.show_options import IDLE, INTERVAL, add_records_commands, add_show_options

__all__ = ["ExitCode", "Options", "build_parser", "parse_options", "theme_problem", "usage_problem"]


class ExitCode(IntEnum):
    """The process's exit status (see the README's "Exit status")."""

    OK = 0
    INVALID = 1
    """``check`` found problems in a content file."""
    USAGE = 2
    """The app could not start: a missing or invalid content file, a bad option or theme."""
    CRASH = 3
    """An unexpected error; its traceback is in the crash log."""


@dataclass(frozen=True)
class Options:
    """What the command line asked for. A field that a command does not take keeps its default."""

    command: str | None = None
    """``check``, ``new``, ``schema``, ``present``, ``serve`` or ``export``; ``None`` opens the reader."""
    content: Path | None = None
    """The guide file given with ``--content``; ``None`` means the built-in guide."""
    fresh: bool = False
    no_state: bool = False
    watch: bool | None = None
    """``--watch`` or ``--no-watch``; ``None`` when neither was given."""
    kiosk: bool = False
    exit_key: str | None = None
    """The operator's exit key; ``--kiosk`` needs one (see :func:`usage_problem`)."""
    theme: str | None = None
    files: tuple[Path, ...] = ()
    """The files to ``check``, or the one that ``new`` writes."""
    interval: float = INTERVAL
    idle: float = IDLE
    wpm: float = DEFAULT_WPM
    """The show's reading speed, in words a minute."""
    hours: OpeningHours | None = None
    takeaway: str | None = None
    """An address for the attract screen's QR code."""
    csv: bool = False
    """``stats --csv``."""
    host: str = "127.0.0.1"
    port: int = 8000
    present: bool = False
    """``serve --present``: serve the show instead of the reader."""
    max_sessions: int = 4
    format: str = "html"
    """The ``export`` format: ``html``, ``md`` or ``txt``."""
    output: Path | None = None
    """Where ``export`` or ``schema`` writes; ``None`` means standard output."""

    @property
    def guide_path(self) -> Path:
        """The guide file to open: ``--content``, else the built-in guide."""
        return self.content or default_guide_path()

    @property
    def watching(self) -> bool:
        """Whether the reader reloads its file when it changes: by default only a ``--content`` file."""
        return self.content is not None if self.watch is None else self.watch


_DEFAULT = Options()


def parse_options(argv: Sequence[str] | None = None) -> Options:
    """The options in ``argv`` (``sys.argv`` when ``None``); exits 2 on a usage error, as argparse does."""
    given = vars(build_parser().parse_args(argv))
    if "files" in given:
        files = given["files"]
        given["files"] = () if files is None else (files,) if isinstance(files, Path) else tuple(files)
    names = {field.name for field in dataclasses.fields(Options)}
    return Options(**{name: value for name, value in given.items() if name in names})


def theme_problem(theme: str | None) -> str | None:
    """Why ``theme`` cannot be used, or ``None`` when it can (or none was given)."""
    if theme is None:
        return None
    from textual.theme import BUILTIN_THEMES  # deferred: `check` and `--help` need no Textual

    if theme in BUILTIN_THEMES:
        return None
    return f"unknown theme {theme!r}; choose one of: {', '.join(sorted(BUILTIN_THEMES))}"


def usage_problem(options: Options) -> str | None:
    """Why the command cannot run as asked: ``--kiosk`` without an exit key of the operator's own, or
    the show's options given to ``serve`` without ``--present`` (the reader would ignore them)."""
    if options.kiosk and options.exit_key is None:
        return "--kiosk needs --exit-key KEY, a key of your own that visitors do not know (see README)"
    show = (options.interval, options.idle, options.wpm, options.hours, options.takeaway)
    if (
        options.command == "serve"
        and not options.present
        and show != (INTERVAL, IDLE, DEFAULT_WPM, None, None)
    ):
        return "serve: --interval, --idle, --wpm, --hours and --takeaway are for the show; add --present"
    return None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # only for --version: 10 ms at start-up

    try:
        return version("ketamine-tui")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``: looks the version up only when asked."""

    def __init__(
        self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object
    ) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; its defaults are :class:`Options`'."""
    parser = argparse.ArgumentParser(
        prog="ketamine-tui",
        description="Read an evidence-based guide to ketamine therapy in the terminal. "
        "Educational information only, not medical advice.",
        epilog="Keys: press ? in the app for the full list. With no FILE, the built-in guide is used.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--content", metavar="FILE", type=Path, help="open this guide file instead of the built-in one"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="start at the first topic instead of where you left off"
    )
    parser.add_argument(
        "--no-state",
        action="store_true",
        help="remember nothing: start at the first topic with the notice (disclaimer) shown, save no "
        "reading place or theme, and leave the cache folder (checked guides) alone",
    )
    parser.add_argument(
        "--watch",
        action=argparse.BooleanOptionalAction,
        help="reload the guide when its file changes (default: on with --content, off otherwise)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="lock the app for unattended use: no quitting, palette or screenshots (see README)",
    )
    parser.add_argument(
        "--exit-key",
        type=_exit_key,
        metavar="KEY",
        help="with --kiosk (required there): the key the operator presses three times to exit, "
        "ctrl+LETTER or f1 to f24",
    )
    parser.add_argument("--theme", metavar="NAME", help="colour theme, for example textual-light (t cycles)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_authoring_commands(commands)
    present = commands.add_parser(
        "present",
        help="run the guide as a self-running show for an event booth",
        description="Show an attract screen, then play the topics one after another and loop. "
        "Any key hands the reader to a visitor; after --idle seconds without input the show resumes.",
    )
    add_show_options(present)
    _repeat_shared_options(present, "show this guide file")
    serve = commands.add_parser(
        "serve",
        help="serve the guide to web browsers on this network (needs the [serve] extra)",
        description="Run the guide in browsers through textual-serve, with no internet needed. "
        "Binds 127.0.0.1 unless --host says otherwise; each browser tab is one app process.",
    )
    serve.add_argument("--host", default=_DEFAULT.host, help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=_DEFAULT.port, help="port (default: %(default)s)")
    serve.add_argument("--present", action="store_true", help="serve presentation mode instead of the reader")
    serve.add_argument(
        "--max-sessions",
        type=int,
        default=_DEFAULT.max_sessions,
        metavar="N",
        help="most browser sessions at once (default: %(default)s)",
    )
    add_show_options(serve)
    _repeat_shared_options(serve, "serve this guide file")
    add_records_commands(commands)
    export = commands.add_parser(
        "export",
        help="write the whole guide as a handout (HTML, Markdown or plain text)",
        description="Write the whole guide for printing or sharing: self-contained HTML, Markdown, "
        "or plain text wrapped to 80 columns. Uses --content if given, else the built-in guide.",
    )
    export.add_argument(
        "--format", choices=("html", "md", "txt"), default=_DEFAULT.format, help="default: %(default)s"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here instead of standard output"
    )
    content_after_every_command(commands)
    return parser


def _repeat_shared_options(command: argparse.ArgumentParser, content_help: str) -> None:
    """Accept --content, --kiosk and --exit-key after the command too, so both word orders work.

    SUPPRESS as the default leaves the value given before the command in place when one is not
    repeated after it.
    """
    command.add_argument("--content", metavar="FILE", type=Path, default=argparse.SUPPRESS, help=content_help)
    command.add_argument(
        "--kiosk", action="store_true", default=argparse.SUPPRESS, help="lock it (see README)"
    )
    command.add_argument(
        "--exit-key", type=_exit_key, metavar="KEY", default=argparse.SUPPRESS, help="kiosk exit key"
    )


def _exit_key(text: str) -> str:
    """An exit key the app can count (see :func:`tui.kiosk.exit_key_problem`), for argparse."""
    if (problem := exit_key_problem(text)) is not None:
        raise argparse.ArgumentTypeError(problem)
    return text
