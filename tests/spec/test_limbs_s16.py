"""Both legs and a posture's load (tests/spec/limbs_s16.yaml, session 16): the legs named in the
plural with a cramp, a spasm, stiffness or a jerk are both legs' (not one picked out, not a table's);
a day's or a week's work that brings a pain on is a held posture's load, not a mechanical pattern,
while a gaze moved up, down or round is a neck movement. One test per row; controls must stay as
they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("limbs_s16.yaml")
CLASSES = ("posture_load_not_movement",)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_limbs_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
