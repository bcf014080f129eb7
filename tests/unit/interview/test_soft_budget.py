"""Past the soft budget (interview.yaml ``soft_budget``), a question is worth asking only when an
answer could change the triage level or the leading cause: a mere shift in the probabilities no
longer counts, but a routine question that could change which cause leads still does (issue 15:
"stop when no remaining question could change the triage level or the leading cause")."""

from __future__ import annotations

from nape import interview as iv
from nape.assessment import questions as q
from nape.interview import flow
from nape.reasoning.interview_data import interview_plan
from nape.reasoning.model import default_model
from nape.triage.engine import triage


def _late_and_early(text: str, finding: str) -> tuple[float, float, bool]:
    """(value past the budget, value before it, whether any answer would make it urgent)."""
    model, plan = default_model(), interview_plan()
    ev = flow.evidence(iv.start(text, age=52, sex="female"), model)
    post = model.posterior(ev)
    now = triage(model, ev, post)
    cand = q._Candidate(finding, "information_gain", q._yes_no(model, post, finding), (finding,))
    open_now = q._flag_urgency(model, ev, set())
    late = q._value(model, plan, ev, post, now, open_now, cand, True)
    early = q._value(model, plan, ev, post, now, open_now, cand, False)
    urgent = False
    for _, sets in cand.outcomes:
        ev2 = type(ev)({**ev.findings, **sets}, ev.age, ev.sex, ev.asked | {finding}, ev.age_months)
        urgent |= q._rank(triage(model, ev2, model.posterior(ev2)).level) < q._URGENT_RANK
    return late, early, urgent


def test_a_routine_question_that_could_change_the_leader_is_still_worth_asking_late() -> None:
    # two months of aching neck and shoulders with feeling cold: postural strain leads, but
    # tiredness would bring a thyroid or widespread-pain cause forward; no answer makes it urgent
    text = "My neck and shoulders have ached for two months and I feel cold all the time."
    late, early, urgent = _late_and_early(text, "fatigue")
    assert not urgent
    assert 0.0 < late < early


def test_a_question_that_only_shifts_the_probabilities_is_not_asked_late() -> None:
    # widespread aching, stiffness and tiredness for months: one cause leads by far, and a
    # thyroid symptom would neither overturn it nor change the level
    text = "Aching muscles all over and a stiff neck and back for months, and I'm tired all the time."
    late, early, _ = _late_and_early(text, "cold_intolerance")
    assert early > 0.0
    assert late == 0.0
