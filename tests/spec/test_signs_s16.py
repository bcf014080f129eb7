"""Lay words for critical signs (tests/spec/signs_s16.yaml, session 16): a chest pain that
spreads to the jaw or an arm; effort that brings a symptom on and a stop that ends it; a back
pain that spreads into the belly; saliva escaping the mouth; turning from the light; drowsy and
not answering; a jaw held shut; dropping ordinary things; a foot drop that grows day by day;
shaking with chills; a weight told by two numbers. One test per row; controls must stay as
they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("signs_s16.yaml")
CLASSES = (
    "heart_pain_spreading",
    "effort_then_stop",
    "back_into_belly",
    "saliva_escaping",
    "light_avoidance",
    "not_responding",
    "jaw_held_shut",
    "dropping_things",
    "foot_drop_worsening",
    "shaking_with_chills",
    "weight_two_numbers",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_signs_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
