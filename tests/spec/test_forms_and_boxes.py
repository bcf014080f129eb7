"""Forms, checklists and one-letter answers (tests/spec/forms_and_boxes.yaml, session 13): tick
boxes deny or assert their items; a one-letter or symbol answer answers its field only; a form's
question that composes a meaning takes its answer; a bare length after a field's complaint is its
duration; a bullet's leading dash denies nothing. One test per row; controls must stay as they
are. The fields are those of tests/spec/rows.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("forms_and_boxes.yaml")

CLASSES = (
    "tick_boxes",
    "one_letter_answers",
    "composed_questions",
    "field_durations",
    "bullet_lines",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_forms_and_boxes(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
