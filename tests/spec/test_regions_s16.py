"""Where the trouble is, told without a pain word (tests/spec/regions_s16.yaml, session 16): a
spine part that seizes, locks, catches or cramps hurts; "waist" with a pain word is the lower back;
the mid back placed by its two ends; a part named as the trouble now, or by "it" in the next
sentence; one side of the neck stiff is no limb stiffness; a noise on nodding or turning is
crepitus, not a movement of its own; a spine leaning to one side is a visible curve. One test per
row; controls must stay as they are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("regions_s16.yaml")
CLASSES = (
    "seize_verb_spasm",
    "waist_low_back",
    "mid_back_placement",
    "site_named_now",
    "side_stiff_not_limb",
    "joint_noise_not_movement",
    "spine_leans_curve",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_regions_s16(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
