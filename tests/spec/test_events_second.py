"""Events, exposures and history in ordinary words (tests/spec/events_second.yaml, session 14): a
heavy load told by its verb, a training load raised, a wound told by its verb, trauma told by a
noun or a sport, habits in other verb forms, history with a year or a label, and a medicine
started or changed. One test per row; controls must stay as they are. The fields are those of
reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("events_second.yaml")
CLASSES = (
    "heavy_load_verb",
    "training_load_up",
    "wound_verb",
    "trauma_noun_sport",
    "habit_forms",
    "history_year_label",
    "medicine_change",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_events_second(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
