"""``python -m tui`` runs the same CLI as the ``ketamine-tui`` command."""

import sys

from tui.cli import run

sys.exit(run())
