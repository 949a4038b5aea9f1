"""pyproject.toml declares every package that tui/ imports directly, not only those Textual brings."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_top_names() -> dict[str, set[str]]:
    """Top-level names imported by each part of tui/: "serve" for tui/serve/, "core" for the rest."""
    found: dict[str, set[str]] = {"core": set(), "serve": set()}
    for path in (ROOT / "tui").rglob("*.py"):
        part = "serve" if "serve" in path.relative_to(ROOT / "tui").parts else "core"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found[part].update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found[part].add(node.module.partition(".")[0])
    return found


def declared(requirements: list[str]) -> set[str]:
    """Distribution names, normalised, from requirement strings."""
    return {re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0].lower().replace("_", "-") for line in requirements}


def test_every_direct_import_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = declared(project["dependencies"])
    serve = core | declared(project["optional-dependencies"]["serve"])
    distributions = packages_distributions()
    for part, names in imported_top_names().items():
        allowed = serve if part == "serve" else core
        for name in sorted(names - set(sys.stdlib_module_names) - {"tui"}):
            owners = {owner.lower().replace("_", "-") for owner in distributions.get(name, [name])}
            assert owners & allowed, f"tui/ ({part}) imports {name!r}, which pyproject.toml does not declare"
