"""What the person's result shows, in plain words and in one order (web page and terminal).

Every sentence comes from the knowledge base: the level's timeframe, reason and steps
(``person_page`` in ``knowledge_base.yaml``), the red flags' ``warning_sign``, the causes'
``plain_name`` and the leading cause's self-care steps. Clinician wording (orders, tests,
pitfalls, decision rules) never appears here; it is on the clinician note.

Example: a wry neck (level ``self_care``) gives::

    view.timeframe == "Usually better within one to two weeks. Book an appointment if ..."
    view.self_care[0].text.startswith("Keep the neck gently moving")

and meningitis (``emergency_ambulance``) gives only the emergency steps, no self-care.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nape.knowledge.loader import KnowledgeBase
from nape.knowledge.schema import EMERGENCY_LEVELS, LEVEL_NAMES, RedFlag, TriageLevel
from nape.reasoning.evidence import Evidence
from nape.report.schema import AssessmentOut, CareStepOut
from nape.triage.rules import relevant

#: Causes shown open; the rest are folded away.
OPEN_CAUSES = 3
#: Causes listed in all (open and folded).
ALL_CAUSES = 6
#: Most warning signs listed under "get help sooner if".
MAX_WARNING_SIGNS = 8


@dataclass(frozen=True)
class CauseLine:
    """A likely cause: its plain line, medical name and chance in whole percent."""

    condition: str
    plain: str
    medical: str
    percent: int


@dataclass(frozen=True)
class WarningGroup:
    """Warning signs that lead to the same action, under a heading such as "Call an ambulance if"."""

    level: TriageLevel
    heading: str
    signs: list[str]


@dataclass(frozen=True)
class PersonView:
    """The person's result, section by section, in the order it is shown."""

    level: TriageLevel
    level_name: str
    emergency: bool
    reason: str
    timeframe: str
    steps: list[str]
    alerts: list[str]
    warnings: list[WarningGroup]
    causes: list[CauseLine]
    leading_plain: str
    self_care: list[CareStepOut]
    questions: list[str]
    sources: list[str]

    @property
    def open_causes(self) -> list[CauseLine]:
        return self.causes[:OPEN_CAUSES]

    @property
    def folded_causes(self) -> list[CauseLine]:
        return self.causes[OPEN_CAUSES:]

    def number(self, source_id: str) -> int:
        """The footnote number of a source (1-based, in order of first citation)."""
        return self.sources.index(source_id) + 1


def evidence_of(a: AssessmentOut) -> Evidence:
    """The findings of a report as evidence (present / absent) for evaluating red-flag relevance."""
    return Evidence({f.id: f.status == "present" for f in a.findings}, a.patient.age, a.patient.sex)


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _flag_advice(a: AssessmentOut, kb: KnowledgeBase) -> list[str]:
    """What the fired red flags at the assessment's level tell the person to do, beyond the
    first sentence that names the danger: "Keep still and do not move the neck ..." after a
    crash. A sentence the level's own steps already say is not repeated."""
    said = (
        set() if _go_to(a, kb) else {w for step in kb.meta.person_page.steps.get(a.triage.level) for w in _words(step)}
    )
    out: list[str] = []
    for f in a.red_flags:
        flag = kb.red_flags.get(f.id)
        if flag is None or flag.level != a.triage.level:
            continue
        rest = flag.message.partition(". ")[2]
        out += [s if s.endswith(".") else s + "." for s in rest.split(". ") if s and not _words(s) <= said]
    return list(dict.fromkeys(out))


def _go_to(a: AssessmentOut, kb: KnowledgeBase) -> str | None:
    """The place a fired red flag at the assessment's level names instead of the level's usual
    one, when every such flag names one (the first is shown): labour at 38 weeks is "Maternity
    unit now"; with a spinal cord flag beside it, the emergency department stays."""
    places = [
        flag.go_to for f in a.red_flags if (flag := kb.red_flags.get(f.id)) is not None and flag.level == a.triage.level
    ]
    return places[0] if places and None not in places else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _reason(a: AssessmentOut, kb: KnowledgeBase) -> str:
    page = kb.meta.person_page
    level = a.triage.level
    for d in a.triage.details:
        if d.level != level:
            continue
        if d.kind == "red_flag" and d.ref in kb.red_flags:
            return _first_sentence(kb.red_flags[d.ref].message)
        if d.kind == "escalation":
            return d.text
        if d.kind == "dangerous_cause" and d.ref in kb.conditions:
            return page.dangerous_cause_reason.format(cause=_lower_first(kb.conditions[d.ref].plain_name))
        if d.kind == "known_condition" and d.ref in kb.conditions:
            return page.known_condition_reason.format(cause=_lower_first(kb.conditions[d.ref].plain_name))
    return page.reason.get(level)


