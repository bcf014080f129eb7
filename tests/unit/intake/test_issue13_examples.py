"""Every example at the top of issue 13, read right (a named table)."""

from __future__ import annotations

import pytest

from nape.intake import parse

# (name, text, findings that must be read with this status, findings that must not be present)
EXAMPLES: list[tuple[str, str, dict[str, bool], set[str]]] = [
    ("numb_hand", "Neck pain and I can't feel my left hand properly", {"arm_numbness_tingling": True}, set()),
    ("weaker_arm", "My left arm has got noticeably weaker", {"arm_weakness": True}, set()),
    ("trouble_peeing", "trouble starting to pee", {"bladder_dysfunction": True}, set()),
    ("wiping", "I can't feel it when I wipe", {"saddle_anaesthesia": True}, set()),
    ("electric_spine", "an electric-shock feeling down my spine", {"lhermitte_sign": True}, set()),
    ("tilting", "my head keeps tilting to the right without me meaning to", {"head_tilted_or_turned": True}, set()),
    ("pain_and_stiffness", "neck pain and stiffness", {"neck_pain": True, "neck_stiffness": True}, set()),
    ("typos", "my nek is realy stif and spazming", {"neck_stiffness": True, "neck_spasm": True}, set()),
    ("motorbike", "Motorbike crash at speed, I was thrown off the bike", {"dangerous_mechanism": True}, set()),
    ("bladder_fine", "Bladder fine.", {}, {"bladder_dysfunction"}),
    ("bowels_normal", "Bowels normal", {}, {"bowel_incontinence"}),
    ("waterworks", "No problems with my waterworks", {}, {"bladder_dysfunction"}),
    ("weight_stable", "No fever, weight stable", {"fever": False}, {"unexplained_weight_loss"}),
    ("afebrile", "afebrile", {"fever": False}, set()),
    ("temp_normal", "temp 36.8", {"fever": False}, set()),
    ("smoked_30_years", "I have smoked for 30 years", {}, {"duration_over_6_weeks"}),
    (
        "tetanus_kid",
        "haven't had a tetanus shot since I was a kid",
        {"not_vaccinated_tetanus": True},
        {"duration_over_6_weeks"},
    ),
    ("head_injury_last_year", "I had a bad head injury last year", {}, {"recent_trauma"}),
    ("blurry_last_year", "Last year I had blurry vision in one eye", {}, {"visual_disturbance"}),
    ("comma_ends_negation", "no tingling or numbness, the pain goes down my leg", {"pain_radiating_leg": True}, set()),
]


@pytest.mark.parametrize(("text", "want", "never"), [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES])
def test_issue_13_example_is_read_right(text: str, want: dict[str, bool], never: set[str]) -> None:
    got = {m.finding: m.present for m in parse(text).mentions}
    for fid, present in want.items():
        assert got.get(fid) == present, (fid, got)
    for fid in never:
        assert got.get(fid) is not True, (fid, got)


def test_unrecognised_lists_symptom_words_that_gave_no_finding() -> None:
    r = parse("my elbow is swollen")
    assert "swollen" in r.unrecognised
    assert parse("neck pain").unrecognised == ()
