"""Hidden red flags (hidden_red_flags.yaml), one named test per row and simulator policy.

Each story opens with ordinary words and keeps its warning sign in ``details``; the interview,
answered by the evaluation's simulated person from ``text`` and ``details``, must find it and end
at an emergency. The benign stories must stay at self-care or a routine consultation within the
question budget; and no interview asks a finding twice or one the words already settled.
Every red flag at ``emergency`` or ``emergency_ambulance`` has at least two
stories, so a new emergency flag fails here until it has them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape import assess
from nape import interview as iv
from nape.evaluation.runner import UNMENTIONED, Case, Unmentioned, run_interview, simulated_answer
from nape.intake import parse
from nape.knowledge.loader import default_kb
from nape.knowledge.schema import EMERGENCY_LEVELS
from nape.reasoning.interview_data import interview_plan

TABLE = Path(__file__).with_name("hidden_red_flags.yaml")
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["stories"]
HIDDEN = [r for r in ROWS if r["expect"] == "emergency"]
BENIGN = [r for r in ROWS if r["expect"] == "at_most_consultation"]
#: Issue 15: an interview asks eight questions or fewer on average; a benign one stays short.
BENIGN_MAX_QUESTIONS = 8


def _case(row: dict[str, Any]) -> Case:
    return Case.model_validate(
        {
            "id": row["id"],
            "text": row["text"],
            "details": row["details"],
            "age": row.get("age"),
            "sex": row.get("sex"),
            "expected": {"condition": "muscle_strain", "triage": "self_care"},  # not used here
        }
    )


def _fired(text: str, row: dict[str, Any]) -> set[str]:
    return {f.id for f in assess(text, age=row.get("age"), sex=row.get("sex")).red_flags}


def test_the_table_is_well_formed_and_covers_every_emergency_flag() -> None:
    kb = default_kb()
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    assert {r["expect"] for r in ROWS} <= {"emergency", "at_most_consultation"}
    for r in HIDDEN:
        assert r["red_flag"] in kb.red_flags, r["id"]
    emergency_flags = {f.id for f in kb.red_flags.values() if f.level in EMERGENCY_LEVELS}
    short = {f: n for f in emergency_flags if (n := sum(r["red_flag"] == f for r in HIDDEN)) < 2}
    assert not short, f"emergency red flags with fewer than two hidden stories: {short}"
    assert len(BENIGN) >= 5


@pytest.mark.parametrize("row", HIDDEN, ids=[r["id"] for r in HIDDEN])
def test_the_sign_is_hidden_in_the_details(row: dict[str, Any]) -> None:
    """The opening words alone do not fire the flag; with the details they do (the story reads)."""
    assert row["red_flag"] not in _fired(row["text"], row)
    assert row["red_flag"] in _fired(f"{row['text']}\n{row['details']}", row)


def _interview(row: dict[str, Any], unmentioned: Unmentioned) -> tuple[str, int]:
    """Run the simulated interview (as ``nape eval`` does) and check, question by question, that
    nothing is asked twice and nothing the words or earlier answers settled is asked.
    Returns (triage level, questions asked)."""
    case = _case(row)
    plan = interview_plan()
    truth = {m.finding: m.present for m in parse(f"{case.text}\n{case.details}").mentions}
    state = iv.start(case.text, age=case.age, sex=case.sex)
    asked_findings: set[str] = set()
    while (q := iv.current(state).next_question) is not None:
        if q.finding in plan.group_ids():
            members = set(plan.group(q.finding).members)
        else:
            members = {i.id for i in q.items} if q.items else {q.finding}
        settled = iv.settled_findings(state)
        assert not members & asked_findings, f"asked again: {sorted(members & asked_findings)}"
        assert not members & (settled | set(state.stated)), f"already settled: {sorted(members & settled)}"
        asked_findings |= members
        state = iv.answer(state, q.finding, simulated_answer(q, truth, unmentioned))
    return iv.current(state).triage.level, iv.asked_count(state)


@pytest.mark.parametrize("unmentioned", UNMENTIONED)
@pytest.mark.parametrize("row", HIDDEN, ids=[r["id"] for r in HIDDEN])
def test_the_interview_finds_the_hidden_flag(row: dict[str, Any], unmentioned: Unmentioned) -> None:
    level, asked = _interview(row, unmentioned)
    assert level in EMERGENCY_LEVELS, f"{row['id']}: ended at {level} after {asked} questions"


@pytest.mark.parametrize("unmentioned", UNMENTIONED)
@pytest.mark.parametrize("row", BENIGN, ids=[r["id"] for r in BENIGN])
def test_a_benign_story_stays_routine_and_short(row: dict[str, Any], unmentioned: Unmentioned) -> None:
    level, asked = _interview(row, unmentioned)
    assert level in ("self_care", "consultation"), f"{row['id']}: {level}"
    assert asked <= BENIGN_MAX_QUESTIONS, f"{row['id']}: {asked} questions"


def test_the_runner_interviews_the_same_way() -> None:
    """``nape eval`` (run_interview) and this table's loop give the same result."""
    row = HIDDEN[0]
    _, level, asked = run_interview(_case(row), "no", own_condition=False)
    assert (level, asked) == _interview(row, "no")
