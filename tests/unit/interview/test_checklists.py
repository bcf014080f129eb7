"""Warning-sign checklists (interview.yaml ``checklists``): who gets which list, what an answer
sets, and the strict schema. One "tick all that apply" question counts as one question."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from nape import interview as iv
from nape.errors import InputError, KnowledgeReferenceError
from nape.knowledge.loader import default_kb
from nape.reasoning.interview_data import InterviewPlan, _check, interview_plan
from nape.report.schema import QuestionOut


def _first(text: str, **kw: Any) -> QuestionOut:
    q = iv.current(iv.start(text, **kw)).next_question
    assert q is not None
    return q


def _ids(q: QuestionOut) -> set[str]:
    return {i.id for i in q.items}


def test_a_back_story_opens_with_the_back_list_and_a_neck_story_with_the_neck_list() -> None:
    back = _first("lower back spasm after gardening", age=45, sex="male")
    assert back.reason == "checklist" and back.finding == "back_nerve_signs"
    assert {"saddle_anaesthesia", "bladder_dysfunction", "bilateral_leg_symptoms"} <= _ids(back)
    assert back.intro and "back pain" in back.intro  # the screening framing, said once
    neck = _first("my neck has been stiff and sore since yesterday", age=30)
    assert neck.reason == "checklist" and "fever" in _ids(neck)
    assert "neck_stiffness" not in _ids(neck)  # the words said it already


def test_items_follow_the_age_band_and_sex_and_an_unknown_age_gets_them_all() -> None:
    def nerve_items(**kw: Any) -> set[str]:
        state = iv.start("neck ache since Monday", **kw)
        state = iv.answer(state, "neck_infection_airway_signs", "none")
        q = iv.current(state).next_question
        assert q is not None and q.finding == "neck_nerve_heart_signs"
        return _ids(q)

    young, middle, older, unknown = nerve_items(age=20), nerve_items(age=35), nerve_items(age=70), nerve_items()
    assert "chest_pain" not in young and "chest_pain" in middle
    assert "temporal_headache_jaw_claudication" not in middle and "temporal_headache_jaw_claudication" in older
    assert older <= unknown
    state = iv.answer(iv.start("lower back ache", age=30, sex="male"), "back_nerve_signs", "none")
    q = iv.current(state).next_question
    assert q is not None and q.finding == "back_serious_causes" and "pregnant" not in _ids(q)
    state = iv.answer(iv.start("lower back ache", age=30, sex="female"), "back_nerve_signs", "none")
    q = iv.current(state).next_question
    assert q is not None and "pregnant" in _ids(q)


def test_the_baby_list_needs_a_known_age_under_one() -> None:
    assert _first("my baby keeps holding his head to one side", age=0).finding == "infant_warning_signs"
    assert _first("lower back spasm after gardening").finding != "infant_warning_signs"
    assert _first("my neck is stiff", age=3).finding != "infant_warning_signs"


def test_ticked_items_are_present_the_others_shown_absent_and_dont_know_leaves_them_unknown() -> None:
    state = iv.start("my neck has been stiff and sore since yesterday", age=30)
    shown = _ids(_first("my neck has been stiff and sore since yesterday", age=30))
    ticked = iv.answer_items(state, "neck_infection_airway_signs", ["photophobia"])
    ev = iv.evidence(ticked)
    assert ev.findings["photophobia"] is True
    assert all(ev.findings[f] is False for f in shown - {"photophobia"})
    assert ev.findings["neck_stiffness"] is True  # stated in the words: not touched by the list
    assert iv.asked_count(ticked) == 1
    unsure = iv.evidence(iv.answer(state, "neck_infection_airway_signs", "dont_know"))
    assert not shown & set(unsure.findings) and shown <= unsure.asked
    assert iv.evidence(iv.answer(state, "neck_infection_airway_signs", "no")).findings["fever"] is False


def test_an_item_implied_by_the_words_is_not_shown_nor_cleared() -> None:
    state = iv.start("my neck hurts since a car crash yesterday", age=40)
    assert iv.evidence(state).findings.get("recent_trauma") is True  # a crash is an injury
    state = iv.answer(state, "neck_infection_airway_signs", "none")
    q = iv.current(state).next_question
    assert q is not None and q.finding == "neck_nerve_heart_signs" and "recent_trauma" not in _ids(q)
    state = iv.answer(state, "neck_nerve_heart_signs", "none")
    assert iv.evidence(state).findings["recent_trauma"] is True


def test_a_later_checklist_answer_wins_and_answers_are_stored_in_list_order() -> None:
    state = iv.start("lower back spasm after gardening", age=45)
    state = iv.answer_items(state, "back_nerve_signs", ["leg_weakness", "saddle_anaesthesia"])
    assert state.answers[-1] == ("back_nerve_signs", "saddle_anaesthesia,leg_weakness", True)
    state = iv.answer_items(state, "back_nerve_signs", [])
    ev = iv.evidence(state)
    assert ev.findings["saddle_anaesthesia"] is False and ev.findings["leg_weakness"] is False
    assert iv.asked_count(state) == 1


def test_wrong_checklist_answers_are_numbered_errors() -> None:
    state = iv.start("lower back spasm after gardening", age=45)
    for bad in ("fever", "purple_toes", "yes", "saddle_anaesthesia,chest_pain"):
        with pytest.raises(InputError):
            iv.answer(state, "back_nerve_signs", bad)
    with pytest.raises(InputError):
        iv.answer_items(state, "fever", ["fever"])


def test_labels_are_worded_for_the_person_the_check_is_about() -> None:
    state = iv.start("my son's lower back hurts after football", age=15, sex="male", subject="other", relation="child")
    state = iv.answer(state, "back_nerve_signs", "none")
    q = iv.current(state).next_question
    assert q is not None and q.finding == "back_serious_causes"
    labels = [i.label for i in q.items]
    assert "He has had cancer" in labels, labels
    assert not [x for x in [q.text, *labels] if " you " in f" {x} " or x.startswith("You ")]


def _plan_data() -> dict[str, Any]:
    from importlib.resources import files

    return yaml.safe_load(files("nape.knowledge").joinpath("resources/interview.yaml").read_text(encoding="utf-8"))


def test_the_checklist_schema_is_strict_and_cross_checked() -> None:
    data = _plan_data()
    data["checklists"][0]["colour"] = "red"
    with pytest.raises(ValidationError):
        InterviewPlan.model_validate(data)
    data = _plan_data()
    data["checklists"][0]["items"].append(dict(data["checklists"][0]["items"][0]))
    with pytest.raises(ValidationError):
        InterviewPlan.model_validate(data)  # an item twice
    data = _plan_data()
    data["checklists"][0]["items"][0]["finding"] = "purple_toes"
    with pytest.raises(KnowledgeReferenceError):
        _check(InterviewPlan.model_validate(data), default_kb())
    data = _plan_data()
    data["checklists"][0]["items"][0]["finding"] = "duration_under_1_week"  # asked by the how_long group
    with pytest.raises(KnowledgeReferenceError):
        _check(InterviewPlan.model_validate(data), default_kb())


def test_every_emergency_red_flag_has_a_sign_in_some_checklist() -> None:
    """Each emergency flag's firing rules use at least one finding some checklist asks about."""
    kb = default_kb()
    asked = {i.finding for c in interview_plan().checklists for i in c.items}
    missing = []
    for flag in kb.red_flags.values():
        if flag.level not in ("emergency", "emergency_ambulance"):
            continue
        used = {f for r in flag.when for f in [*r.all, *r.any, *r.requires_any]}
        if flag.id == "neck_injury_imaging":  # decision rules: their inputs come from the injury list
            used = {"dangerous_mechanism", "midline_spinal_tenderness", "arm_numbness_tingling"}
        if not used & asked:
            missing.append(flag.id)
    assert not missing, missing


