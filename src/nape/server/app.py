"""The HTTP composition root: one app with the JSON API (``nape.api``) and the web pages
(``nape.web``) included side by side; neither imports the other.

Run with ``nape serve`` (or ``uvicorn --factory nape.server.app:create_app``). One router per
resource; errors are numbered (``{"code": "E502", "detail": "E502 no such assessment …"}``).
Nothing a person writes is logged, and private ids are redacted from access logs
(``nape.server.privacy``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from nape import __version__, api, web
from nape.api.schemas import ERROR_WHY, ErrorOut
from nape.errors import NapeError, StoreUnavailableError
from nape.server.docs import install_docs
from nape.server.middleware import MAX_BODY_BYTES, BodyGuard, LastResort
from nape.server.privacy import install_log_privacy
from nape.server.security import WebSecurity
from nape.store import Store

__all__ = ["MAX_BODY_BYTES", "create_app"]

_ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}


def _field(loc: tuple[object, ...] | list[object]) -> str:
    """``("body", "age")`` → ``body.age``."""
    return ".".join(str(p) for p in loc)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NapeError)
    async def nape_error(_: Request, exc: NapeError) -> JSONResponse:
        body = {"code": exc.code, "detail": str(exc)}
        return JSONResponse(body, status_code=exc.http_status, headers=exc.http_headers() or None)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{_field(e['loc'])}: {e['msg']}" for e in exc.errors()]
        detail = "E201 invalid request: " + "; ".join(problems)
        return JSONResponse({"code": "E201", "detail": detail, "problems": problems}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI could not parse the body: still the client's input
            return JSONResponse({"code": "E201", "detail": f"E201 unreadable body: {exc.detail}"}, status_code=422)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(app, request))
        return JSONResponse({"code": None, "detail": str(exc.detail)}, status_code=exc.status_code, headers=headers)


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    return [
        m for m in methods if any(r.matches({**request.scope, "method": m})[0] == Match.FULL for r in app.router.routes)
    ]


def _openapi_errors(app: FastAPI) -> None:
    """Document 422s as what the API sends (``ErrorOut``), not FastAPI's default validation shape."""
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = make()
            spec.setdefault("components", {}).setdefault("schemas", {})["ErrorOut"] = ErrorOut.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            for ops in spec.get("paths", {}).values():
                for op in ops.values():
                    if "422" in op.get("responses", {}):
                        op["responses"]["422"] = {"description": ERROR_WHY[422], "content": _ERROR_CONTENT}
            for name in ("HTTPValidationError", "ValidationError"):
                spec["components"]["schemas"].pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(store: Store | None = None) -> FastAPI:
    """The app. ``store`` defaults to the settings' database (migrated on first use).

    Also the factory uvicorn workers import (``nape.server.app:create_app``). Example (a test)::

        app = create_app(Store(f"sqlite:///{tmp_path}/nape.db"))
    """
    install_log_privacy()
    app = FastAPI(
        title="nape",
        version=__version__,
        description="Neck and back spasm assessment: a cited differential, safety-first triage and a care plan. "
        "Not a diagnosis: in an emergency call your local emergency number.",
        docs_url=None,
        redoc_url=None,
    )
    if store is None:
        store = Store.from_settings()
    with contextlib.suppress(StoreUnavailableError):
        store.migrate()  # a database that is down now is migrated on first use (get_store)
    app.state.store = store
    app.add_middleware(BodyGuard)
    app.add_middleware(LastResort)
    app.add_middleware(WebSecurity)  # outermost: its headers are on every answer, errors included
    _install_error_handlers(app)
    _openapi_errors(app)
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    install_docs(app)
    return app
