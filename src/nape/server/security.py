"""Web security for every response and every state-changing request (one plain ASGI middleware).

In the order a request meets them:

1. **Trusted hosts.** The Host header must name a trusted host (``NAPE_TRUSTED_HOSTS``; by
   default localhost, 127.0.0.1, ::1 and the host of ``NAPE_PUBLIC_URL``), else 400 E702. Links
   that fall back to the request's own URL can then only point at a trusted host.
2. **Cross-site requests (CSRF).** A POST, PUT, PATCH or DELETE with no bearer token is refused
   with 403 E701 when a browser says another site sent it:

   - ``Sec-Fetch-Site`` (every current browser sends it) must be ``same-origin`` or ``none``;
   - without it, an ``Origin`` must name this server (the public URL's host or the request's
     own trusted Host), and ``Origin: null`` is refused; without an Origin, a ``Referer`` must;
   - a request with none of the three comes from no browser (curl, a script) and passes.

   A request with ``Authorization: Bearer …`` passes: a browser never adds that header by itself,
   and another site cannot add it without CORS, which nape does not enable.

   The JSON API (``/v1/…``, ``/cds-services/…``) also reads only JSON: a body with a content
   type that is not JSON is refused with 422 E201. A cross-site HTML form can only send
   ``application/x-www-form-urlencoded``, ``multipart/form-data`` or ``text/plain``, and a
   script on another site cannot send ``application/json`` without a CORS preflight, which
   fails. So a JSON client without an Origin (a script, a server) keeps working, and another
   site's page cannot write through the API.
3. **Response headers**, on every response (pages, API, static files and errors):
   ``Content-Security-Policy`` (own files only, no inline script or style,
   ``frame-ancestors 'none'``), ``X-Frame-Options: DENY``, ``X-Content-Type-Options: nosniff``,
   ``Referrer-Policy: no-referrer``; ``Cache-Control: no-store`` on private pages (``/a/…``),
   the interview and CDS Hooks routes and every answer to a POST, PUT, PATCH or DELETE.
   The API documentation pages (``/docs``, ``/redoc``) get the same policy except that they may
   use inline styles (Swagger UI and ReDoc set them from their own scripts) and ``data:`` images.
4. **Redirects** to this server's own host (Starlette's trailing-slash redirects) are rewritten
   onto ``NAPE_PUBLIC_URL`` when it is set, so no Location is built from the Host header.

Example: ``POST /a/<id>/delete`` with ``Origin: https://evil.example`` answers
``403 {"code": "E701", "detail": "E701 refused a cross-site request …"}``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from nape.core.config import Settings, get_settings
from nape.errors import CrossSiteError, InputError, NapeError, UntrustedHostError
from nape.server.middleware import ASGIApp, Message, Receive, Scope, Send, send_json

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
API_PREFIXES = ("/v1/", "/cds-services/")
PRIVATE_PREFIXES = ("/a/", "/v1/interviews", "/cds-services/")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})


def _headers(scope: Scope) -> dict[bytes, str]:
    """Request headers by lower-case name (the first of repeated ones)."""
    out: dict[bytes, str] = {}
    for key, value in scope.get("headers", []):
        out.setdefault(bytes(key).lower(), bytes(value).decode("latin-1"))
    return out


def host_name(host: str) -> str:
    """``Example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def host_allowed(host: str, allowed: list[str]) -> bool:
    """Whether a Host header names a trusted host; ``*`` allows any, ``*.example.org`` subdomains."""
    name = host_name(host)
    if not name:
        return False
    for pattern in allowed:
        if pattern == "*" or name == pattern:
            return True
        if pattern.startswith("*.") and name.endswith(pattern[1:]):
            return True
    return False


def _netloc(url: str) -> str:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def cross_site_reason(scope: Scope, headers: dict[bytes, str], settings: Settings) -> str | None:
    """Why a state-changing request looks sent by another site, or None if it does not."""
    if headers.get(b"authorization", "").lower().startswith("bearer "):
        return None
    site = headers.get(b"sec-fetch-site", "").strip().lower()
    if site:
        return None if site in ALLOWED_FETCH_SITES else f"the browser says it came from a {site} page"
    own = {headers.get(b"host", "").lower()}
    if settings.public_url:
        own.add(_netloc(settings.public_url))
    origin = headers.get(b"origin")
    if origin is not None:
        if origin.strip().lower() == "null" or _netloc(origin) not in own:
            return "its Origin is another site"
        return None
    referer = headers.get(b"referer")
    if referer is not None and _netloc(referer) not in own:
        return "its Referer is another site"
    return None


def _is_json_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def refusal(scope: Scope, settings: Settings) -> NapeError | None:
    """The numbered error a request is refused with before it reaches a route, if any."""
    headers = _headers(scope)
    if not host_allowed(headers.get(b"host", ""), settings.allowed_hosts()):
        return UntrustedHostError("this server does not answer to that host name (see NAPE_TRUSTED_HOSTS)")
    if scope["method"] not in UNSAFE_METHODS:
        return None
    reason = cross_site_reason(scope, headers, settings)
    if reason is not None:
        return CrossSiteError(f"refused a cross-site request: {reason}; use nape's own pages")
    content_type = headers.get(b"content-type", "")
    if scope["path"].startswith(API_PREFIXES) and content_type and not _is_json_type(content_type):
        return InputError("the API reads JSON only: send Content-Type: application/json")
    return None


def response_headers(path: str, method: str) -> list[tuple[bytes, bytes]]:
    """The security headers for a response to ``method path``."""
    csp = DOCS_CSP if path in DOCS_PATHS else PAGE_CSP
    out = [
        (b"content-security-policy", csp.encode()),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]
    if path.startswith(PRIVATE_PREFIXES) or method in UNSAFE_METHODS:
        out.append((b"cache-control", b"no-store"))
    return out


def public_location(location: str, host: str, public_url: str | None) -> str:
    """A redirect to this server's own host moved onto the public URL (unchanged otherwise)."""
    if not public_url:
        return location
    parts = urlsplit(location)
    if not parts.netloc or parts.netloc.lower() != host.lower():
        return location
    tail = parts.path + (f"?{parts.query}" if parts.query else "")
    return public_url.rstrip("/") + tail


class WebSecurity:
    """Trusted hosts, cross-site refusal, security headers and public redirects (module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        path, method = scope["path"], scope["method"]
        extra = response_headers(path, method)
        host = _headers(scope).get(b"host", "")

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in extra}
                kept = []
                for name, value in message.get("headers", []):
                    key = bytes(name).lower()
                    if key in names:
                        continue
                    if key == b"location" and settings.public_url:
                        moved = public_location(bytes(value).decode("latin-1"), host, settings.public_url)
                        value = moved.encode("latin-1", "replace")
                    kept.append((name, value))
                message["headers"] = kept + extra
            await send(message)

        error = refusal(scope, settings)
        if error is not None:
            await send_json(secured_send, error.http_status, {"code": error.code, "detail": str(error)})
            return
        await self.app(scope, receive, secured_send)
