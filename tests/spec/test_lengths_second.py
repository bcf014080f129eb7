"""Lengths and points in time, second round (tests/spec/lengths_second.yaml, session 13): a
lower bound on a length ("six weeks plus", "or more", "for more than"), the episode counted in its
own units with no "of" ("this is the fourth week"), a past week or month as a point ("since last
week", "it began last month"), a singular unit with hedges before or after it ("2 year maybe",
"1 year already"), and a length told as past in older English ("these five weeks past", "for
some months now"). One test per row; controls must stay as they are (fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("lengths_second.yaml")
CLASSES = (
    "length_lower_bound",
    "episode_unit_count",
    "past_week_month",
    "singular_unit_hedged",
    "formal_past_length",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_lengths_second(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
