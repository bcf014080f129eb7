"""Wrong readings (tests/spec/wrong_readings.yaml, session 14): relief by rest read as rest pain,
a refusal to bend the neck, a head pulled round by itself, a practitioner's harm read as an
injury, a short length read as a spasm's, a living load moving of itself, pressing the spine of
the mid back, and a side said of a part outside the complaint. One test per row; controls must
stay as they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("wrong_readings.yaml")
CLASSES = (
    "rest_relief_not_rest_pain",
    "neck_refusal_stiffness",
    "self_pulled_head",
    "practitioner_harm",
    "brief_length_subject",
    "living_load_moves",
    "pressed_mid_back",
    "side_of_other_part",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_wrong_readings(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
