"""An interview stops at once at an emergency red flag (issue 15); when the flag sends the person
to the emergency department, the stop also says which signs, still unknown, would call an
ambulance instead: the ambulance-level flags one "yes" away that fit the story.

Example: a fall with tenderness over the spinal bones -> "go to the emergency department now",
and "call an ambulance instead if ... a fall from a height ..." (keep the neck still)."""

from __future__ import annotations

from nape import interview as iv
from nape.knowledge.loader import default_kb
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model
from nape.triage.engine import ambulance_signs

FALL = "Slipped on the ice this morning, now my mid back hurts and it is tender right over the spine bones."
DRUG = "Got an anti-sickness injection (metoclopramide) yesterday and now my neck is twisting and my eyes roll up."


def _sign(flag_id: str) -> str:
    sign = default_kb().red_flags[flag_id].warning_sign
    assert sign
    return sign


def test_an_emergency_department_stop_asks_nothing_and_names_the_ambulance_sign() -> None:
    state = iv.start(FALL, age=40)
    a = iv.current(state)
    assert a.triage.level == "emergency" and a.next_question is None
    stop = iv.emergency_stop(a, state)
    assert stop is not None and stop.call_ambulance_if == [_sign("suspected_spinal_injury")]


def test_a_new_dopamine_blocker_names_the_closing_throat() -> None:
    state = iv.start(DRUG, age=30)
    stop = iv.emergency_stop(iv.current(state), state)
    assert stop is not None and _sign("laryngeal_dystonia") in stop.call_ambulance_if
    assert _sign("suspected_spinal_injury") not in stop.call_ambulance_if  # no injury in the story


def test_at_an_ambulance_level_there_is_nothing_to_add() -> None:
    state = iv.start("High fever, a stiff neck and purple spots that don't fade under a glass", age=19)
    a = iv.current(state)
    assert a.triage.level == "emergency_ambulance"
    stop = iv.emergency_stop(a, state)
    assert stop is not None and stop.call_ambulance_if == []


def test_a_sign_that_is_an_ambulance_on_its_own_or_already_denied_is_not_listed() -> None:
    model = default_model()
    ev = Evidence({"recent_trauma": True, "mid_back_pain": True, "midline_spinal_tenderness": True}, 40)
    signs = ambulance_signs(model, ev)
    assert signs == [_sign("suspected_spinal_injury")]
    assert _sign("thunderclap_headache") not in signs  # one yes fires it whatever the story
    denied = Evidence({**ev.findings, "dangerous_mechanism": False, "arm_numbness_tingling": False}, 40)
    assert ambulance_signs(model, denied) == []


def test_without_the_state_the_stop_is_as_before() -> None:
    stop = iv.emergency_stop(iv.current(iv.start(FALL, age=40)))
    assert stop is not None and stop.call_ambulance_if == []
