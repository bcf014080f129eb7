"""Clinical decision rules for neck injury, as published.

Canadian C-Spine Rule (Stiell et al., JAMA 2001): for alert, stable adults after trauma.
  1. Any high-risk factor -> image: age >= 65, a dangerous mechanism, paraesthesias in the
     extremities.
  2. Otherwise, no low-risk factor that allows safe assessment of range of motion -> image.
     Low-risk factors: simple rear-end collision, sitting position in the ED, ambulatory at
     any time, delayed onset of neck pain, absence of midline cervical tenderness.
  3. Otherwise, unable to actively rotate the neck 45 degrees left and right -> image;
     able -> no imaging.

NEXUS low-risk criteria (Hoffman et al., NEJM 2000): no imaging only if ALL of: no posterior
midline cervical tenderness, no intoxication, normal alertness, no focal neurological
deficit, no painful distracting injury.

A self-assessment often leaves items unknown, so each rule answers ``imaging``,
``no_imaging`` or ``undetermined`` (and ``not_applicable`` without an injury).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from nape.reasoning.evidence import Evidence

Outcome = Literal["imaging", "no_imaging", "undetermined", "not_applicable"]

_INJURY = ("recent_trauma", "motor_vehicle_collision", "dangerous_mechanism")
_NECK = ("neck_pain", "neck_stiffness", "pain_on_neck_movement", "neck_spasm")


@dataclass(frozen=True)
class RuleResult:
    rule: str
    outcome: Outcome
    reasons: list[str] = field(default_factory=list)


def applies(ev: Evidence) -> bool:
    """The rules are for an injury with neck symptoms (or a dangerous mechanism)."""
    injured = any(ev.present(f) for f in _INJURY)
    neck = any(ev.present(f) for f in _NECK) or ev.present("dangerous_mechanism")
    return injured and neck


def _tri(ev: Evidence, fid: str) -> bool | None:
    return ev.findings.get(fid)


def canadian_c_spine(ev: Evidence) -> RuleResult:
    """Apply the Canadian C-Spine Rule. Example: a 70-year-old after a fall -> ``imaging``."""
    name = "canadian_c_spine"
    if not applies(ev):
        return RuleResult(name, "not_applicable")
    high_risk: list[str] = []
    if ev.age is not None and ev.age >= 65:
        high_risk.append("age 65 or over")
    if ev.present("dangerous_mechanism"):
        high_risk.append("dangerous mechanism")
    if ev.present("arm_numbness_tingling") or ev.present("leg_numbness_tingling"):
        high_risk.append("paraesthesias in the extremities")
    if high_risk:
        return RuleResult(name, "imaging", [f"high-risk factor: {r}" for r in high_risk])
    high_risk_unknown = (
        ev.age is None
        or _tri(ev, "dangerous_mechanism") is None
        or (_tri(ev, "arm_numbness_tingling") is None and _tri(ev, "leg_numbness_tingling") is None)
    )
    low_risk_ids = ("simple_rear_end_collision", "ambulatory_since_injury", "delayed_onset_neck_pain")
    low_risk = [f for f in low_risk_ids if ev.present(f)]
    if ev.absent("midline_spinal_tenderness"):
        low_risk.append("no midline tenderness")
    all_low_risk_absent = all(ev.absent(f) for f in low_risk_ids) and ev.present("midline_spinal_tenderness")
    if not low_risk:
        if all_low_risk_absent:
            return RuleResult(name, "imaging", ["no low-risk factor allows assessing movement"])
        return RuleResult(name, "undetermined", ["low-risk factors not known"])
    rotate = _tri(ev, "able_to_rotate_45")
    if rotate is False:
        return RuleResult(name, "imaging", ["unable to rotate the neck 45 degrees both ways"])
    if rotate is True and not high_risk_unknown:
        return RuleResult(name, "no_imaging", [f"low-risk factor: {x}" for x in low_risk] + ["rotates 45 degrees"])
    return RuleResult(name, "undetermined", ["high-risk factors or rotation not known"])


_NEXUS = {
    "midline_spinal_tenderness": "posterior midline tenderness",
    "intoxication": "intoxication",
    "altered_consciousness": "altered alertness",
    "distracting_injury": "painful distracting injury",
}
_FOCAL = ("arm_weakness", "leg_weakness", "facial_droop_or_one_sided_weakness")


def nexus(ev: Evidence) -> RuleResult:
    """Apply the NEXUS low-risk criteria. Example: intoxicated after a fall -> ``imaging``."""
    name = "nexus"
    if not applies(ev):
        return RuleResult(name, "not_applicable")
    positive = [label for fid, label in _NEXUS.items() if ev.present(fid)]
    if any(ev.present(f) for f in _FOCAL):
        positive.append("focal neurological deficit")
    if positive:
        return RuleResult(name, "imaging", positive)
    focal_clear = all(ev.absent(f) for f in _FOCAL[:2])
    if all(ev.absent(fid) for fid in _NEXUS) and focal_clear:
        return RuleResult(name, "no_imaging", ["all five low-risk criteria met"])
    return RuleResult(name, "undetermined", ["not every criterion is known"])


def evaluate_all(ev: Evidence) -> dict[str, RuleResult]:
    return {"canadian_c_spine": canadian_c_spine(ev), "nexus": nexus(ev)}
