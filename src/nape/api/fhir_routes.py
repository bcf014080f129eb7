"""``GET /v1/interviews/{id}/fhir``: a saved interview as a FHIR R4 Bundle.

The same ownership rules as the other interview routes: a clinician's interview only with that
clinician's token, a self-assessment with its private id; anything else is 404.
Example: ``curl -H "Authorization: Bearer nape_…" $BASE/v1/interviews/AbC…/fhir``.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from nape.api.schemas import error_responses
from nape.fhir import interview_bundle
from nape.http.deps import ClinicianDep, StoreDep, owner_id
from nape.interview import service

FHIR_JSON = "application/fhir+json"

router = APIRouter(tags=["fhir"])


class FhirJSONResponse(JSONResponse):
    media_type = FHIR_JSON


@router.get(
    "/v1/interviews/{interview_id}/fhir",
    response_class=FhirJSONResponse,
    responses={
        200: {"content": {FHIR_JSON: {}}, "description": "A FHIR R4 Bundle (type collection)"},
        **error_responses(401, 404, 503),
    },
)
def get_interview_fhir(interview_id: str, store: StoreDep, clinician: ClinicianDep) -> FhirJSONResponse:
    """The interview's QuestionnaireResponse, RiskAssessment and differential Conditions in one Bundle."""
    record, state = service.load(store, interview_id, owner_id(clinician))
    return FhirJSONResponse(interview_bundle(state, interview_id=record.id))
