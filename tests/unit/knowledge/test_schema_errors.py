"""A broken knowledge-base file gives a numbered error naming the file, entry and problem."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.errors import KnowledgeBaseError, KnowledgeReferenceError
from nape.knowledge.loader import RESOURCES, load


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    dst = tmp_path / "resources"
    shutil.copytree(RESOURCES, dst)
    return dst


def _edit(path: Path, fn) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text())
    fn(data)
    path.write_text(yaml.safe_dump(data))


def test_unknown_key_is_rejected_with_file_and_entry(copy: Path) -> None:
    _edit(copy / "conditions/meningitis.yaml", lambda d: d.update(colour="red"))
    with pytest.raises(KnowledgeBaseError) as exc:
        load(copy)
    msg = str(exc.value)
    assert msg.startswith("E101") and "conditions/meningitis.yaml" in msg and "colour" in msg


def test_probability_out_of_range_is_named(copy: Path) -> None:
    _edit(copy / "conditions/meningitis.yaml", lambda d: d["findings"][0].update(p=1.5))
    with pytest.raises(KnowledgeBaseError) as exc:
        load(copy)
    assert "findings.0.p" in str(exc.value) and "'meningitis'" in str(exc.value)


def test_unknown_finding_reference_is_an_e102(copy: Path) -> None:
    _edit(copy / "conditions/meningitis.yaml", lambda d: d["findings"].append({"finding": "purple_toes", "p": 0.5}))
    with pytest.raises(KnowledgeReferenceError) as exc:
        load(copy)
    assert "E102" in str(exc.value) and "purple_toes" in str(exc.value)


def test_unknown_source_is_an_e102(copy: Path) -> None:
    _edit(copy / "red_flags.yaml", lambda d: d["red_flags"][0].update(sources=["made_up_2099"]))
    with pytest.raises(KnowledgeReferenceError, match="made_up_2099"):
        load(copy)


def test_malformed_yaml_names_the_file(copy: Path) -> None:
    (copy / "findings/core.yaml").write_text("findings: [unclosed")
    with pytest.raises(KnowledgeBaseError, match=r"findings/core\.yaml"):
        load(copy)


def test_duplicate_finding_id_is_rejected(copy: Path) -> None:
    data = yaml.safe_load((copy / "findings/core.yaml").read_text())
    (copy / "findings/zz_dup.yaml").write_text(yaml.safe_dump({"findings": [data["findings"][0]]}))
    with pytest.raises(KnowledgeBaseError, match="defined twice"):
        load(copy)


def test_invalid_icd_shape_is_rejected(copy: Path) -> None:
    _edit(copy / "conditions/meningitis.yaml", lambda d: d.update(icd10cm=["meningitis"]))
    with pytest.raises(KnowledgeBaseError, match="ICD-10-CM"):
        load(copy)


def test_content_hash_changes_with_content(copy: Path) -> None:
    before = load(copy).version
    _edit(copy / "conditions/meningitis.yaml", lambda d: d["prior"].update(base=0.002))
    assert load(copy).version != before


def _one_part(data: dict) -> None:  # type: ignore[type-arg]
    f = next(f for f in data["findings"] if f["id"] == "temporal_headache_jaw_claudication")
    f["parts"] = f["parts"][:1]


def test_a_finding_of_one_part_is_rejected(copy: Path) -> None:
    _edit(copy / "findings/rheum.yaml", _one_part)
    with pytest.raises(KnowledgeBaseError) as exc:
        load(copy)
    assert "temporal_headache_jaw_claudication" in str(exc.value) and "at least two" in str(exc.value)


def test_an_unknown_broader_finding_is_named(copy: Path) -> None:
    def edit(data: dict) -> None:  # type: ignore[type-arg]
        next(f for f in data["findings"] if f["id"] == "later_pregnancy")["specialises"] = "expecting_a_baby"

    _edit(copy / "findings/pregnancy.yaml", edit)
    with pytest.raises(KnowledgeReferenceError) as exc:
        load(copy)
    assert "later_pregnancy" in str(exc.value) and "expecting_a_baby" in str(exc.value)


def _ibp(d: dict[str, Any]) -> dict[str, Any]:
    return next(f for f in d["findings"] if f["id"] == "inflammatory_back_pain")


def test_composite_with_an_unknown_finding_is_an_e102(copy: Path) -> None:
    _edit(
        copy / "findings/rheum.yaml",
        lambda d: _ibp(d)["composite"]["items"].append({"name": "toes", "any": ["purple_toes"]}),
    )
    with pytest.raises(KnowledgeReferenceError, match="purple_toes"):
        load(copy)


def test_composite_with_an_unknown_source_is_an_e102(copy: Path) -> None:
    _edit(copy / "findings/rheum.yaml", lambda d: _ibp(d)["composite"].update(sources=["made_up_2099"]))
    with pytest.raises(KnowledgeReferenceError, match="made_up_2099"):
        load(copy)


def test_composite_that_cannot_be_met_is_rejected(copy: Path) -> None:
    _edit(copy / "findings/rheum.yaml", lambda d: _ibp(d)["composite"].update(min_items=9))
    with pytest.raises(KnowledgeBaseError, match="min_items"):
        load(copy)
