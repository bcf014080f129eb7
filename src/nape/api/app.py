"""The HTTP service: a versioned JSON API under ``/v1`` and the web page at ``/``.

Run with ``nape serve``. Nothing a person writes is logged (uvicorn's access log records
only method, path and status).
"""

from __future__ import annotations

import contextlib
from typing import Annotated, Any

from fastapi import Body, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from nape import __version__
from nape.assessment import assess
from nape.errors import (
    AuthError,
    ConflictError,
    InputError,
    NapeError,
    NotFoundError,
    StoreUnavailableError,
    UnknownConditionError,
)
from nape.knowledge.catalogue import condition_detail, condition_rows
from nape.knowledge.loader import default_kb
from nape.store import Store

MAX_BODY_BYTES = 64_000


class AssessRequest(BaseModel):
    """Text and/or findings, with age and sex."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, max_length=20_000)
    findings: dict[str, bool] = Field(default_factory=dict, description="finding id -> present?")
    age: int | None = Field(default=None, ge=0, le=120)
    sex: str | None = Field(default=None, max_length=20)


EXAMPLE = {
    "text": "Woke up with a stiff neck and can't turn my head to the left. No fever.",
    "age": 34,
    "sex": "female",
}


_STATUS: list[tuple[type[NapeError], int]] = [
    (UnknownConditionError, 404),
    (NotFoundError, 404),
    (AuthError, 401),
    (ConflictError, 409),
    (StoreUnavailableError, 503),
    (InputError, 422),
]


def status_for(exc: NapeError) -> int:
    """HTTP status of a numbered error: E502 → 404, E504 → 401, E503 → 409, E501 → 503, E2xx → 422."""
    return next((status for kind, status in _STATUS if isinstance(exc, kind)), 500)


def create_app(store: Store | None = None) -> FastAPI:
    """The app. ``store`` defaults to the settings' database (migrated on first use).

    Example (a test)::

        app = create_app(Store(f"sqlite:///{tmp_path}/nape.db"))
    """
    app = FastAPI(
        title="nape",
        version=__version__,
        description="Neck and back spasm assessment: a cited differential, safety-first triage and a care plan.",
    )

    if store is None:
        store = Store.from_settings()
    with contextlib.suppress(StoreUnavailableError):
        store.migrate()  # a database that is down now is migrated on first use (get_store)
    app.state.store = store

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_BODY_BYTES:
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(NapeError)
    async def nape_error(_: Request, exc: NapeError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "code": exc.code}, status_code=status_for(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"detail": problems, "code": "E201"}, status_code=422)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__, "knowledge_base_version": default_kb().version}

    @app.post("/v1/assess")
    def post_assess(body: Annotated[AssessRequest, Body(examples=[EXAMPLE])]) -> dict[str, Any]:
        if not body.text and not body.findings:
            raise HTTPException(422, "give text and/or findings")
        return assess(body.text, findings=body.findings, age=body.age, sex=body.sex).to_json_dict()

    @app.get("/v1/conditions")
    def list_conditions() -> list[dict[str, Any]]:
        return condition_rows()

    @app.get("/v1/conditions/{condition_id}")
    def get_condition(condition_id: str) -> dict[str, Any]:
        return condition_detail(condition_id)

    from nape.web import mount_web

    mount_web(app)
    from nape.api.fhir_routes import router as fhir_router

    app.include_router(fhir_router)
    from nape.api.cds_hooks import router as cds_router

    app.include_router(cds_router)
    return app
