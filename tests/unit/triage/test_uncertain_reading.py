"""An uncertain reading is not reassurance: self-care needs positive evidence."""

from __future__ import annotations

from nape import assess
from nape.knowledge.loader import default_kb
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model
from nape.triage.engine import triage, uncertainty

MODEL = default_model()
KB = default_kb()
STRAIN = {
    "low_back_pain": True,
    "back_spasm": True,
    "heavy_lifting_or_overexertion": True,
    "mechanical_pain": True,
    "fever": False,
}


def _tri(findings: dict[str, bool], age: int | None = 35, unrecognised: tuple[str, ...] = ()) -> str:
    ev = Evidence.build(KB, findings, age=age)
    return triage(MODEL, ev, MODEL.posterior(ev), unrecognised=unrecognised).level


def test_a_well_supported_benign_story_stays_self_care() -> None:
    assert _tri(STRAIN) == "self_care"


def test_nothing_read_is_at_least_a_consultation_and_says_why() -> None:
    out = assess(findings={}, age=40)
    assert out.triage.level == "consultation"
    uncertain = [d for d in out.triage.details if d.kind == "uncertain"]
    assert len(uncertain) == 1 and "no findings were read" in uncertain[0].text


def test_a_single_finding_is_not_enough_for_self_care() -> None:
    assert _tri({"neck_pain": True}) == "consultation"


def test_unrecognised_symptom_words_block_self_care() -> None:
    assert _tri(STRAIN, unrecognised=("zinging",)) == "consultation"
    ev = Evidence.build(KB, STRAIN, age=35)
    why = uncertainty(MODEL, ev, MODEL.posterior(ev), ["zinging", "zinging"])
    assert why is not None and why.count('"zinging"') == 1


def test_uncertainty_never_lowers_a_more_urgent_level() -> None:
    assert _tri({"fever": True, "neck_stiffness": True}) == "emergency_ambulance"
    assert _tri({"bladder_dysfunction": True}) == "emergency"
