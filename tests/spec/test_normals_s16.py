"""Functions and strength said normal, and symptoms said to be over (tests/spec/normals_s16.yaml,
session 16): the bladder and bowels by their lay names, strength said normal (the heel and toe
stand, a strong limb, full grades), the face said fine as its finding's one part, nothing new
after an old deficit, a headache told with a slow onset (no thunderclap) or likened to one's
usual kind (no denial), tightness denied by its opposite, a symptom said to be over, and sickness
that was the reason a medicine was given in the past. One test
per row; controls must stay as they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("normals_s16.yaml")
CLASSES = (
    "lay_function_names",
    "strength_normal",
    "face_part_alone",
    "old_deficit_nothing_new",
    "slow_headache_onset",
    "usual_headache_kind",
    "tightness_opposite",
    "symptom_over",
    "treated_reason",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_normals_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
