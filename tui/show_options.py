"""The command line's words for the booth: the show's options (for ``present`` and ``serve``) and the
``status`` and ``stats`` commands that read the booth's records. Used by :mod:`tui.options`.
"""

from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from tui.hours import OpeningHours, parse_hours
from tui.pacing import DEFAULT_WPM, WPM_RANGE

__all__ = ["IDLE", "INTERVAL", "add_records_commands", "add_show_options"]

INTERVAL = 20.0
"""Seconds a topic is shown, at the least, unless its ``duration`` says otherwise."""
IDLE = 60.0
"""Seconds without input before the show takes the screen back."""
_TAKEAWAY_LIMIT = 300


def add_show_options(command: argparse.ArgumentParser) -> None:
    """The show's timing, opening hours and take-away address."""
    command.add_argument(
        "--interval",
        type=_seconds,
        default=INTERVAL,
        metavar="SECONDS",
        help="least time for each topic (default: 20; a topic's own duration wins)",
    )
    command.add_argument("--idle", type=_seconds, default=IDLE, metavar="SECONDS", help="default: 60")
    command.add_argument(
        "--wpm",
        type=_wpm,
        default=DEFAULT_WPM,
        metavar="N",
        help=f"reading speed: each screenful stays up long enough to read it at N words a minute "
        f"({WPM_RANGE[0]} to {WPM_RANGE[1]}; default: %(default)s)",
    )
    command.add_argument(
        "--hours",
        type=_hours,
        metavar="HH:MM-HH:MM",
        help="opening hours: outside them the screen goes dark (default: always open)",
    )
    command.add_argument(
        "--takeaway",
        type=_takeaway,
        metavar="URL",
        help="an address to show on the attract screen as a QR code, such as where the handout is",
    )


def add_records_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``status`` and ``stats``: what the booth's heartbeat and its record of the day say."""
    commands.add_parser(
        "status",
        help="say whether the booth show is running, and what it does",
        description="Read the heartbeat that a running show rewrites in the state folder. "
        "Exits 0 when the show is running, 1 when it is not.",
    )
    stats = commands.add_parser(
        "stats",
        help="print the booth's record of each day: loops, visitors, and the topics they opened",
        description="Print the record of each day that the show kept (local and anonymous).",
    )
    stats.add_argument("--csv", action="store_true", help="print comma-separated values, one row a topic")


def _seconds(text: str) -> float:
    """A positive number of seconds, for argparse."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError("use a number of seconds between 0 and 86400")
    return value


def _wpm(text: str) -> float:
    low, high = WPM_RANGE
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of words a minute") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"use a reading speed from {low} to {high} words a minute")
    return value


def _hours(text: str) -> OpeningHours:
    try:
        return parse_hours(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _takeaway(text: str) -> str:
    """An http(s) address of at most 300 characters, printable, for a QR code."""
    parts = urlsplit(text)
    printable = text.isprintable() and " " not in text
    if parts.scheme not in ("http", "https") or not parts.netloc or not printable:
        raise argparse.ArgumentTypeError(f"{text!r} is not a web address (http:// or https://)")
    if len(text) > _TAKEAWAY_LIMIT:
        raise argparse.ArgumentTypeError(f"use an address of at most {_TAKEAWAY_LIMIT} characters")
    return text
