"""Forms, checklists and one-letter answers (tests/spec/forms_and_boxes.yaml, session 13): tick
boxes deny or assert their items; a one-letter or symbol answer answers its field only; a form's
question that composes a meaning takes its answer; a bare length after a field's complaint is its
duration; a bullet's leading dash denies nothing. One test per row; controls must stay as they
are. The fields are those of reading_mechanisms.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "forms_and_boxes.yaml").read_text(encoding="utf-8")
)

CLASSES = (
    "tick_boxes",
    "one_letter_answers",
    "composed_questions",
    "field_durations",
    "bullet_lines",
)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_forms_and_boxes(row: dict[str, Any]) -> None:
    r = parse(row["text"], today=date.today())
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):
        assert fid not in got, (fid, got)
    for fid in row.get("absent_not", []):
        assert got.get(fid) is not False, (fid, got)


def test_every_class_has_six_wordings_and_controls() -> None:
    assert {r["class"] for r in ROWS} == set(CLASSES)
    for cls in CLASSES:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
        for r in rows:  # every row checks something
            assert r.get("expect") or r.get("not") or r.get("unread") or r.get("absent_not"), r["text"]
