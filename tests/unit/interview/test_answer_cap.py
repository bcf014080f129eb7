"""An interview keeps at most its question cap of answers; Back frees one."""

from __future__ import annotations

import pytest

from nape import interview as iv
from nape.errors import InterviewFullError


def test_answers_beyond_the_cap_are_refused_and_back_frees_one() -> None:
    cap = iv.max_answers()
    state = iv.start("stiff neck", age=30)
    for _ in range(cap):
        state = iv.answer(state, "fever", "no")  # the same finding again and again: each is stored
    assert len(state.answers) == cap
    with pytest.raises(InterviewFullError, match="most it keeps"):
        iv.answer(state, "fever", "yes")
    state = iv.answer(iv.undo(state), "fever", "yes")
    assert len(state.answers) == cap and iv.evidence(state).findings["fever"] is True


def test_a_full_interview_ends_within_the_cap() -> None:
    state = iv.start("my neck is stiff", age=30)
    while (q := iv.current(state).next_question) is not None:
        state = iv.answer(state, q.finding, "dont_know")
    assert len(state.answers) <= iv.max_answers()
