"""How findings count (docs/knowledge/index.md, "How findings count")."""

from __future__ import annotations

import numpy as np

from nape.knowledge.loader import default_kb
from nape.reasoning.evidence import Evidence, age_band
from nape.reasoning.model import default_model

MODEL = default_model()
KB = default_kb()


def _weight(condition: str, finding: str, present: bool = True) -> float:
    ci = MODEL.conditions.index(condition)
    fi = MODEL.index[finding]
    return float(MODEL.llr_present[ci, fi] if present else MODEL.llr_absent[ci, fi])


def test_neck_pain_does_not_count_against_a_fracture() -> None:
    assert _weight("spinal_fracture", "neck_pain") >= 0.0


def test_a_symptom_a_cause_commonly_produces_never_counts_against_it() -> None:
    common = KB.meta.reasoning.common_finding_p
    for cid, cond in KB.conditions.items():
        for lk in cond.findings:
            if lk.p >= common:
                assert _weight(cid, lk.finding) >= -1e-12, (cid, lk.finding)


def test_neck_spasm_counts_for_spasm_producing_conditions() -> None:
    for cid in ("post_stroke_spasticity", "multiple_sclerosis", "medication_side_effect"):
        assert _weight(cid, "neck_spasm") >= 0.0


def test_serious_symptoms_count_against_benign_causes_that_do_not_list_them() -> None:
    for fid in ("unexplained_weight_loss", "vomiting", "altered_consciousness"):
        assert KB.findings[fid].benign_rate is not None
        for cid in ("muscle_strain", "postural_overuse", "stress_tension"):
            listed = {lk.finding for lk in KB.conditions[cid].findings}
            if fid not in listed:
                assert _weight(cid, fid) < -0.5, (cid, fid)


def test_a_horner_sign_after_a_neck_twist_points_to_dissection_not_a_wry_neck() -> None:
    """A drooping eyelid with a small pupil beside one-sided neck pain: a wry neck never gives a
    Horner syndrome (its benign_rate), so a tear in a neck artery leads."""
    assert KB.findings["drooping_eyelid_small_pupil"].benign_rate is not None
    ev = Evidence.build(
        KB,
        {"neck_pain": True, "unilateral_symptoms": True, "drooping_eyelid_small_pupil": True},
        age=39,
    )
    post = MODEL.posterior(ev)
    dissection = post[MODEL.conditions.index("cervical_artery_dissection")]
    assert dissection > post[MODEL.conditions.index("acute_torticollis")]
    assert dissection > post[MODEL.conditions.index("muscle_strain")]


def test_unlisted_findings_are_neutral_for_dangerous_causes() -> None:
    listed = {lk.finding for lk in KB.conditions["meningitis"].findings}
    unlisted = next(f for f in ("heavy_lifting_or_overexertion", "crepitus") if f not in listed)
    assert abs(_weight("meningitis", unlisted)) < 1e-12


def test_whiplash_does_not_absorb_a_dangerous_mechanism() -> None:
    ev = Evidence.build(
        KB,
        {
            "dangerous_mechanism": True,
            "motor_vehicle_collision": True,
            "arm_numbness_tingling": True,
            "neck_pain": True,
        },
        age=30,
    )
    post = MODEL.posterior(ev)
    assert post[MODEL.conditions.index("spinal_fracture")] > post[MODEL.conditions.index("whiplash")]


def test_strain_and_postural_causes_are_much_less_likely_in_young_children() -> None:
    assert age_band(3) == "0-4" and age_band(7) == "0-15"
    for cid in ("muscle_strain", "postural_overuse", "stress_tension"):
        ci = MODEL.conditions.index(cid)
        assert MODEL.log_prior_for(2, None)[ci] < MODEL.log_prior_for(12, None)[ci] - np.log(3)


def _rank(findings: dict[str, bool], condition: str, age: int = 40) -> float:
    ev = Evidence.build(KB, findings, age=age, sex="female")
    return float(MODEL.posterior(ev)[MODEL.conditions.index(condition)])


def test_a_drug_reaction_needs_its_drug_said() -> None:
    # a sudden one-sided neck twist with trouble speaking, no medicine named
    story = {"sudden_onset": True, "neck_pain": True, "speech_swallow_difficulty": True}
    unsaid = _rank(story, "drug_induced_dystonia")
    with_drug = _rank({**story, "recent_dopamine_blocker": True}, "drug_induced_dystonia")
    factor = KB.meta.reasoning.unstated_cause_factor
    assert with_drug > unsaid
    # the factor is applied once, to the cause whose medicine is unsaid, and nothing else moves
    ev = Evidence.build(KB, story, age=40, sex="female")
    pos, neg = MODEL.split(ev)
    plain = MODEL.log_prior_for(40, "female") + MODEL.log_present[:, pos].sum(axis=1)
    plain = plain + MODEL.log_absent[:, neg].sum(axis=1)
    joint = MODEL.log_joint(ev)
    needy = {MODEL.conditions[ci] for ci, _ in MODEL.needs}
    for ci, cid in enumerate(MODEL.conditions):
        expected = plain[ci] + (np.log(factor) if cid in needy else 0.0)
        assert abs(joint[ci] - expected) < 1e-9, cid


def test_a_denied_cause_counts_through_its_own_likelihood_not_twice() -> None:
    # "no new medicines" is stated: the absent likelihood counts, the unstated factor does not
    ev = Evidence.build(KB, {"neck_spasm": True, "new_medication_recent": False}, age=30, sex="male")
    ci = MODEL.conditions.index("drug_induced_dystonia")
    fi, fa = MODEL.index["neck_spasm"], MODEL.index["new_medication_recent"]
    pos, neg = MODEL.split(ev)
    assert fi in pos and fa in neg
    expected = MODEL.log_prior_for(30, "male")[ci] + MODEL.log_present[ci, pos].sum() + MODEL.log_absent[ci, neg].sum()
    assert abs(MODEL.log_joint(ev)[ci] - expected) < 1e-9


def test_every_defining_finding_is_listed_by_its_cause() -> None:
    for cid, cond in KB.conditions.items():
        listed = {lk.finding for lk in cond.findings}
        assert set(cond.exists_only_with) <= listed, cid
