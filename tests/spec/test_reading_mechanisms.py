"""Reading mechanisms (tests/spec/reading_mechanisms.yaml): ages, durations attached to what
they govern, a site carried across clauses. One test per row; controls must stay as they are."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "reading_mechanisms.yaml").read_text(encoding="utf-8")
)


_YEAR_BACK = re.compile(r"\{year-(\d+)\}")


def dated(text: str, today: date) -> str:
    """The row's text with each ``{year-N}`` made the year N years before ``today``'s: a row
    about a jab "in {year-4}" means four years back in any year the suite runs."""
    return _YEAR_BACK.sub(lambda m: str(today.year - int(m.group(1))), text)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_reading_mechanism(row: dict[str, Any]) -> None:
    today = date.today()
    r = parse(dated(row["text"], today), today=today)
    if "age" in row:
        assert r.age == row["age"], (r.age, r.age_months)
    if "age_months" in row:
        assert r.age_months == row["age_months"], (r.age, r.age_months)
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):  # read neither present nor absent
        assert fid not in got, (fid, got)
    for fid in row.get("absent_not", []):  # not read absent (present or unread), as in rows.py
        assert got.get(fid) is not False, (fid, got)


def test_every_class_has_six_wordings_and_controls() -> None:
    classes = ("age", "duration", "site_carry", "verbal_negation", "nothing_negation", "without_awareness")
    classes += ("question", "relative_then_self", "dated_past", "result_after", "hearsay_or_plan", "gestation")
    classes += ("functional", "simile", "lay_words", "mechanism", "shorthand", "word_sense", "warning_words")
    classes += ("numbers", "belief")
    classes += ("time_point", "time_governs_other", "medicine_time")
    classes += ("length_before", "length_hyphen", "hours_length", "age_length")
    classes += ("sleep_position", "placed_denial", "habit_denial", "stiffness_length", "delayed_onset")
    classes += ("side_sense", "limb_site", "document_header", "ca_abbreviation", "relative_condition")
    classes += ("pregnancy_bleed_fluid", "movement_pain", "night_waking", "sustained_posture_spell")
    classes += ("cough_trigger", "air_temperature", "back_copula", "limb_tone", "infant_posture", "crepitus_brief")
    classes += ("stress_words", "sudden_words", "site_list", "onset_point", "partial_denial")
    classes += ("tetanus_date", "cognition_mood", "jaw_habit", "stress_events", "mouth_dyskinesia", "head_movement")
    classes += ("past_neuro_episode", "old_deficit", "nth_episode")
    classes += ("claudication_story", "exertion_pattern", "activity_relief", "composite_finding")
    classes += ("wave_pattern", "urine_colour", "glove_sock_simile", "effort_and_heat", "risk_habit_words")
    classes += ("plural_limb", "spine_tender_lay", "rotation_angle", "spread_site")
    classes += ("truncated_word", "coma_score", "exam_grade", "imaging_report", "trauma_shorthand")
    classes += ("chart_abbreviation", "capital_abbreviation")
    classes += ("urine_noun", "contact_surface", "light_subject", "system_generic", "qualified_site")
    classes += ("coordinated_site", "cramp_site", "nausea_words", "rash_denial")
    classes += ("pattern_absorbs", "pain_shown")
    classes += ("presupposed_question", "onset_until", "pronoun_head", "pain_not_gait")
    classes += ("post_denial_prefixed", "topicalised_denial", "shorthand_negative", "contrast_only")
    classes += ("shared_degree", "belly_site", "person_of_years")
    classes += ("hedged_presence", "not_person_subject", "other_sense", "stiff_not_pain")
    classes += ("shoulder_sense", "saddle_claim", "tear_simile", "flank_not_low_back", "haematuria_sense")
    classes += ("everywhere_list", "subjectless_pain", "look_task_turn", "feeling_words")
    classes += ("finger_distribution", "limb_posture_extension", "dystonia_words")
    classes += ("knot_referral", "feed_posture", "bare_back")
    classes += ("result_in_words", "test_reproduces", "family_whole", "girdle_ache", "back_qualifier")
    classes += ("pair_limb", "onset_modifier", "conditional_plan", "self_interview", "pronoun_limb")
    for cls in classes:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
