"""After a red flag that sends the person to the emergency department, the interview asks at most
``ambulance_checks`` questions whose "yes" would call an ambulance instead, then stops.

Example: a fall with tenderness over the spinal bones is an emergency-department visit; whether
it was a dangerous mechanism (a fall from a height, a crash, a dive) decides an ambulance and
keeping the neck still."""

from __future__ import annotations

import pytest

from nape import interview as iv
from nape.assessment import questions
from nape.reasoning.interview_data import interview_plan

FALL = "Slipped on the ice this morning, now my mid back hurts and it is tender right over the spine bones."
DRUG = "Got an anti-sickness injection (metoclopramide) yesterday and now my neck is twisting and my eyes roll up."


def test_an_emergency_department_level_asks_the_question_that_would_call_an_ambulance() -> None:
    state = iv.start(FALL, age=40)
    a = iv.current(state)
    assert a.triage.level == "emergency"
    assert a.next_question is not None and a.next_question.finding == "dangerous_mechanism"
    assert a.next_question.reason == "red_flag_screen"
    after = iv.current(iv.answer(state, "dangerous_mechanism", "yes"))
    assert after.triage.level == "emergency_ambulance"
    assert after.next_question is None  # an ambulance: nothing more is asked


def test_no_more_than_the_set_number_of_checks_then_the_interview_stops() -> None:
    limit = interview_plan().settings.ambulance_checks
    assert limit >= 1
    state = iv.start(DRUG, age=30)
    asked = []
    while (q := iv.current(state).next_question) is not None:
        asked.append(q.finding)
        state = iv.answer(state, q.finding, "no")
    assert 1 <= len(asked) <= limit
    final = iv.current(state)
    assert final.triage.level == "emergency"
    assert iv.emergency_stop(final) is not None


def test_an_ambulance_level_story_asks_nothing() -> None:
    a = iv.current(iv.start("High fever, a stiff neck and purple spots that don't fade under a glass", age=19))
    assert a.triage.level == "emergency_ambulance"
    assert a.next_question is None


def test_checks_already_told_in_the_story_count() -> None:
    told = "Slipped on the ice, mid back tender right over the spine bones, no pins and needles, it was a low fall."
    state = iv.start(told, age=40, findings={"dangerous_mechanism": False, "arm_numbness_tingling": False})
    assert iv.current(state).next_question is None


def test_none_when_the_setting_is_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = interview_plan()
    off = plan.model_copy(update={"settings": plan.settings.model_copy(update={"ambulance_checks": 0})})
    monkeypatch.setattr(questions, "interview_plan", lambda: off)
    monkeypatch.setattr(questions, "_CACHE", {})
    assert iv.current(iv.start(FALL, age=40)).next_question is None
