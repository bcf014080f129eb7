"""Shorthand, dictation slips and numbers (tests/spec/shorthand_and_slips.yaml): clipped and
symbol forms, shorthand of phrase words, result words after a name, dictated sound-alikes,
regional word forms, angles of range and of the leg raise, and weeks of pregnancy in other word orders. One test
per row; controls must stay as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "shorthand_and_slips.yaml").read_text(encoding="utf-8")
)
CLASSES = (
    "clipped_form",
    "phrase_shorthand",
    "result_after_name",
    "sound_alike",
    "angle_result",
    "pregnancy_weeks",
    "girdle_word",
    "regional_form",
    "self_answered",
    "slash_list",
    "arm_pressures",
    "mouth_opening",
    "month_dates",
)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_shorthand_row(row: dict[str, Any]) -> None:
    r = parse(row["text"])
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):
        assert fid not in got, (fid, got)
    for fid, words in row.get("source", {}).items():
        m = next(x for x in r.mentions if x.finding == fid)
        # the words and offsets are the text as written, whatever was repaired before reading
        assert m.source_text == words, m
        assert m.start is not None and m.end is not None and row["text"][m.start : m.end] == words, m


def test_every_class_has_six_wordings_and_controls() -> None:
    assert {r["class"] for r in ROWS} == set(CLASSES)
    for cls in CLASSES:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
