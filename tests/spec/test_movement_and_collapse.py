"""Movement disorders, consciousness and collapse (tests/spec/movement_and_collapse.yaml, session
13): a dystonic pull told by its force, a held posture or jolts at intervals, and the neck arching;
a sensory trick however the hand is laid; the jaw shutting by itself and the eyes going up;
confusion in an acute illness, waking only with a struggle, a neck that will not bend; the walk
pulled to one side, a clumsy half of the body, an onset anchored on waking; pallor then a fall as a
collapse. One test per row; controls must stay as they are. The fields are those of
tests/spec/rows.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("movement_and_collapse.yaml")

CLASSES = (
    "dystonic_pulling",
    "sensory_trick",
    "jaw_and_eyes",
    "acute_confusion",
    "ataxia_and_waking",
    "collapse_not_trip",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_movement_and_collapse(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
