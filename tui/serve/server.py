"""The textual-serve server behind ``ketamine-tui serve``: an offline page and guarded sessions.

textual-serve's ``Server`` takes the command, host, port, title and template folder as public
constructor arguments, and those are used as they are. It is subclassed only where no argument
reaches: the page handler (its template name is fixed, and its URLs are absolute ones built from
the bind address, which a tablet cannot reach when binding 0.0.0.0), the websocket handler (no
Origin check, no session cap, unchecked sizes) and the start-up banner. Each session's
``AppService`` is subclassed so the app can never make the page open a URL or a download.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from tui.serve.policy import WILDCARD_HOSTS, clamp_font_size, clamp_size, origin_allowed, trusted_host

__all__ = ["PAGE", "GuideServer", "QuietAppService", "pump_messages"]

PAGE = "page.html"
"""The page template, beside this module (see the comment at its top)."""
_UNSAFE_ENVIRONMENT = ("TEXTUAL_ALLOW_SIGNALS", "TEXTUAL_PRESS", "TEXTUAL")
"""Variables that would let a session send signals, inject keys or turn on dev tools (see README)."""
_MAX_MESSAGE = 64 * 1024
_STOP_SECONDS = 0.6
"""How long a session's app has to quit, then its process to end, before it is killed: the server
stops within 2 seconds with sessions open."""
_FIRST_FRAME = 1024
"""Bytes an app writes before its first frame is surely out (its set-up sequences are fewer)."""
_CLOSE_SECONDS = 0.5
"""How long a browser has to answer the websocket's closing handshake when the server stops."""
log = logging.getLogger("ketamine-tui.serve")


def content_security_policy(nonce: str) -> str:
    """Only this server: its scripts (the two inline ones by nonce), styles, fonts and websocket."""
    return (
        f"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
        "font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


class QuietAppService(AppService):
    """One session's app process; its app can never make the page open a URL, a tab or a download.

    textual-serve passes an app's ``open_url`` and ``deliver_file_start`` messages to the page,
    whose script then calls ``window.open``. The guide never sends either (its ``open_url`` only
    shows the address), but a kiosk must not depend on that, so they stop here; the page also
    disables ``window.open``.
    """

    async def on_meta(self, data: bytes) -> None:
        try:
            meta_type = json.loads(data).get("type")
        except (ValueError, AttributeError):
            return
        if meta_type not in ("open_url", "deliver_file_start"):
            await super().on_meta(data)

    async def stop(self) -> None:
        """Ask the app to quit, then make sure its process is gone and its pipes are closed."""
        try:
            await asyncio.wait_for(super().stop(), _STOP_SECONDS)
        except TimeoutError:
            log.warning("a session's app did not quit in %s seconds; killing it", _STOP_SECONDS)
        # textual-serve neither closes the process's stdin nor waits for it; without this a stuck
        # app would stay behind, and its pipes would only be closed by the garbage collector.
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), _STOP_SECONDS)
        except TimeoutError:
            process.kill()
            await process.wait()

    # A protected method, overridden because no argument controls it: no session may inherit
    # variables that unlock a kiosk, whatever the operator's shell had set.
    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        for name in _UNSAFE_ENVIRONMENT:
            environment.pop(name, None)
        return environment


async def pump_messages(websocket: web.WebSocketResponse, service: AppService) -> None:
    """Relay the browser's messages to the app until the socket closes, ignoring malformed ones.

    textual-serve's own loop trusts the browser's JSON and passes resize sizes through unchecked.
    """
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope: Any = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(*clamp_size(data.get("width"), data.get("height")))
        elif kind == "ping" and isinstance(data, str):
            await websocket.send_json(["pong", data[:64]])
        # "blur" and "focus" are not passed on: the show looks the same whether or not its tab has focus
        # (a blurred Textual app dims its header and empties its footer).


