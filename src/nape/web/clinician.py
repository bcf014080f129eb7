"""The clinician's view of an interview: a structured note, printable and as a PDF.

Example: a CDS card links to ``/a/{id}/clinician``; ``/a/{id}/clinician.pdf`` downloads the same
note, and the page links to the FHIR Bundle at ``/v1/interviews/{id}/fhir``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from nape import interview
from nape.http.deps import ClinicianDep, StoreDep, owner_id
from nape.interview import service
from nape.knowledge.loader import default_kb
from nape.web import view
from nape.web.pdf import clinician_pdf
from nape.web.rendering import PageRoute, render

router = APIRouter(route_class=PageRoute)


def _case(store: StoreDep, interview_id: str, clinician: ClinicianDep) -> tuple[str, view.ClinicianCase]:
    record, state = service.load(store, interview_id, owner_id(clinician))
    case = view.clinician_case(
        state, interview.current(state), default_kb(), reference=record.id[:8], assessed_at=record.updated_at
    )
    return record.id, case


@router.get("/a/{interview_id}/clinician", response_class=HTMLResponse)
def clinician_page(request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep) -> HTMLResponse:
    """Findings with their words, differential with ICD-10-CM, red-flag screen, rules, plan, sources."""
    record_id, case = _case(store, interview_id, clinician)
    return render(
        request, "clinician.html", {"id": record_id, "case": case, "a": case.a, "source_numbers": case.source_numbers}
    )


@router.get("/a/{interview_id}/clinician.pdf")
def clinician_pdf_download(interview_id: str, store: StoreDep, clinician: ClinicianDep) -> Response:
    """The note as a PDF download."""
    record_id, case = _case(store, interview_id, clinician)
    headers = {"Content-Disposition": f'attachment; filename="nape-{record_id[:8]}.pdf"'}
    return Response(clinician_pdf(case), media_type="application/pdf", headers=headers)
