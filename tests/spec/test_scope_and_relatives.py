"""Negation scope, relatives, lengths and similes (tests/spec/scope_and_relatives.yaml,
session 11): a denial after its verb or limited by a condition, a body part moved to, the
complaint said to be a relative's, a length standing alone, a simile. One test per row;
controls must stay as they are. The fields are those of tests/spec/rows.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("scope_and_relatives.yaml")

CLASSES = (
    "verb_final_denial",
    "movement_target",
    "conditioned_denial",
    "relative_same",
    "length_alone",
    "simile_cause",
    "site_been_bad",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_scope_and_relatives(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
