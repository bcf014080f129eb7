"""Pain on neck movement told by someone watching, and arm limits that are not weakness
(tests/spec/carer_s16.yaml, session 16): a cry or flinch when someone moves the head is pain on
neck movement; the person's own head movement making it worse is too; arms that will not go up
for girdle stiffness or ache, or only of a morning, are no arm weakness; a weak or heavy neck is
no arm's weakness, and held up by the hand is the instability feeling. One test per row; controls
must stay as they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("carer_s16.yaml")
CLASSES = (
    "carer_neck_handling",
    "own_head_move_worse",
    "girdle_limit_not_weakness",
    "weak_neck_not_arm",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_carer_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
