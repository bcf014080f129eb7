"""Request and response bodies of the JSON API (pydantic), kept apart from the table models.

Each request body carries an OpenAPI example, so ``/docs`` shows a working call. Example::

    InterviewCreate(text="Stiff neck since this morning, no fever", age=34, sex="female")
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
CHOICE_EXAMPLE: dict[str, Any] = {"finding": "how_long", "choice": "1_to_6_weeks"}
CHECKLIST_EXAMPLE: dict[str, Any] = {"finding": "back_nerve_signs", "items": ["bladder_dysfunction"]}
CHILD_EXAMPLE: dict[str, Any] = {
    "text": "My son, 14, has a stiff neck that he holds tilted, after a sore throat last week.",
    "subject": {"who": "someone_else", "relation": "child"},
    "age": 14,
    "sex": "male",
}


def _finding_ids() -> list[str]:
    return sorted(default_kb().findings)


def _finding_keys(schema: dict[str, Any]) -> None:
    """OpenAPI: the keys of ``findings`` are the knowledge base's finding ids."""
    schema["propertyNames"] = {"enum": _finding_ids()}


def _finding_id(schema: dict[str, Any]) -> None:
    schema["enum"] = _finding_ids()


def _question_id(schema: dict[str, Any]) -> None:
    """A question is about a finding, a question group (multiple choice), a checklist or a conflict to confirm."""
    from nape.interview import CONFIRM_AGE, CONFIRM_SEX
    from nape.reasoning.interview_data import interview_plan

    schema["enum"] = [
        *_finding_ids(),
        *sorted(interview_plan().group_ids()),
        *sorted(interview_plan().checklist_ids()),
        CONFIRM_AGE,
        CONFIRM_SEX,
    ]


Relation = Literal["child", "parent", "partner", "relative", "friend", "other"]


class SubjectIn(BaseModel):
    """Who the check is for: the person typing, or someone else (their relation to the one typing)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    who: Literal["self", "someone_else"]
    relation: Relation | None = Field(default=None, description="For someone else: child, parent, partner, ...")

    @model_validator(mode="after")
    def _relation_only_for_others(self) -> SubjectIn:
        if self.who == "self" and self.relation is not None:
            raise ValueError("relation is only for who=someone_else")
        return self


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
    """Start an interview; everything is optional (an empty body starts with red-flag screening).

    ``subject`` says who it is for; ``age`` and ``sex`` are then that person's. When the text
    gives another age or sex ("my son, 14"), the text's is used and the first question asks
    which is right.
    """

    model_config = ConfigDict(json_schema_extra={"examples": [CASE_EXAMPLE, CHILD_EXAMPLE]})
    subject: SubjectIn | None = Field(default=None, description="Who the check is for (default: read from the text)")


class AnswerIn(BaseModel):
    """An answer to a question, usually the ``next_question`` the interview returned.

    A yes/no question takes ``answer``; a multiple-choice one (``next_question.choices``) takes
    ``choice`` (one of the choice ids) or ``answer: dont_know``; a checklist
    (``next_question.items``) takes ``items``, the ids of the items ticked (``[]`` for none of
    these), or ``answer: dont_know``.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [ANSWER_EXAMPLE, CHOICE_EXAMPLE, CHECKLIST_EXAMPLE]},
    )
    finding: str = Field(
        max_length=100,
        description="The question's `finding`: a finding id, a group or checklist id, or confirm_age / confirm_sex",
        json_schema_extra=_question_id,
    )
    answer: Literal["yes", "no", "dont_know"] | None = None
    choice: str | None = Field(default=None, max_length=40, description="The id of the chosen answer")
    items: list[Annotated[str, Field(max_length=100, pattern=r"^[a-z0-9_]+$")]] | None = Field(
        default=None, max_length=40, description="A checklist's ticked item ids (an empty list: none of these)"
    )

    @model_validator(mode="after")
    def _one_answer(self) -> AnswerIn:
        if sum(x is not None for x in (self.answer, self.choice, self.items)) != 1:
            raise ValueError("give exactly one of answer (yes / no / dont_know), choice or items")
        return self

    @property
    def value(self) -> str:
        if self.items is not None:
            return ",".join(self.items) or "none"
        return self.choice if self.choice is not None else str(self.answer)


class Progress(BaseModel):
    asked: int = Field(description="Questions answered so far")
    max: int = Field(description="The most questions an interview asks")


class Answered(BaseModel):
    finding: str
    answer: str = Field(description="yes / no / dont_know, or the id of the chosen answer")


class SubjectOut(BaseModel):
    who: Literal["self", "someone_else"]
    relation: str | None = None
    description: str = Field(description="Who the check is about, in words")


class EmergencyOut(BaseModel):
    """Why the interview stopped at once and what to do: shown instead of any further question."""

    level: TriageLevel
    red_flag: str
    reason: str = Field(description="The reason, in one sentence")
    advice: str
    while_waiting: list[str]
    call: list[str] = Field(description="Emergency numbers to call (NAPE_EMERGENCY_NUMBER, default 999/112/911)")
    call_links: list[str] = Field(description="tel: links, one per number")
    call_ambulance_if: list[str] = Field(
        default_factory=list,
        description="At the emergency department's level: the signs, not yet known, that call an ambulance instead",
    )


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
    subject: SubjectOut
    emergency: EmergencyOut | None = Field(description="Set when an emergency red flag stopped the interview")
    stopped_early: bool = False
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
    422: "Invalid input; `problems` names each field (E206: a text that took more than its reading budget)",
    503: "The database is unavailable (E501) or busy (E505, with Retry-After), or the service is busy reading "
    "long texts (E207, with Retry-After); nothing saved was changed",
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
