"""ICD-10-CM codes that cannot stand alone are kept apart and paired with their disease."""

from __future__ import annotations

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