class GuideServer(Server):
    """textual-serve's server with the offline page, an Origin check and a session cap."""

    def __init__(self, command: str, *, host: str, port: int, max_sessions: int, title: str) -> None:
        super().__init__(
            command, host=host, port=port, title=title or "ketamine-tui", templates_path=Path(__file__).parent
        )
        self.max_sessions = max_sessions
        self.sessions = 0
        """Sessions open now; counted before the first await, so the cap cannot be raced."""
        self.extra_hosts = frozenset() if host in WILDCARD_HOSTS else frozenset({host})
        self.sockets: set[web.WebSocketResponse] = set()
        """The open sessions' websockets, closed at once when the server stops."""

    async def web_app(self) -> web.Application:
        """The aiohttp application, for serving in-process (tests); textual-serve keeps it private."""
        return await self._make_app()

    async def _make_app(self) -> web.Application:
        # textual-serve's private builder, which its serve() calls: the one place to add a route. The page
        # asks /sessions why its session was refused (a browser cannot read a refused websocket's status).
        app = await super()._make_app()
        app.router.add_get("/sessions", self.handle_sessions, name="sessions")
        return app

    async def handle_sessions(self, request: web.Request) -> web.Response:
        """How many sessions are free: ``{"free": n, "max": m}``."""
        if not trusted_host(request.url.host, self.extra_hosts):
            raise web.HTTPForbidden(text="Open this page by the server's IP address or name.")
        free = max(0, self.max_sessions - self.sessions)
        return web.json_response(
            {"free": free, "max": self.max_sessions}, headers={"Cache-Control": "no-store"}
        )

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every session's websocket at once; each session's app then quits (see QuietAppService)."""
        await asyncio.gather(
            *(socket.close(code=1001, message=b"server stopping") for socket in list(self.sockets)),
            return_exceptions=True,
        )

    def _where(self) -> str:
        if self.host in WILDCARD_HOSTS:
            return f"port {self.port} of every address of this machine"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(
            f"Serving the guide on {self._where()}, at most {self.max_sessions} browser sessions at once."
            " Press Ctrl+C to stop.",
            markup=False,
            highlight=False,
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The offline page (the stock handler's template name and absolute URLs are fixed)."""
        if not trusted_host(request.url.host, self.extra_hosts):
            raise web.HTTPForbidden(text="Open this page by the server's IP address or name.")
        nonce = secrets.token_urlsafe(16)
        router = request.app.router
        context = {
            "title": self.title,
            "static": str(router["static"].url_for(filename="/")).rstrip("/") + "/",
            "websocket_path": str(router["websocket"].url_for()),
            "sessions_path": str(router["sessions"].url_for()),
            "font_size": clamp_font_size(request.query.get("fontsize")),
            "nonce": nonce,
        }
        response = aiohttp_jinja2.render_template(PAGE, request, context)
        response.headers.update(
            {
                "Content-Security-Policy": content_security_policy(nonce),
                "Referrer-Policy": "no-referrer",
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "no-store",
            }
        )
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One session: 403 for a foreign Origin, 503 past the cap, then an app process."""
        if not origin_allowed(request.headers.get("Origin"), request.scheme, request.host, self.extra_hosts):
            raise web.HTTPForbidden(text="This server only accepts sessions from its own page.")
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text="All sessions are in use; try again later.")
        width, height = clamp_size(request.query.get("width"), request.query.get("height"))
        self.sessions += 1
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=_MAX_MESSAGE, timeout=_CLOSE_SECONDS)
        self.sockets.add(websocket)

        async def close() -> None:
            await websocket.close()

        written = [0]

        async def write_bytes(data: bytes) -> None:
            # Once a first frame is out, tell the app it has focus. Textual's web driver starts it blurred,
            # which empties its footer and dims its header until the page is clicked.
            before, written[0] = written[0], written[0] + len(data)
            if before < _FIRST_FRAME <= written[0]:
                await service.focus()
            await websocket.send_bytes(data)

        try:
            await websocket.prepare(request)
            service = QuietAppService(
                self.command,
                write_bytes=write_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            try:
                await pump_messages(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:  # the server is stopping
            await websocket.close()
        except Exception:
            log.exception("a browser session failed")
        finally:
            self.sessions -= 1
            self.sockets.discard(websocket)
        return websocket
