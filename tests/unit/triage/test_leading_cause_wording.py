"""Only the top of the differential is called the most likely cause in the triage reasons.

Example: a wry neck after sleeping on a coach may leave acute torticollis at 66% and another cause
at 31%; both add their base urgency, but only the first is "Most likely cause" (the other is
"Also likely"), so the person is never told two different things are the most likely.
"""

from __future__ import annotations

import numpy as np

from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model
from nape.triage.engine import triage


def _reasons(findings: dict[str, bool], age: int, sex: str) -> tuple[list[str], str]:
    model = default_model()
    ev = Evidence.build(model.kb, findings, age, sex, frozenset())
    post = model.posterior(ev)
    top = model.kb.conditions[model.conditions[int(np.argmax(post))]].name
    result = triage(model, ev, post)
    return [r.text for r in result.reasons if r.kind == "leading_cause"], top


def test_a_cause_behind_a_dangerous_one_is_not_the_most_likely() -> None:
    """A dangerous cause on top is named by its own reason; the next cause is "also likely"."""
    story = {
        "recent_spinal_procedure": True,
        "anticoagulant_use": True,
        "bilateral_leg_symptoms": True,
        "leg_weakness": True,
    }
    texts, _ = _reasons(story, 66, "female")
    assert texts and not any(t.startswith("Most likely cause:") for t in texts), texts


def test_one_most_likely_cause_when_two_causes_are_likely() -> None:
    story = {
        "neck_pain": True,
        "head_tilted_or_turned": True,
        "woke_up_with_it": True,
        "unilateral_symptoms": True,
        "duration_under_1_week": True,
        "recent_trauma": True,
        "motor_vehicle_collision": True,
        "fever": False,
        "arm_weakness": False,
    }
    texts, top = _reasons(story, 24, "male")
    most = [t for t in texts if t.startswith("Most likely cause:")]
    assert len(texts) >= 2, texts  # the story leaves two causes above the leading threshold
    assert len(most) == 1 and top in most[0]
    assert all(t.startswith("Also likely:") for t in texts if t not in most)
