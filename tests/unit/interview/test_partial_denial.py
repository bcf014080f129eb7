"""A denial of one part of a finding of several leaves the rest to ask (issue 15 safety).

A 74-year-old with aching, stiff shoulders and hips who says chewing doesn't hurt her jaw has not
said she has no temple headache: the giant cell arteritis screen must still be offered, and a
"yes" to it must raise the triage to a same-day assessment.
"""

from __future__ import annotations

from nape import interview as iv
from nape.evaluation.runner import simulated_answer

STORY = "For three weeks my shoulders and hips ache and are stiff every morning, no jaw pain when eating"
GCA = "temporal_headache_jaw_claudication"


def _walk(truth: dict[str, bool]) -> tuple[list[str], str]:
    state = iv.start(STORY, age=74, sex="female")
    assert GCA not in state.stated
    offered: list[str] = []
    while (q := iv.current(state).next_question) is not None:
        offered += [i.id for i in q.items] if q.items else [q.finding]
        state = iv.answer(state, q.finding, simulated_answer(q, truth, "no", "polymyalgia_rheumatica"))
    return offered, iv.current(state).triage.level


def test_the_arteritis_screen_is_still_offered_after_a_partial_denial() -> None:
    offered, _ = _walk({GCA: True})
    assert GCA in offered


def test_a_temple_headache_then_raises_the_triage_to_same_day() -> None:
    _, with_headache = _walk({GCA: True})
    _, without = _walk({})
    assert with_headache == "consultation_24"
    assert without == "consultation"