def _sign(flag: RedFlag) -> str:
    return flag.warning_sign or _lower_first(flag.label)


def _warnings(a: AssessmentOut, kb: KnowledgeBase) -> list[WarningGroup]:
    """Red flags that matter for this story and have not fired, grouped by what to do.

    A flag matters when its ``relevant_when`` holds for the findings; flags without one are
    screened for everyone. The most urgent come first (a stable sort keeps the file's order).
    """
    ev = evidence_of(a)
    fired = {f.id for f in a.red_flags}
    chosen = [flag for flag in kb.red_flags.values() if flag.id not in fired and relevant(flag.relevant_when, ev)]
    chosen.sort(key=lambda f: _RANK[f.level])
    chosen = chosen[:MAX_WARNING_SIGNS]
    groups: dict[str, WarningGroup] = {}
    for flag in chosen:
        heading = kb.meta.person_page.warning_headings.get(flag.level)
        if heading not in groups:
            groups[heading] = WarningGroup(flag.level, heading, [])
        sign = _sign(flag)
        if sign not in groups[heading].signs:
            groups[heading].signs.append(sign)
    return list(groups.values())


_RANK = {level: i for i, level in enumerate(LEVEL_NAMES)}


def person_view(a: AssessmentOut, kb: KnowledgeBase) -> PersonView:
    """The person's result from an assessment (no clinician wording, no self-care in an emergency)."""
    page = kb.meta.person_page
    level = a.triage.level
    emergency = level in EMERGENCY_LEVELS
    causes = [
        CauseLine(d.condition, d.plain_name, d.name, round(d.probability * 100)) for d in a.differential[:ALL_CAUSES]
    ]
    self_care: list[CareStepOut] = []
    if level in page.self_care_levels and a.differential:
        lead = a.differential[0].condition
        self_care = [
            CareStepOut(condition=lead, kind=s.kind, text=s.text, limits=s.limits, sources=list(s.sources))
            for s in kb.conditions[lead].care_plan
            if s.kind == "self_care"
        ]
    reason = _reason(a, kb)
    alerts = [_first_sentence(kb.red_flags[f.id].message) for f in a.red_flags if f.id in kb.red_flags]
    alerts = [m for m in dict.fromkeys(alerts) if m != reason]  # the reason already says the first
    warnings = _warnings(a, kb)
    flag_sources = [sid for f in a.red_flags for sid in kb.red_flags[f.id].sources if f.id in kb.red_flags]
    sources = list(dict.fromkeys([*flag_sources, *(sid for s in self_care for sid in s.sources)]))
    go_to = _go_to(a, kb)
    return PersonView(
        level=level,
        level_name=go_to or LEVEL_NAMES[level],
        emergency=emergency,
        reason=reason,
        timeframe=page.timeframe.get(level),
        # a flag that names its own place ("the maternity unit now") replaces the level's steps,
        # so the page never says both "go to an emergency department" and "not the emergency department"
        steps=_flag_advice(a, kb) if go_to else [*page.steps.get(level), *_flag_advice(a, kb)],
        alerts=alerts,
        warnings=warnings,
        causes=causes,
        leading_plain=causes[0].plain if causes else "",
        self_care=self_care,
        questions=list(page.appointment_questions),
        sources=[sid for sid in sources if sid in kb.sources],
    )


def citation(kb: KnowledgeBase, source_id: str) -> str:
    """A full citation: authors, title, publisher, year, locator and address when known.

    A seed document's locator is a file name in the project and is left out: a citation names
    the work, never a path. Example: ``Albanese A, et al. Phenomenology and classification of
    dystonia. Movement Disorders. 2013. 28(7):863-873.``
    """
    s = kb.sources[source_id]
    locator = None if s.kind == "seed" or (s.locator and s.locator.endswith(".txt")) else s.locator
    parts = [s.authors, s.title, s.publisher, str(s.year) if s.year else None, locator, s.url]
    return ". ".join(p.rstrip(".") for p in parts if p) + "."
