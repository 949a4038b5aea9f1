"""The command line: parse arguments, load the guide, then run the reader or a subcommand.

The App never reads ``sys.argv``; everything it needs is passed in here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.guide import ContentError, Guide, default_guide_path, load_guide
from tui.memory import paused, set_aside

if TYPE_CHECKING:
    from textual.app import App

    from tui.guide.loading import GuideLoading

__all__ = ["build_parser", "main", "run", "summarize"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_CRASH = 0, 1, 2, 3
"""``check`` exits 1 on invalid content; the reader exits 2 when it cannot start, 3 after a crash."""


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
    """The argument parser, shared by the CLI and its tests."""
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
        help="remember nothing: start at the first topic, save no reading place or theme, and leave "
        "the cache folder (checked guides) alone",
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
        default="ctrl+o",
        metavar="KEY",
        help="in kiosk mode, the key the operator presses three times to exit (default: ctrl+o)",
    )
    parser.add_argument("--theme", metavar="NAME", help="colour theme, for example textual-light (t cycles)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate guide files and print a summary",
        description="Validate guide files. Prints every problem as path:line:column: message "
        "and exits 1, or prints a one-line summary per file and exits 0.",
    )
    check.add_argument(
        "files", nargs="*", metavar="FILE", type=Path, help="files to check (default: the built-in guide)"
    )
    present = commands.add_parser(
        "present",
        help="run the guide as a self-running show for an event booth",
        description="Show an attract screen, then play the topics one after another and loop. "
        "Any key hands the reader to a visitor; after --idle seconds without input the show resumes.",
    )
    present.add_argument("--interval", type=_seconds, default=20.0, metavar="SECONDS", help="default: 20")
    present.add_argument("--idle", type=_seconds, default=60.0, metavar="SECONDS", help="default: 60")
    _repeat_shared_options(present, "show this guide file")
    serve = commands.add_parser(
        "serve",
        help="serve the guide to web browsers on this network (needs the [serve] extra)",
        description="Run the guide in browsers through textual-serve, with no internet needed. "
        "Binds 127.0.0.1 unless --host says otherwise; each browser tab is one app process.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--present", action="store_true", help="serve presentation mode instead of the reader")
    serve.add_argument(
        "--max-sessions", type=int, default=4, metavar="N", help="most browser sessions at once (default: 4)"
    )
    _repeat_shared_options(serve, "serve this guide file")
    export = commands.add_parser(
        "export",
        help="write the whole guide as a handout (HTML, Markdown or plain text)",
        description="Write the whole guide for printing or sharing: self-contained HTML, Markdown, "
        "or plain text wrapped to 80 columns. Uses --content if given, else the built-in guide.",
    )
    export.add_argument("--format", choices=("html", "md", "txt"), default="html", help="default: html")
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here instead of standard output"
    )
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
        "--exit-key", metavar="KEY", default=argparse.SUPPRESS, help="kiosk exit key (default: ctrl+o)"
    )


def _seconds(text: str) -> float:
    """A positive number of seconds, for argparse."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError("use a number of seconds between 0 and 86400")
    return value


def summarize(guide: Guide) -> str:
    """Counts for ``check``: topics, sections, words and sources."""
    sections = sum(len(topic.sections) for topic in guide.topics)
    texts = [guide.title, guide.subtitle, guide.disclaimer]
    for topic in guide.topics:
        texts += [topic.title, topic.summary]
        texts += [part for section in topic.sections for part in (section.title, section.body)]
    words = sum(len(text.split()) for text in texts)
    return f"{len(guide.topics)} topics, {sections} sections, {words:,} words, {len(guide.sources)} sources"


def _check(files: Sequence[Path]) -> int:
    status = EXIT_OK
    for path in files or [default_guide_path()]:
        try:
            guide = load_guide(path)
        except ContentError as error:
            print(error, file=sys.stderr)
            status = EXIT_INVALID
        else:
            print(f"{path}: OK: {summarize(guide)}")
    return status


def _export(guide: Guide, fmt: str, output: Path | None) -> int:
    from tui.export import export_guide

    text = export_guide(guide, fmt)
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{output}: cannot write: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{output}: wrote the guide as {fmt}", file=sys.stderr)
    return EXIT_OK


def run(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ketamine-tui`` command; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return _check(args.files)
    loading = _start_loading(args)
    if args.command in (None, "present"):
        import tui.app  # noqa: F401  (Textual and the app's modules, imported while the guide is read)
    try:
        guide = loading.result()
    except ContentError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    if args.command == "export":
        return _export(guide, args.format, args.output)
    if args.command == "serve":
        from tui.serve import serve_guide

        return serve_guide(args, args.content or default_guide_path())
    if args.command == "present":
        from tui.present import PresentApp

        with paused():
            show = PresentApp(
                guide, interval=args.interval, idle=args.idle, kiosk=args.kiosk, exit_key=args.exit_key
            )
        return _run_app(show, kiosk=args.kiosk)
    path = args.content or default_guide_path()
    return _read(guide, path, args)


def _start_loading(args: argparse.Namespace) -> GuideLoading:
    """The guide to show, read in a thread: from the cache of validated guides, unless told to remember
    nothing."""
    from tui.guide.cache import GuideCache
    from tui.guide.loading import GuideLoading
    from tui.store.files import default_cache_dir

    use_cache = args.command != "export" and not args.no_state
    cache = GuideCache(default_cache_dir()) if use_cache else None
    return GuideLoading(args.content or default_guide_path(), cache)


def _read(guide: Guide, path: Path, args: argparse.Namespace) -> int:
    from textual.theme import BUILTIN_THEMES  # deferred: `check` and `--help` need no Textual

    from tui.app import GuideApp
    from tui.store.files import default_state_dir
    from tui.store.state import StateStore

    if args.theme is not None and args.theme not in BUILTIN_THEMES:
        themes = ", ".join(sorted(BUILTIN_THEMES))
        print(f"unknown theme {args.theme!r}; choose one of: {themes}", file=sys.stderr)
        return EXIT_USAGE
    watch = args.content is not None if args.watch is None else args.watch
    with paused():  # its pages, one per topic, last as long as the app
        app = GuideApp(
            guide,
            guide_key=str(path.resolve()),
            state=None if args.no_state else StateStore(default_state_dir()).load(),
            fresh=args.fresh,
            theme=args.theme,
            watch=path if watch else None,
            kiosk=args.kiosk,
            exit_key=args.exit_key,
        )
    return _run_app(app, kiosk=args.kiosk)


def _run_app(app: App[None], *, kiosk: bool) -> int:
    """Run an app; an unexpected error's traceback goes to the crash log, and the exit status is 3."""
    from tui.store.crashlog import CrashLog
    from tui.store.files import default_state_dir

    log = CrashLog(default_state_dir() / "crash.log")
    app.error_console = log.console()
    # The guide and pages live as long as the app: out of the collector's rounds from the start. They
    # were made with the collector paused, so there is no garbage among them to collect first.
    set_aside()
    try:
        app.run()
    finally:
        log.close()
    if log.written:
        if not kiosk:
            print(
                f"ketamine-tui stopped on an unexpected error; the details are in {log.path}", file=sys.stderr
            )
        return EXIT_CRASH
    return app.return_code or 0


def main() -> None:
    """Console-script wrapper."""
    sys.exit(run())
