"""The HTTP service: a versioned JSON API under ``/v1`` and the web page at ``/``.

Run with ``nape serve`` (or ``uvicorn --factory nape.api.app:create_app``). One router per
resource; errors are numbered (``{"code": "E502", "detail": "E502 no such assessment …"}``).
Nothing a person writes is logged, and private ids are redacted from access logs
(``nape.api.privacy``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from nape import __version__
from nape.api import ask, assessments, conditions, health, interviews
from nape.api.middleware import MAX_BODY_BYTES, BodyGuard, LastResort
from nape.api.privacy import install_log_privacy
from nape.api.schemas import ERROR_WHY, ErrorOut
from nape.errors import (
    AuthError,
    ConflictError,
    IndexFileError,
    InputError,
    NapeError,
    NotFoundError,
    StoreBusyError,
    StoreUnavailableError,
    UnknownConditionError,
)
from nape.store import Store

__all__ = ["MAX_BODY_BYTES", "create_app", "status_for"]

_ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}

_STATUS: list[tuple[type[NapeError], int]] = [
    (UnknownConditionError, 404),
    (NotFoundError, 404),
    (AuthError, 401),
    (ConflictError, 409),
    (StoreUnavailableError, 503),
    (IndexFileError, 503),
    (InputError, 422),
]
#: Seconds a client should wait before retrying a request the database was too busy for (E505).
RETRY_AFTER_SECONDS = 1


def error_headers(exc: NapeError) -> dict[str, str] | None:
    """Headers of a numbered error's response: a Bearer challenge on 401, Retry-After when busy."""
    if isinstance(exc, AuthError):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, StoreBusyError):
        return {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return None


def status_for(exc: NapeError) -> int:
    """HTTP status of a numbered error: E502 → 404, E504 → 401, E503 → 409, E501 → 503, E2xx → 422."""
    return next((status for kind, status in _STATUS if isinstance(exc, kind)), 500)


def _field(loc: tuple[object, ...] | list[object]) -> str:
    """``("body", "age")`` → ``body.age``."""
    return ".".join(str(p) for p in loc)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NapeError)
    async def nape_error(_: Request, exc: NapeError) -> JSONResponse:
        return JSONResponse(
            {"code": exc.code, "detail": str(exc)}, status_code=status_for(exc), headers=error_headers(exc)
        )

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

    Also the factory uvicorn workers import (``nape.api.app:create_app``). Example (a test)::

        app = create_app(Store(f"sqlite:///{tmp_path}/nape.db"))
    """
    install_log_privacy()
    app = FastAPI(
        title="nape",
        version=__version__,
        description="Neck and back spasm assessment: a cited differential, safety-first triage and a care plan. "
        "Not a diagnosis: in an emergency call your local emergency number.",
    )
    if store is None:
        store = Store.from_settings()
    with contextlib.suppress(StoreUnavailableError):
        store.migrate()  # a database that is down now is migrated on first use (get_store)
    app.state.store = store
    app.add_middleware(BodyGuard)
    app.add_middleware(LastResort)
    _install_error_handlers(app)
    _openapi_errors(app)
    for module in (health, assessments, conditions, interviews, ask):
        app.include_router(module.router)

    from nape.web import mount_web

    mount_web(app)
    from nape.api.fhir_routes import router as fhir_router

    app.include_router(fhir_router)
    from nape.api.cds_hooks import router as cds_router

    app.include_router(cds_router)
    return app
