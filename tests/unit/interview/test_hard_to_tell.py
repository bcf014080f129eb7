"""Questions a person can answer come before examination signs they cannot judge at home
(interview.yaml ``hard_to_tell_categories`` / ``hard_to_tell_weight``).

The discount applies only to ordinary questions: a red-flag screen about a sign keeps its
full value, and a sign the person sees for themselves (a tilted head) is not discounted."""

from __future__ import annotations

from nape.assessment.questions import _hard_to_tell
from nape.reasoning.interview_data import interview_plan
from nape.reasoning.model import default_model


def test_examination_signs_and_results_are_hard_to_tell() -> None:
    model, plan = default_model(), interview_plan()
    for fid in ("paraspinal_tenderness", "midline_spinal_tenderness"):
        assert model.kb.findings[fid].category == "sign"
        assert _hard_to_tell(model, plan, fid)


def test_symptoms_and_signs_a_person_sees_are_not() -> None:
    model, plan = default_model(), interview_plan()
    assert not _hard_to_tell(model, plan, "neck_pain")
    assert not _hard_to_tell(model, plan, "fever")
    seen = plan.simulator.noticed_signs
    assert "head_tilted_or_turned" in seen
    assert not _hard_to_tell(model, plan, "head_tilted_or_turned")


def test_the_discount_is_a_share_and_only_for_signs_and_results() -> None:
    s = interview_plan().settings
    assert 0.0 < s.hard_to_tell_weight < 1.0
    assert set(s.hard_to_tell_categories) == {"sign", "test_result"}
