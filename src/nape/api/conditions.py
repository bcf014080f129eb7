"""``GET /v1/conditions`` and ``GET /v1/conditions/{condition_id}``: the knowledge base.

Example: ``GET /v1/conditions/cervical_dystonia`` → its ICD-10-CM code G24.3, base triage,
findings with their likelihoods and the sources behind them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from nape.api.schemas import error_responses
from nape.knowledge.catalogue import condition_detail, condition_rows

router = APIRouter(prefix="/v1/conditions", tags=["knowledge base"])


@router.get("")
def list_conditions() -> list[dict[str, Any]]:
    """Every condition: id, name, ICD-10-CM codes, base triage level and sources."""
    return condition_rows()


@router.get("/{condition_id}", responses=error_responses(404))
def get_condition(condition_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    """One condition in detail (404 with E203 for an unknown id)."""
    return condition_detail(condition_id)
