"""The Canadian C-Spine Rule and NEXUS, checked against the logic of the papers."""

from __future__ import annotations

import pytest

from nape.reasoning.evidence import Evidence
from nape.triage.decision_rules import canadian_c_spine, nexus

T = True
F = False
INJURY = {"recent_trauma": T, "neck_pain": T}

# (name, findings, age, expected Canadian outcome)
CCR_TABLE = [
    ("no injury: rule does not apply", {"neck_pain": T}, 40, "not_applicable"),
    ("age 65 is high risk", INJURY, 65, "imaging"),
    ("age 64, everything else unknown", INJURY, 64, "undetermined"),
    ("dangerous mechanism", {**INJURY, "dangerous_mechanism": T}, 30, "imaging"),
    ("paraesthesias in the arms", {**INJURY, "arm_numbness_tingling": T}, 30, "imaging"),
    (
        "low risk + rotates 45 -> no imaging",
        {
            **INJURY,
            "dangerous_mechanism": F,
            "arm_numbness_tingling": F,
            "leg_numbness_tingling": F,
            "simple_rear_end_collision": T,
            "able_to_rotate_45": T,
        },
        30,
        "no_imaging",
    ),
    (
        "low risk + cannot rotate -> imaging",
        {
            **INJURY,
            "dangerous_mechanism": F,
            "arm_numbness_tingling": F,
            "ambulatory_since_injury": T,
            "able_to_rotate_45": F,
        },
        30,
        "imaging",
    ),
    (
        "no low-risk factor at all -> imaging",
        {
            **INJURY,
            "dangerous_mechanism": F,
            "arm_numbness_tingling": F,
            "simple_rear_end_collision": F,
            "ambulatory_since_injury": F,
            "delayed_onset_neck_pain": F,
            "midline_spinal_tenderness": T,
        },
        30,
        "imaging",
    ),
    (
        "no midline tenderness is a low-risk factor",
        {
            **INJURY,
            "dangerous_mechanism": F,
            "arm_numbness_tingling": F,
            "leg_numbness_tingling": F,
            "midline_spinal_tenderness": F,
            "able_to_rotate_45": T,
        },
        40,
        "no_imaging",
    ),
    (
        "low risk but rotation unknown",
        {**INJURY, "dangerous_mechanism": F, "arm_numbness_tingling": F, "delayed_onset_neck_pain": T},
        30,
        "undetermined",
    ),
    ("high risk outranks low risk", {**INJURY, "simple_rear_end_collision": T, "able_to_rotate_45": T}, 70, "imaging"),
]


@pytest.mark.parametrize("name,findings,age,expected", CCR_TABLE, ids=[r[0] for r in CCR_TABLE])
def test_canadian_c_spine_rule(name: str, findings: dict[str, bool], age: int, expected: str) -> None:
    ev = Evidence(findings, age, None, frozenset(findings))
    assert canadian_c_spine(ev).outcome == expected


ALL_CLEAR = {
    "midline_spinal_tenderness": F,
    "intoxication": F,
    "altered_consciousness": F,
    "distracting_injury": F,
    "arm_weakness": F,
    "leg_weakness": F,
}
NEXUS_TABLE = [
    ("all five criteria met", {**INJURY, **ALL_CLEAR}, "no_imaging"),
    ("midline tenderness", {**INJURY, **ALL_CLEAR, "midline_spinal_tenderness": T}, "imaging"),
    ("intoxicated", {**INJURY, **ALL_CLEAR, "intoxication": T}, "imaging"),
    ("not alert", {**INJURY, **ALL_CLEAR, "altered_consciousness": T}, "imaging"),
    ("distracting injury", {**INJURY, **ALL_CLEAR, "distracting_injury": T}, "imaging"),
    ("focal deficit", {**INJURY, **ALL_CLEAR, "arm_weakness": T}, "imaging"),
    ("one criterion unknown", {**INJURY, "midline_spinal_tenderness": F}, "undetermined"),
    ("no injury", {"neck_pain": T}, "not_applicable"),
]


@pytest.mark.parametrize("name,findings,expected", NEXUS_TABLE, ids=[r[0] for r in NEXUS_TABLE])
def test_nexus(name: str, findings: dict[str, bool], expected: str) -> None:
    ev = Evidence(findings, 40, None, frozenset(findings))
    assert nexus(ev).outcome == expected


def test_rule_feeds_the_fracture_red_flag() -> None:
    from nape import assess

    a = assess(findings={"recent_trauma": True, "neck_pain": True, "dangerous_mechanism": True}, age=30)
    assert "neck_injury_imaging" in {f.id for f in a.red_flags}
    assert a.triage.level in ("emergency", "emergency_ambulance")
    assert any(r.rule == "canadian_c_spine" and r.outcome == "imaging" for r in a.decision_rules)
