"""A relative's symptom now, and a relative opening a sentence (tests/spec/relatives_now.yaml,
session 13): a relative who has a symptom now ("my mum has a lopsided face") is the patient, one
who had it is not; "Dad had a stroke" opening a sentence is someone else's history, as "my dad
had a stroke" was. One test per row; controls must stay as they are (fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("relatives_now.yaml")
CLASSES = ("relative_has_symptom_now", "relative_opens_sentence")


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_relatives_now(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
