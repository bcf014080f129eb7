"""An interview keeps a baby's age in months, so the infant fever rules of the text hold in it.

Before 2026-11-30 the interview state had only whole years: a 7-month-old with a fever counted
as a baby of unknown months (treated as under three months, so over-triaged), and the rules for
three to twelve months never fired in an interview.
"""

from __future__ import annotations

from nape import interview as iv
from nape.interview.flow import InterviewState, resolved_age_months


def _flags(state: InterviewState) -> set[str]:
    return {f.id for f in iv.current(state).red_flags}


def test_months_come_from_the_text_and_survive_saving() -> None:
    state = iv.start("my 7 month old has a temperature of 38.6 and is grizzly")
    assert (state.age, state.age_months) == (0, 7)
    again = InterviewState.from_dict(state.to_dict())
    assert again.age_months == 7
    assert resolved_age_months(again) == 7


def test_a_baby_of_three_to_twelve_months_gets_that_rule_not_the_newborn_one() -> None:
    flags = _flags(iv.start("my 7 month old has a temperature of 38.6 and is grizzly"))
    assert "infant_fever_3_to_12_months" in flags
    assert "infant_fever" not in flags


def test_a_baby_under_three_months_gets_the_emergency_rule() -> None:
    state = iv.start("our 5 week old daughter feels hot, temp 38.2")
    assert state.age_months == 1
    assert "infant_fever" in _flags(state)


def test_a_corrected_age_drops_the_months() -> None:
    state = iv.start("my 7 month old has a temperature of 38.6", age=4)
    assert iv.CONFIRM_AGE in state.conflicts
    answered = iv.answer(state, iv.CONFIRM_AGE, "4")
    assert resolved_age_months(answered) is None
    assert "infant_fever_3_to_12_months" not in _flags(answered)


def test_an_old_saved_state_without_months_still_loads() -> None:
    data = iv.start("stiff neck since yesterday", age=40).to_dict()
    del data["age_months"]
    assert InterviewState.from_dict(data).age_months is None
