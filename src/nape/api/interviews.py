"""Interviews as resources: start one, answer its questions, step back, read the report, delete it.

An interview's whole state lives in the database, so any worker can continue it and it
survives a restart. Who may see it: a clinician's bearer token makes them its owner and only
they can reach it; a self-assessment (started without a token) is reachable by whoever holds its
private id. Anything else is a 404, so ids cannot be probed. Example session::

    POST /v1/interviews {"text": "stiff neck since this morning", "age": 34}
        → 201 {"id": "Xk3…", "link": "http://…/a/Xk3…", "next_question": {"finding": "fever", …}}
    POST /v1/interviews/Xk3…/answers {"finding": "fever", "answer": "no"}
    GET  /v1/interviews/Xk3…/report   → the §4 JSON
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Request, Response
from fastapi.responses import JSONResponse

from nape import interview as iv
from nape.api.schemas import (
    ANSWER_EXAMPLE,
    CASE_EXAMPLE,
    CHECKLIST_EXAMPLE,
    CHILD_EXAMPLE,
    CHOICE_EXAMPLE,
    Answered,
    AnswerIn,
    EmergencyOut,
    InterviewCreate,
    InterviewList,
    InterviewOut,
    InterviewSummary,
    Progress,
    SubjectOut,
    error_responses,
)
from nape.errors import AuthError
from nape.http.deps import ClinicianDep, StoreDep, interview_link, owner_id
from nape.http.textlane import bounded, start_interview
from nape.interview import InterviewState, service
from nape.knowledge.loader import default_kb
from nape.report.schema import AssessmentOut
from nape.store import InterviewRecord

router = APIRouter(prefix="/v1/interviews", tags=["interviews"])

InterviewId = Annotated[str, Path(max_length=64, description="The private id returned on creation")]
READ_ERRORS = error_responses(401, 404, 503)
WRITE_ERRORS = error_responses(401, 404, 409, 413, 422, 503)


def interview_out(request: Request, record: InterviewRecord, state: InterviewState) -> InterviewOut:
    """The API view of a saved interview: progress, next question and urgency so far."""
    a = iv.current(state)
    stop = iv.emergency_stop(a, state)
    emergency = (
        EmergencyOut(
            level=stop.level,  # type: ignore[arg-type,unused-ignore]
            red_flag=stop.red_flag,
            reason=stop.reason,
            advice=stop.advice,
            while_waiting=stop.while_waiting,
            call=stop.numbers,
            call_links=[f"tel:{n}" for n in stop.numbers],
            call_ambulance_if=stop.call_ambulance_if,
        )
        if stop
        else None
    )
    return InterviewOut(
        id=record.id,
        link=interview_link(request, record.id),
        kind=record.kind,
        created_at=record.created_at,
        updated_at=record.updated_at,
        age=state.age,
        sex=state.sex,
        text=state.text,
        answers=[Answered(finding=f, answer=ans) for f, ans, _ in state.answers],
        progress=Progress(asked=iv.asked_count(state), max=iv.max_questions()),
        done=a.next_question is None,
        triage_level=a.triage.level,
        next_question=a.next_question,
        subject=SubjectOut(
            who="someone_else" if state.about_someone_else else "self",
            relation=state.relation,
            description=iv.who(state),
        ),
        emergency=emergency,
        stopped_early=state.stopped_early,
        disclaimer=a.disclaimer,
        emergency_advice=a.emergency_advice,
    )


@router.post("", status_code=201, responses=error_responses(401, 413, 422, 503))
def create_interview(
    request: Request,
    response: Response,
    body: Annotated[
        InterviewCreate,
        Body(
            openapi_examples={
                "text": {"summary": "Words", "value": CASE_EXAMPLE},
                "child": {"summary": "A parent about their child", "value": CHILD_EXAMPLE},
            }
        ),
    ],
    store: StoreDep,
    clinician: ClinicianDep,
) -> InterviewOut:
    """Start an interview from the person's words and/or findings; returns the first question and the private link."""
    text = body.text if body.text and body.text.strip() else None
    subject = body.subject
    who = None if subject is None else "self" if subject.who == "self" else "other"
    relation = subject.relation if subject else None
    state = bounded(start_interview, text, text, body.age, body.sex, body.findings, who, relation)
    record = store.create_interview(state.to_dict(), owner_id=owner_id(clinician))
    response.headers["Location"] = f"/v1/interviews/{record.id}"
    return interview_out(request, record, state)


