"""One answer settles another (interview.yaml ``implies``), unless the story says otherwise."""

from __future__ import annotations

from nape import interview as iv
from nape.interview import flow
from nape.reasoning.interview_data import interview_plan


def test_a_crash_implies_a_recent_injury() -> None:
    got = interview_plan().implied({"motor_vehicle_collision": True}, {"motor_vehicle_collision"})
    assert got["recent_trauma"] is True


def test_a_crash_of_the_past_implies_no_recent_injury() -> None:
    # read with a previous neck injury, the crash is history: the "new instability after an
    # injury" escalation must not fire from the implication
    known = {"motor_vehicle_collision": True, "previous_whiplash": True}
    got = interview_plan().implied(known, set(known))
    assert "recent_trauma" not in got


def test_an_interview_about_an_old_crash_does_not_start_at_a_recent_injury() -> None:
    state = iv.start("Since my car crash two years ago my neck clunks and feels unstable.", age=41, sex="male")
    ev = flow.evidence(state)
    assert ev.findings.get("previous_whiplash") is True
    assert ev.findings.get("recent_trauma") is not True
    assert iv.current(state).triage.level not in ("emergency", "emergency_ambulance")


def test_a_crash_told_as_recent_still_is() -> None:
    state = iv.start("I was in a car crash yesterday and my neck feels unstable.", age=41, sex="male")
    assert flow.evidence(state).findings.get("recent_trauma") is True
