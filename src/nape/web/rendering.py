"""Templates, and the route class that turns numbered errors into friendly HTML pages.

A page never shows a traceback: an unknown or deleted link gets a 404 page, a database that is
down gets a 503 page (E501), each with the emergency advice. Example: ``GET /a/no-such-id``
answers 404 with "We could not find this assessment".
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from nape.errors import NapeError, NotFoundError, StoreUnavailableError
from nape.knowledge.loader import default_kb
from nape.knowledge.schema import LEVEL_NAMES

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["level_names"] = LEVEL_NAMES


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200) -> HTMLResponse:
    """A page with the knowledge base's disclaimer and emergency advice always in its context."""
    meta = default_kb().meta.triage
    full = {"disclaimer": meta.disclaimer, "emergency_advice": meta.emergency_advice, **(context or {})}
    return templates.TemplateResponse(request, name, full, status_code=status)


def see_other(url: str) -> RedirectResponse:
    """Post/Redirect/Get: after a form is posted, the browser loads ``url`` with GET."""
    return RedirectResponse(url, status_code=303)


def error_page(request: Request, exc: NapeError) -> HTMLResponse:
    """The friendly page for a numbered error (404 not found, 503 database down, ...)."""
    status = exc.http_status
    kind = "other"
    if isinstance(exc, NotFoundError):
        kind = "not_found"
    elif isinstance(exc, StoreUnavailableError):
        kind = "unavailable"
    page = render(request, "error.html", {"kind": kind, "error": str(exc), "status": status}, status)
    page.headers.update(exc.http_headers())
    return page


class PageRoute(APIRoute):
    """An ``APIRoute`` whose numbered errors (``NapeError``) become HTML pages, not JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except NapeError as exc:
                return error_page(request, exc)

        return page_handler
