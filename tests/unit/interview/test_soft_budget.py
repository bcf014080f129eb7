"""The soft budget (interview.yaml ``soft_budget``) leaves out warning-sign checklists after the
first: a story that several checklists fit still gets questions about its own likely causes.

Example: untreated thyroid disease with cramps in the neck and back fits five checklists (neck,
back, cramps...). Counting all five against a budget of six left room for one question about the
story itself before only urgent questions were asked; the thyroid story's own questions (effort,
tiredness, aches) were never reached.
"""

from __future__ import annotations

from nape import interview as iv
from nape.reasoning.interview_data import interview_plan

STORY = (
    "dx hashimotos, stopped my levothyroxine a few months ago. now cramps in my back and neck, puffy face, always cold"
)


def _ordinary_questions_after_checklists() -> tuple[int, int]:
    state = iv.start(STORY, age=39, sex="female")
    checklists = ordinary = 0
    while (q := iv.current(state).next_question) is not None:
        if q.reason == "checklist":
            checklists += 1
            state = iv.answer(state, q.finding, "none")
            continue
        if q.reason in ("information_gain", "group"):
            ordinary += 1
        state = iv.answer(state, q.finding, "dont_know")
    return checklists, ordinary


def test_several_checklists_leave_room_for_the_storys_own_questions() -> None:
    checklists, ordinary = _ordinary_questions_after_checklists()
    budget = interview_plan().settings.soft_budget
    assert checklists >= 3
    # every checklist after the first is outside the budget: the budget's other places are free
    assert ordinary >= budget - 2


def test_the_cap_still_holds() -> None:
    checklists, ordinary = _ordinary_questions_after_checklists()
    assert checklists + ordinary <= interview_plan().settings.max_questions
