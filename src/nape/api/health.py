"""``GET /v1/health``: is the service up, and can it write to its database?

Always 200 while the process answers: one-shot assessments (``/v1/assess``) need no database,
so a worker whose database is down is still useful and must not be taken out of a load
balancer. ``status`` is ``degraded`` and ``database`` says why: ``unavailable`` (down or
damaged; interview routes answer 503 E501), ``busy`` (another writer holds the lock; E505 with
Retry-After), ``read_only`` (it cannot be written). The check takes the write lock and rolls an
update back (``Store.check``). Example response::

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
    """Status, versions and whether the database can be written (200 even when it cannot)."""
    store: Store = request.app.state.store
    database = store.check()
    return HealthOut(
        status="ok" if database == "ok" else "degraded",
        version=__version__,
        knowledge_base_version=default_kb().version,
        database=database,
    )
