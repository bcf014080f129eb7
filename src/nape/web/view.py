"""What the question page and the clinician's note show, computed from an assessment and the
knowledge base (no medical text here); the person's result is ``nape.report.person``.

Templates stay simple: every list they loop over is built here. Example: for a person who wrote
"my head keeps twisting to the left by itself", the note lists the finding as::

    FindingRow(label="Involuntary head movement", words="“head keeps twisting”", origin="text")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from nape.interview import InterviewState, asked_count, finding_answers, max_questions
from nape.knowledge.loader import KnowledgeBase
from nape.knowledge.schema import Statement
from nape.reasoning.interview_data import interview_plan
from nape.report.person import citation
from nape.report.schema import AssessmentOut, CareStepOut, FindingOut, StatementOut

#: How many causes the clinician's note lists.
CLINICIAN_CAUSES = 10


@dataclass(frozen=True)
class ScreenRow:
    """A red-flag screening question and how it came out (positive / negative / not known)."""

    finding: str
    label: str
    question: str
    answer: str
    outcome: str


def progress(state: InterviewState, kb: KnowledgeBase) -> tuple[int, int]:
    """(questions answered, most questions the interview asks) for the progress bar."""
    asked = asked_count(state)
    return asked, max(max_questions(), asked)


_OUTCOME = {"yes": "positive", "no": "negative", "dont_know": "not known"}


def red_flag_screen(state: InterviewState, kb: KnowledgeBase) -> list[ScreenRow]:
    """The screening questions answered, the last answer to each winning (a → positive/negative);
    a warning-sign checklist counts once per item it asked (ticked → yes, not ticked → no)."""
    checklists = interview_plan().checklist_ids()
    per_finding = dict(finding_answers(state)) if any(a[0] in checklists for a in state.answers) else {}
    last: dict[str, str] = {}
    for fid, ans, screen in state.answers:
        if fid in checklists:
            for item in interview_plan().checklist(fid).item_ids():
                if item in per_finding:
                    last.pop(item, None)
                    last[item] = per_finding[item]
        elif screen:
            last[fid] = ans
    return [
        ScreenRow(fid, kb.findings[fid].label, kb.findings[fid].question, ans.replace("_", " "), _OUTCOME.get(ans, ans))
        for fid, ans in last.items()
        if fid in kb.findings
    ]


#: Readable names of the care-plan kinds (the knowledge base's ids are not shown).
KIND_NAMES: dict[str, str] = {
    "emergency": "Emergency care",
    "self_care": "Self-care",
    "physiotherapy": "Physiotherapy and exercise",
    "medicine": "Medicines",
    "injection": "Injections",
    "surgery": "Surgery",
    "referral": "Referral",
}
#: Readable names of the decision rules.
RULE_NAMES: dict[str, str] = {"canadian_c_spine": "Canadian C-Spine Rule", "nexus": "NEXUS low-risk criteria"}


@dataclass(frozen=True)
class FindingRow:
    """A finding for the clinician: its name, the words it came from and where they came from."""

    label: str
    words: str
    origin: str


@dataclass(frozen=True)
class PlanGroup:
    """Care steps of one kind for one cause, under a readable heading ("Medicines")."""

    heading: str
    steps: list[CareStepOut]


@dataclass(frozen=True)
class CausePlan:
    """The work-up and plan of one leading cause."""

    name: str
    icd10cm: list[str]
    examination: list[StatementOut]
    tests: list[StatementOut]
    refer: list[StatementOut]
    plan: list[PlanGroup]
    pitfalls: list[StatementOut]


@dataclass(frozen=True)
class DdxRow:
    """A cause in the differential with the findings for and against it by name."""

    name: str
    icd10cm: list[str]
    probability: float
    towards: list[str]
    against: list[str]


def _ddx(a: AssessmentOut, kb: KnowledgeBase) -> list[DdxRow]:
    def names(ids: list[str]) -> list[str]:
        return [kb.findings[f].label if f in kb.findings else f.replace("_", " ") for f in ids]

    return [
        DdxRow(d.name, d.icd10cm, d.probability, names(d.for_[:5]), names(d.against[:4]))
        for d in a.differential[:CLINICIAN_CAUSES]
    ]


@dataclass(frozen=True)
class RuleRow:
    name: str
    outcome: str
    reasons: list[str]


@dataclass(frozen=True)
class ClinicianCase:
    """Everything the clinician's view and its PDF show, in the order they show it."""

    a: AssessmentOut
    text: str
    reference: str
    assessed_at: str
    about: str
    present: list[FindingRow]
    absent: list[str]
    differential: list[DdxRow]
    screen: list[ScreenRow]
    rules: list[RuleRow]
    causes: list[CausePlan]
    citations: list[tuple[str, str]]
    leading_name: str

    def number(self, source_id: str) -> int:
        """The citation number of a source (1-based, as listed under Sources)."""
        return [sid for sid, _ in self.citations].index(source_id) + 1

    @property
    def source_numbers(self) -> dict[str, int]:
        return {sid: i for i, (sid, _) in enumerate(self.citations, 1)}


