"""Everyday words for signs and symptoms, third round (tests/spec/lay_words_third.yaml, session
14): a voiding or bowel opening that the person did not know of or feel is a loss of control.
One test per row; controls must stay as they are (fields: tests/spec/rows.py)."""

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
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_lay_words_third(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
