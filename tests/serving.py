"""The guide server on a free loopback port, for the serve and browser tests."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web
from rich.console import Console

from tui.serve import build_command, make_server
from tui.serve.server import GuideServer

FIXTURE_GUIDE = Path(__file__).parent / "fixtures" / "guide.yaml"


@asynccontextmanager
async def running(max_sessions: int = 2) -> AsyncIterator[tuple[GuideServer, str]]:
    """The guide server on a free loopback port: (server, "127.0.0.1:PORT"). Always shut down."""
    server = make_server(build_command(FIXTURE_GUIDE, present=False, kiosk=False), max_sessions=max_sessions)
    server.console = Console(file=io.StringIO())
    runner = web.AppRunner(await server.web_app(), shutdown_timeout=5)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        yield server, f"127.0.0.1:{port}"
    finally:
        await asyncio.wait_for(runner.cleanup(), 20)
