"""A headache's arrival told as a blow or at full force at once is a thunderclap headache (not
a limb's full power); the person said to be tired is fatigue (not fed up, not a tiring limb); a
limb that goes into a cramp enters a state and nothing radiates; a weepy wound is no mood
(tests/spec/blows_and_states.yaml, session 14). One test per row; controls must stay as they are
(fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("blows_and_states.yaml")
CLASSES = ("headache_arrives_as_blow", "person_tired", "goes_into_cramp", "weepy_wound")


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_blows_and_states(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
