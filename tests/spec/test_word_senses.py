"""Word senses, abbreviations and lexicon gaps (tests/spec/word_senses.yaml, session 10): a
word read in the sense its context gives it. One test per row; controls must stay as they are.
The fields are those of reading_mechanisms.yaml (expect / not / unread)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "word_senses.yaml").read_text(encoding="utf-8"))

CLASSES = (
    "body_hot",
    "gait_words",
    "retention_words",
    "side_shorthand",
    "soiling_sense",
    "site_shape_sense",
    "history_abbrev",
    "habit_treatment",
    "refusal_function",
    "muscle_site",
    "loose_site",
    "pain_quality",
    "word_memory",
    "job_not_care",
    "eye_turn_forms",
)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_word_sense(row: dict[str, Any]) -> None:
    r = parse(row["text"], today=date.today())
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):
        assert fid not in got, (fid, got)


def test_every_class_has_six_wordings_and_controls() -> None:
    assert {r["class"] for r in ROWS} == set(CLASSES)
    for cls in CLASSES:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
