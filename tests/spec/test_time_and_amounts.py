"""Time, pregnancy weeks and amounts (tests/spec/time_and_amounts.yaml): weeks of a pregnancy
said with no pregnancy word, the waters, a weight change by its amount, how long morning
stiffness lasts to a time of day, an onset given by an anchor ("since lunch", "since the
summer", "ever since 2019"), and (session 10) a deficit a recent time makes new, lengths told by
the calendar or the clock, recurrence told by how often, and activity, posture, onset, dose and
night patterns. One test per row; rows marked ``control`` must stay as they are."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.spec import rows

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "time_and_amounts.yaml").read_text(encoding="utf-8")
)
CLASSES = (
    "bare_gestation",
    "waters_fluid",
    "weight_amount",
    "stiffness_clock",
    "onset_anchor",
    "anchor_year",
    "loose_length",
    "future_time",
    "woke_with_it",
    "rest_position",
    "stair_movement",
    "dose_raised",
    "heat_air",
    "stair_other_story",
    "arm_pressure",
    "since_event",
    "third_person_age",
    "recent_deficit",
    "calendar_length",
    "recurrence_told",
    "overexertion_spell",
    "posture_hours",
    "onset_story_told",
    "dose_raised_before",
    "night_told",
    "mechanical_told",
    "load_by_weight",
    "posture_clock",
    "recurrence_compared",
    "first_episode",
    "current_episode_length",
    "length_foreign_shape",
    "temperature_word_own_sentence",
    "recent_months_ago",
    "resolved_some_time_ago",
)
_YEAR_BACK = re.compile(r"\{year-(\d+)\}")


def _today(row: dict[str, Any]) -> date:
    """The date the row is read on: its own ``today`` (for anchors such as "since the summer",
    whose length depends on the date) or the clock's."""
    given = row.get("today")
    return date.fromisoformat(str(given)) if given else date.today()


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_time_and_amounts(row: dict[str, Any]) -> None:
    today = _today(row)
    text = _YEAR_BACK.sub(lambda m: str(today.year - int(m.group(1))), row["text"])
    r = rows.check(row, text, today)
    if "sex" in row:
        assert r.sex == row["sex"], r.sex
    if "age" in row:
        assert r.age == row["age"], r.age


def test_every_class_has_six_wordings_and_controls() -> None:
    for cls in CLASSES:
        these = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in these if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in these), cls
    assert {r["class"] for r in ROWS} <= set(CLASSES)
