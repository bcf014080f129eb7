"""Who the patient is, history in plain words, normal and denied predicates, coordinated verbs
and movements told with the body part as subject (tests/spec/patient_and_predicates.yaml,
session 12). One test per row; controls must stay as they are. Fields as in
reading_mechanisms.yaml, plus ``age`` and ``proxy`` (whether the text is about someone else)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "patient_and_predicates.yaml").read_text(encoding="utf-8")
)

CLASSES = (
    "aneurysm_plain",
    "proxy_age_list",
    "neck_subject_force",
    "knot_and_shear",
    "numbness_extent",
    "normal_predicate",
    "shared_limb_verbs",
)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_patient_and_predicates(row: dict[str, Any]) -> None:
    r = parse(row["text"])
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):
        assert fid not in got, (fid, got)
    if "age" in row:
        assert r.age == row["age"], r.age
    if "proxy" in row:
        assert r.about_someone_else == row["proxy"], r.about_someone_else


def test_every_class_has_six_wordings_and_controls() -> None:
    assert {r["class"] for r in ROWS} == set(CLASSES)
    for cls in CLASSES:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
        for r in rows:  # every row checks something
            assert r.get("expect") or r.get("not") or r.get("unread") or "age" in r, r["text"]
