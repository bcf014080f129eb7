"""Possessives and joined participles (tests/spec/owners_and_pairs.yaml, session 12): an animal
named only as the owner of a thing the writer handled is not the subject of the clause; two "-ing"
forms joined by "and" share one denial; "no other X" presupposes an X and denies none. One test
per row; controls must stay as they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("owners_and_pairs.yaml")
CLASSES = (
    "possessor_not_subject",
    "participle_pair",
    "other_presupposes",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_owners_and_pairs(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
