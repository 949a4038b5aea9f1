"""The author's workflow from the command line (issue #19): ``new``, ``check`` naming the file it
checks, ``schema``, ``--content`` after every command, and file names that cannot act on a terminal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui import cli
from tui.guide import ContentError, Issue, load_guide
from tui.guide.json_schema import SCHEMA_FILE, guide_schema
from tui.options import parse_options

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"
EVIL = "evil\x1b]2;PWNED\x07\x1b]52;c;aGVsbG8=\x07\u202egnp.yaml"
"""A file name that sets the window title, writes the clipboard and reverses the text, printed raw."""
EVIL_SHOWN = "evil\\x1b]2;PWNED\\x07\\x1b]52;c;aGVsbG8=\\x07\\u202egnp.yaml"


def test_new_writes_a_starter_that_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "my.yaml"
    assert cli.run(["new", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"ketamine-tui check {path}" in out and f"ketamine-tui --content {path}" in out
    guide = load_guide(path)
    assert len(guide.topics) == 1 and len(guide.sources) == 1
    assert guide.crisis_lines and guide.disclaimer
    assert cli.run(["check", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: OK: {cli.summarize(guide)}\n"


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "my.yaml"
    path.write_text("mine", encoding="utf-8")
    assert cli.run(["new", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine"


def test_new_needs_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["new"]) == 2
    assert "name one file to write" in capsys.readouterr().err


def test_new_takes_the_file_from_content_too(tmp_path: Path) -> None:
    path = tmp_path / "my.yaml"
    assert cli.run(["new", "--content", str(path)]) == 0
    assert load_guide(path).title == "My guide"


@pytest.mark.parametrize(
    "argv",
    [
        ["--content", "g.yaml", "check"],
        ["check", "--content", "g.yaml"],
        ["--content", "g.yaml", "export"],
        ["export", "--content", "g.yaml"],
        ["present", "--content", "g.yaml"],
        ["serve", "--content", "g.yaml"],
        ["new", "--content", "g.yaml"],
        ["schema", "--content", "g.yaml"],
        ["--content", "g.yaml"],
    ],
)
def test_content_is_accepted_before_and_after_every_command(argv: list[str]) -> None:
    assert parse_options(argv).content == Path("g.yaml")


def test_check_uses_the_content_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["check", "--content", str(FIXTURE)]) == 0
    assert capsys.readouterr().out.startswith(f"{FIXTURE}: OK: ")


def test_export_uses_the_content_file_given_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "guide.txt"
    assert cli.run(["export", "--content", str(FIXTURE), "--format", "txt", "-o", str(out)]) == 0
    assert "Fixture guide" in out.read_text(encoding="utf-8")


def test_schema_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The schema in the package is the one made from the model: run `ketamine-tui schema -o
    tui/guide/guide.schema.json` after changing the model."""
    shipped = (ROOT / "tui" / "guide" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert cli.run(["schema"]) == 0
    assert capsys.readouterr().out == shipped
    assert json.loads(shipped) == guide_schema()
    written = tmp_path / "guide.schema.json"
    assert cli.run(["schema", "-o", str(written)]) == 0
    assert written.read_text(encoding="utf-8") == shipped


def test_schema_reads_no_guide(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["schema", "--content", str(FIXTURE)]) == 2
    assert "reads no --content file" in capsys.readouterr().err


# --- File names that would act on a terminal ---------------------------------------------------


def test_an_issue_prints_its_file_name_escaped() -> None:
    assert str(Issue(EVIL, 1, 2, "bad")) == f"{EVIL_SHOWN}:1:2: bad"
    assert str(Issue("caf\u00e9 \u4e2d.yaml", 1, 1, "x")) == "caf\u00e9 \u4e2d.yaml:1:1: x"
    assert str(Issue("bad\udcff.yaml", 1, 1, "x")) == "bad\\xff.yaml:1:1: x"  # a byte that was not UTF-8


def test_the_reload_banner_lines_are_escaped(tmp_path: Path) -> None:
    """The banner shows ``str(issue)`` for each issue of the broken file (tui/app.py)."""
    path = tmp_path / EVIL
    path.write_text("title: [", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    for issue in caught.value.issues:
        assert "\x1b" not in str(issue) and "\x07" not in str(issue) and "\u202e" not in str(issue)
        assert str(issue).startswith(str(tmp_path) + "/" + EVIL_SHOWN + ":")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_STATE_HOME": str(cwd), "XDG_CACHE_HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, timeout=60, check=False, env=env
    )


@pytest.mark.parametrize("command", [["check", EVIL], ["--content", EVIL], ["export", "--content", EVIL]])
def test_no_route_writes_a_hostile_file_name_raw(tmp_path: Path, command: list[str]) -> None:
    """`check`, the reader's start-up error and `export`: the raw bytes written hold no escape, BEL or
    bidi control, whether the file is broken or missing."""
    for content in ("title: [\n", None):
        path = tmp_path / EVIL
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(content, encoding="utf-8")
        result = _run(*command, cwd=tmp_path)
        raw = result.stdout + result.stderr
        assert result.returncode in (1, 2), raw
        for byte in (b"\x1b", b"\x07", "\u202e".encode()):
            assert byte not in raw, raw
        assert EVIL_SHOWN.encode() in raw
