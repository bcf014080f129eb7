"""``GET /v1/health``: is the service up, and can it reach its database?

Always 200 while the process answers: one-shot assessments (``/v1/assess``) need no database,
so a worker whose database is down is still useful and must not be taken out of a load
balancer. ``status`` is ``degraded`` and ``database`` is ``unavailable`` then, and the
interview routes answer 503 (E501) until it returns. Example response::

    {"status": "ok", "version": "0.1.0", "knowledge_base_version": "1.0.0+3f2a…", "database": "ok"}
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from nape import __version__
from nape.api.schemas import HealthOut
from nape.knowledge.loader import default_kb
from nape.store import Store

router = APIRouter(prefix="/v1", tags=["service"])


@router.get("/health")
def health(request: Request) -> HealthOut:
    """Status, versions and database reachability (200 even when the database is down)."""
    store: Store = request.app.state.store
    reachable = store.ping()
    return HealthOut(
        status="ok" if reachable else "degraded",
        version=__version__,
        knowledge_base_version=default_kb().version,
        database="ok" if reachable else "unavailable",
    )
