"""``ketamine-tui serve``: the offline page, Origin check, session cap, size clamping and CLI glue.

The server runs in-process on a free port of 127.0.0.1; every request goes to loopback only, each
wait is bounded, and the server (with any app process it started) is always shut down.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from serving import FIXTURE_GUIDE, running
from textual_serve.download_manager import DownloadManager

from tui import serve
from tui.cli import run
from tui.guide import load_guide
from tui.options import parse_options
from tui.serve import build_command, clamp_size, make_server, origin_allowed, trusted_host
from tui.serve.server import GuideServer, QuietAppService

TIMEOUT = aiohttp.ClientTimeout(total=15)


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """App sessions keep their state file in the test's folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


async def _status(address: str, origin: str | None, query: str = "") -> int:
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession(timeout=TIMEOUT) as client:
        try:
            async with client.ws_connect(f"http://{address}/ws{query}", headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def _wait_for(condition: Any, seconds: float = 10) -> None:
    for _ in range(int(seconds * 20)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def test_page_has_no_outside_url() -> None:
    async with running() as (_, address), aiohttp.ClientSession(timeout=TIMEOUT) as client:
        async with client.get(f"http://{address}/?fontsize=99999") as response:
            assert response.status == 200
            html = await response.text()
            policy = response.headers["Content-Security-Policy"]
        for path in re.findall(r'(?:href|src)="([^"]+)"', html):
            if path == "data:,":  # the empty favicon, so the browser asks for none
                continue
            assert path.startswith("/static/"), path
            async with client.get(f"http://{address}{path}") as asset:
                assert asset.status == 200, path
    assert "googleapis" not in html and "gstatic" not in html
    assert re.findall(r"(?:https?|wss?)://", html) == []
    assert 'data-font-size="64"' in html
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert "Roboto Mono" in html and "fonts/RobotoMono-VariableFont_wght.ttf" in html


async def test_page_refuses_untrusted_host_name() -> None:
    async with running() as (_, address), aiohttp.ClientSession(timeout=TIMEOUT) as client:
        headers = {"Host": "rebound.example:80"}
        async with client.get(f"http://{address}/", headers=headers) as response:
            assert response.status == 403


@pytest.mark.parametrize(
    "origin",
    [
        None,
        "http://evil.example",
        "null",
        "https://127.0.0.1:{port}",
        "http://127.0.0.1:1",
        "http://localhost:{port}",
    ],
)
async def test_foreign_origin_gets_403(origin: str | None) -> None:
    async with running() as (server, address):
        port = address.rsplit(":", 1)[1]
        assert await _status(address, origin and origin.format(port=port)) == 403
        assert server.sessions == 0


async def test_session_cap_gives_503_and_own_origin_connects() -> None:
    async with running(max_sessions=1) as (server, address), aiohttp.ClientSession(timeout=TIMEOUT) as client:
        origin = f"http://{address}"
        async with client.ws_connect(f"http://{address}/ws", headers={"Origin": origin}) as first:
            assert server.sessions == 1
            assert await _status(address, origin) == 503
            message = await first.receive(timeout=15)  # the app's first screen
            assert message.type == aiohttp.WSMsgType.BINARY
        await _wait_for(lambda: server.sessions == 0)
        assert await _status(address, origin) == 101  # the freed place can be used again


async def test_sizes_are_clamped(monkeypatch: pytest.MonkeyPatch) -> None:
    starts: list[tuple[int, int]] = []
    resizes: list[tuple[int, int]] = []
    start = QuietAppService.start

    async def record_start(self: QuietAppService, width: int, height: int) -> None:
        starts.append((width, height))
        await start(self, width, height)

    async def record_resize(self: QuietAppService, width: int, height: int) -> None:
        resizes.append((width, height))

    monkeypatch.setattr(QuietAppService, "start", record_start)
    monkeypatch.setattr(QuietAppService, "set_terminal_size", record_resize)
    async with running() as (_, address), aiohttp.ClientSession(timeout=TIMEOUT) as client:
        url = f"http://{address}/ws?width=100000&height=-3"
        async with client.ws_connect(url, headers={"Origin": f"http://{address}"}) as ws:
            await ws.send_str("not json")
            await ws.send_json(["resize", {"width": "abc", "height": 1e9}])
            await ws.send_json(["resize", {"width": 3, "height": 9000}])
            await _wait_for(lambda: len(resizes) == 2)
    assert starts == [(500, 5)]
    assert resizes == [(80, 200), (10, 200)]


def test_clamp_size_bounds() -> None:
    assert clamp_size("120", "40") == (120, 40)
    assert clamp_size(None, "x") == (80, 24)
    assert clamp_size(True, [1]) == (80, 24)
    assert clamp_size(-1, 10**9) == (10, 200)


def test_origin_and_host_rules() -> None:
    assert origin_allowed("http://127.0.0.1:8000", "http", "127.0.0.1:8000")
    assert origin_allowed("http://[::1]:8000", "http", "[::1]:8000")
    assert origin_allowed("http://192.0.2.7", "http", "192.0.2.7:80")
    assert not origin_allowed("http://rebound.example:8000", "http", "rebound.example:8000")
    assert origin_allowed("http://guide.lan:8000", "http", "guide.lan:8000", frozenset({"guide.lan"}))
    assert not origin_allowed("http://127.0.0.1:8000/", "http", "127.0.0.1:8001")
    assert not origin_allowed("ftp://127.0.0.1:8000", "http", "127.0.0.1:8000")
    assert trusted_host("LOCALHOST") and not trusted_host("") and not trusted_host(None)


def test_default_bind_is_loopback() -> None:
    options = parse_options(["serve"])
    assert (options.host, options.port, options.max_sessions) == ("127.0.0.1", 8000, 4)
    assert make_server("true").host == "127.0.0.1"


def test_cli_serves_on_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[tuple[str, int, int, str]] = []

    def record(self: GuideServer, debug: bool = False) -> None:
        served.append((self.host, self.port, self.max_sessions, self.command))

    monkeypatch.setattr(GuideServer, "serve", record)
    assert run(["--content", str(FIXTURE_GUIDE), "serve", "--present", "--max-sessions", "3"]) == 0
    [(host, port, max_sessions, command)] = served
    assert (host, port, max_sessions) == ("127.0.0.1", 8000, 3)
    parts = shlex.split(command)
    # The session's show ends the command: `present` and the operator's timing, nothing else after it.
    assert parts[parts.index("present") :] == ["present", "--interval", "20", "--idle", "60", "--wpm", "200"]
    assert str(FIXTURE_GUIDE.resolve()) in parts


def test_serve_present_passes_the_shows_options_to_each_session(monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[str] = []
    monkeypatch.setattr(GuideServer, "serve", lambda self, debug=False: served.append(self.command))
    arguments = ["--interval", "7", "--idle", "30", "--wpm", "150", "--hours", "09:00-18:30"]
    arguments += ["--takeaway", "https://example.org/handout.html"]
    assert run(["--content", str(FIXTURE_GUIDE), "serve", "--present", *arguments]) == 0
    parts = shlex.split(served[0])
    assert parts[parts.index("present") + 1 :] == arguments
    assert "--no-state" in parts, "sessions keep no state and no booth records of their own"
    options = parse_options(["present", *arguments])
    assert (options.interval, options.idle, options.wpm) == (7, 30, 150)


def test_command_quotes_every_part(tmp_path: Path) -> None:
    guide = tmp_path / "a guide; rm -rf ~.yaml"
    command = build_command(guide, present=True, kiosk=True, exit_key="ctrl+o", theme="nord")
    assert shlex.split(command) == [
        *(sys.executable, "-m", "tui", "--content", str(guide.resolve()), "--no-watch", "--no-state"),
        *("--theme", "nord", "--kiosk", "--exit-key", "ctrl+o", "present"),
    ]


def test_serve_without_textual_serve(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    assert run(["--content", str(FIXTURE_GUIDE), "serve"]) == 2
    assert "pip install 'ketamine-tui[serve]'" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--port", "0"], ["--max-sessions", "0"]])
def test_serve_rejects_bad_numbers(option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--content", str(FIXTURE_GUIDE), "serve", *option]) == 2
    assert option[0] in capsys.readouterr().err


def test_serve_reports_a_busy_port(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def busy(self: GuideServer, debug: bool = False) -> None:
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(GuideServer, "serve", busy)
    options = parse_options(["--content", str(FIXTURE_GUIDE), "serve"])
    assert serve.serve_guide(options, load_guide(FIXTURE_GUIDE)) == 2
    assert "Address already in use" in capsys.readouterr().err


async def test_app_cannot_make_the_page_open_urls_or_downloads() -> None:
    sent: list[str] = []
    closed: list[bool] = []

    async def write_str(text: str) -> None:
        sent.append(text)

    async def write_bytes(data: bytes) -> None:
        raise AssertionError("no bytes expected")

    async def close() -> None:
        closed.append(True)

    service = QuietAppService(
        "true", write_bytes=write_bytes, write_str=write_str, close=close, download_manager=DownloadManager()
    )
    await service.on_meta(b'{"type": "open_url", "url": "https://example.org/", "new_tab": true}')
    await service.on_meta(b'{"type": "deliver_file_start", "key": "k", "path": "/etc/passwd"}')
    await service.on_meta(b"not json")
    assert sent == []
    await service.on_meta(b'{"type": "exit"}')
    assert closed == [True]


def test_sessions_do_not_inherit_kiosk_unlocking_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_PRESS", "ctrl+q")
    monkeypatch.setenv("TEXTUAL_ALLOW_SIGNALS", "1")
    service = QuietAppService(
        "true", write_bytes=_unused, write_str=_unused, close=_unused, download_manager=DownloadManager()
    )
    environment = service._build_environment(100, 30)
    assert "TEXTUAL_PRESS" not in environment and "TEXTUAL_ALLOW_SIGNALS" not in environment
    assert environment["TEXTUAL_DRIVER"].endswith("WebDriver") and environment["COLUMNS"] == "100"


async def _unused(*_: object) -> None:
    raise AssertionError("not expected")


async def test_sessions_says_how_many_are_free() -> None:
    async with running(max_sessions=1) as (_, address), aiohttp.ClientSession(timeout=TIMEOUT) as client:
        async with client.get(f"http://{address}/sessions") as response:
            assert await response.json() == {"free": 1, "max": 1}
        origin = {"Origin": f"http://{address}"}
        async with (
            client.ws_connect(f"http://{address}/ws", headers=origin),
            client.get(f"http://{address}/sessions") as response,
        ):
            assert await response.json() == {"free": 0, "max": 1}
        async with client.get(f"http://{address}/sessions", headers={"Host": "evil.example"}) as response:
            assert response.status == 403


async def test_blur_and_focus_from_the_page_do_not_reach_the_app() -> None:
    """The show looks the same whether or not its tab has focus."""
    from tui.serve.server import pump_messages

    told: list[str] = []

    class Service:
        async def blur(self) -> None:
            told.append("blur")

        async def focus(self) -> None:
            told.append("focus")

    class Socket:
        def __aiter__(self) -> Socket:
            self.messages = iter([json.dumps(["blur"]), json.dumps(["focus"]), json.dumps(["blur"])])
            return self

        async def __anext__(self) -> object:
            for data in self.messages:
                return aiohttp.WSMessage(aiohttp.WSMsgType.TEXT, data, None)
            raise StopAsyncIteration

    await pump_messages(Socket(), Service())  # type: ignore[arg-type]
    assert told == []


async def test_the_app_is_told_it_has_focus_once_its_first_frame_is_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual's web driver starts an app blurred: an empty footer and a dim header until a click."""
    focused: list[int] = []
    focus = QuietAppService.focus

    async def record(self: QuietAppService) -> None:
        focused.append(1)
        await focus(self)

    monkeypatch.setattr(QuietAppService, "focus", record)
    async with (
        running() as (_, address),
        aiohttp.ClientSession(timeout=TIMEOUT) as client,
        client.ws_connect(f"http://{address}/ws", headers={"Origin": f"http://{address}"}) as socket,
    ):
        for _ in range(40):
            await socket.receive(timeout=15)
            if focused:
                break
        assert focused == [1]


def test_the_server_stops_within_2_seconds_with_sessions_open(tmp_path: Path) -> None:
    import signal
    import socket as sockets
    import subprocess
    import time

    with sockets.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui",
            "--content",
            str(FIXTURE_GUIDE),
            "serve",
            "--port",
            str(port),
            "--present",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:

        async def open_sessions() -> float:
            address = f"127.0.0.1:{port}"
            async with aiohttp.ClientSession(timeout=TIMEOUT) as client:
                for _ in range(100):
                    try:
                        async with client.get(f"http://{address}/sessions"):
                            break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.1)
                origin = {"Origin": f"http://{address}"}
                async with (
                    client.ws_connect(f"http://{address}/ws", headers=origin) as one,
                    client.ws_connect(f"http://{address}/ws", headers=origin) as two,
                ):
                    for socket in (one, two):
                        assert (await socket.receive(timeout=15)).type == aiohttp.WSMsgType.BINARY
                    started = time.monotonic()
                    server.send_signal(signal.SIGTERM)
                    await asyncio.to_thread(server.wait, 10)
                    return time.monotonic() - started

        took = asyncio.run(open_sessions())
    finally:
        server.kill()
        server.wait()
    assert server.returncode == 0
    assert took < 2, f"the server took {took:.1f} s to stop"
