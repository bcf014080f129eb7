"""Heavy effort told by the task and its load (tests/spec/lifts_s16.yaml, session 16): a verb of
moving a load with a thing heavy by its class (a machine, bales and sacks, big furniture); a
person's weight taken by the arms; a gym lift or a fitness challenge named by its own words; a
sudden strong pull on the body by a dog, a horse or a climbing move, told by its force. One test
per row; controls must stay as they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("lifts_s16.yaml")
CLASSES = (
    "task_and_load",
    "person_as_load",
    "gym_effort",
    "forceful_pull",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_lifts_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
