"""Injury stories, the Canadian C-Spine Rule's low-risk factors and neurological history
(tests/spec/injury_story.yaml, session 8): a rear impact that is simple unless the story says
otherwise, walking since the injury, a neck pain that came later, a past head injury that is not
whiplash, a tremor at rest in a clinician's word order, an older person found on the floor. One
test per row; controls must stay as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "injury_story.yaml").read_text(encoding="utf-8"))
CLASSES = ("rear_impact", "walked_since", "delayed_neck", "head_injury_past", "tremor_rest", "found_down")
CLASSES += ("load_verbs", "minor_strain_older", "traffic_knock")


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_injury_story(row: dict[str, Any]) -> None:
    r = parse(row["text"])
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):  # read neither present nor absent
        assert fid not in got, (fid, got)
    if "side" in row:
        assert r.side == row["side"], r.side
    for fid, most in row.get("span_words", {}).items():  # the words a reading rests on stay few
        m = next(x for x in r.mentions if x.finding == fid)
        assert len(m.source_text.split()) <= most, m.source_text


def test_every_class_has_six_wordings_and_controls() -> None:
    for cls in CLASSES:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
    assert {r["class"] for r in ROWS} == set(CLASSES)
