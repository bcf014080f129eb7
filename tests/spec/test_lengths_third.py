"""Lengths of time, third round (tests/spec/lengths_third.yaml, session 14): a length in minutes
or hours ("for 40 mins", "2 hrs of"), an age told in years that is not a length ("my daughter 17
years", "aged 72 years"), the length of a job, habit or hobby that is not the symptom's ("in 15
years of running", "a smoker for 20 years"), a length said another way ("half a year", "still
... after 11 weeks", "began when I was 30, I am 36 now"), and a point in time that belongs to
another symptom while the main complaint has its own length. One test per row; controls must stay
as they are (fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("lengths_third.yaml")
CLASSES = (
    "minutes_hours",
    "age_in_years",
    "activity_length",
    "length_said_otherwise",
    "other_symptom_point",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_lengths_third(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
