"""The command line's words for authors: the ``check``, ``new`` and ``schema`` commands, and
``--content`` accepted after every command. Kept apart from :mod:`tui.options`, whose other commands
grow on their own."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

__all__ = ["add_authoring_commands", "content_after_every_command"]

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    """What ``ArgumentParser.add_subparsers`` returns (argparse names no public type for it)."""


def add_authoring_commands(commands: Commands) -> None:
    """``check``, ``new`` and ``schema``: the commands for people who write a guide."""
    check = commands.add_parser(
        "check",
        help="validate guide files and print a summary",
        description="Validate guide files. Prints every problem as path:line:column: message "
        "and exits 1, or prints a one-line summary per file and exits 0. Says which file it checks.",
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        type=Path,
        help="files to check (default: the --content file, else the built-in guide)",
    )
    new = commands.add_parser(
        "new",
        help="write a small starter guide to fill in",
        description="Write a starter guide that passes check: one topic, one source, crisis lines and "
        "a disclaimer to fill in. Never overwrites a file.",
    )
    new.add_argument("files", nargs="?", metavar="FILE", type=Path, help="the file to write")
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the guide format, for editors",
        description="Print the JSON Schema of the guide format, so that an editor with a YAML language "
        "server completes keys and flags mistakes as you type (see docs/content-format.md).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here instead")


def content_after_every_command(commands: Commands) -> None:
    """Accept ``--content FILE`` after every command too, as before it: the guide file it works on."""
    for command in commands.choices.values():
        with contextlib.suppress(argparse.ArgumentError):  # the command has its own --content already
            command.add_argument(
                "--content",
                metavar="FILE",
                type=Path,
                default=argparse.SUPPRESS,
                help="the guide file to use",
            )
