"""Interview state, the evaluation runner and its floors, and the docs being current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nape import interview as iv
from nape.errors import CaseFileError, UnknownFindingError
from nape.evaluation.runner import load_cases, run

ROOT = Path(__file__).resolve().parents[3]
FLOORS = json.loads((ROOT / "data/cases/floors.json").read_text())


def test_interview_screens_a_stiff_neck_for_fever_then_stops() -> None:
    state = iv.start("my neck is stiff", age=30)
    asked = []
    for _ in range(40):
        q = iv.current(state).next_question
        if q is None:
            break
        asked += [q.finding, *(i.id for i in q.items)]  # a checklist asks each of its items
        state = iv.answer(state, q.finding, q.choices[0].id if q.choices else "no")
    assert "fever" in asked
    assert iv.current(state).next_question is None


def test_later_answer_replaces_earlier_and_state_round_trips() -> None:
    state = iv.start(findings={"neck_pain": True}, age=40)
    state = iv.answer(state, "fever", "yes")
    state = iv.answer(state, "fever", "no")
    assert iv.evidence(state).findings["fever"] is False
    again = iv.InterviewState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert iv.current(again).model_dump() == iv.current(state).model_dump()


def test_answering_an_unknown_finding_is_an_error() -> None:
    with pytest.raises(UnknownFindingError):
        iv.answer(iv.start(findings={"neck_pain": True}), "purple_toes", "yes")


def test_dev_set_figures_stay_above_their_floors() -> None:
    report = run(load_cases(ROOT / "data/cases/dev.jsonl"), mode="text")
    for key, floor in FLOORS["text"].items():  # floors only ever rise
        if key == "under_triage":
            assert report[key] <= floor, (key, report[key])
        else:
            assert report[key] >= floor, (key, report[key])


def test_eval_json_has_the_spec_fields(tmp_path: Path) -> None:
    cases = tmp_path / "c.jsonl"
    cases.write_text(
        json.dumps(
            {
                "id": "m-1",
                "text": "fever and a stiff neck, bad headache",
                "age": 20,
                "expected": {
                    "condition": "meningitis",
                    "triage": "emergency_ambulance",
                    "triage_ok": ["emergency_ambulance", "emergency"],
                },
            }
        )
        + "\n"
    )
    for mode in ("text", "interview"):
        rep = run(load_cases(cases), mode=mode)
        assert {
            "n",
            "top1",
            "top3",
            "triage_exact",
            "under_triage",
            "over_triage",
            "emergency_sensitivity",
            "cases",
        } <= set(rep)
        row = rep["cases"][0]
        assert row["id"] == "m-1" and len(row["top3"]) == 3 and row["triage_hit"]
        assert rep["emergency_sensitivity"] == 1.0
    assert "questions_mean" in run(load_cases(cases), mode="interview")


def test_bad_case_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n')
    with pytest.raises(CaseFileError, match=r"bad\.jsonl:1"):
        load_cases(bad)


def test_reference_docs_are_current() -> None:
    from nape.knowledge.docs import write_docs

    assert write_docs(check=True) == [], "run `nape docs` to regenerate docs/knowledge"


def test_explicit_findings_at_the_start_are_listed_in_the_report() -> None:
    from nape import interview as iv

    state = iv.start("stiff neck since this morning", findings={"fever": False}, age=30)
    report = iv.current(state)
    listed = {f.id: f.status for f in report.findings}
    assert listed["fever"] == "absent"
    assert "neck_stiffness" in listed


def test_simulated_person_gives_their_own_age_when_the_text_disagrees() -> None:
    """A numbered list read as an age ("F 2) ...") makes the interview ask which age is right:
    the simulated person answers with the age typed for the case, not the description's."""
    from nape.evaluation.runner import simulated_answer
    from nape.report.schema import ChoiceOut, QuestionOut

    q = QuestionOut(
        finding="confirm_age",
        text="The description says 2, but 45 was typed as the age. How old are you?",
        why_ask="The right age changes which causes are likely.",
        answers=[],
        reason="confirm",
        choices=[ChoiceOut(id="2", label="2 years"), ChoiceOut(id="45", label="45 years")],
    )
    assert simulated_answer(q, {}, known=("45", "female")) == "45"
    assert simulated_answer(q, {}) == "2"  # nothing typed: the description's own value
