"""Opening hours for the booth: ``--hours 09:00-18:00``; outside them the screen goes dark.

A span that ends before it starts runs past midnight (``20:00-02:00``). No Textual imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

__all__ = ["OpeningHours", "parse_hours"]

_SPAN = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class OpeningHours:
    """The booth is open from ``opens`` (included) to ``closes`` (not included), every day."""

    opens: time
    closes: time

    def is_open(self, now: time) -> bool:
        if self.opens <= self.closes:
            return self.opens <= now < self.closes
        return now >= self.opens or now < self.closes

    def __str__(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"


def parse_hours(text: str) -> OpeningHours:
    """``HH:MM-HH:MM`` as :class:`OpeningHours`; raises ValueError with a reason for anything else."""
    found = _SPAN.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"{text!r} is not opening hours: write them as HH:MM-HH:MM, for example 09:00-18:00")
    hour1, minute1, hour2, minute2 = (int(n) for n in found.groups())
    try:
        span = OpeningHours(time(hour1, minute1), time(hour2, minute2))
    except ValueError:
        raise ValueError(f"{text!r}: hours run from 00:00 to 23:59") from None
    if span.opens == span.closes:
        raise ValueError(f"{text!r}: the booth would never open")
    return span
