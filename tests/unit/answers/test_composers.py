"""Each question type's composer: what it picks and in what order (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nape.answers import ask
from nape.answers.composers import posterior_of
from nape.answers.index import read_query
from nape.answers.kinds import question_type
from nape.answers.rules import rules
from nape.knowledge.loader import default_kb


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ask")


def _body(answer: str) -> str:
    return answer.rsplit("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("my nerve is pinched in my neck, what can I do?", "radiculopathy"),
        ("Can carpal tunnel make my fingers numb?", "carpal_tunnel_syndrome"),
        ("I was rear-ended yesterday", "whiplash"),
        ("what is dystonia", "cervical_dystonia"),
        ("my disc has slipped", "disc_herniation"),
    ],
)
def test_conditions_are_named_by_other_words_in_any_order(question: str, condition: str) -> None:
    assert condition in read_query(question).conditions


def test_a_chiropractor_is_read_as_manipulation() -> None:
    assert "manipul" in read_query("Can a chiropractor help?").expansion


def test_question_types_come_from_the_rules_file() -> None:
    r = rules()
    changed = r.model_copy(update={"question_types": [t for t in r.question_types if t.type != "what_causes"]})
    assert question_type("What diseases cause back spasms?", r) == "what_causes"
    assert question_type("What diseases cause back spasms?", changed) != "what_causes"


def test_causes_are_listed_most_likely_first_without_self_care_causes_for_diseases(empty_dir: Path) -> None:
    kb = default_kb()
    a = ask("What diseases cause back spasms?", data_dir=empty_dir)
    lines = [line for line in _body(a.answer).splitlines() if line.startswith("- ")]
    listed = [c for line in lines for c in kb.conditions.values() if line.startswith(f"- {c.plain_name}")]
    assert len(listed) == len(lines) >= 5
    assert all(c.triage.base != "self_care" for c in listed)
    share = dict(posterior_of(("back_spasm",)))
    assert [share[c.id] for c in listed] == sorted((share[c.id] for c in listed), reverse=True)


def test_treatment_climbs_the_care_ladder_self_care_first(empty_dir: Path) -> None:
    kb = default_kb()
    ladder = rules().compose.care_ladder
    a = ask("What are the treatments for whiplash?", data_dir=empty_dir)
    steps = {s.text: s.kind for s in kb.conditions["whiplash"].care_plan}
    kinds = [next(k for t, k in steps.items() if c.passage.startswith(t)) for c in a.citations]
    assert kinds[0] == "self_care" and "emergency" not in kinds
    assert [ladder.index(k) for k in kinds] == sorted(ladder.index(k) for k in kinds)


def test_an_emergency_condition_s_care_starts_with_the_emergency(empty_dir: Path) -> None:
    a = ask("How is meningitis treated?", data_dir=empty_dir)
    first_step = default_kb().conditions["meningitis"].care_plan[0]
    assert first_step.kind == "emergency" and a.citations[0].passage.startswith(first_step.text)
    assert rules().frames.emergency_care_intro in a.answer


def test_when_to_see_gives_the_timeframe_and_warning_signs(empty_dir: Path) -> None:
    kb = default_kb()
    a = ask("When should I see a doctor for neck spasms?", data_dir=empty_dir)
    flags = {f.message for f in kb.red_flags.values()}
    warnings = [c for c in a.citations if c.passage in flags]
    assert 1 <= len(warnings) <= rules().compose.max_warning_signs
    assert any("stiff neck" in c.passage for c in warnings)
    assert rules().frames.warning_intro in a.answer and "week" in a.answer


def test_a_test_question_says_when_it_is_and_is_not_needed(empty_dir: Path) -> None:
    a = ask("I was rear-ended - do I need an x-ray?", data_dir=empty_dir)
    imaging = {s.text for s in default_kb().conditions["whiplash"].workup.imaging}
    assert a.direct == "depends" and a.answer.startswith("It depends.")
    assert {c.passage for c in a.citations} <= imaging and len(a.citations) >= 2


def test_a_yes_no_answer_is_decided_by_the_clause_that_answers(empty_dir: Path) -> None:
    a = ask("Is bed rest good for a back spasm?", data_dir=empty_dir)
    assert a.direct == "no" and a.answer.startswith("No.")
    b = ask("Can a chiropractor help?", data_dir=empty_dir)
    assert b.direct == "depends" and "manipulation" in b.citations[0].passage


def test_emergencies_still_come_first(empty_dir: Path) -> None:
    kb = default_kb()
    a = ask("What can cause a stiff neck and a fever?", data_dir=empty_dir)
    assert a.kind == "emergency"
    first = a.answer.split("\n\n")[0]
    assert kb.meta.triage.emergency_advice in first
    assert "Meningitis" in a.answer


def test_a_what_is_answer_says_what_it_is_first(empty_dir: Path) -> None:
    a = ask("What is dystonia?", data_dir=empty_dir)
    cond = default_kb().conditions["cervical_dystonia"]
    assert a.answer.startswith(cond.plain_name)
