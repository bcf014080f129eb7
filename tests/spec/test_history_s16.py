"""Triggers, exposures and past events (tests/spec/history_s16.yaml, session 16): stress told by
a part of life under strain, sitting and heat as what makes it worse, a one-off job on the home,
a posture held forward over a task, a joint's roll that is no vehicle's, known past problems,
spells counted within one day, lasting spasticity after a brain event, a feared diagnosis, and a
course's first dose or a trivial reach at 65 or over. One test per row; controls must stay as
they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("history_s16.yaml")
CLASSES = (
    "stress_by_situation",
    "sitting_aggravates",
    "heat_worsens",
    "one_off_task",
    "held_forward_posture",
    "roll_not_crash",
    "known_past_problem",
    "count_of_spells",
    "lasting_spasticity",
    "feared_diagnosis",
    "first_dose_and_trivial_reach",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_history_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
