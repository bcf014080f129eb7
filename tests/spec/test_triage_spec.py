"""The triage spec (triage_spec.yaml), one named test per row.

``test_triage_from_findings`` runs each row's explicit findings through ``assess`` so that triage is
tested apart from the reading of free text; ``test_triage_from_text`` runs the story itself, with
rows the reader currently misreads marked ``text_xfail: reading`` in the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape import assess
from nape.knowledge.loader import default_kb
from nape.knowledge.schema import TRIAGE_ORDER
from nape.report.schema import AssessmentOut

SPEC = Path(__file__).with_name("triage_spec.yaml")
ROWS: list[dict[str, Any]] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["rows"]
KB = default_kb()


def _rank(level: str) -> int:
    return TRIAGE_ORDER.index(level)  # type: ignore[arg-type]


def _findings(row: dict[str, Any]) -> dict[str, bool]:
    return {fid: status == "present" for fid, status in row["findings"].items()}


def _check(row: dict[str, Any], out: AssessmentOut) -> None:
    level = out.triage.level
    assert _rank(level) <= _rank(row["level_at_least"]), (
        f"{row['id']}: {level} is less urgent than {row['level_at_least']}; reasons {out.triage.reasons}"
    )
    if "level_at_most" in row:
        assert _rank(level) >= _rank(row["level_at_most"]), (
            f"{row['id']}: {level} is more urgent than {row['level_at_most']}; reasons {out.triage.reasons}"
        )
    refs = {d.ref for d in out.triage.details}
    assert row["reason"] in refs, f"{row['id']}: reason {row['reason']} not shown; shown {sorted(r for r in refs if r)}"


def _param(row: dict[str, Any], text: bool) -> Any:
    marks = []
    if text and row.get("text_xfail"):
        marks.append(pytest.mark.xfail(reason=str(row["text_xfail"]), strict=False))
    return pytest.param(row, id=row["id"], marks=marks)


def test_spec_is_well_formed() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) >= 100
    assert len(set(ids)) == len(ids), "row ids must be unique"
    for row in ROWS:
        assert row["level_at_least"] in TRIAGE_ORDER
        assert row.get("level_at_most", "self_care") in TRIAGE_ORDER
        assert row["reason"] in KB.red_flags or row["reason"] in KB.conditions, row["id"]
        assert set(row["findings"].values()) <= {"present", "absent"}, row["id"]
        assert set(row["findings"]) <= set(KB.findings), row["id"]
        assert len(row["story"]) > 10


def test_every_red_flag_has_at_least_two_phrasings() -> None:
    counts = {fid: 0 for fid in KB.red_flags}
    for row in ROWS:
        if row["reason"] in counts:
            counts[row["reason"]] += 1
    assert {fid: n for fid, n in counts.items() if n < 2} == {}


@pytest.mark.parametrize("row", [_param(r, text=False) for r in ROWS])
def test_triage_from_findings(row: dict[str, Any]) -> None:
    _check(
        row, assess(findings=_findings(row), age=row.get("age"), sex=row.get("sex"), age_months=row.get("age_months"))
    )


@pytest.mark.parametrize("row", [_param(r, text=True) for r in ROWS])
def test_triage_from_text(row: dict[str, Any]) -> None:
    _check(row, assess(row["story"], age=row.get("age"), sex=row.get("sex"), age_months=row.get("age_months")))
