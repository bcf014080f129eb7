"""The person's page under an emergency carries what the fired red flag says to do."""

from __future__ import annotations

from nape.assessment import assess
from nape.knowledge.loader import default_kb
from nape.report.person import person_view


def test_a_suspected_spinal_injury_tells_the_person_to_keep_still() -> None:
    # a high-energy crash with neck pain and a numb hand: the red flag's own advice (keep still,
    # do not move the neck) must reach the steps, not only its first sentence
    a = assess(findings={"dangerous_mechanism": True, "neck_pain": True, "arm_numbness_tingling": True}, age=30)
    view = person_view(a, default_kb())
    assert view.level == "emergency_ambulance"
    assert any("keep still" in step.lower() and "neck" in step.lower() for step in view.steps)


def test_flag_advice_never_repeats_what_the_level_steps_already_say() -> None:
    a = assess(findings={"dangerous_mechanism": True, "neck_pain": True}, age=30)
    kb = default_kb()
    view = person_view(a, kb)
    level_steps = kb.meta.person_page.steps.get(view.level)
    extra = view.steps[len(level_steps) :]
    assert view.steps[: len(level_steps)] == level_steps
    assert all(s.lower().rstrip(".") != "call an ambulance now" for s in extra)


def test_labour_sends_the_person_to_the_maternity_unit_and_never_to_both_places() -> None:
    # 38 weeks with back pain in waves: the level is emergency, but the place is the maternity
    # unit; the page must not also say "go to an emergency department now"
    a = assess("I'm 38 weeks pregnant and my back pain comes in waves every few minutes", age=31, sex="female")
    view = person_view(a, default_kb())
    assert view.level == "emergency"
    assert view.level_name == "Maternity unit now"
    assert not any("go to an emergency department" in step.lower() for step in view.steps)
    assert any("maternity unit" in step.lower() for step in view.steps)


def test_a_place_is_named_only_when_every_flag_at_the_level_names_one() -> None:
    # pregnancy with a cauda equina sign: the emergency department stays the place to go
    a = assess(
        findings={"later_pregnancy": True, "pain_comes_in_waves": True, "saddle_anaesthesia": True},
        age=30,
        sex="female",
    )
    view = person_view(a, default_kb())
    assert view.level == "emergency"
    assert view.level_name != "Maternity unit now"
    assert any("emergency department" in step.lower() for step in view.steps)


def test_a_known_condition_says_why_its_own_team_should_see_the_spasms() -> None:
    # multiple sclerosis already diagnosed, with new neck spasms and nothing else: not self-care,
    # and the reason names the condition the person has, in plain words
    a = assess(findings={"known_multiple_sclerosis": True, "neck_spasm": True, "neck_pain": True}, age=41)
    view = person_view(a, default_kb())
    assert view.level == "consultation"
    plain = default_kb().conditions["multiple_sclerosis"].plain_name
    assert "condition you already have" in view.reason and plain[1:] in view.reason