def _words(f: FindingOut) -> str:
    return f.source_text if f.source_text.startswith("answered ") else f"“{f.source_text}”"


def _findings(a: AssessmentOut, state: InterviewState, screened: set[str]) -> tuple[list[FindingRow], list[str]]:
    """Present findings with their words; absent ones by name, each once, leaving out those the
    red-flag screen already lists."""
    answered = {fid for fid, _, _ in state.answers}
    present = [
        FindingRow(f.label, _words(f), "answer" if f.id in answered else "text")
        for f in a.findings
        if f.status == "present"
    ]
    absent = list(dict.fromkeys(f.label for f in a.findings if f.status == "absent" and f.id not in screened))
    return present, absent


def _statements(cid: str, items: list[Statement]) -> list[StatementOut]:
    return [StatementOut(condition=cid, text=s.text, sources=list(s.sources)) for s in items]


def _cause_plan(cid: str, kb: KnowledgeBase) -> CausePlan:
    cond = kb.conditions[cid]
    groups: dict[str, list[CareStepOut]] = {}
    for st in cond.care_plan:
        step = CareStepOut(condition=cid, kind=st.kind, text=st.text, limits=st.limits, sources=list(st.sources))
        groups.setdefault(KIND_NAMES.get(st.kind, st.kind.replace("_", " ").capitalize()), []).append(step)
    return CausePlan(
        name=cond.name,
        icd10cm=list(cond.icd10cm),
        examination=_statements(cid, cond.workup.examination),
        tests=_statements(cid, [*cond.workup.tests, *cond.workup.imaging]),
        refer=_statements(cid, [cond.see_whom]),
        plan=[PlanGroup(h, steps) for h, steps in groups.items()],
        pitfalls=_statements(cid, cond.pitfalls),
    )


def _about(a: AssessmentOut, state: InterviewState) -> str:
    """Whom the check was about (the interview's words, which carry the age and sex it knows), with
    the relation to the writer when it was someone else; age or sex not known is said so."""
    p = a.patient
    about_other = state.about_someone_else or p.about_someone_else
    relation = p.relation or state.relation
    extra = [f"relation to the person who filled it in: {relation}"] if about_other and relation else []
    if p.who:
        missing = [f"{what} not given" for what, v in (("age", p.age), ("sex", p.sex)) if v is None]
        tail = "; ".join(missing + extra)
        return f"{p.who}{f' ({tail})' if tail else ''}"
    parts = [f"age {p.age}" if p.age is not None else "age not given", p.sex or "sex not given", *extra]
    who = "someone the writer described" if about_other else "the person who wrote"
    return f"{who} ({'; '.join(parts)})"


def _cited(a: AssessmentOut, causes: list[CausePlan]) -> list[str]:
    ids = [s.id for s in a.sources]
    for c in causes:
        for group in (c.examination, c.tests, c.refer, c.pitfalls):
            ids += [sid for s in group for sid in s.sources]
        ids += [sid for g in c.plan for s in g.steps for sid in s.sources]
    return list(dict.fromkeys(ids))


def clinician_case(
    state: InterviewState,
    a: AssessmentOut,
    kb: KnowledgeBase,
    *,
    reference: str = "",
    assessed_at: datetime | None = None,
) -> ClinicianCase:
    """The clinician's structured note of one interview (the HTML view and the PDF share it).

    ``reference`` is the assessment's reference (the start of its private id); ``assessed_at``
    the time of its last change, shown in UTC.
    """
    screen = red_flag_screen(state, kb)
    present, absent = _findings(a, state, {row.finding for row in screen})
    causes = [_cause_plan(cid, kb) for cid in a.care_plan.for_conditions if cid in kb.conditions]
    when = (assessed_at or datetime.now(UTC)).astimezone(UTC)
    return ClinicianCase(
        a=a,
        text=state.text,
        reference=reference or "not saved",
        assessed_at=when.strftime("%Y-%m-%d %H:%M UTC"),
        about=_about(a, state),
        present=present,
        absent=absent,
        differential=_ddx(a, kb),
        screen=screen,
        rules=[
            RuleRow(RULE_NAMES.get(r.rule, r.rule.replace("_", " ")), r.outcome.replace("_", " "), r.reasons)
            for r in a.decision_rules
        ],
        causes=causes,
        citations=[(sid, citation(kb, sid)) for sid in _cited(a, causes) if sid in kb.sources],
        leading_name=a.differential[0].name if a.differential else "",
    )
