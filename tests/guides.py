"""Small guides written in a test: the guide's fixed fields and one source around the test's topics."""

from __future__ import annotations

from tui.content import Guide, parse_guide

__all__ = ["guide_with_topics"]


def guide_with_topics(topics: str) -> Guide:
    """A valid guide whose ``topics:`` list is ``topics`` (YAML indented by two); cite the source ``s``."""
    text = f"""
title: T
subtitle: S
reviewed: 2026-01-01
disclaimer: D
topics:
{topics}
sources:
  - id: s
    title: A source
    publisher: P
    year: 2020
"""
    return parse_guide(text.encode(), "test.yaml")
