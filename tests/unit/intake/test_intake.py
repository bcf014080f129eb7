"""Intake: the golden corpus, seed 003's story, and bad input."""

from __future__ import annotations

import pytest

from nape.errors import TextInputError
from nape.intake import NOTHING_FOUND, parse
from tests.shared import shared_path


def _found(text: str) -> dict[str, str]:
    return {m.finding: "present" if m.present else "absent" for m in parse(text).mentions}


def test_seed_003_yields_the_findings_of_the_spec() -> None:
    SEED_003 = shared_path("seeds/003_4b69ecb2ef88bc2b.txt").read_text().split("Hi Steve,")[0]
    r = parse(SEED_003)
    got = _found(SEED_003)
    assert (r.age, r.sex) == (59, "male")
    assert got["brief_episodic_spasms"] == "present"
    assert got["unilateral_symptoms"] == "present" and r.side == "right"
    assert got["posterior_neck_location"] == "present"
    assert got["no_clear_trigger"] == "present"
    assert got["recent_trauma"] == "absent"
    assert got["unable_to_turn_head"] == "present"
    assert got["past_disc_or_nerve_problem"] == "present"
    assert got["low_back_pain"] == "absent"
    assert "pain_radiating_arm" not in got  # the pinched nerve is history, not now


@pytest.mark.parametrize(
    "text,finding,status",
    [
        ("No fever, numbness or weakness.", "fever", "absent"),
        ("No fever, numbness or weakness.", "arm_weakness", "absent"),
        ("Lower back ache, no leg numbness or weakness", "leg_weakness", "absent"),
        ("I have a fever and a stiff neck", "fever", "present"),
        ("Afebrile on arrival", "fever", "absent"),
        ("came out of nowhere", "no_clear_trigger", "present"),
        ("Since a car accident 2 years ago my neck hurts", "neck_pain", "present"),
        ("My neck has been stiff and sore for three days", "neck_pain", "present"),
    ],
)
def test_small_table(text: str, finding: str, status: str) -> None:
    assert _found(text).get(finding) == status


def test_hypothetical_and_other_people_give_nothing() -> None:
    assert "fever" not in _found("Should I go to A&E if I get a fever?")
    assert "fever" not in _found("My colleague had a fever last week.")


def test_someone_else_is_the_patient() -> None:
    r = parse("My son is 7 and has a stiff neck and a temperature.")
    assert (r.age, r.sex, r.about_someone_else) == (7, "male", True)
    assert _found("My son is 7 and has a stiff neck and a temperature.").get("neck_stiffness") == "present"


@pytest.mark.parametrize(
    "text,age,sex",
    [
        ("59 yo male", 59, "male"),
        ("55M with neck pain", 55, "male"),
        ("F, 44, back pain", 44, "female"),
        ("I'm 67 and my back hurts", 67, None),
        ("my dad is 72 and his back hurts", 72, "male"),
    ],
)
def test_age_and_sex_in_many_forms(text: str, age: int, sex: str | None) -> None:
    r = parse(text)
    assert (r.age, r.sex) == (age, sex)


def test_source_text_and_offsets_point_at_the_words() -> None:
    text = "Woke up with a stiff neck, no fever."
    for m in parse(text).mentions:
        assert m.start is not None and m.end is not None
        assert text[m.start : m.end] == m.source_text


@pytest.mark.parametrize("bad", ["", "   \n\t ", b"\x00\x01\x02\xff\xfe" * 50, "\x00\x01\x02\x03" * 100, 12345])
def test_bad_input_gets_a_clear_error(bad: object) -> None:
    with pytest.raises(TextInputError) as exc:
        parse(bad)
    assert str(exc.value).startswith("E204")


def test_huge_input_is_refused_with_the_limit() -> None:
    with pytest.raises(TextInputError, match="limit"):
        parse("neck pain " * 200_000)


def test_another_language_or_nonsense_gets_the_describe_message() -> None:
    r = parse("Me duele mucho la cabeza desde ayer")
    assert r.mentions == () and NOTHING_FOUND in r.notes
