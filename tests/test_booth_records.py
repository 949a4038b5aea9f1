"""The booth's records: a heartbeat that ``status`` reads, and a record of the day that ``stats`` prints."""

from __future__ import annotations

import io
import json
import os
import time
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from booth_helpers import wait_for
from conftest import FIXTURE_GUIDE

from tui import cli
from tui.app import GuideApp
from tui.guide import Guide
from tui.present import PresentApp
from tui.screens import ReaderScreen
from tui.screens.attract import AttractScreen
from tui.store.daylog import DayLog, DayRecord, read_days
from tui.store.heartbeat import Beat, Heartbeat, describe


@pytest.fixture
def state(private_state: Path) -> Path:
    """The app's folder in the test's own state folder (XDG_STATE_HOME)."""
    return private_state / "ketamine-tui"


async def test_a_loop_writes_the_heartbeat_and_the_day_and_status_reads_it(
    guide: Guide, state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = PresentApp(guide, interval=0.1, idle=60)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            if (state / "booth.json").exists():
                break
            await pilot.pause(0.05)
        beat = Heartbeat(state).read()
        assert beat is not None and beat.pid == os.getpid() and beat.loop == 1 and beat.state == "attract"
        with redirect_stdout(io.StringIO()) as said:  # the app under test holds sys.stdout
            assert cli.run(["status"]) == 0
        assert said.getvalue() == "attract, loop 1, no visitor yet\n"
        [(day, record)] = read_days(state)
        assert day == date.today().isoformat() and record.loops == 1 and record.takeovers == 0
    assert not (state / "booth.json").exists(), "the heartbeat goes with the show"
    assert cli.run(["status"]) == 1
    assert capsys.readouterr().out == "not running\n"


def test_status_tells_a_show_that_died_or_hangs(state: Path) -> None:
    now = time.time()
    dead = Beat(pid=2**22 + 12345, state="playing", loop=3, last_visitor=None, written=now)
    assert describe(dead, now) == (False, "not running (it stopped without clearing its heartbeat 0 s ago)")
    stuck = Beat(pid=os.getpid(), state="playing", loop=3, last_visitor=now - 120, written=now - 600)
    assert describe(stuck, now) == (False, "not responding: its last heartbeat was 10 min ago")
    alive = Beat(pid=os.getpid(), state="playing", loop=37, last_visitor=now - 120, written=now - 5)
    assert describe(alive, now) == (True, "playing, loop 37, last visitor 2 min ago")
    (state).mkdir(parents=True)
    (state / "booth.json").write_text("{not json")
    assert Heartbeat(state).read() is None


async def test_the_day_holds_take_overs_and_topics_with_their_time_and_nothing_typed(
    guide: Guide, state: Path
) -> None:
    app = PresentApp(guide, interval=1000, idle=2.0, kiosk=True, exit_key="f7")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")  # a visitor: the reader at the first topic
        assert await wait_for(pilot, ReaderScreen)
        await pilot.pause(0.3)
        await pilot.press("n")  # the second topic
        await pilot.pause(0.4)
        await pilot.press("slash", *"secretword", "escape")
        assert await wait_for(pilot, AttractScreen, polls=80)
        assert app.records is not None
        app.records.flush()
        [(_, record)] = read_days(state)
    assert record.takeovers == 1
    assert set(record.topics) == {"first-topic", "second-topic"}
    assert record.topics["first-topic"][0] == 1 and 0.2 < record.topics["first-topic"][1] < 4
    text = "".join(path.read_text() for path in (state / "days").iterdir())
    assert "secretword" not in text and "secret" not in text
    assert set(json.loads(text)) == {"version", "loops", "takeovers", "topics"}


async def test_no_records_outside_the_booth(
    guide: Guide, state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader, kiosk or not, keeps no record of the day; nor do the sessions of serve (--no-state)."""
    for app in (GuideApp(guide), GuideApp(guide, kiosk=True)):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "n")
            await pilot.pause(0.2)
    assert not (state / "days").exists() and not (state / "booth.json").exists()
    made: list[PresentApp] = []
    import tui.present

    class Recorded(PresentApp):
        def run(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            made.append(self)

    monkeypatch.setattr(tui.present, "PresentApp", Recorded)
    monkeypatch.setattr("tui.cli.set_aside", lambda: None)  # no app runs to release what it sets aside
    assert cli.run(["--no-state", "--content", str(FIXTURE_GUIDE), "present"]) == 0
    assert cli.run(["--content", str(FIXTURE_GUIDE), "present"]) == 0
    assert made[0].records is None and made[1].records is not None


def test_the_day_log_adds_to_what_the_file_holds(tmp_path: Path) -> None:
    today = [date(2026, 5, 1)]
    log = DayLog(tmp_path, today=lambda: today[0])
    log.loop()
    log.topic("a", 10)
    assert log.flush()
    log.topic("a", 5, opened=False)
    today[0] = date(2026, 5, 2)
    log.takeover()
    assert log.flush()
    record = dict(read_days(tmp_path))
    assert record["2026-05-01"].topics == {"a": [1, 15.0]} and record["2026-05-01"].loops == 1
    assert record["2026-05-02"].takeovers == 1


def test_a_damaged_day_is_left_alone_and_the_counts_kept(tmp_path: Path) -> None:
    log = DayLog(tmp_path, today=lambda: date(2026, 5, 1))
    (tmp_path / "days").mkdir()
    (tmp_path / "days" / "2026-05-01.json").write_text('{"version": 1, "loops": "many"}')
    log.loop()
    assert not log.flush() and log.pending
    assert (tmp_path / "days" / "2026-05-01.json").read_text() == '{"version": 1, "loops": "many"}'
    assert read_days(tmp_path) == []


def test_stats_prints_each_day_and_csv(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["stats"]) == 0
    assert "No record yet" in capsys.readouterr().out
    log = DayLog(state, today=lambda: date(2026, 5, 1))
    log.loop()
    log.loop()
    log.takeover()
    log.topic("side-effects", 200)
    log.topic("what-is-ketamine-therapy", 30)
    log.topic("side-effects", 40)
    assert log.flush()
    assert cli.run(["stats"]) == 0
    assert capsys.readouterr().out == (
        "2026-05-01: 2 loops played, 1 visitor take-overs\n"
        "  side-effects: opened 2 times, 4.0 min in all\n"
        "  what-is-ketamine-therapy: opened 1 times, 30 s in all\n"
    )
    assert cli.run(["stats", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "date,loops,takeovers,topic,opens,seconds",
        "2026-05-01,2,1,side-effects,2,240",
        "2026-05-01,2,1,what-is-ketamine-therapy,1,30",
    ]
    assert DayRecord.from_json({"version": 1, "loops": 1, "takeovers": 0, "topics": {"a": [1]}}) is None
