"""What the pages show, computed from an assessment and the knowledge base (no medical text here).

Templates stay simple: every list they loop over is built here. Example: for a person who wrote
"my head keeps twisting to the left by itself", a reason behind cervical dystonia reads::

    Reason(label="Involuntary head movement", words="head keeps twisting", towards=True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nape.interview import InterviewState, asked_count, max_questions
from nape.knowledge.loader import KnowledgeBase
from nape.knowledge.schema import EMERGENCY_LEVELS
from nape.report.schema import AssessmentOut, CareStepOut, DifferentialItem, StatementOut

#: How many causes the person's page lists (the clinician's view lists more).
PERSON_CAUSES = 5
CLINICIAN_CAUSES = 10
REASONS_PER_CAUSE = 4
#: Care-plan kinds a person can act on now; the others are what a clinician may offer.
NOW_KINDS = ("emergency", "self_care")


@dataclass(frozen=True)
class Reason:
    """One thing the person said (or answered) and which way it pushed a cause."""

    finding: str
    label: str
    words: str
    present: bool
    towards: bool


@dataclass(frozen=True)
class Cause:
    """A cause on the result page: names, percentage and the reasons behind it."""

    item: DifferentialItem
    percent: int
    reasons: list[Reason]


@dataclass(frozen=True)
class ScreenRow:
    """A red-flag screening question and how it came out (positive / negative / not known)."""

    finding: str
    question: str
    answer: str
    outcome: str


@dataclass(frozen=True)
class DoctorQuestion:
    """A question to take to an appointment, with the cited statement it was composed from."""

    ask: str
    basis: str
    sources: list[str] = field(default_factory=list)


def percent(p: float) -> int:
    """A probability as a whole percentage for the bar chart (0.6095 -> 61)."""
    return round(p * 100)


def is_emergency(a: AssessmentOut) -> bool:
    """True for the two emergency levels (the page shows the red banner)."""
    return a.triage.level in EMERGENCY_LEVELS


def reasons_for(a: AssessmentOut, item: DifferentialItem, kb: KnowledgeBase, limit: int) -> list[Reason]:
    """The strongest findings for and against ``item``, each with the words it came from."""
    words = {f.id: f.source_text for f in a.findings}
    ranked = sorted(item.weights, key=lambda w: -abs(w.weight))[:limit]
    return [
        Reason(
            finding=w.finding,
            label=kb.findings[w.finding].label,
            words=words.get(w.finding, ""),
            present=w.status == "present",
            towards=w.weight > 0,
        )
        for w in ranked
        if w.finding in kb.findings
    ]


def causes(a: AssessmentOut, kb: KnowledgeBase, top: int = PERSON_CAUSES) -> list[Cause]:
    """The leading causes with their percentage and reasons (most likely first)."""
    return [Cause(d, percent(d.probability), reasons_for(a, d, kb, REASONS_PER_CAUSE)) for d in a.differential[:top]]


def progress(state: InterviewState, kb: KnowledgeBase) -> tuple[int, int]:
    """(questions answered, most questions the interview asks) for the progress bar."""
    asked = asked_count(state)
    return asked, max(max_questions(), asked)


_OUTCOME = {"yes": "positive", "no": "negative", "dont_know": "not known"}


def red_flag_screen(state: InterviewState, kb: KnowledgeBase) -> list[ScreenRow]:
    """The screening questions answered, the last answer to each winning (a → positive/negative)."""
    last: dict[str, str] = {}
    for fid, ans, screen in state.answers:
        if screen:
            last[fid] = ans
    return [
        ScreenRow(fid, kb.findings[fid].question, ans.replace("_", " "), _OUTCOME.get(ans, ans))
        for fid, ans in last.items()
        if fid in kb.findings
    ]


def doctor_questions(a: AssessmentOut, kb: KnowledgeBase) -> list[DoctorQuestion]:
    """Questions for an appointment, composed from the leading causes' cited work-up and pitfalls.

    The knowledge base has no list of questions for patients, so each question pairs a plain
    prompt with a statement the knowledge base already cites (e.g. a pitfall for dystonia:
    "Could it be dystonia rather than a strained muscle?" rests on that pitfall's sources).
    """
    out: list[DoctorQuestion] = []
    for cid in a.care_plan.for_conditions:
        cond = kb.conditions[cid]
        out.append(
            DoctorQuestion(
                f"Could this be {cond.plain_name.lower()} ({cond.name})? What else have you ruled out?",
                cond.summary.person,
                list(cond.sources[:3]),
            )
        )
    out += _from_statements("Do I need this test or scan?", [*a.care_plan.tests, *a.care_plan.imaging][:3])
    out += _from_statements("Does this apply to me?", a.care_plan.pitfalls[:3])
    return out


def _from_statements(ask: str, statements: list[StatementOut]) -> list[DoctorQuestion]:
    return [DoctorQuestion(ask, s.text, list(s.sources)) for s in statements]


@dataclass(frozen=True)
class Plan:
    """The care plan split for the person: what to do now and what a clinician may offer."""

    now: list[CareStepOut]
    clinician: list[CareStepOut]


def split_plan(a: AssessmentOut) -> Plan:
    """Self-care and emergency steps first; treatments that need a clinician after them."""
    steps = a.care_plan.steps
    return Plan([s for s in steps if s.kind in NOW_KINDS], [s for s in steps if s.kind not in NOW_KINDS])


def citation(kb: KnowledgeBase, source_id: str) -> str:
    """A full citation: authors, title, publisher, year, locator and address when known.

    Example: ``Albanese A, et al. Phenomenology and classification of dystonia. Movement
    Disorders. 2013. 28(7):863-873.``
    """
    s = kb.sources[source_id]
    parts = [s.authors, s.title, s.publisher, str(s.year) if s.year else None, s.locator, s.url]
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


@dataclass(frozen=True)
class FindingRow:
    """A finding for the clinician: label, id, present/absent, the words and where they came from."""

    id: str
    label: str
    status: str
    words: str
    origin: str


@dataclass(frozen=True)
class ClinicianCase:
    """Everything the clinician's view and its PDF show, in the order they show it."""

    a: AssessmentOut
    text: str
    findings: list[FindingRow]
    differential: list[DifferentialItem]
    screen: list[ScreenRow]
    examination: list[StatementOut]
    citations: list[tuple[str, str]]
    leading_name: str


def _finding_rows(a: AssessmentOut, state: InterviewState) -> list[FindingRow]:
    answered = {fid for fid, _, _ in state.answers}
    return [
        FindingRow(f.id, f.label, f.status, f.source_text, "answer" if f.id in answered else "text") for f in a.findings
    ]


def _examination(a: AssessmentOut, kb: KnowledgeBase) -> list[StatementOut]:
    return [
        StatementOut(condition=cid, text=s.text, sources=list(s.sources))
        for cid in a.care_plan.for_conditions
        for s in kb.conditions[cid].workup.examination
    ]


def clinician_case(state: InterviewState, a: AssessmentOut, kb: KnowledgeBase) -> ClinicianCase:
    """The clinician's structured note of one interview (the HTML view and the PDF share it)."""
    exam = _examination(a, kb)
    cited = dict.fromkeys([*(s.id for s in a.sources), *(sid for e in exam for sid in e.sources)])
    return ClinicianCase(
        a=a,
        text=state.text,
        findings=_finding_rows(a, state),
        differential=a.differential[:CLINICIAN_CAUSES],
        screen=red_flag_screen(state, kb),
        examination=exam,
        citations=[(sid, citation(kb, sid)) for sid in cited if sid in kb.sources],
        leading_name=a.differential[0].name if a.differential else "",
    )
