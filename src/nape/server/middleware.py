"""Two plain ASGI middlewares that keep bad input and surprises from becoming tracebacks.

- ``BodyGuard`` reads a request body up to ``MAX_BODY_BYTES`` (413 beyond, with or without a
  Content-Length header) and refuses a JSON body that is not UTF-8 with a 422 — a phone that
  sends a Latin-1 "Schmerzen im Rücken" gets a numbered message, not a 400 or a 500.
- ``LastResort`` turns any unexpected exception into a 500 with code E000 and logs only the
  exception's type and the redacted path, never its message (which might quote the input).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from nape.server.privacy import redact_path

MAX_BODY_BYTES = 64_000
# A CDS Hooks call carries the patient's prefetched record (up to 50 Observations and the
# Conditions), which is often 50-500 kB; those calls get a larger limit.
LARGE_BODY_PREFIXES = ("/cds-services/",)
MAX_LARGE_BODY_BYTES = 2_000_000

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("nape.api")


async def send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return ""


def _is_json(content_type: str) -> bool:
    """FastAPI reads a body with no content type, or any ``…json`` type, as JSON."""
    return not content_type or "json" in content_type.lower()


class BodyGuard:
    """Size limit and UTF-8 check for request bodies (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def limit(self, path: str) -> int:
        """The body limit for a path: ``MAX_LARGE_BODY_BYTES`` for CDS Hooks calls."""
        return MAX_LARGE_BODY_BYTES if path.startswith(LARGE_BODY_PREFIXES) else self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        size = _header(scope, b"content-length")
        if size.isdigit() and int(size) > limit:
            await self._too_large(send, limit)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > limit:
                await self._too_large(send, limit)
                return
        if body and _is_json(_header(scope, b"content-type")) and not _utf8(bytes(body)):
            await send_json(send, 422, {"code": "E201", "detail": "E201 the JSON body is not UTF-8 text"})
            return
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _too_large(self, send: Send, limit: int) -> None:
        detail = f"E201 request body over {limit} bytes"
        await send_json(send, 413, {"code": "E201", "detail": detail})


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the buffered body over once, then waits on the real one."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class LastResort:
    """500 with code E000 for anything unexpected; logs the type only (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error("unexpected %s on %s %s", type(exc).__name__, scope["method"], redact_path(scope["path"]))
            if not started:
                await send_json(send, 500, {"code": "E000", "detail": "E000 internal error; please report it"})
