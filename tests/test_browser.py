"""The served guide in a real browser: headless Chromium, driven over the DevTools protocol.

Chromium gets no network beyond loopback (every host name but 127.0.0.1 fails to resolve), loads
the page from an in-process server, and must open the app's websocket, show the first topic and
go to the next one on ``n``. Every request the page made is checked to be this server's.

Skipped only outside CI when Debian's ``chromium`` is missing; in CI (``CI`` set) it must run,
and ``.ci/run`` installs it.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest
from serving import running

CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--window-size=1024,640",
]
# Test-side instrumentation, installed before the page's own scripts: it counts the page's open
# websockets and keeps the text the app sends, so the test can read what the app drew.
WEBSOCKET_SPY = """
(() => {
  const Native = window.WebSocket;
  const spy = (window.__spy = { opened: 0, text: "" });
  const decoder = new TextDecoder();
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { spy.opened += 1; });
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") spy.text += decoder.decode(event.data, { stream: true });
      });
    }
  };
})();
"""


TEXT = "(window.__spy ? window.__spy.text : '')"
"""A page expression: all the text the app has sent so far."""


class DevTools:
    """A minimal DevTools-protocol client: numbered calls, and every event kept in a list."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.events: list[dict[str, Any]] = []
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._numbers = itertools.count(1)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._pending:
                self._pending.pop(data["id"]).set_result(data)
            elif "method" in data:
                self.events.append(data)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self._numbers)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[number] = future
        await self.socket.send_json({"id": number, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 15)
        assert "error" not in reply, reply
        result: dict[str, Any] = reply["result"]
        return result

    async def evaluate(self, expression: str) -> Any:
        reply = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply["result"].get("value")

    async def wait_until(self, expression: str, seconds: float = 15) -> Any:
        """Poll a page expression until it is truthy (a bounded loop, not a timing assertion)."""
        for _ in range(int(seconds * 10)):
            if value := await self.evaluate(expression):
                return value
            await asyncio.sleep(0.1)
        raise AssertionError(f"not true within {seconds} s: {expression}")

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self.socket.close()


@contextlib.asynccontextmanager
async def chromium(profile: Path) -> AsyncIterator[DevTools]:
    """Headless Chromium on about:blank, and a DevTools client attached to its page."""
    assert CHROMIUM is not None
    process = await asyncio.create_subprocess_exec(
        CHROMIUM,
        *FLAGS,
        f"--user-data-dir={profile}",
        "about:blank",
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    drain: asyncio.Task[None] | None = None
    try:
        port = await asyncio.wait_for(_devtools_port(process.stderr), 30)
        drain = asyncio.create_task(_drain(process.stderr))
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as client:
            async with client.get(f"http://127.0.0.1:{port}/json/list") as response:
                targets = await response.json()
            page = next(target for target in targets if target["type"] == "page")
            devtools = DevTools(await client.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0))
            try:
                yield devtools
            finally:
                await devtools.close()
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()
        if drain is not None:
            drain.cancel()


async def _devtools_port(stderr: asyncio.StreamReader) -> int:
    lines = []
    while line := await stderr.readline():
        text = line.decode(errors="replace")
        lines.append(text)
        if match := re.search(r"DevTools listening on ws://[^:/]+:(\d+)/", text):
            return int(match.group(1))
    raise AssertionError("chromium stopped before DevTools listened:\n" + "".join(lines))


async def _drain(stderr: asyncio.StreamReader) -> None:
    while await stderr.read(65536):
        pass


async def _screenshot(devtools: DevTools) -> bytes:
    return base64.b64decode((await devtools.call("Page.captureScreenshot", format="png"))["data"])


async def test_guide_runs_in_headless_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs Debian's chromium for this test")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    async with asyncio.timeout(50), running() as (_, address), chromium(tmp_path / "profile") as devtools:
        for domain in ("Page", "Runtime", "Network", "Log"):
            await devtools.call(f"{domain}.enable")
        await devtools.call("Page.addScriptToEvaluateOnNewDocument", source=WEBSOCKET_SPY)
        await devtools.call("Page.navigate", url=f"http://{address}/")

        await devtools.wait_until("window.__spy && window.__spy.opened >= 1")
        await devtools.wait_until("document.body.classList.contains('-first-byte')")
        await devtools.wait_until(f"{TEXT}.includes('First topic')")

        await devtools.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        # Each served session remembers nothing (--no-state), so the notice at first start comes first.
        await devtools.wait_until(f"{TEXT}.includes('Enter to start reading')")
        mark = await devtools.evaluate(f"{TEXT}.length")
        for kind in ("keyDown", "keyUp"):
            await devtools.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key="Enter",
                code="Enter",
                text="\r",
                windowsVirtualKeyCode=13,
            )
        await devtools.wait_until(f"{TEXT}.slice({mark}).includes('First topic')")
        await asyncio.sleep(0.3)  # the canvas repaints on the next frames
        before = await _screenshot(devtools)
        mark = await devtools.evaluate(f"{TEXT}.length")
        for kind in ("keyDown", "keyUp"):
            await devtools.call(
                "Input.dispatchKeyEvent", type=kind, key="n", code="KeyN", text="n", windowsVirtualKeyCode=78
            )
        await devtools.wait_until(f"{TEXT}.slice({mark}).includes('Second topic')")
        for _ in range(50):  # the canvas repaints on the next frames
            after = await _screenshot(devtools)
            if after != before:
                break
            await asyncio.sleep(0.1)
        (tmp_path / "guide.png").write_bytes(after)
        assert after.startswith(b"\x89PNG") and after != before

        requested = [
            event["params"]["request"]["url"]
            for event in devtools.events
            if event["method"] == "Network.requestWillBeSent"
        ]
        requested += [
            event["params"]["url"]
            for event in devtools.events
            if event["method"] == "Network.webSocketCreated"
        ]
        assert f"ws://{address}/ws?" in " ".join(requested)
        assert all(urlsplit(url).netloc == address for url in requested), requested
        assert await devtools.evaluate("document.fonts.check('16px \"Roboto Mono\"')")
        # Links can never open a window or tab: the page has disabled window.open for good.
        assert await devtools.evaluate("window.open = 1; window.open('https://example.org/') === null")
        logged = [
            json.dumps(event["params"]) for event in devtools.events if event["method"] == "Log.entryAdded"
        ]
        assert not [entry for entry in logged if "Content Security Policy" in entry], logged


async def test_a_visitor_turned_away_reads_that_all_screens_are_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs Debian's chromium for this test")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    async with (
        asyncio.timeout(50),
        running(max_sessions=1) as (_, address),
        aiohttp.ClientSession() as client,
        client.ws_connect(f"http://{address}/ws", headers={"Origin": f"http://{address}"}),
        chromium(tmp_path / "profile") as devtools,
    ):
        for domain in ("Page", "Runtime"):
            await devtools.call(f"{domain}.enable")
        await devtools.call("Page.navigate", url=f"http://{address}/")
        await devtools.wait_until("document.body.classList.contains('-busy')")
        shown = await devtools.evaluate("document.querySelector('.busy-dialog').innerText")
        assert "All screens are in use, try again in a minute." in shown
        assert "Trying again in" in shown and "Try again now" in shown
        (tmp_path / "busy.png").write_bytes(await _screenshot(devtools))
