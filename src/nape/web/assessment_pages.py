"""The private link ``/a/{id}``: one question at a time, back, the result and deletion.

Every form posts and redirects (Post/Redirect/Get), so the flow works without JavaScript.
Example: ``POST /a/{id}/answer`` with ``finding=fever, answer=no, step=0`` saves the answer and
answers 303 to ``/a/{id}``, which shows the next question or, when there is none, the result.
"""

from __future__ import annotations

import contextlib
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from nape import interview
from nape.api.deps import ClinicianDep, StoreDep, load_interview
from nape.errors import ConflictError
from nape.knowledge.loader import default_kb
from nape.web import view
from nape.web.rendering import PageRoute, render, see_other

router = APIRouter(route_class=PageRoute)

FormText = Annotated[str, Form()]


@router.get("/a/{interview_id}", response_model=None)
def question_page(
    request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep
) -> HTMLResponse | RedirectResponse:
    """The next question with yes / no / don't know, why we ask and the progress so far."""
    record, state = load_interview(store, interview_id, clinician)
    a = interview.current(state)
    if a.next_question is None:
        return see_other(f"/a/{record.id}/result")
    asked, most = view.progress(state, default_kb())
    context = {
        "id": record.id,
        "q": a.next_question,
        "asked": asked,
        "most": most,
        "step": len(state.answers),
        "who": a.patient.who if state.about_someone_else else None,
    }
    return render(request, "question.html", context)


@router.post("/a/{interview_id}/answer")
def post_answer(
    interview_id: str,
    store: StoreDep,
    clinician: ClinicianDep,
    finding: FormText = "",
    answer: FormText = "",
    step: FormText = "",
) -> RedirectResponse:
    """Save one answer. A stale form (sent twice, or from an old tab) changes nothing."""
    record, state = load_interview(store, interview_id, clinician)
    if step == str(len(state.answers)):
        new = interview.answer(state, finding[:100], answer[:40])
        _save(store, record.id, new.to_dict(), record.version, clinician)
    return see_other(f"/a/{record.id}")


@router.post("/a/{interview_id}/back")
def post_back(interview_id: str, store: StoreDep, clinician: ClinicianDep, step: FormText = "") -> RedirectResponse:
    """Take back the last answer and show that question again."""
    record, state = load_interview(store, interview_id, clinician)
    if state.answers and step in ("", str(len(state.answers))):
        _save(store, record.id, interview.undo(state).to_dict(), record.version, clinician)
    return see_other(f"/a/{record.id}")


def _save(store: StoreDep, interview_id: str, state: dict[str, object], version: int, clinician: ClinicianDep) -> None:
    """Compare-and-swap save; if another request saved first, its answer stands (nothing is lost)."""
    with contextlib.suppress(ConflictError):
        store.save_interview(interview_id, state, version=version, owner_id=clinician.id if clinician else None)


@router.get("/a/{interview_id}/result", response_class=HTMLResponse)
def result_page(request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep) -> HTMLResponse:
    """Urgency first, then likely causes, why, what to do, the doctor, questions and sources."""
    record, state = load_interview(store, interview_id, clinician)
    kb = default_kb()
    a = interview.current(state)
    context = {
        "id": record.id,
        "a": a,
        "emergency": view.is_emergency(a),
        "stop": interview.emergency_stop(a),
        "causes": view.causes(a, kb),
        "plan": view.split_plan(a),
        "doctor_questions": view.doctor_questions(a, kb),
        "answered": len(state.answers),
        "citations": [(s.id, view.citation(kb, s.id)) for s in a.sources],
        "link": str(request.url_for("result_page", interview_id=record.id)),
    }
    return render(request, "result.html", context)


@router.post("/a/{interview_id}/delete", response_class=HTMLResponse)
def delete(
    request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep, confirm: FormText = ""
) -> HTMLResponse:
    """First post: "are you sure?"; with ``confirm=yes`` the assessment is deleted for good."""
    record, _ = load_interview(store, interview_id, clinician)
    if confirm != "yes":
        return render(request, "delete_confirm.html", {"id": record.id})
    store.delete_interview(record.id, owner_id=clinician.id if clinician else None)
    return render(request, "deleted.html")
