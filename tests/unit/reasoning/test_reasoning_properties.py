"""Property tests of the differential and triage (hypothesis)."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nape.knowledge.loader import default_kb
from nape.knowledge.schema import TRIAGE_ORDER
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model
from nape.triage.engine import fired_red_flags, triage
from tests.reference import reference_posterior

KB = default_kb()
MODEL = default_model()
FINDINGS = sorted(KB.findings)

evidence_st = st.dictionaries(st.sampled_from(FINDINGS), st.booleans(), max_size=12)
age_st = st.one_of(st.none(), st.integers(min_value=0, max_value=110))
sex_st = st.sampled_from([None, "female", "male"])


def _ev(findings: dict[str, bool], age: int | None, sex: str | None) -> Evidence:
    # Exclusive groups would derive extra absences; keep raw evidence for exact comparison.
    return Evidence(findings, age, sex, frozenset(findings))


@settings(max_examples=150, deadline=None)
@given(evidence_st, age_st, sex_st)
def test_probabilities_sum_to_one(findings: dict[str, bool], age: int | None, sex: str | None) -> None:
    post = MODEL.posterior(_ev(findings, age, sex))
    assert abs(post.sum() - 1.0) < 1e-9
    assert (post >= 0).all()


@settings(max_examples=100, deadline=None)
@given(evidence_st, age_st, sex_st, st.randoms())
def test_order_of_evidence_does_not_matter(
    findings: dict[str, bool], age: int | None, sex: str | None, rnd: random.Random
) -> None:
    items = list(findings.items())
    rnd.shuffle(items)
    a = MODEL.posterior(_ev(findings, age, sex))
    b = MODEL.posterior(_ev(dict(items), age, sex))
    assert np.allclose(a, b, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(evidence_st, age_st, sex_st)
def test_matches_the_plain_reference_implementation(
    findings: dict[str, bool], age: int | None, sex: str | None
) -> None:
    fast = MODEL.posterior(_ev(findings, age, sex))
    slow = reference_posterior(KB, findings, age, sex)
    for ci, cid in enumerate(MODEL.conditions):
        assert abs(fast[ci] - slow[cid]) < 1e-9


@settings(max_examples=150, deadline=None)
@given(evidence_st, age_st, st.sampled_from(FINDINGS))
def test_a_finding_most_typical_of_a_cause_never_lowers_it(
    findings: dict[str, bool], age: int | None, fid: str
) -> None:
    findings = {k: v for k, v in findings.items() if k != fid}
    fi = MODEL.index[fid]
    ci = int(np.argmax(MODEL.p[:, fi]))  # the cause this finding supports most
    before = MODEL.posterior(_ev(findings, age, None))[ci]
    after = MODEL.posterior(_ev({**findings, fid: True}, age, None))[ci]
    assert after >= before - 1e-12


@settings(max_examples=150, deadline=None)
@given(evidence_st, age_st)
def test_a_fired_red_flag_always_sets_at_least_its_level(findings: dict[str, bool], age: int | None) -> None:
    ev = _ev(findings, age, None)
    result = triage(MODEL, ev, MODEL.posterior(ev))
    for flag in fired_red_flags(MODEL, ev):
        assert TRIAGE_ORDER.index(result.level) <= TRIAGE_ORDER.index(flag.level)


@settings(max_examples=60, deadline=None)
@given(evidence_st)
def test_a_red_flag_cannot_be_outvoted_by_benign_evidence(findings: dict[str, bool]) -> None:
    """Pile on findings typical of a muscle strain; fever with a stiff neck still escalates."""
    strain = {lk.finding: True for lk in KB.conditions["muscle_strain"].findings if lk.p > 0.6}
    ev = _ev({**findings, **strain, "fever": True, "neck_stiffness": True}, 30, None)
    assert triage(MODEL, ev, MODEL.posterior(ev)).level == "emergency_ambulance"


def test_every_condition_gets_a_probability_and_the_list_is_sorted() -> None:
    from nape import assess

    a = assess(findings={"neck_pain": True}, age=40)
    assert len(a.differential) == len(KB.conditions)
    probs = [d.probability for d in a.differential]
    assert probs == sorted(probs, reverse=True)


def test_weights_explain_for_and_against() -> None:
    from nape import assess

    a = assess(findings={"fever": True, "neck_stiffness": True, "heavy_lifting_or_overexertion": False}, age=25)
    men = next(d for d in a.differential if d.condition == "meningitis")
    assert "fever" in men.for_ and "neck_stiffness" in men.for_
    assert all(w.weight > 0 for w in men.weights if w.finding in men.for_)


def test_a_broader_finding_adds_nothing_once_a_narrower_one_is_present() -> None:
    """ "Pregnant" stated beside "20 or more weeks pregnant" is one fact, not two: the differential
    is the same with or without it (and likewise for a thunderclap headache and a severe one)."""
    for narrow, broad in (("later_pregnancy", "pregnant"), ("thunderclap_headache", "severe_headache")):
        alone = MODEL.posterior(_ev({narrow: True, "low_back_pain": True}, 30, "female"))
        both = MODEL.posterior(_ev({narrow: True, broad: True, "low_back_pain": True}, 30, "female"))
        assert np.allclose(alone, both)
        absent = MODEL.posterior(_ev({broad: False}, 30, "female"))
        absent_both = MODEL.posterior(_ev({broad: False, narrow: False}, 30, "female"))
        assert np.allclose(absent, absent_both)
