"""How the interview asks, as data: ``knowledge/resources/interview.yaml`` under strict schemas.

Question groups (one multiple-choice question for findings that form one fact), implications
(one answer settles another), the stop rule's weights, which red flags fit which region, the
wording for someone else and the evaluation simulator's policy. Example::

    plan = interview_plan()
    plan.group("how_long").choice("1_to_6_weeks").sets
    # {'duration_under_1_week': False, 'duration_1_to_6_weeks': True, 'duration_over_6_weeks': False}
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Literal

from pydantic import Field, model_validator

from nape.core.resources import StrictModel, load_validated
from nape.errors import KnowledgeReferenceError
from nape.knowledge.loader import KnowledgeBase, default_kb
from nape.knowledge.schema import FindingCategory, Id, Text

Region = Literal["neck", "back"]


class Settings(StrictModel):
    max_questions: int = Field(ge=1, le=60)
    stop_below_value: Annotated[float, Field(ge=0.0, le=10.0)]
    level_weight: Annotated[float, Field(ge=0.0)]
    leading_weight: Annotated[float, Field(ge=0.0)]
    shift_weight: Annotated[float, Field(ge=0.0)]
    urgent_weight: Annotated[float, Field(ge=0.0)]
    opens_screen_weight: Annotated[float, Field(ge=0.0)]
    screen_weight: Annotated[float, Field(ge=0.0)]
    screen_min_cause_probability: Annotated[float, Field(ge=0.0, lt=1.0)]
    candidates: int = Field(ge=1, le=500)
    # When nothing says where the problem is and this group is still open, it is asked before the
    # checklists (so they fit the region); None asks the checklists at once.
    region_group: Id | None = None
    # A move between two of these levels (both routine) counts routine_level_weight per level
    # instead of level_weight: going from self-care to a routine appointment matters less than
    # missing an urgent cause.
    routine_levels: list[Literal["self_care", "consultation"]] = Field(default_factory=list)
    routine_level_weight: Annotated[float, Field(ge=0.0)] = 1.0
    # After this many questions (warning-sign checklists after the first not counted) only a
    # question whose answer could make the result urgent (consultation_24 or above) is asked;
    # the hard cap is max_questions.
    soft_budget: int = Field(default=60, ge=1, le=60)
    # Ask an ordinary (information-gain) question about another region's symptoms when the story
    # already says where the problem is. Red-flag screens and checklists are never filtered.
    ask_other_regions: bool = True
    # An ordinary question about a finding of these categories (an examination sign, a test
    # result) is one a person at home often cannot answer: its value is multiplied by
    # hard_to_tell_weight, unless the sign is one the person sees for themselves
    # (simulator.noticed_signs). Red-flag screens are never discounted.
    hard_to_tell_categories: list[str] = Field(default_factory=list)
    hard_to_tell_weight: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0


class Sensitive(StrictModel):
    finding: Id
    question: Text


class Implication(StrictModel):
    if_: dict[Id, bool] = Field(alias="if", min_length=1)
    then: dict[Id, bool] = Field(min_length=1)
    # the implication holds only while none of these is known with that value: a crash read
    # with a previous neck injury is a crash of the past, not a recent injury
    unless: dict[Id, bool] = Field(default_factory=dict)


class Choice(StrictModel):
    id: Annotated[str, Field(pattern=r"^[0-9a-z_]+$")]
    label: Text
    sets: dict[Id, bool]


class Group(StrictModel):
    id: Id
    question: Text
    why_ask: Text
    members: list[Id] = Field(min_length=1)
    settled_by: list[Id] = Field(default_factory=list)
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _choices_set_members(self) -> Group:
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("choice ids must be unique")
        for c in self.choices:
            extra = set(c.sets) - set(self.members)
            if extra:
                raise ValueError(f"choice {c.id!r} sets findings outside the group: {sorted(extra)}")
        return self

    def choice(self, choice_id: str) -> Choice:
        for c in self.choices:
            if c.id == choice_id:
                return c
        raise KeyError(choice_id)


Sex = Literal["female", "male"]


class Band(StrictModel):
    """Who something is for: an age band (``age_at_least`` <= age < ``age_below``) and a sex.

    An unknown age or sex fits every band (safety first: the question is asked)."""

    age_at_least: int | None = Field(default=None, ge=0, le=120)
    age_below: int | None = Field(default=None, ge=1, le=121)
    sex: Sex | None = None

    def fits(self, age: int | None, sex: str | None) -> bool:
        if age is not None and self.age_at_least is not None and age < self.age_at_least:
            return False
        if age is not None and self.age_below is not None and age >= self.age_below:
            return False
        return not (sex in ("female", "male") and self.sex is not None and sex != self.sex)


class ChecklistItem(Band):
    finding: Id
    label: Text


class ChecklistWhen(Band):
    """When a checklist is asked. ``regions``: the story's region is one of these, or no region is
    known (empty: any region). ``any``: also asked, whatever the region, when one of these is
    known present. ``requires_any``: asked only when one of these is known present. An unknown
    age fits the age band unless ``needs_age``."""

    regions: list[Region] = Field(default_factory=list)
    any: list[Id] = Field(default_factory=list)
    requires_any: list[Id] = Field(default_factory=list)
    # True: asked only when the age is known and fits (a list worded for a baby is not put to
    # everyone who left the age blank).
    needs_age: bool = False

    def fits(self, age: int | None, sex: str | None) -> bool:
        if self.needs_age and age is None:
            return False
        return super().fits(age, sex)


class Checklist(StrictModel):
    """One "tick all that apply" question over several warning signs; each item is a finding.

    Answering sets every item shown: ticked -> present, not ticked -> absent; "don't know"
    leaves them unknown. It counts as one question and is never suppressed by a low cause
    probability: when it fits the story (``when``) it is asked before the stop rule may end."""

    id: Id
    question: Text
    why_ask: Text
    none_label: Text
    when: ChecklistWhen
    items: list[ChecklistItem] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique_items(self) -> Checklist:
        ids = [i.finding for i in self.items]
        if len(set(ids)) != len(ids):
            raise ValueError(f"checklist {self.id!r}: an item is listed twice")
        return self

    def item_ids(self) -> list[str]:
        return [i.finding for i in self.items]


class Relation(StrictModel):
    label: Text
    noun: Text
    male: str | None = None
    female: str | None = None


class WordingRule(StrictModel):
    from_: str = Field(alias="from", min_length=1)
    to: str

    @model_validator(mode="after")
    def _compiles(self) -> WordingRule:
        re.compile(self.from_)
        return self


class Simulator(StrictModel):
    noticed_categories: list[FindingCategory]
    unknown_categories: list[FindingCategory]
    noticed_signs: list[Id] = Field(default_factory=list)
    # An unmentioned finding that the case's own condition brings at least this often (the
    # knowledge base's likelihood) is answered "don't know", not "no": a case written in a few
    # sentences leaves out much of what the person has. None turns this off.
    typical_at_least: Annotated[float, Field(gt=0.0, le=1.0)] | None = None


class InterviewPlan(StrictModel):
    settings: Settings
    regions: dict[Region, list[Id]]
    flag_regions: dict[Id, list[Region]] = Field(default_factory=dict)
    screen_intro: Text
    while_waiting: list[Text] = Field(min_length=1)
    region_words: dict[Literal["neck", "back", "both"], Text]
    sensitive: list[Sensitive] = Field(default_factory=list)
    implies: list[Implication] = Field(default_factory=list)
    # An ordinary question that presupposes an event ("have you walked about since the
    # injury?") is asked only once one of its events is known present.
    presupposes: dict[Id, list[Id]] = Field(default_factory=dict)
    groups: list[Group] = Field(default_factory=list)
    checklists: list[Checklist] = Field(default_factory=list)
    relations: dict[Id, Relation]
    wording: list[WordingRule]
    simulator: Simulator

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def group_ids(self) -> set[str]:
        return {g.id for g in self.groups}

    def checklist(self, checklist_id: str) -> Checklist:
        for c in self.checklists:
            if c.id == checklist_id:
                return c
        raise KeyError(checklist_id)

    def checklist_ids(self) -> set[str]:
        return {c.id for c in self.checklists}

    def grouped_findings(self) -> dict[str, str]:
        """finding id -> the id of the group that asks about it."""
        return {fid: g.id for g in self.groups for fid in g.members}

    def implied(self, findings: dict[str, bool], explicit: set[str]) -> dict[str, bool]:
        """``findings`` plus what they imply; an explicitly stated or answered value always wins."""
        out = dict(findings)
        for _ in range(3):  # implications can chain (a crash -> an injury -> ...)
            changed = False
            for imp in self.implies:
                if all(out.get(f) is v for f, v in imp.if_.items()) and not any(
                    out.get(f) is v for f, v in imp.unless.items()
                ):
                    for f, v in imp.then.items():
                        if f not in explicit and out.get(f) is not v:
                            out[f] = v
                            changed = True
            if not changed:
                break
        return out

    def sensitive_question(self, fid: str) -> str | None:
        for s in self.sensitive:
            if s.finding == fid:
                return s.question
        return None


def _check(plan: InterviewPlan, kb: KnowledgeBase) -> None:
    where = "interview.yaml"

    def known(fid: str, what: str) -> None:
        if fid not in kb.findings:
            raise KnowledgeReferenceError(f"{where}: {what}: unknown finding {fid!r}")

    for region, fids in plan.regions.items():
        for fid in fids:
            known(fid, f"regions.{region}")
    for flag in plan.flag_regions:
        if flag not in kb.red_flags:
            raise KnowledgeReferenceError(f"{where}: flag_regions: unknown red flag {flag!r}")
    for s in plan.sensitive:
        known(s.finding, "sensitive")
    for imp in plan.implies:
        for fid in [*imp.if_, *imp.then, *imp.unless]:
            known(fid, "implies")
    seen: set[str] = set()
    for g in plan.groups:
        if g.id in kb.findings:
            raise KnowledgeReferenceError(f"{where}: group {g.id!r} has the id of a finding")
        for fid in [*g.members, *g.settled_by]:
            known(fid, f"group {g.id!r}")
        overlap = seen & set(g.members)
        if overlap:
            raise KnowledgeReferenceError(f"{where}: group {g.id!r}: {sorted(overlap)} already in another group")
        seen |= set(g.members)
    for fid, events in plan.presupposes.items():
        for x in [fid, *events]:
            known(x, f"presupposes {fid!r}")
    grouped = plan.grouped_findings()
    for c in plan.checklists:
        if c.id in kb.findings or c.id in plan.group_ids():
            raise KnowledgeReferenceError(f"{where}: checklist {c.id!r} has the id of a finding or a group")
        for fid in [*c.when.any, *c.when.requires_any, *c.item_ids()]:
            known(fid, f"checklist {c.id!r}")
        for fid in c.item_ids():
            if fid in grouped:
                raise KnowledgeReferenceError(
                    f"{where}: checklist {c.id!r}: {fid!r} is asked by group {grouped[fid]!r}"
                )
            if not kb.findings[fid].askable:
                raise KnowledgeReferenceError(f"{where}: checklist {c.id!r}: {fid!r} is not askable")
    if len(plan.checklist_ids()) != len(plan.checklists):
        raise KnowledgeReferenceError(f"{where}: two checklists share an id")
    if plan.settings.region_group is not None and plan.settings.region_group not in plan.group_ids():
        raise KnowledgeReferenceError(f"{where}: settings.region_group is not a group")
    for fid in plan.simulator.noticed_signs:
        known(fid, "simulator.noticed_signs")
    if plan.settings.max_questions > kb.meta.interview.max_questions:
        raise KnowledgeReferenceError(f"{where}: max_questions is above knowledge_base.yaml's interview cap")


def load_plan(kb: KnowledgeBase, path: str = "interview.yaml") -> InterviewPlan:
    """Read, validate and cross-check the interview plan against the knowledge base."""
    plan = load_validated(InterviewPlan, "nape.knowledge", f"resources/{path}")
    _check(plan, kb)
    return plan


@cache
def interview_plan() -> InterviewPlan:
    """The packaged interview plan, loaded once per process."""
    return load_plan(default_kb())
