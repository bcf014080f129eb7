"""Functions said to be normal, denials by a clinical category, progressive denials, and chat
or form transcripts (tests/spec/normal_and_answers.yaml, session 14): a function, organ or set of
limbs with a normal predicate denies its findings; a category word ("urinary symptoms",
"radicular", "PV loss") denies the findings of its kind; a denied trouble's "with" names what it
is in; an answer after a transcript's turn (">", "A:", "Patient:") answers its question, and an
ability asked of and answered "no" or "barely" is lost. One test per row; controls must stay as
they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("normal_and_answers.yaml")
CLASSES = (
    "normal_predicate",
    "category_word",
    "progressive_denial",
    "chat_answer",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_normal_and_answers(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
