"""Integrity of the knowledge base: every reference resolves, every code is billable, every
condition is complete, and the spec's condition ids are all covered."""

from __future__ import annotations

import csv
import re

import pytest
import simple_icd_10_cm as cm

from nape.knowledge.loader import KnowledgeBase, default_kb
from nape.knowledge.schema import TRIAGE_ORDER
from tests.shared import SHARED, needs_shared

SPEC_FILE = SHARED / "spec/conditions.tsv"
SPEC = list(csv.DictReader(SPEC_FILE.read_text().splitlines(), delimiter="\t")) if SPEC_FILE.exists() else []
SPEC_IDS = [row["id"] for row in SPEC]
KB = default_kb()
#: Every condition the knowledge base holds (the spec's ids, checked below when the spec is present).
CONDITION_IDS = sorted(KB.conditions)


@needs_shared("spec/conditions.tsv")
def test_every_spec_condition_is_covered_under_its_exact_id() -> None:
    assert len(SPEC_IDS) == 42
    missing = [cid for cid in SPEC_IDS if cid not in KB.conditions]
    assert missing == []


@pytest.mark.parametrize("cid", CONDITION_IDS)
def test_condition_is_complete(cid: str) -> None:
    cond = KB.conditions[cid]
    assert cond.triage.base in TRIAGE_ORDER
    assert len(cond.findings) >= 6
    assert cond.care_plan, "needs a care plan"
    assert cond.sources, "needs a source"
    assert cond.summary.person != cond.summary.clinician
    for lk in cond.findings:
        assert 0.0 < lk.p < 1.0
        assert lk.finding in KB.findings


@pytest.mark.parametrize("cid", CONDITION_IDS)
def test_icd10cm_codes_exist_and_are_billable(cid: str) -> None:
    for code in KB.conditions[cid].icd10cm:
        assert cm.is_valid_item(code), f"{cid}: {code} is not in ICD-10-CM"
        assert cm.is_leaf(code), f"{cid}: {code} is not billable (has children)"


def test_known_retired_codes_are_corrected() -> None:
    codes = {c for cond in KB.conditions.values() for c in cond.icd10cm}
    assert "G35" not in codes and "G20" not in codes


@needs_shared("spec/conditions.tsv")
@pytest.mark.parametrize("row", SPEC, ids=SPEC_IDS)
def test_causes_named_in_seeds_are_covered_and_cite_the_seed(row: dict[str, str]) -> None:
    seeds = [s for s in row["named_in_seeds"].split() if s != "-"]
    cond = KB.conditions[row["id"]]
    for seed in seeds:
        assert seed in cond.named_in_seeds
        cited = set(cond.sources)
        for step in cond.care_plan:
            cited |= set(step.sources)
        for st in [*cond.workup.examination, *cond.workup.tests, *cond.workup.imaging, *cond.pitfalls]:
            cited |= set(st.sources)
        assert f"seed_{seed}" in cited, f"{row['id']} should cite seed_{seed}"


def test_every_red_flag_has_source_message_and_valid_level() -> None:
    assert len(KB.red_flags) >= 15
    for flag in KB.red_flags.values():
        assert flag.sources and flag.message
        assert flag.level in TRIAGE_ORDER
        for rule in flag.when:
            for fid in rule.finding_ids():
                assert fid in KB.findings


def test_every_care_step_cites_an_existing_source() -> None:
    for cond in KB.conditions.values():
        for step in cond.care_plan:
            assert all(s in KB.sources for s in step.sources)


def test_dangerous_conditions_have_safety_thresholds_and_urgent_base() -> None:
    for cond in KB.conditions.values():
        if cond.group == "red_flag" and cond.id != "cervical_myelopathy":
            assert cond.triage.safety_threshold is not None, cond.id
            assert TRIAGE_ORDER.index(cond.triage.base) <= TRIAGE_ORDER.index("consultation_24")


def test_findings_are_askable_with_a_question_and_phrases() -> None:
    for f in KB.findings.values():
        assert f.question.endswith("?"), f.id
        if f.askable and f.category not in ("test_result",):
            assert f.phrases.all(), f"{f.id} has no phrases for the intake"


@needs_shared("seeds")
def test_all_seeds_are_sources() -> None:
    seeds = sorted(p.name for p in (SHARED / "seeds").glob("*.txt"))
    locators = {s.locator.split("/")[-1] for s in KB.sources.values() if s.kind == "seed" and s.locator}
    assert set(seeds) <= locators


def test_version_is_semver_plus_content_hash(kb: KnowledgeBase) -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{8}", kb.version)


@needs_shared("seeds")
def test_no_file_repeats_a_seed_sentence() -> None:
    """No run of nine words from a seed appears anywhere in the knowledge base or docs."""
    from pathlib import Path

    def words(t: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", t.lower())

    grams: set[str] = set()
    for f in (SHARED / "seeds").glob("*.txt"):
        w = words(f.read_text(errors="ignore"))
        grams |= {" ".join(w[i : i + 9]) for i in range(len(w) - 8)}
    root = Path(__file__).resolve().parents[3]
    files = [*root.glob("src/**/*.yaml"), *root.glob("src/**/*.py"), *root.glob("docs/**/*.md"), root / "README.md"]
    hits = []
    for path in files:
        w = words(path.read_text(encoding="utf-8"))
        for i in range(len(w) - 8):
            if " ".join(w[i : i + 9]) in grams:
                hits.append(path.name)
                break
    assert hits == []


def test_a_narrower_finding_is_never_likelier_than_the_one_it_specialises() -> None:
    """P(later pregnancy | cause) <= P(pregnant | cause): a narrower finding implies its broader one."""
    for cond in KB.conditions.values():
        p = {lk.finding: lk.p for lk in cond.findings}
        for fid, f in KB.findings.items():
            if f.specialises and fid in p:
                broader = p.get(f.specialises, KB.findings[f.specialises].base_rate)
                assert p[fid] <= broader, (cond.id, fid, f.specialises)
