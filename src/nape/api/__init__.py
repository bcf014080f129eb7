"""The versioned JSON API (``/v1``), CDS Hooks and FHIR routes: one ``router`` that the server includes."""

from fastapi import APIRouter

from nape.api import ask, assessments, cds_hooks, conditions, fhir_routes, health, interviews

router = APIRouter()
for _module in (health, assessments, conditions, interviews, ask, fhir_routes, cds_hooks):
    router.include_router(_module.router)

__all__ = ["router"]