@router.get("", responses=error_responses(401, 503))
def list_interviews(request: Request, store: StoreDep, clinician: ClinicianDep) -> InterviewList:
    """The calling clinician's own interviews, most recently changed first (needs a token)."""
    if clinician is None:
        raise AuthError("listing interviews needs 'Authorization: Bearer <clinician token>'")
    kb = default_kb()
    rows = []
    for record in store.list_interviews(clinician.id):
        state = InterviewState.from_dict(record.state)
        a = iv.current(state)
        rows.append(
            InterviewSummary(
                id=record.id,
                link=interview_link(request, record.id),
                kind=record.kind,
                created_at=record.created_at,
                updated_at=record.updated_at,
                asked=iv.asked_count(state),
                done=a.next_question is None,
                triage_level=a.triage.level,
            )
        )
    return InterviewList(
        interviews=rows, disclaimer=kb.meta.triage.disclaimer, emergency_advice=kb.meta.triage.emergency_advice
    )


@router.get("/{interview_id}", responses=READ_ERRORS)
def get_interview(
    request: Request, interview_id: InterviewId, store: StoreDep, clinician: ClinicianDep
) -> InterviewOut:
    """Where the interview stands: answers so far, progress, urgency and the next question."""
    record, state = service.load(store, interview_id, owner_id(clinician))
    return interview_out(request, record, state)


@router.post("/{interview_id}/answers", responses=WRITE_ERRORS)
def post_answer(
    request: Request,
    interview_id: InterviewId,
    body: Annotated[
        AnswerIn,
        Body(
            openapi_examples={
                "no_fever": {"summary": "No fever", "value": ANSWER_EXAMPLE},
                "choice": {"summary": "A multiple-choice answer", "value": CHOICE_EXAMPLE},
                "checklist": {"summary": "A checklist: the items ticked", "value": CHECKLIST_EXAMPLE},
            }
        ),
    ],
    store: StoreDep,
    clinician: ClinicianDep,
) -> InterviewOut:
    """Record an answer (yes / no / dont_know, a choice id or a checklist's ticks); a later answer wins."""
    record, state = service.update(
        store, interview_id, owner_id(clinician), lambda s: iv.answer(s, body.finding, body.value)
    )
    return interview_out(request, record, state)


@router.delete("/{interview_id}/answers/last", responses=WRITE_ERRORS)
def delete_last_answer(
    request: Request, interview_id: InterviewId, store: StoreDep, clinician: ClinicianDep
) -> InterviewOut:
    """Take back the last answer (the Back button); with no answers yet nothing changes."""
    record, state = service.update(store, interview_id, owner_id(clinician), iv.undo)
    return interview_out(request, record, state)


@router.get(
    "/{interview_id}/report",
    response_model=None,
    responses={200: {"model": AssessmentOut, "description": "The assessment (§4 JSON)"}, **READ_ERRORS},
)
def get_report(interview_id: InterviewId, store: StoreDep, clinician: ClinicianDep) -> JSONResponse:
    """The full assessment on what is known so far: differential, triage, red flags, care plan, sources."""
    _, state = service.load(store, interview_id, owner_id(clinician))
    return JSONResponse(iv.current(state).to_json_dict())


@router.delete("/{interview_id}", status_code=204, response_class=Response, responses=READ_ERRORS)
def delete_interview(interview_id: InterviewId, store: StoreDep, clinician: ClinicianDep) -> Response:
    """Delete the interview for good (the row is removed, not hidden)."""
    store.delete_interview(interview_id, owner_id=owner_id(clinician))
    return Response(status_code=204)
