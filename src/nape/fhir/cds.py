"""CDS Hooks 2.0: the discovery document and the cards for the ``patient-view`` hook.

Example: a febrile stiff neck in the record gives one card with ``indicator: critical`` and
the summary "Emergency: call an ambulance; red flag: Stiff neck with fever; most likely
Meningitis (71%)", a Markdown detail and a link to ``{base}/a/{id}/clinician``.
"""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from nape.fhir.maps import fhir_terms
from nape.fhir.record import RecordReading, has_complaint, read_record
from nape.interview import InterviewState, current, start
from nape.report.schema import AssessmentOut

SUMMARY_MAX = 139  # CDS Hooks: "less than 140 characters"
HOOK = "patient-view"
_CAUSE_REASONS = {"escalation", "dangerous_cause"}  # triage reasons that name the cause behind the level

Json = dict[str, Any]

#: Characters that can open Markdown or HTML markup inside a line: emphasis, code, links and
#: images (``[``, ``]``), tables (``|``), strikethrough, headings and backslash itself. ``<``,
#: ``>`` and ``&`` become HTML entities, so no tag or entity from the request survives.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
#: A line that starts like a block (list item, quote, heading underline) would change the layout.
_BLOCK_START = re.compile(r"^(\d{1,9}[.)]|[-+=>])")
#: Bare URLs that GitHub-flavoured Markdown turns into links by itself ("www.", "scheme://").
_AUTOLINK = re.compile(r"(?i)(www)\.|(:)(//)")
_SPACE = re.compile(r"\s+")
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def md(value: object) -> str:
    """Any value as inert Markdown text: it reads the same and can never become markup.

    Every value put into a card goes through here (the request's free text and Condition
    displays above all): line breaks become spaces, HTML is entity-escaped, Markdown punctuation
    is backslash-escaped and bare URLs are broken with a word joiner, so no link, image, tag or
    ``javascript:`` URL can reach the electronic record. Example:
    ``md("[x](javascript:alert(1))")`` → ``"\\[x\\](javascript:alert(1))"``.
    """
    text = _SPACE.sub(" ", str(value)).strip()
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: f"{m.group(1)}\u2060." if m.group(1) else ":\u2060//", text)
    return _BLOCK_START.sub(r"\\\1", text)


def _link_base(base: str) -> str:
    """The public URL base, checked: http(s), a host, no credentials, query or fragment."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.query or parts.fragment:
        raise ValueError("the public URL base must be an http(s) URL with a host and nothing else")
    return base.rstrip("/")


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
    rows = [f"| {md(d.name)} | {d.probability:.0%} | {md(', '.join(d.icd10cm))} |" for d in shown]
    return [
        "**Most likely causes** (a differential, not a diagnosis)",
        "",
        "| cause | probability | ICD-10-CM |",
        "| --- | --- | --- |",
        *rows,
    ]


def detail(a: AssessmentOut) -> str:
    """The card's Markdown: urgency, red flags, reasons, top causes, findings used, disclaimer.

    Every value goes through ``md``: the findings quote the request's own words and codings.
    """
    lines = [f"**{md(a.triage.advice)}** (triage level `{md(a.triage.level)}`)", ""]
    if a.red_flags:
        lines += ["**Red flags**", *(f"- **{md(f.label)}**: {md(f.message)}" for f in a.red_flags), ""]
    lines += ["**Why this level**", *(f"- {md(r)}" for r in a.triage.reasons), ""]
    lines += [*_differential_table(a), ""]
    if a.findings:
        used = "; ".join(
            f"{md(f.label)} ({'present' if f.status == 'present' else 'absent'}: {md(f.source_text)})"
            for f in a.findings
        )
        lines += [f"**Findings used**: {used}", ""]
    lines += [f"_{md(a.disclaimer)}_", "", md(a.emergency_advice)]
    return "\n".join(lines)


def card(a: AssessmentOut, interview_id: str, base: str) -> Json:
    """One card for an assessment saved as ``interview_id``; ``base`` is the service's public URL.

    Links point only below ``base`` (checked to be a plain http(s) URL) at a URL-safe id.
    """
    base = _link_base(base)
    if not _SAFE_ID.fullmatch(interview_id):
        raise ValueError("an interview id is URL-safe")
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
