"""Urgency: the most urgent of red flags, escalation rules, dangerous causes and the leading cause.

Safety properties (tested):
  * a fired red flag always sets at least its level: nothing is subtracted, only maxima taken;
  * a dangerous cause at or above its ``safety_threshold`` sets at least its base level;
  * a condition the person is known to have (``known_by``) sets at least its base level.

Example: fever with a stiff neck fires ``fever_stiff_neck`` -> ``emergency_ambulance`` even
when the differential's leading cause is a muscle strain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from nape.knowledge.schema import TRIAGE_ORDER, TriageLevel
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import Array, Model
from nape.triage.rules import holds, matched_findings, relevant

ReasonKind = Literal[
    "red_flag", "escalation", "dangerous_cause", "known_condition", "leading_cause", "uncertain", "default"
]


def rank(level: TriageLevel) -> int:
    """0 for the most urgent level (``emergency_ambulance``), 4 for ``self_care``."""
    return TRIAGE_ORDER.index(level)


def most_urgent(levels: list[TriageLevel]) -> TriageLevel:
    return min(levels, key=rank)


@dataclass(frozen=True)
class FiredFlag:
    id: str
    label: str
    level: TriageLevel
    message: str
    findings: list[str]


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    level: TriageLevel
    text: str
    ref: str | None = None


@dataclass(frozen=True)
class TriageResult:
    level: TriageLevel
    reasons: list[Reason]
    red_flags: list[FiredFlag] = field(default_factory=list)


def fired_red_flags(model: Model, ev: Evidence) -> list[FiredFlag]:
    out = []
    for flag in model.kb.red_flags.values():
        hits = [rule for rule in flag.when if holds(rule, ev)]
        if hits:
            found = sorted({f for rule in hits for f in matched_findings(rule, ev)})
            out.append(FiredFlag(flag.id, flag.label, flag.level, flag.message, found))
    return sorted(out, key=lambda f: rank(f.level))


def ambulance_signs(model: Model, ev: Evidence) -> list[str]:
    """The warning signs of ambulance-level red flags one "yes" away: when a flag has sent the
    person to the emergency department, these say when to call an ambulance instead. A flag is
    listed when it has not fired, fits the story (its ``relevant_when``) and one of its screening
    findings, still unknown, would fire it together with what is known (a sign that is an
    ambulance on its own, such as a sudden worst headache, is in every warning list already).

    Example: "slipped on the ice, tender over the spine bones" -> the suspected spinal injury's
    sign (after a crash, a dive or a fall from a height ...): a dangerous mechanism would fire it."""
    fired = {f.id for f in fired_red_flags(model, ev)}
    out: list[str] = []
    for flag in model.kb.red_flags.values():
        if flag.level != "emergency_ambulance" or flag.id in fired or not flag.warning_sign:
            continue
        if not relevant(flag.relevant_when, ev):
            continue  # a dangerous mechanism is no question in a story with no injury
        for fid in flag.screen:
            if fid in ev.findings:
                continue
            yes = Evidence({**ev.findings, fid: True}, ev.age, ev.sex, ev.asked | {fid}, ev.age_months)
            alone = Evidence({fid: True}, ev.age, ev.sex, frozenset({fid}), ev.age_months)
            if any(holds(rule, yes) and not holds(rule, alone) for rule in flag.when):
                out.append(flag.warning_sign)
                break
    return out


def uncertainty(model: Model, ev: Evidence, posterior: Array, unrecognised: Sequence[str] = ()) -> str | None:
    """Why the reading is too thin to reassure (None when it is not).

    Self-care needs positive evidence: at least ``uncertain_min_findings`` findings stated present,
    a leading cause at least ``uncertain_min_leading_probability`` likely, and no symptom words the
    reader could not place (``unrecognised``, e.g. ``ParseResult.unrecognised`` from the intake).
    Example: an empty reading -> "nape read too little to be sure ... (no findings were read)".
    """
    settings = model.kb.meta.triage
    why: list[str] = []
    present = sum(1 for v in ev.findings.values() if v)
    if present < settings.uncertain_min_findings:
        why.append("no findings were read" if present == 0 else f"only {present} finding was read")
    top = int(np.argmax(posterior))
    if float(posterior[top]) < settings.uncertain_min_leading_probability:
        name = model.kb.conditions[model.conditions[top]].name
        why.append(f"the most likely cause ({name}) is only {float(posterior[top]):.0%} likely")
    words = [w for w in dict.fromkeys(x.strip() for x in unrecognised) if w]
    if words:
        why.append("these words were not understood: " + ", ".join(f'"{w}"' for w in words))
    if not why:
        return None
    return "nape read too little to be sure it is safe to manage this at home (" + "; ".join(why) + ")."


def triage(model: Model, ev: Evidence, posterior: Array, *, unrecognised: Sequence[str] = ()) -> TriageResult:
    """Combine every source of urgency; the result is the most urgent of them.

    An uncertain reading is not reassurance: when the result would be self-care but
    ``uncertainty`` finds the reading too thin, the level is raised to ``uncertain_level``.
    """
    kb = model.kb
    settings = kb.meta.triage
    reasons: list[Reason] = []
    flags = fired_red_flags(model, ev)
    for flag in flags:
        reasons.append(Reason("red_flag", flag.level, f"Red flag: {flag.label}.", flag.id))

    top = int(np.argmax(posterior))
    for ci, cid in enumerate(model.conditions):
        cond = kb.conditions[cid]
        prob = float(posterior[ci])
        if prob >= settings.escalation_min_probability:
            for esc in cond.triage.escalations:
                if holds(esc.when, ev):
                    reasons.append(Reason("escalation", esc.level, esc.reason, cid))
        known = [f for f in cond.triage.known_by if ev.present(f)]
        if known:
            because = f"Known {cond.name}: its own clinician should see new spasms."
            reasons.append(Reason("known_condition", cond.triage.base, because, cid))
        threshold = cond.triage.safety_threshold
        if threshold is not None and prob >= threshold:
            reasons.append(
                Reason(
                    "dangerous_cause",
                    cond.triage.base,
                    f"{cond.name} cannot be ruled out (about {prob:.0%} likely).",
                    cid,
                )
            )
        elif ci == top or prob >= settings.leading_min_probability:
            reasons.append(
                Reason(
                    "leading_cause",
                    cond.triage.base,
                    # only the differential's top is "most likely"; another cause likely enough
                    # to add its own urgency is named as also likely
                    f"{'Most likely cause' if ci == top else 'Also likely'}: {cond.name} ({prob:.0%}).",
                    cid,
                )
            )
    if not reasons:
        reasons.append(Reason("default", settings.default_level, "No warning signs found."))
    if rank(most_urgent([r.level for r in reasons])) > rank(settings.uncertain_level):
        why = uncertainty(model, ev, posterior, unrecognised)
        if why is not None:
            reasons.append(Reason("uncertain", settings.uncertain_level, why))
    reasons.sort(key=lambda r: (rank(r.level), r.kind != "red_flag"))
    level = most_urgent([r.level for r in reasons])
    return TriageResult(level, reasons, flags)
