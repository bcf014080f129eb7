""""At the back" is the back of the neck only when said of the neck (not of a heel, a calf or a
knee); an arms-up task told by its verb and the hair (brushing, washing, plaiting it) is a
difficulty raising the arms, whoever's hair it is (tests/spec/sites_and_tasks.yaml, session 14).
One test per row; controls must stay as they are (fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("sites_and_tasks.yaml")
CLASSES = ("at_the_back_of_what", "hair_task_arms_up")


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_sites_and_tasks(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
