"""Property: an interview never asks the same question twice, nor about a finding already settled.

Settled means stated in the text (present or absent), answered, implied by an answer, a
member of a multiple-choice group that was answered, or an item of a checklist already asked.
The stories are built from short phrases and the answers drawn at random, including "don't know"
and every choice.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nape import interview as iv
from nape.reasoning.interview_data import interview_plan

PHRASES = [
    "my neck is stiff",
    "lower back spasm",
    "no fever",
    "for the last two days",
    "for months",
    "woke up with it",
    "came on suddenly",
    "after lifting boxes",
    "pain down my leg",
    "tingling in my hand",
    "bad headache",
    "not after any injury",
    "I feel stressed",
    "my head keeps turning to the left by itself",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4, unique=True),
    age=st.one_of(st.none(), st.integers(min_value=1, max_value=95)),
    picks=st.lists(st.integers(min_value=0, max_value=6), min_size=12, max_size=12),
)
def test_no_finding_is_asked_twice_or_after_it_was_settled(words: list[str], age: int | None, picks: list[int]) -> None:
    plan = interview_plan()
    state = iv.start(", ".join(words), age=age)
    stated = set(state.stated)
    asked: list[str] = []
    asked_findings: set[str] = set()
    for pick in picks:
        q = iv.current(state).next_question
        if q is None:
            break
        settled = iv.settled_findings(state)
        if q.finding in plan.group_ids():
            members = set(plan.group(q.finding).members)
        elif q.items:  # a checklist asks about each item it shows
            members = {i.id for i in q.items}
        else:
            members = {q.finding}
        assert q.finding not in asked, (q.finding, asked)
        assert not members & asked_findings, (q.finding, sorted(members & asked_findings))
        assert not members & stated, (q.finding, stated)
        assert not members & settled, (q.finding, sorted(settled))
        asked.append(q.finding)
        asked_findings |= members
        if q.items:  # tick one item, none of them, or don't know
            options = [i.id for i in q.items] + ["none", "dont_know"]
        else:
            options = [c.id for c in q.choices] + list(q.answers)
        state = iv.answer(state, q.finding, options[pick % len(options)])
