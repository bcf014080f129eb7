"""Request and response bodies of the JSON API (pydantic), kept apart from the table models.

Each request body carries an OpenAPI example, so ``/docs`` shows a working call. Example::

    InterviewCreate(text="Stiff neck since this morning, no fever", age=34, sex="female")
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nape.knowledge.loader import default_kb
from nape.knowledge.schema import TriageLevel
from nape.report.schema import QuestionOut

MAX_TEXT = 20_000

CASE_EXAMPLE: dict[str, Any] = {
    "text": "Woke up with a stiff neck and can't turn my head to the left. No fever.",
    "age": 34,
    "sex": "female",
}
FINDINGS_EXAMPLE: dict[str, Any] = {"findings": {"fever": True, "neck_stiffness": True}, "age": 30}
ANSWER_EXAMPLE: dict[str, Any] = {"finding": "fever", "answer": "no"}


def _finding_ids() -> list[str]:
    return sorted(default_kb().findings)


def _finding_keys(schema: dict[str, Any]) -> None:
    """OpenAPI: the keys of ``findings`` are the knowledge base's finding ids."""
    schema["propertyNames"] = {"enum": _finding_ids()}


def _finding_id(schema: dict[str, Any]) -> None:
    schema["enum"] = _finding_ids()


class CaseIn(BaseModel):
    """What is known at the start: the person's words and/or finding ids, with age and sex.

    Strict: ``"age": false`` or ``"fever": "yes"`` is a 422, not silently read as 0 or true.
    """

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str | None = Field(default=None, max_length=MAX_TEXT, description="The person's own words")
    findings: dict[str, bool] = Field(
        default_factory=dict,
        description="finding id -> present (true) or absent (false); ids as listed by `nape findings`",
        json_schema_extra=_finding_keys,
    )
    age: int | None = Field(default=None, ge=0, le=120)
    sex: str | None = Field(default=None, max_length=20, description="female or male (others use sex-neutral priors)")


class AssessRequest(CaseIn):
    """One-shot assessment: give text and/or findings (at least one)."""

    model_config = ConfigDict(json_schema_extra={"examples": [CASE_EXAMPLE, FINDINGS_EXAMPLE]})


class InterviewCreate(CaseIn):
    """Start an interview; everything is optional (an empty body starts with red-flag screening)."""

    model_config = ConfigDict(json_schema_extra={"examples": [CASE_EXAMPLE]})


class AnswerIn(BaseModel):
    """An answer to a question, usually the ``next_question`` the interview returned."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [ANSWER_EXAMPLE]})
    finding: str = Field(
        max_length=100,
        description="The finding id the question asks about",
        json_schema_extra=_finding_id,
    )
    answer: Literal["yes", "no", "dont_know"]


class Progress(BaseModel):
    asked: int = Field(description="Questions answered so far")
    max: int = Field(description="The most questions an interview asks")


class Answered(BaseModel):
    finding: str
    answer: Literal["yes", "no", "dont_know"]


class InterviewOut(BaseModel):
    """An interview's state: where it stands and what to ask next (``done`` when nothing is left)."""

    id: str = Field(description="Private, unguessable id; whoever holds it can open a self-assessment")
    link: str = Field(description="The private link to the web page of this interview")
    kind: str
    created_at: datetime
    updated_at: datetime
    age: int | None
    sex: str | None
    text: str = Field(description="What the person wrote at the start")
    answers: list[Answered]
    progress: Progress
    done: bool
    triage_level: TriageLevel = Field(description="The urgency on what is known so far")
    next_question: QuestionOut | None
    disclaimer: str
    emergency_advice: str


class InterviewSummary(BaseModel):
    id: str
    link: str
    kind: str
    created_at: datetime
    updated_at: datetime
    asked: int
    done: bool
    triage_level: TriageLevel


class InterviewList(BaseModel):
    """A clinician's own interviews, most recently changed first."""

    interviews: list[InterviewSummary]
    disclaimer: str
    emergency_advice: str


class HealthOut(BaseModel):
    status: Literal["ok", "degraded"] = Field(description="'degraded' when the database cannot be written")
    version: str
    knowledge_base_version: str
    database: Literal["ok", "busy", "read_only", "unavailable"] = Field(
        description="'busy': another writer holds the lock; 'read_only': writes refused; 'unavailable': down or damaged"
    )


class ErrorOut(BaseModel):
    """Every error: a numbered code (see nape.errors) and a message a developer can act on."""

    code: str | None = Field(description="E201 bad input, E502 not found, E504 no access, E501 database down, …")
    detail: str
    problems: list[str] = Field(default_factory=list, description="One line per invalid field (422 only)")


ERROR_WHY = {
    401: "Missing or unknown clinician token",
    404: "Unknown id, or not visible to this caller",
    409: "Changed by another request at the same time; read it again",
    413: "Request body too large",
    422: "Invalid input; `problems` names each field",
    503: "The database is unavailable (E501) or busy (E505, with Retry-After); nothing saved was changed",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the error statuses a route can answer (all share ``ErrorOut``)."""
    return {
        status: {
            "model": ErrorOut,
            "description": ERROR_WHY[status],
            # errors are plain JSON even on routes whose success type differs (FHIR's fhir+json)
            "content": {"application/json": {}},
        }
        for status in statuses
    }
