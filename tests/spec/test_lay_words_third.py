"""Everyday words for signs and symptoms, third round (tests/spec/lay_words_third.yaml, session
14): a voiding or bowel opening the person did not know of or feel is a loss of control; the
hand or finger that misses or goes past its aim is limb ataxia; a tremor named by a nod or a
yes/no shake is a head tremor; the time it takes to loosen up in the morning is the
stiffness's length; the gaze turned up or the head tipped back, and a cough or laugh that sets
the pain off, are the movements that worsen it; other signs in everyday words (a heel's rear,
a curve by its shape, fiddly fastenings, a head too weighty, shivering with a fever, sleep not
good, taut limbs, aching everywhere); an onset with its subject left out and a walk eased bent
over an aid; a filtration rate and a systolic pressure written alone. One test per row;
controls must stay as they are (fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("lay_words_third.yaml")
CLASSES = (
    "unfelt_voiding",
    "limb_misses_aim",
    "tremor_by_direction",
    "time_to_loosen",
    "movement_that_worsens",
    "other_signs",
    "effort_patterns",
    "numbers_unlabelled",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_lay_words_third(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
