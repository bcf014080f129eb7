"""``POST /v1/assess``: a one-shot, stateless assessment (nothing is saved).

Example: ``{"findings": {"fever": true, "neck_stiffness": true}, "age": 30}`` → the §4 JSON
with triage ``emergency_ambulance`` and meningitis near the top of the differential.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse

from nape.api.schemas import CASE_EXAMPLE, FINDINGS_EXAMPLE, AssessRequest, error_responses
from nape.errors import InputError
from nape.http.textlane import assess_json, bounded
from nape.report.schema import AssessmentOut

router = APIRouter(prefix="/v1", tags=["assessment"])

EXAMPLES = {
    "text": {"summary": "The person's own words", "value": CASE_EXAMPLE},
    "findings": {"summary": "Finding ids only", "value": FINDINGS_EXAMPLE},
}


@router.post(
    "/assess",
    response_model=None,
    responses={
        200: {"model": AssessmentOut, "description": "The assessment (§4 JSON)"},
        **error_responses(413, 422, 503),
    },
)
def post_assess(body: Annotated[AssessRequest, Body(openapi_examples=EXAMPLES)]) -> JSONResponse:
    """Differential, triage, red flags, care plan and sources for text and/or findings.

    A long text is read under a CPU budget, apart from short ones (``nape.http.textlane``): one
    that exceeds it is answered E206 (422), one that cannot be read in time E207 (503)."""
    text = body.text if body.text and body.text.strip() else None
    if text is None and not body.findings:
        raise InputError("give text and/or findings")
    return JSONResponse(bounded(assess_json, text, text, body.findings, body.age, body.sex))
