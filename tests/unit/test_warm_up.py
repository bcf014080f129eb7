"""The warm-up text reaches the readers that build rules on first use (nape.assessment.warm)."""

from __future__ import annotations

from nape.assessment.warm import WARM_UP_TEXT
from nape.intake import parse


def test_the_warm_up_text_is_read_by_each_family_of_readers() -> None:
    r = parse(WARM_UP_TEXT)
    got = {m.finding: m.present for m in r.mentions}
    # one finding per reader family: temperature, lab values, blood pressure by arm, alcohol
    # units, weight change, fall height, morning stiffness length, pregnancy weeks, medicines,
    # range of movement, coma scale, shorthand nil, sound-alike repairs (pain going to the leg)
    expected = {
        "fever": True,
        "raised_ck": True,
        "arm_blood_pressure_difference": True,
        "alcohol_excess": True,
        "unexplained_weight_loss": True,
        "dangerous_mechanism": True,
        "morning_stiffness_long": True,
        "later_pregnancy": True,
        "new_medication_recent": True,
        "able_to_rotate_45": True,
        "altered_consciousness": True,
        "bladder_dysfunction": False,
        "pain_radiating_leg": True,
    }
    assert {f: got.get(f) for f in expected} == expected
    assert r.age == 15
