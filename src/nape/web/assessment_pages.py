"""The private link ``/a/{id}``: one question at a time, back, the result and deletion.

Every form posts and redirects (Post/Redirect/Get), so the flow works without JavaScript.
Example: ``POST /a/{id}/answer`` with ``finding=fever, answer=no, step=0`` saves the answer and
answers 303 to ``/a/{id}``, which shows the next question or, when there is none, the result.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from nape import interview
from nape.http.deps import ClinicianDep, StoreDep, interview_link, owner_id
from nape.interview import InterviewState, service
from nape.knowledge.loader import default_kb
from nape.report.person import citation, person_view
from nape.web import view
from nape.web.rendering import PageRoute, render, see_other

router = APIRouter(route_class=PageRoute)

FormText = Annotated[str, Form()]


@router.get("/a/{interview_id}", response_model=None)
def question_page(
    request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep
) -> HTMLResponse | RedirectResponse:
    """The next question with yes / no / don't know, why we ask and the progress so far."""
    record, state = service.load(store, interview_id, owner_id(clinician))
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
    item: Annotated[list[str] | None, Form()] = None,
) -> RedirectResponse:
    """Save one answer. A stale form (sent twice, or from an old tab) changes nothing.

    A checklist posts its ticked boxes as ``item`` (one field per box) with ``answer=ticked``;
    "None of these" posts ``answer=none`` and "Don't know" ``answer=dont_know``.

    The form's ``step`` is checked against the state first read; if another request saved in
    between, the answer is added to the newer state unless that request already answered the
    same question (the same form sent twice).
    """
    first: list[InterviewState] = []

    def add_answer(state: InterviewState) -> InterviewState | None:
        first.append(state)
        if step != str(len(first[0].answers)):
            return None  # a stale form
        if any(a[0] == finding[:100] for a in state.answers[len(first[0].answers) :]):
            return None  # answered meanwhile by the same form sent twice
        if answer == "ticked":
            return interview.answer_items(state, finding[:100], [i[:100] for i in (item or [])[:40]])
        return interview.answer(state, finding[:100], answer[:40])

    record, _ = service.update(store, interview_id, owner_id(clinician), add_answer)
    return see_other(f"/a/{record.id}")


@router.post("/a/{interview_id}/back")
def post_back(interview_id: str, store: StoreDep, clinician: ClinicianDep, step: FormText = "") -> RedirectResponse:
    """Take back the last answer and show that question again (a stale form changes nothing)."""

    def take_back(state: InterviewState) -> InterviewState | None:
        if state.answers and step in ("", str(len(state.answers))):
            return interview.undo(state)
        return None

    record, _ = service.update(store, interview_id, owner_id(clinician), take_back)
    return see_other(f"/a/{record.id}")


@router.get("/a/{interview_id}/result", response_class=HTMLResponse)
def result_page(request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep) -> HTMLResponse:
    """Urgency with reason and timeframe, what to do now, warning signs, causes, self-care, questions, sources."""
    record, state = service.load(store, interview_id, owner_id(clinician))
    kb = default_kb()
    a = interview.current(state)
    pv = person_view(a, kb)
    context = {
        "id": record.id,
        "a": a,
        "person": pv,
        "stop": interview.emergency_stop(a, state),
        "answered": len(state.answers),
        "citations": [(sid, citation(kb, sid)) for sid in pv.sources],
        "source_numbers": {sid: pv.number(sid) for sid in pv.sources},
        "fold_sources": True,
        "link": f"{interview_link(request, record.id)}/result",
    }
    return render(request, "result.html", context)


@router.post("/a/{interview_id}/delete", response_class=HTMLResponse)
def delete(
    request: Request, interview_id: str, store: StoreDep, clinician: ClinicianDep, confirm: FormText = ""
) -> HTMLResponse:
    """First post: "are you sure?"; with ``confirm=yes`` the assessment is deleted for good."""
    record, _ = service.load(store, interview_id, owner_id(clinician))
    if confirm != "yes":
        return render(request, "delete_confirm.html", {"id": record.id})
    store.delete_interview(record.id, owner_id=owner_id(clinician))
    return render(request, "deleted.html")
