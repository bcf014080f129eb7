"""Normal-function, result and form negatives, and whole-kind denials
(tests/spec/normal_negatives.yaml). One test per row; controls must stay as they are, and a red
flag read present must stay present beside a normal word in another clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "normal_negatives.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_normal_negative(row: dict[str, Any]) -> None:
    got = {m.finding: m.present for m in parse(row["text"]).mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("absent_not", []):
        assert fid not in got, (fid, got)


def test_every_class_has_six_wordings_and_a_control() -> None:
    classes = (
        "site_fine",
        "form_answer",
        "result_normal",
        "exam_normal",
        "category_denial",
        "urine_colour",
        "sign_normal",
        "own_function_only",
        "continence_words",
        "subkind_denial",
        "past_denial",
        "ability_stated",
        "alert_lay",
        "anywhere_denial",
        "limb_works",
        "state_after_denial",
        "group_term",
        "exam_shorthand",
        "feeling_list_denial",
        "function_as_always",
    )
    for cls in classes:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
    assert len([r for r in ROWS if r.get("safety")]) >= 6
