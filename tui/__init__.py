"""ketamine-tui: a terminal reader for an evidence-based guide to ketamine therapy."""
