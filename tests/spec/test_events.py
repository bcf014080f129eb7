"""Events (tests/spec/events.yaml, session 11): a thing that hits the person, sport and road
shorthand, ridden vehicles that roll, slang falls, a fall's height against the Canadian C-Spine
threshold, getting up unaided, medicine events, a birth that is over, spasm told by the spine's
verbs, a head that moves on its own, and who acts on a neck. One test per row; controls must stay
as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

ROWS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "events.yaml").read_text(encoding="utf-8"))
CLASSES = ("struck_by_thing", "sport_contact", "road_shorthand", "ridden_rollover", "slang_fall", "fall_threshold")
CLASSES += ("up_unaided", "medicine_event", "birth_event", "spasm_verb", "head_moves_self", "neck_actor")
CLASSES += ("heavy_work", "elder_light_lift", "medicine_taken", "steady_use_in_sentence")


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_event(row: dict[str, Any]) -> None:
    r = parse(row["text"])
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):  # read neither present nor absent
        assert fid not in got, (fid, got)


def test_every_class_has_six_wordings_and_controls() -> None:
    for cls in CLASSES:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls
    assert {r["class"] for r in ROWS} == set(CLASSES)
