"""CDS Hooks 2.0: the discovery document and the cards for the ``patient-view`` hook.

Example: a febrile stiff neck in the record gives one card with ``indicator: critical`` and
the summary "Emergency: call an ambulance; red flag: Stiff neck with fever; most likely
Meningitis (71%)", a Markdown detail and a link to ``{base}/a/{id}/clinician``.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from nape.fhir.maps import fhir_terms
from nape.fhir.record import RecordReading, has_complaint, read_record
from nape.interview import InterviewState, current, start
from nape.report.schema import AssessmentOut

SUMMARY_MAX = 139  # CDS Hooks: "less than 140 characters"
HOOK = "patient-view"
_CAUSE_REASONS = {"escalation", "dangerous_cause"}  # triage reasons that name the cause behind the level

Json = dict[str, Any]


def discovery() -> Json:
    """``GET /cds-services``: one service for the patient-view hook with its prefetch templates."""
    cds = fhir_terms().cds
    service = {
        "hook": HOOK,
        "id": cds.service_id,
        "title": cds.title,
        "description": cds.description,
        "prefetch": dict(cds.prefetch),
        "usageRequirements": f'Optional free text in the request extension "{cds.text_extension}".',
    }
    return {"services": [service]}


def _short(name: str) -> str:
    """A cause's name without its parenthesis: "Meningitis (bacterial or viral)" → "Meningitis"."""
    return name.split(" (")[0]


def _urgent_cause(a: AssessmentOut) -> str | None:
    """The cause that set the level (an escalation or a dangerous cause not ruled out), if any."""
    names = {d.condition: d.name for d in a.differential}
    for r in a.triage.details:
        if r.level == a.triage.level and r.kind in _CAUSE_REASONS and r.ref in names:
            return names[r.ref]
    return None


def summary(a: AssessmentOut) -> str:
    """One line under 140 characters: urgency, first red flag, the cause to rule out, the leading cause.

    Example: "Emergency: call an ambulance; red flag: Fever with a stiff neck or severe headache;
    rule out Meningitis" (the leading cause left out when it does not fit).
    """
    parts = [fhir_terms().cds.summary_label[a.triage.level]]
    if a.red_flags:
        parts.append(f"red flag: {a.red_flags[0].label}")
    urgent = _urgent_cause(a)
    if urgent and (not a.differential or urgent != a.differential[0].name):
        parts.append(f"rule out {_short(urgent)}")
    if a.differential:
        top = a.differential[0]
        parts.append(f"most likely {_short(top.name)} ({top.probability:.0%})")
    return _fit(parts)


def _fit(parts: list[str], room: int = SUMMARY_MAX) -> str:
    """Join parts with "; " within ``room`` characters. Later parts go in whole or not at all;
    only the second (the red flag, which matters most after the urgency) is cut with "…"."""
    line = parts[0][:room]
    for i, part in enumerate(parts[1:], start=1):
        joined = f"{line}; {part}"
        if len(joined) <= room:
            line = joined
        elif i == 1:
            return joined[: room - 1].rstrip() + "…"
    return line


def _differential_table(a: AssessmentOut) -> list[str]:
    shown = a.differential[: fhir_terms().cds.differential_shown]
    if not shown:
        return ["No cause could be ranked from the data given."]
    rows = [f"| {d.name} | {d.probability:.0%} | {', '.join(d.icd10cm)} |" for d in shown]
    return [
        "**Most likely causes** (a differential, not a diagnosis)",
        "",
        "| cause | probability | ICD-10-CM |",
        "| --- | --- | --- |",
        *rows,
    ]


def detail(a: AssessmentOut) -> str:
    """The card's Markdown: urgency, red flags, reasons, top causes, findings used, disclaimer."""
    lines = [f"**{a.triage.advice}** (triage level `{a.triage.level}`)", ""]
    if a.red_flags:
        lines += ["**Red flags**", *(f"- **{f.label}**: {f.message}" for f in a.red_flags), ""]
    lines += ["**Why this level**", *(f"- {r}" for r in a.triage.reasons), ""]
    lines += [*_differential_table(a), ""]
    if a.findings:
        used = "; ".join(
            f"{f.label} ({'present' if f.status == 'present' else 'absent'}: {f.source_text})" for f in a.findings
        )
        lines += [f"**Findings used**: {used}", ""]
    lines += [f"_{a.disclaimer}_", "", a.emergency_advice]
    return "\n".join(lines)


def card(a: AssessmentOut, interview_id: str, base: str) -> Json:
    """One card for an assessment saved as ``interview_id``; ``base`` is the service's URL."""
    return {
        "uuid": str(uuid.uuid4()),
        "summary": summary(a),
        "indicator": fhir_terms().cds.indicator[a.triage.level],
        "detail": detail(a),
        "source": {"label": "nape", "url": f"{base}/"},
        "links": [{"label": "Full nape report", "url": f"{base}/a/{interview_id}/clinician", "type": "absolute"}],
    }


def interview_from_record(prefetch: Json | None, text: str | None, today: date) -> InterviewState | None:
    """An interview started from the record (and text), or None when there is nothing to assess.

    Nothing to assess means no free text and no neck or back complaint in the record: the
    service then answers no card rather than a card on every chart that is opened.
    """
    reading: RecordReading = read_record(prefetch, today)
    if not text and not has_complaint(reading):
        return None
    state = start(text or None, age=reading.age, sex=reading.sex, findings=reading.findings)
    # record findings keep the code they came from rather than start()'s "id=present"
    by_id = {m.finding: m for m in (*state.mentions, *reading.mentions)}
    return replace(state, mentions=tuple(by_id.values()))


def answer_hook(state: InterviewState, interview_id: str, base: str) -> Json:
    """The hook response for a saved interview: one card with its current assessment."""
    return {"cards": [card(current(state), interview_id, base)]}
