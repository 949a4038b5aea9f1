"""The command line: ``check``, the reader's start-up errors, ``--version`` and ``--help``."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from guides import GLOSSARY_YAML

import tui.guide.cache
from tui import cli
from tui.guide import Guide, default_guide_path
from tui.options import ExitCode, Options, parse_options
from tui.store.state import StateStore

ROOT = Path(__file__).parent.parent
FIXTURE_GUIDE = Path(__file__).parent / "fixtures" / "guide.yaml"


@pytest.fixture(autouse=True)
def _unfreeze() -> Iterator[None]:
    """``cli.run`` freezes what it made for the app, which a real app releases when it ends; the fake
    apps here do not, so this does it for them."""
    yield
    gc.unfreeze()


BAD_GUIDE = Path(__file__).parent / "fixtures" / "bad" / "many_problems.yaml"

FIXTURE_OK = f"{FIXTURE_GUIDE}: OK: 4 topics, 5 sections, 297 words, 2 sources"
BAD_LINES = [
    f"{BAD_GUIDE}:2:8: the guide's title should be text, but this is read as a yes/no value ('no'); "
    "put the text in quotes",
    f"{BAD_GUIDE}:7:9: topic id 'Bad Id' should use only lowercase letters, digits and single hyphens "
    "(like 'how-it-works')",
    f"{BAD_GUIDE}:10:20: the source 'missing' is cited but not defined under 'sources'",
    f"{BAD_GUIDE}:13:27: 'Evidence:' is followed by 'proven'; use one of: strong, moderate, limited, "
    "not supported",
    f"{BAD_GUIDE}:18:11: year should be a whole number, found text",
    f"{BAD_GUIDE}:19:10: url 'http://example.org/src' should start with https:// and contain no spaces",
]


class _NoApp:
    """Stands in for GuideApp where the reader must not start."""

    def __init__(self, guide: Guide) -> None:
        raise AssertionError("the app was started")


def test_check_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["check", str(FIXTURE_GUIDE)]) == 0
    out, err = capsys.readouterr()
    assert out == FIXTURE_OK + "\n"
    assert err == ""


def test_check_builtin_guide(capsys: pytest.CaptureFixture[str]) -> None:
    """With no file named, check says that it checked the built-in guide, and how to check one's own."""
    code = cli.run(["check"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "To check your own guide, name its file: ketamine-tui check my-guide.yaml\n")
    assert out.startswith(f"{default_guide_path()} (the built-in guide): OK: ")
    assert out.count("\n") == 1


def test_check_bad_file_prints_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["check", str(BAD_GUIDE)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == BAD_LINES
    assert "Traceback" not in err


@pytest.mark.parametrize("bad_first", [False, True])
def test_check_two_files_one_bad(bad_first: bool, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(BAD_GUIDE), str(FIXTURE_GUIDE)] if bad_first else [str(FIXTURE_GUIDE), str(BAD_GUIDE)]
    assert cli.run(["check", *files]) == 1
    out, err = capsys.readouterr()
    assert out == FIXTURE_OK + "\n"
    assert err.splitlines() == BAD_LINES


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.yaml"
    assert cli.run(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}:1:1: file not found\n"


def test_reader_with_missing_content_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.app.GuideApp", _NoApp)
    path = tmp_path / "nope.yaml"
    assert cli.run(["--content", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}:1:1: file not found\n"


def test_reader_with_bad_content_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.app.GuideApp", _NoApp)
    assert cli.run(["--content", str(BAD_GUIDE)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == BAD_LINES
    assert "Traceback" not in err


def test_reader_gets_the_loaded_guide(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    started: list[tuple[Guide, dict[str, object]]] = []

    class FakeApp:
        return_code: int | None = None

        def __init__(self, guide: Guide, **options: object) -> None:
            self.guide, self.options = guide, options

        def run(self) -> None:
            started.append((self.guide, self.options))

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr("tui.app.GuideApp", FakeApp)
    assert cli.run(["--content", str(FIXTURE_GUIDE), "--fresh", "--theme", "nord"]) == 0
    [(guide, options)] = started
    assert guide.title == "Fixture guide"
    assert options["guide_key"] == str(FIXTURE_GUIDE.resolve())
    assert options["fresh"] is True
    assert options["theme"] == "nord"
    state = options["state"]
    assert isinstance(state, StateStore)
    assert state.path == tmp_path / "ketamine-tui" / "state.json"
    assert "saved_lines" not in options, "the first screen is no longer kept on disk"


def test_the_guide_and_app_are_made_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reading the guide and making the app run without collections; the app runs with them, and
    what was made before it is set aside (frozen) without a collection."""
    seen: dict[str, object] = {}
    load = tui.guide.cache.load_guide_cached

    def loading(*args: object, **kwargs: object) -> Guide:
        seen["load"] = gc.isenabled()
        return load(*args, **kwargs)  # type: ignore[arg-type]

    class FakeApp:
        return_code: int | None = None

        def __init__(self, guide: Guide, **options: object) -> None:
            seen["make"] = gc.isenabled()

        def run(self) -> None:
            seen["run"], seen["frozen"] = gc.isenabled(), gc.get_freeze_count()

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(tui.guide.cache, "load_guide_cached", loading)
    monkeypatch.setattr("tui.app.GuideApp", FakeApp)
    assert cli.run(["--content", str(FIXTURE_GUIDE)]) == 0
    assert seen.pop("frozen") != 0
    assert seen == {"load": False, "make": False, "run": True}
    assert gc.isenabled()


def test_unknown_theme_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["--content", str(FIXTURE_GUIDE), "--theme", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown theme 'nope'" in err and "textual-light" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.run(["--version"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    name, _, number = out.rstrip("\n").partition(" ")
    assert name == "ketamine-tui"
    assert number
    assert " " not in number


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.run(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: ketamine-tui")
    for word in ("check", "--content", "--version"):
        assert word in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.run(["frobnicate"])
    assert caught.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def _run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_python_m_tui_check() -> None:
    result = _run_module("check", str(FIXTURE_GUIDE))
    assert (result.returncode, result.stdout, result.stderr) == (0, FIXTURE_OK + "\n", "")


def test_python_m_tui_check_bad_file() -> None:
    result = _run_module("check", str(BAD_GUIDE))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == BAD_LINES


def test_no_state_remembers_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    class FakeApp:
        return_code: int | None = None

        def __init__(self, guide: Guide, **options: object) -> None:
            seen.append(options["state"])

        def run(self) -> None:
            pass

    monkeypatch.setattr("tui.app.GuideApp", FakeApp)
    assert cli.run(["--content", str(FIXTURE_GUIDE), "--no-state"]) == 0
    assert seen == [None]


def test_the_arguments_become_typed_options() -> None:
    """Both word orders of the shared options work, and a command's own options have their defaults."""
    assert parse_options([]) == Options()
    options = parse_options(["--kiosk", "present", "--content", "guide.yaml", "--interval", "5"])
    assert options == Options(command="present", content=Path("guide.yaml"), kiosk=True, interval=5.0)
    assert parse_options(["check", "a.yaml", "b.yaml"]).files == (Path("a.yaml"), Path("b.yaml"))
    assert parse_options(["--content", "x.yaml"]).watching and not parse_options([]).watching
    assert not parse_options(["--content", "x.yaml", "--no-watch"]).watching


def test_one_set_of_exit_statuses() -> None:
    assert [(code.name, int(code)) for code in ExitCode] == [
        ("OK", 0),
        ("INVALID", 1),
        ("USAGE", 2),
        ("CRASH", 3),
    ]


def test_check_counts_the_glossary_s_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(FIXTURE_GUIDE.read_text(encoding="utf-8") + GLOSSARY_YAML, encoding="utf-8")
    assert cli.run(["check", str(path)]) == 0
    assert (
        capsys.readouterr().out
        == f"{path}: OK: 4 topics, 5 sections, 337 words, 2 sources, 3 glossary terms\n"
    )


@pytest.mark.parametrize(
    "option", [["--interval", "5"], ["--wpm", "150"], ["--takeaway", "https://example.org/h"]]
)
def test_serve_refuses_the_shows_options_without_present(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Once accepted and ignored: the reader served has no interval, pace or take-away code."""
    assert cli.run(["serve", *option]) == ExitCode.USAGE
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "add --present" in error