def test_a_checklist_opened_by_an_emergency_flags_finding_asks_every_finding_that_completes_it() -> None:
    """A checklist asked because of a finding (its ``requires_any``) that an emergency flag needs
    (the flag's ``all``) lists every finding of that flag's ``any``: with a fever, the infection
    checklist asks about injecting, weak immunity, a spinal procedure and a tender spine, so that
    no answer leaves the flag unasked. A fever with a spine sore to press is an emergency."""
    kb = default_kb()
    gaps = []
    checked = 0
    for c in interview_plan().checklists:
        opened_by = set(c.when.requires_any)
        items = {i.finding for i in c.items}
        for flag in kb.red_flags.values():
            if flag.level not in ("emergency", "emergency_ambulance"):
                continue
            for rule in flag.when:
                if opened_by and set(rule.all) == opened_by and rule.any:
                    checked += 1
                    gaps += [(c.id, flag.id, f) for f in rule.any if f not in items]
    assert checked, "no checklist is opened by an emergency flag's finding"
    assert not gaps, gaps
    state = iv.start("fever and my back hurts", age=40, sex="male")
    asked = []
    for _ in range(15):
        q = iv.current(state).next_question
        if q is None or q.finding == "infection_risks":
            break
        asked.append(q.finding)
        state = iv.answer(state, q.finding, "dont_know")
    assert q is not None and q.finding == "infection_risks", asked
    assert "midline_spinal_tenderness" in _ids(q)
