"""Who the patient is, history in plain words, normal and denied predicates, coordinated verbs
and movements told with the body part as subject (tests/spec/patient_and_predicates.yaml,
session 12). One test per row; controls must stay as they are. Fields as in
reading_mechanisms.yaml, plus ``age`` and ``proxy`` (whether the text is about someone else)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("patient_and_predicates.yaml")
CLASSES = (
    "aneurysm_plain",
    "proxy_age_list",
    "neck_subject_force",
    "knot_and_shear",
    "numbness_extent",
    "normal_predicate",
    "shared_limb_verbs",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_patient_and_predicates(row: dict[str, Any]) -> None:
    r = rows.check(row)
    if "age" in row:
        assert r.age == row["age"], r.age
    if "proxy" in row:
        assert r.about_someone_else == row["proxy"], r.about_someone_else


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES, extra=("age",))
