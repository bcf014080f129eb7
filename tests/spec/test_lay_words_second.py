"""Everyday words for symptoms and history, second round (tests/spec/lay_words_second.yaml,
session 13): "sick" with a small degree is nausea; sweat told by its amount is heavy sweating; heat
that makes an existing problem worse is not work in the heat; a head that bangs or is very sore
is a severe headache; a pill taken at a party is a drug on board; a medicine that lowers the
immune system, or a transplant, is weakened immunity; a hand kept on a place shows its pain; a
condition said not to be diagnosed is absent. One test per row; controls must stay as they are
(fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("lay_words_second.yaml")
CLASSES = (
    "sick_small_degree",
    "sweat_by_amount",
    "heat_worsens_existing",
    "head_bangs",
    "party_drug",
    "immune_lowering_medicine",
    "hand_on_the_site",
    "diagnosis_not_given",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_lay_words_second(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
