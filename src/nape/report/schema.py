"""The assessment as data: what every interface (CLI, API, web) shows and exports.

The JSON form keeps the contract of ``shared/spec/README.md`` §4 (``differential``,
``triage``, ``red_flags``, ``findings``, ``knowledge_base_version``) and adds more fields.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nape.knowledge.schema import TriageLevel


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class FindingOut(Out):
    id: str
    label: str
    status: Literal["present", "absent"]
    source_text: str
    start: int | None = None
    end: int | None = None


class WeightOut(Out):
    finding: str
    status: Literal["present", "absent"]
    weight: float = Field(description="Natural-log likelihood ratio against the base rate")


class DifferentialItem(Out):
    condition: str
    name: str
    plain_name: str
    probability: float
    for_: list[str] = Field(alias="for")
    against: list[str]
    weights: list[WeightOut]
    icd10cm: list[str]


class ReasonOut(Out):
    kind: str
    level: TriageLevel
    text: str
    ref: str | None = None


class TriageOut(Out):
    level: TriageLevel
    advice: str
    reasons: list[str]
    details: list[ReasonOut]


class RedFlagOut(Out):
    id: str
    label: str
    level: TriageLevel
    message: str
    findings: list[str]
    source_text: str


class RuleOut(Out):
    rule: str
    outcome: str
    reasons: list[str]


class ChoiceOut(Out):
    id: str
    label: str


class QuestionOut(Out):
    finding: str = Field(description="The finding id asked about, or a question group id when `choices` are offered")
    text: str
    why_ask: str
    answers: list[str] = Field(description="yes / no / dont_know answers allowed (only dont_know beside choices)")
    reason: str = Field(
        description="red_flag_screen, information_gain, group (multiple choice), checklist (tick all) or confirm"
    )
    red_flag: str | None = None
    choices: list[ChoiceOut] = Field(default_factory=list, description="Multiple-choice answers (answer with an id)")
    items: list[ChoiceOut] = Field(
        default_factory=list,
        description="Checklist items, each a finding (answer with the ids ticked; an empty list for none of these)",
    )
    none_label: str | None = Field(default=None, description="A checklist's answer for ticking nothing")
    intro: str | None = Field(default=None, description="Said once, before the first safety question")


class CareStepOut(Out):
    condition: str
    kind: str
    text: str
    limits: str | None = None
    sources: list[str]


class StatementOut(Out):
    condition: str
    text: str
    sources: list[str]


class CarePlanOut(Out):
    for_conditions: list[str]
    see_whom: list[StatementOut]
    steps: list[CareStepOut]
    tests: list[StatementOut]
    imaging: list[StatementOut]
    pitfalls: list[StatementOut]


class SourceOut(Out):
    id: str
    title: str
    publisher: str
    year: int | None
    authors: str | None = None
    locator: str | None = None


class PatientOut(Out):
    age: int | None
    sex: str | None
    about_someone_else: bool = False
    relation: str | None = Field(default=None, description="child, parent, partner, ... when about someone else")
    who: str | None = Field(default=None, description="Who the check was about, in words")


class AssessmentOut(Out):
    differential: list[DifferentialItem]
    triage: TriageOut
    red_flags: list[RedFlagOut]
    findings: list[FindingOut]
    decision_rules: list[RuleOut]
    next_question: QuestionOut | None
    care_plan: CarePlanOut
    sources: list[SourceOut]
    patient: PatientOut
    notes: list[str] = Field(default_factory=list, description="Messages about the input")
    disclaimer: str
    emergency_advice: str
    knowledge_base_version: str

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(by_alias=True, mode="json")
