"""Findings built from other findings (knowledge `composite`): their words point at the text,
and a finding said in its own words is left as it is."""

from __future__ import annotations

from nape.intake import parse

STORY = "I'm 29. Low back pain for a year; it crept up slowly, it wakes me at night and a swim frees it up."


def test_a_composite_points_at_the_words_it_was_built_from() -> None:
    m = next(x for x in parse(STORY).mentions if x.finding == "inflammatory_back_pain")
    assert m.present and m.start is not None and m.end is not None
    assert STORY[m.start : m.end] == m.source_text
    assert "crept up" in m.source_text and "frees it up" in m.source_text


def test_a_finding_denied_in_its_own_words_is_not_built_again() -> None:
    text = STORY + " The rheumatologist said it is not ankylosing spondylitis."
    got = {x.finding: x.present for x in parse(text).mentions}
    assert got.get("inflammatory_back_pain") is False


def test_too_few_items_build_nothing() -> None:
    got = {x.finding: x.present for x in parse(STORY.replace("I'm 29", "I'm 62")).mentions}
    assert "inflammatory_back_pain" not in got
    assert got.get("gradual_onset") and got.get("night_pain") and got.get("better_with_exercise")


def test_a_relatives_risk_factor_is_not_the_writers() -> None:
    got = {x.finding: x.present for x in parse("My brother smokes and is diabetic; my neck is stiff.").mentions}
    assert "cardiovascular_risk_factors" not in got
