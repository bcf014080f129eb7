"""Measured amounts read against their cut-offs (nape.intake.numbers): the mouth's opening
(trismus) and blood pressure in both arms with the side words before or after each reading."""

from __future__ import annotations

import pytest

from nape.intake.numbers import read_arm_pressure, read_mouth_opening
from nape.intake.tokens import tokenise


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("mouth opens 12 mm", True),
        ("jaw opening 3.5 cm", True),  # 35 mm: at the cut-off
        ("mouth opening 4 cm", False),  # 40 mm: a normal opening
        ("one finger fits between the teeth", True),
        ("three fingers fit in the mouth", False),
        ("mouth opening 37 mm", None),  # between the cut-off and a normal opening
        ("two fingers fit in the mouth", None),
        ("a 1 cm cut inside the mouth", None),  # no opening word
        ("opens 1 cm", None),  # no mouth word
        ("mouth opens. The wound is 1 cm", None),  # another sentence
    ],
)
def test_mouth_opening_against_its_cut_off(text: str, present: bool | None) -> None:
    hits = read_mouth_opening(tokenise(text))
    assert [h.present for h in hits] == ([] if present is None else [present])


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("BP right arm 150/90 left arm 142/88", False),
        ("BP right arm 172/90 left arm 138/88", True),
        ("BP 140/90 R, 168/85 L", True),
        ("BP R arm 170/95. L arm 135/80", None),  # two sentences: not one comparison
    ],
)
def test_arm_pressure_sides_before_the_reading(text: str, present: bool | None) -> None:
    hits = read_arm_pressure(tokenise(text))
    assert [h.present for h in hits] == ([] if present is None else [present])
