"""CDS Hooks 2.0 routes: ``GET /cds-services`` and ``POST /cds-services/nape-spasm-triage``.

The electronic record calls the service when a clinician opens a chart (hook ``patient-view``)
with the prefetched Patient, Conditions and Observations; free text may come in the request's
``extension`` as ``{"nape-text": "…"}``. The assessment is saved (kind ``cds``, no owner) and
the card links to its clinician view. Nothing from the request is logged.

Example request body::

    {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
     "context": {"userId": "Practitioner/1", "patientId": "1288992"},
     "prefetch": {"patient": {"resourceType": "Patient", "gender": "female", "birthDate": "1990-02-01"}},
     "extension": {"nape-text": "stiff neck since this morning and a fever"}}
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Body, Request
from pydantic import BaseModel, ConfigDict, Field

from nape.errors import InputError
from nape.fhir.cds import HOOK, answer_hook, discovery, interview_from_record
from nape.fhir.maps import fhir_terms
from nape.http.deps import StoreDep, public_base
from nape.http.textlane import bounded

router = APIRouter(tags=["cds-hooks"])


class HookContext(BaseModel):
    """``patient-view`` context: the patient whose chart is open (userId is accepted, not required)."""

    model_config = ConfigDict(extra="allow")
    patientId: str = Field(min_length=1, max_length=200)
    userId: str | None = Field(default=None, max_length=200)


class HookRequest(BaseModel):
    """A CDS Hooks 2.0 call. ``fhirServer`` and ``fhirAuthorization`` are accepted and not used."""

    model_config = ConfigDict(extra="allow")
    hook: str = Field(max_length=100)
    hookInstance: UUID
    context: HookContext
    prefetch: dict[str, Any] | None = None
    extension: dict[str, Any] | None = None


EXAMPLE = {
    "hook": "patient-view",
    "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    "context": {"userId": "Practitioner/example", "patientId": "example"},
    "prefetch": {"patient": {"resourceType": "Patient", "gender": "female", "birthDate": "1990-02-01"}},
    "extension": {"nape-text": "Stiff neck since this morning, a fever and a headache."},
}


def _text(body: HookRequest) -> str | None:
    """The free text from ``extension["nape-text"]``, if any."""
    key = fhir_terms().cds.text_extension
    value = (body.extension or {}).get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'extension "{key}" must be a string of free text')
    return value.strip() or None


@router.get("/cds-services")
def cds_discovery() -> dict[str, Any]:
    """The CDS Hooks discovery document: one ``patient-view`` service with its prefetch templates."""
    return discovery()


@router.post(f"/cds-services/{fhir_terms().cds.service_id}")
def cds_patient_view(
    body: Annotated[HookRequest, Body(examples=[EXAMPLE])], request: Request, store: StoreDep
) -> dict[str, Any]:
    """Cards for the open chart: urgency, top causes with ICD-10-CM, red flags, a link to the report.

    No card when the record shows no neck or back complaint and no text was given.
    """
    if body.hook != HOOK:
        raise InputError(f"this service answers the {HOOK} hook, not {body.hook[:40]!r}")
    text = _text(body)  # a long one is read in the long-text lane, under its budget (E206/E207)
    state = bounded(interview_from_record, text, body.prefetch, text, datetime.now(UTC).date())
    if state is None:
        return {"cards": []}
    record = store.create_interview(state.to_dict(), owner_id=None, kind="cds")
    return answer_hook(state, record.id, public_base(request))
