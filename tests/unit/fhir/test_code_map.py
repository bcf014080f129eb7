"""The mapping data: every finding id exists, every ICD-10-CM prefix names real codes."""

from __future__ import annotations

from pathlib import Path

import pytest
import simple_icd_10_cm as cm

from nape.core.resources import read_validated
from nape.errors import KnowledgeBaseError
from nape.fhir import maps
from nape.fhir.maps import code_map, fhir_terms
from nape.knowledge.loader import KnowledgeBase
from nape.knowledge.schema import TRIAGE_ORDER

ALL_CODES = [c for c in cm.get_all_codes(with_dots=True) if cm.is_leaf(c)]


def test_every_finding_id_is_in_the_knowledge_base(kb: KnowledgeBase) -> None:
    missing = code_map().finding_ids() - set(kb.findings)
    assert not missing


@pytest.mark.parametrize("prefix", sorted({p for r in code_map().conditions for p in r.icd10cm}))
def test_every_icd10cm_prefix_matches_billable_codes(prefix: str) -> None:
    assert any(c.startswith(prefix) for c in ALL_CODES), f"{prefix} matches no ICD-10-CM code"


def test_every_triage_level_has_an_indicator_and_emergencies_are_critical() -> None:
    cds = fhir_terms().cds
    assert set(cds.indicator) == set(TRIAGE_ORDER) == set(cds.summary_label)
    assert all(cds.indicator[lv] == "critical" for lv in TRIAGE_ORDER if lv.startswith("emergency"))
    assert cds.indicator["self_care"] == "info"


def test_unit_conversion_targets_are_threshold_units() -> None:
    units = {o.at_or_above.unit for o in code_map().observations if o.at_or_above}
    assert {u.to for u in code_map().units.values()} <= units


def test_a_broken_map_names_the_file_and_the_problem(tmp_path: Path) -> None:
    text = (maps.RESOURCES / "code_map.yaml").read_text(encoding="utf-8")
    (tmp_path / "code_map.yaml").write_text(
        text.replace("complaint_findings:", "complaint_findingz:"), encoding="utf-8"
    )
    with pytest.raises(KnowledgeBaseError) as err:
        read_validated(maps.CodeMap, tmp_path / "code_map.yaml", "fhir/resources/code_map.yaml")
    assert "code_map.yaml" in str(err.value) and "complaint_findingz" in str(err.value) and err.value.code == "E101"
