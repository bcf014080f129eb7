"""``assess``: the one function the CLI, the API and the web page all call.

Example::

    >>> from nape import assess
    >>> a = assess(findings={"fever": True, "neck_stiffness": True}, age=30)
    >>> a.triage.level
    'emergency_ambulance'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from nape.assessment.questions import next_question
from nape.intake import parse
from nape.intake.records import Mention
from nape.knowledge.loader import KnowledgeBase
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import Model, default_model
from nape.report.schema import (
    AssessmentOut,
    CarePlanOut,
    CareStepOut,
    ChoiceOut,
    DifferentialItem,
    FindingOut,
    PatientOut,
    QuestionOut,
    ReasonOut,
    RedFlagOut,
    RuleOut,
    SourceOut,
    StatementOut,
    TriageOut,
    WeightOut,
)
from nape.triage.decision_rules import evaluate_all
from nape.triage.engine import triage

CARE_PLAN_CAUSES = 2


def _status(present: bool) -> Literal["present", "absent"]:
    return "present" if present else "absent"


def _differential(model: Model, ev: Evidence, posterior: object) -> list[DifferentialItem]:
    kb = model.kb
    items = []
    for ci, cid in enumerate(model.conditions):
        cond = kb.conditions[cid]
        weights = model.weights(ev, cid)
        items.append(
            DifferentialItem(
                condition=cid,
                name=cond.name,
                plain_name=cond.plain_name,
                probability=round(float(posterior[ci]), 4),  # type: ignore[index]
                **{"for": [w.finding for w in weights if w.weight > 0]},
                against=[w.finding for w in weights if w.weight < 0],
                weights=[WeightOut(finding=w.finding, status=_status(w.present), weight=w.weight) for w in weights],
                icd10cm=list(cond.icd10cm),
            )
        )
    return sorted(items, key=lambda d: -d.probability)


def _care_plan(kb: KnowledgeBase, leading: list[str]) -> CarePlanOut:
    steps, see, tests, imaging, pitfalls = [], [], [], [], []
    for cid in leading:
        c = kb.conditions[cid]
        see.append(StatementOut(condition=cid, text=c.see_whom.text, sources=c.see_whom.sources))
        steps += [
            CareStepOut(condition=cid, kind=s.kind, text=s.text, limits=s.limits, sources=s.sources)
            for s in c.care_plan
        ]
        tests += [StatementOut(condition=cid, text=s.text, sources=s.sources) for s in c.workup.tests]
        imaging += [StatementOut(condition=cid, text=s.text, sources=s.sources) for s in c.workup.imaging]
        pitfalls += [StatementOut(condition=cid, text=s.text, sources=s.sources) for s in c.pitfalls]
    return CarePlanOut(
        for_conditions=leading,
        see_whom=see,
        steps=steps,
        tests=tests,
        imaging=imaging,
        pitfalls=pitfalls,
    )


def _cited(kb: KnowledgeBase, plan: CarePlanOut, flags: list[str]) -> list[SourceOut]:
    ids: list[str] = []
    for group in (plan.see_whom, plan.steps, plan.tests, plan.imaging, plan.pitfalls):
        for item in group:
            ids += item.sources
    for fid in flags:
        ids += kb.red_flags[fid].sources
    out = []
    for sid in dict.fromkeys(ids):
        s = kb.sources[sid]
        out.append(
            SourceOut(id=s.id, title=s.title, publisher=s.publisher, year=s.year, authors=s.authors, locator=s.locator)
        )
    return out


def assess_evidence(
    ev: Evidence,
    mentions: list[Mention] | None = None,
    *,
    model: Model | None = None,
    asked_count: int = 0,
    screened: int = 0,
    checklists: int = 0,
    notes: list[str] | None = None,
    about_someone_else: bool = False,
    unrecognised: Sequence[str] = (),
) -> AssessmentOut:
    """Assess validated evidence. ``mentions`` give the words behind each finding.

    ``unrecognised`` are symptom words the reader could not place; any keep the level above
    self-care (an uncertain reading is not reassurance).
    """
    model = model or default_model()
    kb = model.kb
    posterior = model.posterior(ev)
    tri = triage(model, ev, posterior, unrecognised=unrecognised)
    source_of = {m.finding: m for m in (mentions or [])}

    findings_out = []
    for fid, present in ev.findings.items():
        m = source_of.get(fid)
        if m is None and fid not in ev.asked:
            continue  # derived from an exclusive group, not stated
        findings_out.append(
            FindingOut(
                id=fid,
                label=kb.findings[fid].label,
                status=_status(present),
                source_text=m.source_text if m else f"{fid}={_status(present)}",
                start=m.start if m else None,
                end=m.end if m else None,
            )
        )
    flags_out = [
        RedFlagOut(
            id=f.id,
            label=f.label,
            level=f.level,
            message=f.message,
            findings=f.findings,
            source_text="; ".join(source_of[x].source_text if x in source_of else x for x in f.findings),
        )
        for f in tri.red_flags
    ]
    differential = _differential(model, ev, posterior)
    leading = [d.condition for d in differential[:CARE_PLAN_CAUSES]]
    plan = _care_plan(kb, leading)
    q = next_question(model, ev, posterior, asked_count, screened, checklists)
    return AssessmentOut(
        differential=differential,
        triage=TriageOut(
            level=tri.level,
            advice=kb.meta.triage.level_text[tri.level],
            reasons=[r.text for r in tri.reasons],
            details=[ReasonOut(kind=r.kind, level=r.level, text=r.text, ref=r.ref) for r in tri.reasons],
        ),
        red_flags=flags_out,
        findings=findings_out,
        decision_rules=[
            RuleOut(rule=r.rule, outcome=r.outcome, reasons=r.reasons)
            for r in evaluate_all(ev).values()
            if r.outcome != "not_applicable"
        ],
        next_question=QuestionOut(
            finding=q.finding,
            text=q.text,
            why_ask=q.why_ask,
            answers=q.answers,
            reason=q.reason,
            red_flag=q.red_flag,
            choices=[ChoiceOut(id=cid, label=label) for cid, label in q.choices],
            items=[ChoiceOut(id=fid, label=label) for fid, label in q.items],
            none_label=q.none_label,
            intro=q.intro,
        )
        if q
        else None,
        care_plan=plan,
        sources=_cited(kb, plan, [f.id for f in tri.red_flags]),
        patient=PatientOut(age=ev.age, sex=ev.sex, about_someone_else=about_someone_else),
        notes=notes or [],
        disclaimer=kb.meta.triage.disclaimer,
        emergency_advice=kb.meta.triage.emergency_advice,
        knowledge_base_version=kb.version,
    )


@dataclass(frozen=True)
class Reading:
    """Text and explicit findings read together, before any question is asked."""

    stated: dict[str, bool]
    evidence: Evidence
    mentions: list[Mention]
    notes: list[str]
    about_someone_else: bool
    age: int | None
    sex: str | None
    age_months: int | None = None


def read_input(
    text: str | None,
    findings: Mapping[str, bool] | None,
    age: int | None,
    sex: str | None,
    model: Model,
    age_months: int | None = None,
) -> Reading:
    """Parse the text (if any), then apply explicit findings, which override it.

    Age and sex given as arguments win over those read from the text; the text's age in months
    (a baby's "6-week-old") is kept when it agrees with the age in years. Raises on unknown
    finding ids or an impossible age.
    """
    mentions: list[Mention] = []
    notes: list[str] = []
    about_other = False
    if text:
        parsed = parse(text)
        mentions = list(parsed.mentions)
        notes = list(parsed.notes)
        about_other = parsed.about_someone_else
        if age_months is None and parsed.age_months is not None and age in (None, parsed.age):
            age_months = parsed.age_months
        age = age if age is not None else parsed.age
        sex = sex if sex is not None else parsed.sex
    stated = {m.finding: m.present for m in mentions}
    for fid, present in (findings or {}).items():
        stated[fid] = present
        mentions = [m for m in mentions if m.finding != fid]
        mentions.append(Mention(fid, present, f"{fid}={_status(present)}"))
    ev = Evidence.build(model.kb, stated, age, sex, age_months=age_months)  # validates ids, age and sex
    return Reading(stated, ev, mentions, notes, about_other, age, sex, age_months)


def assess(
    text: str | None = None,
    *,
    findings: Mapping[str, bool] | None = None,
    age: int | None = None,
    sex: str | None = None,
    model: Model | None = None,
    age_months: int | None = None,
) -> AssessmentOut:
    """Assess free text and/or explicit findings. Explicit findings override the text.

    ``age_months`` is a baby's age in whole months (the text's is used when not given)."""
    model = model or default_model()
    r = read_input(text, findings, age, sex, model, age_months)
    return assess_evidence(r.evidence, r.mentions, model=model, notes=r.notes, about_someone_else=r.about_someone_else)
