"""The command line: parse the options, load the guide once, then run the reader or a subcommand.

The App never reads ``sys.argv``; everything it needs is passed in here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.authoring import AUTHORING_COMMANDS, run_authoring, summarize
from tui.guide import ContentError, Guide
from tui.guide.controls import printable
from tui.memory import paused, set_aside
from tui.options import ExitCode, Options, parse_options, theme_problem, usage_problem

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["main", "run", "summarize"]


def run(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ketamine-tui`` command; returns the exit status."""
    options = parse_options(argv)
    if options.command in AUTHORING_COMMANDS:
        return run_authoring(options)
    if options.command in ("status", "stats"):
        from tui.records_report import report

        return report(options.command, csv=options.csv)
    if (problem := usage_problem(options)) is not None:
        print(problem, file=sys.stderr)
        return ExitCode.USAGE
    try:
        guide = _load(options)
    except ContentError as error:
        print(error, file=sys.stderr)
        return ExitCode.USAGE
    if options.command == "export":
        return _export(guide, options.format, options.output)
    if options.command == "serve":
        from tui.serve import serve_guide

        return serve_guide(options, guide)
    if options.command == "present":
        return _present(guide, options)
    return _read(guide, options)


def main() -> None:
    """Console-script wrapper."""
    sys.exit(run())


def _export(guide: Guide, fmt: str, output: Path | None) -> ExitCode:
    from tui.export import export_guide

    text = export_guide(guide, fmt)
    if output is None:
        sys.stdout.write(text)
        return ExitCode.OK
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{printable(str(output))}: cannot write: {error.strerror}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"{printable(str(output))}: wrote the guide as {fmt}", file=sys.stderr)
    return ExitCode.OK


def _load(options: Options) -> Guide:
    """The guide to show, through the cache of validated guides unless told to remember nothing; a bad
    file raises its ContentError. A pipe (``--content <(command)``) is read to its end within
    :data:`tui.guide.loader.PIPE_SECONDS`."""
    from tui.guide.cache import GuideCache, load_guide_cached
    from tui.store.files import default_cache_dir

    use_cache = options.command != "export" and not options.no_state
    with paused():  # the guide is made to last: collecting while it is read frees nothing
        return load_guide_cached(options.guide_path, GuideCache(default_cache_dir()) if use_cache else None)


def _present(guide: Guide, options: Options) -> int:
    from tui.present import PresentApp

    with paused():
        show = PresentApp(
            guide,
            interval=options.interval,
            idle=options.idle,
            kiosk=options.kiosk,
            exit_key=options.exit_key or "",
            wpm=options.wpm,
            hours=options.hours,
            takeaway=options.takeaway,
            records=None if options.no_state else True,  # served sessions run with --no-state
        )
    return _run_app(show, kiosk=options.kiosk)


def _read(guide: Guide, options: Options) -> int:
    from tui.app import GuideApp
    from tui.store.files import default_state_dir
    from tui.store.state import StateStore

    if (problem := theme_problem(options.theme)) is not None:
        print(problem, file=sys.stderr)
        return ExitCode.USAGE
    path = options.guide_path
    # A kiosk remembers nothing: no visitor finds the last one's topic, before or after a restart.
    remember = not (options.no_state or options.kiosk)
    state = StateStore(default_state_dir()).load() if remember else None
    with paused():  # its pages, one per topic, last as long as the app
        app = GuideApp(
            guide,
            guide_key=str(path.resolve()),
            state=state,
            fresh=options.fresh,
            theme=options.theme,
            watch=path if options.watching else None,
            kiosk=options.kiosk,
            exit_key=options.exit_key or "",
            notice=state is None or not state.disclaimer_read(),  # once, or every start if none kept
        )
    return _run_app(app, kiosk=options.kiosk)


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
            kept = f"are in {log.path}" if log.problem is None else f"could not be kept ({log.problem})"
            print(f"ketamine-tui stopped on an unexpected error; the details {kept}", file=sys.stderr)
        return ExitCode.CRASH
    return app.return_code or ExitCode.OK
