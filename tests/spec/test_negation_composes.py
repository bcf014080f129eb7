"""What a negative composes with (tests/spec/negation_composes.yaml, session 13): relief by rest
or activity said not to come is its opposite (rest pain, no better with exercise), never the
relief; a denied stop says the thing goes on; not knowing how or why something happened denies
nothing of it; a site after denied nouns in a list belongs to each of them; a result said before
its list ("full power and sensation") is every item's. One test per row; controls must stay as
they are. The fields are those of reading_mechanisms.yaml (checked by tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("negation_composes.yaml")

CLASSES = (
    "denied_relief",
    "stop_continues",
    "knowing_not_denying",
    "shared_site",
    "terse_normal",
    "nothing_found_eases",
    "nothing_alters_it",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_negation_composes(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
