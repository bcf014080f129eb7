"""Ordinary questions keep to the story's region (interview.yaml ``ask_other_regions: false``).

A low-back story is not asked whether pain goes down an arm, and a neck story is not asked
about sciatica; red-flag screens and checklists keep their own rules."""

from __future__ import annotations

import pytest

from nape import interview as iv
from nape.assessment.questions import _other_regions
from nape.reasoning.evidence import Evidence
from nape.reasoning.interview_data import interview_plan


def _ordinary_questions(text: str, age: int, sex: str) -> list[str]:
    """Answer "don't know" to every ordinary question (so none settles the story) and "none"
    to every checklist; return the ordinary questions' findings."""
    state = iv.start(text, age=age, sex=sex)
    asked: list[str] = []
    for _ in range(20):
        q = iv.current(state).next_question
        if q is None:
            break
        if q.reason == "information_gain":
            asked.append(q.finding)
        answer = "none" if q.reason == "checklist" else "dont_know"
        state = iv.answer(state, q.finding, answer if q.reason != "group" else "dont_know")
    return asked


@pytest.mark.parametrize(
    ("text", "age", "sex", "region"),
    [
        ("my lower back went into spasm lifting a box yesterday", 40, "male", "back"),
        ("low back ache for a month, worse sitting at my desk", 35, "female", "back"),
        ("neck stiff and sore since I slept on it badly", 30, "female", "neck"),
        ("crick in my neck after a long drive, hurts turning my head", 50, "male", "neck"),
    ],
)
def test_ordinary_questions_stay_in_the_story_region(text: str, age: int, sex: str, region: str) -> None:
    plan = interview_plan()
    other = {f for r, fids in plan.regions.items() if r != region for f in fids} - set(plan.regions[region])
    asked = _ordinary_questions(text, age, sex)
    assert asked, "the story should leave something worth asking"
    assert not set(asked) & other, (asked, other)


def test_the_setting_is_what_filters_them() -> None:
    plan = interview_plan()
    ev = Evidence(findings={"low_back_pain": True, "back_spasm": True}, age=40, sex="male")
    off = _other_regions(plan, ev)
    assert "pain_radiating_arm" in off and "pain_radiating_leg" not in off
    assert _other_regions(plan, Evidence(findings={}, age=40)) == set()  # region unknown: no filter
    allow = plan.model_copy(update={"settings": plan.settings.model_copy(update={"ask_other_regions": True})})
    assert _other_regions(allow, ev) == set()
