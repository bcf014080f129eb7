"""ICD-10-CM codes that cannot stand alone are kept apart and paired with their disease."""

from __future__ import annotations

import re

import pytest
import simple_icd_10_cm as cm

from nape.knowledge.loader import default_kb
from nape.knowledge.schema import Condition

KB = default_kb()
NOT_ALONE = {"G99.2", "G63", "G73.7"}


def test_manifestation_codes_are_never_primary() -> None:
    primary = {c for cond in KB.conditions.values() for c in cond.icd10cm}
    assert not (primary & NOT_ALONE)


def test_each_manifestation_code_is_paired_with_real_underlying_codes() -> None:
    paired = {m.code for cond in KB.conditions.values() for m in cond.icd10cm_secondary}
    assert paired >= NOT_ALONE
    for cond in KB.conditions.values():
        for m in cond.icd10cm_secondary:
            assert cm.is_valid_item(m.code), m.code
            assert all(cm.is_valid_item(c) and cm.is_leaf(c) for c in m.with_any), (cond.id, m.with_any)


def _excluded_by(code: str, other: str) -> bool:
    """True when ``other`` falls under an Excludes1 note of ``code`` (e.g. M50.0- or E08-E13)."""
    for note in cm.get_excludes1(code):
        for part in re.findall(r"\(([^)]*)\)", note):
            for item in part.split(","):
                m = re.match(r"\s*([A-Z]\d{2}(?:\.[0-9A-Z]+)?)(?:-([A-Z]\d{2}(?:\.[0-9A-Z]+)?))?", item)
                if not m:
                    continue
                lo, hi = m.group(1), m.group(2)
                if hi is None and other.startswith(lo):
                    return True
                if hi is not None and lo <= other[: len(lo)] <= hi:
                    return True
    return False


def test_the_excludes1_reader_knows_the_combination_codes() -> None:
    assert _excluded_by("G99.2", "M47.12") and _excluded_by("G99.2", "M50.01")
    assert _excluded_by("G63", "E11.42") and not _excluded_by("G63", "E03.9")


def test_no_manifestation_code_is_paired_with_a_code_it_excludes() -> None:
    """G99.2 must not follow M47.12 or M50.0x, which already say "with myelopathy"."""
    for cond in KB.conditions.values():
        for m in cond.icd10cm_secondary:
            assert not [c for c in m.with_any if _excluded_by(m.code, c)], (cond.id, m.code)


def test_new_condition_codes_are_billable() -> None:
    for cid in (
        "pyelonephritis",
        "renal_colic",
        "herpes_zoster",
        "viral_illness",
        "thoracic_aortic_dissection",
        "spinal_epidural_haematoma",
        "tardive_dystonia",
        "pregnancy_back_pain",
    ):
        for code in KB.conditions[cid].icd10cm:
            assert cm.is_valid_item(code) and cm.is_leaf(code), (cid, code)


def test_a_manifestation_code_listed_as_primary_is_rejected() -> None:
    data = KB.conditions["hypothyroidism"].model_dump()
    data["icd10cm"] = [*data["icd10cm"], "G73.7"]
    with pytest.raises(ValueError, match="cannot stand alone"):
        Condition.model_validate(data)
