"""Word senses, abbreviations and lexicon gaps (tests/spec/word_senses.yaml, session 10): a
word read in the sense its context gives it. One test per row; controls must stay as they are.
The fields are those of reading_mechanisms.yaml (expect / not / unread)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("word_senses.yaml")

CLASSES = (
    "body_hot",
    "gait_words",
    "retention_words",
    "side_shorthand",
    "soiling_sense",
    "site_shape_sense",
    "history_abbrev",
    "habit_treatment",
    "refusal_function",
    "muscle_site",
    "loose_site",
    "pain_quality",
    "word_memory",
    "job_not_care",
    "eye_turn_forms",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_word_sense(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
