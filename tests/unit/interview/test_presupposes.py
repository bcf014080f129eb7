"""A question that presupposes an event is asked only once the event is known
(interview.yaml ``presupposes``): "have you walked about since the injury?" makes no sense,
and its "no" would count as evidence, in a story with no injury.

The story is the development case fracture-02 (an older woman with thin bones who felt her
back go while lifting): without the rule the interview asks about walking since the injury,
and a "no" there pushed a fracture down the list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nape import interview as iv
from nape.assessment import questions
from nape.assessment.questions import _unfounded
from nape.reasoning.evidence import Evidence
from nape.reasoning.interview_data import interview_plan

_DEV = Path(__file__).parents[3] / "data" / "cases" / "dev.jsonl"


def _story() -> str:
    for line in _DEV.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["id"] == "fracture-02":
            return str(case["text"])
    raise AssertionError("fracture-02 is missing from the dev set")


def _asked(text: str) -> list[str]:
    questions._CACHE.clear()
    state = iv.start(text)
    asked: list[str] = []
    for _ in range(20):
        q = iv.current(state).next_question
        if q is None:
            break
        asked.append(q.finding)
        answer = "none" if q.reason == "checklist" else "dont_know" if q.reason == "group" else "no"
        state = iv.answer(state, q.finding, answer)
    return asked


def test_no_injury_no_question_about_after_the_injury(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "ambulatory_since_injury" not in _asked(_story())
    monkeypatch.setattr(questions, "_unfounded", lambda plan, ev: [])
    assert "ambulatory_since_injury" in _asked(_story())  # the question the rule holds back
    questions._CACHE.clear()


def test_the_questions_open_once_an_event_is_known() -> None:
    plan = interview_plan()
    without = set(_unfounded(plan, Evidence({"recent_trauma": False}, 40, "male")))
    with_crash = set(_unfounded(plan, Evidence({"motor_vehicle_collision": True}, 40, "male")))
    assert "ambulatory_since_injury" in without
    assert "ambulatory_since_injury" not in with_crash
    assert "simple_rear_end_collision" not in with_crash
