"""The interview issue 15 asks for: stop at an emergency, never re-ask, multiple choice, who it is for.

Each test drives ``nape.interview`` the way the API, the web page and the CLI do.
"""

from __future__ import annotations

import json

import pytest

from nape import interview as iv
from nape.errors import InputError
from nape.reasoning.interview_data import interview_plan
from nape.report.schema import QuestionOut

MENINGITIS_WORDS = "Really bad headache since this morning, neck is stiff, temperature of 39, light hurts my eyes"
CHILD_WORDS = "My son, 14, has a stiff neck that he holds tilted to one side, after a sore throat last week."


def _first_answer(q: QuestionOut) -> str:
    return q.choices[0].id if q.choices else "no"


def test_emergency_in_the_text_ends_the_interview_before_any_question() -> None:
    state = iv.start(MENINGITIS_WORDS)
    a = iv.current(state)
    assert a.triage.level == "emergency_ambulance"
    assert a.next_question is None
    stop = iv.emergency_stop(a)
    assert stop is not None and stop.red_flag == "fever_stiff_neck"
    assert stop.reason.count(".") == 1 and stop.reason.endswith(".")  # one sentence
    assert stop.while_waiting and stop.numbers == ["999", "112", "911"]


def test_an_answer_that_fires_an_emergency_flag_stops_at_once() -> None:
    state = iv.start("stiff neck and a headache since yesterday", age=25)
    for _ in range(12):
        q = iv.current(state).next_question
        assert q is not None, "fever was never asked for a stiff neck with a headache"
        if q.finding == "fever" or "fever" in [i.id for i in q.items]:
            break
        state = iv.answer(state, q.finding, _first_answer(q))
    state = iv.answer_items(state, q.finding, ["fever"]) if q.items else iv.answer(state, "fever", "yes")
    a = iv.current(state)
    assert a.next_question is None
    assert a.triage.level == "emergency_ambulance"
    assert iv.emergency_stop(a) is not None


def test_emergency_number_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from nape.core.config import get_settings

    monkeypatch.setenv("NAPE_EMERGENCY_NUMBER", "000")
    get_settings.cache_clear()
    try:
        stop = iv.emergency_stop(iv.current(iv.start(MENINGITIS_WORDS)))
        assert stop is not None and stop.numbers == ["000"]
    finally:
        get_settings.cache_clear()


def test_duration_is_one_multiple_choice_question_and_one_band_settles_the_others() -> None:
    state = iv.start("my lower back went into spasm", age=35)
    seen = []
    for _ in range(12):
        q = iv.current(state).next_question
        if q is None:
            break
        seen.append(q.finding)
        if q.finding == "how_long":
            assert [c.label for c in q.choices] == ["Less than a week", "One to six weeks", "Longer than six weeks"]
            state = iv.answer(state, "how_long", "1_to_6_weeks")
            ev = iv.evidence(state)
            assert ev.findings["duration_1_to_6_weeks"] is True
            assert ev.findings["duration_under_1_week"] is False
            assert ev.findings["duration_over_6_weeks"] is False
        else:
            state = iv.answer(state, q.finding, _first_answer(q))
    assert "how_long" in seen
    assert not {"duration_under_1_week", "duration_1_to_6_weeks", "duration_over_6_weeks"} & set(seen)


def test_a_duration_in_the_text_settles_the_duration_question() -> None:
    state = iv.start("neck spasms on the right for the last two days, not after any injury", age=40)
    assert iv.evidence(state).findings.get("duration_under_1_week") is True
    for _ in range(12):
        q = iv.current(state).next_question
        if q is None:
            break
        assert q.finding not in ("how_long", "duration_over_6_weeks", "duration_1_to_6_weeks", "recent_trauma")
        state = iv.answer(state, q.finding, _first_answer(q))


def test_a_wrong_choice_is_a_numbered_error() -> None:
    state = iv.start("my lower back went into spasm", age=35)
    with pytest.raises(InputError):
        iv.answer(state, "how_long", "yes")


def test_the_interview_never_asks_more_than_the_cap() -> None:
    state = iv.start("my neck hurts", age=50)
    asked = 0
    while (q := iv.current(state).next_question) is not None:
        state = iv.answer(state, q.finding, "dont_know")
        asked += 1
        assert asked <= interview_plan().settings.max_questions


def test_stopping_early_says_so() -> None:
    state = iv.stop(iv.start("my neck hurts", age=50))
    a = iv.current(state)
    assert a.next_question is None
    assert iv.STOPPED_EARLY_NOTE in a.notes


def test_someone_else_child_age_from_the_text_is_used_and_the_conflict_is_asked() -> None:
    state = iv.start(CHILD_WORDS, age=44, sex="female", subject="other", relation="child")
    assert iv.resolved_age_sex(state) == (14, "male")  # the text's, for now
    q = iv.current(state).next_question
    assert q is not None and q.finding == iv.CONFIRM_AGE
    assert {c.id for c in q.choices} == {"14", "44"}
    state = iv.answer(state, iv.CONFIRM_AGE, "14")
    q = iv.current(state).next_question
    assert q is not None and q.finding == iv.CONFIRM_SEX
    state = iv.answer(state, iv.CONFIRM_SEX, "male")
    a = iv.current(state)
    assert (a.patient.age, a.patient.sex) == (14, "male")
    assert a.patient.who is not None and a.patient.who.startswith("Your son")
    again = iv.InterviewState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert iv.current(again).model_dump() == a.model_dump()


def test_questions_address_the_person_the_check_is_for() -> None:
    state = iv.start(CHILD_WORDS, age=14, sex="male", subject="other", relation="child")
    texts = []
    for _ in range(12):
        q = iv.current(state).next_question
        if q is None:
            break
        texts.append(q.text)
        state = iv.answer(state, q.finding, _first_answer(q))
    yes_no = [t for t in texts if " you " in f" {t} " or t.startswith(("Do you", "Are you", "Have you"))]
    assert texts and not yes_no, yes_no
    p = iv.person(state)
    assert p is not None
    assert iv.word_for("Do you have a fever?", p) == "Does your son have a fever?"
    assert iv.word_for("Has your grip become weak?", p) == "Has your son's grip become weak?"
    assert (
        iv.word_for("Did you first notice it when you woke up?", p) == "Did your son first notice it when he woke up?"
    )


def test_wording_for_someone_of_unknown_sex_uses_they() -> None:
    state = iv.start("my partner's back seized up", subject="other", relation="partner")
    p = iv.person(state)
    assert p is not None and p.pronoun == "they"
    assert iv.word_for("Is the pain worse when you sit?", p) == "Is the pain worse when they sit?"


def test_sensitive_questions_only_when_the_answer_would_change_the_urgency() -> None:
    state = iv.start("pulled something in my lower back lifting boxes yesterday", age=30)
    for _ in range(12):
        q = iv.current(state).next_question
        if q is None:
            break
        assert q.finding not in ("iv_drug_use", "immunosuppression"), q.text
        state = iv.answer(state, q.finding, _first_answer(q))
