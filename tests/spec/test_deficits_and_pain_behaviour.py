"""Deficits by function or distribution, a child's activity and pain behaviour
(tests/spec/deficits_and_pain_behaviour.yaml). One test per row; controls must stay as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse
from nape.intake.schema import concept_file
from nape.knowledge.loader import default_kb

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "deficits_and_pain_behaviour.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in ROWS])
def test_deficit_and_pain_behaviour(row: dict[str, Any]) -> None:
    got = {m.finding: m.present for m in parse(row["text"]).mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)


def test_every_class_has_six_wordings_and_controls() -> None:
    classes = ("function_weakness", "face_speech", "ataxia", "novelty", "progression", "distribution")
    classes += ("child_activity", "pain_behaviour")
    for cls in classes:
        rows = [r for r in ROWS if r["class"] == cls]
        assert len([r for r in rows if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in rows), cls


def test_group_sources_are_known() -> None:
    """A group that names its source (NICE NG143 for a child's activity) names one the knowledge
    base holds."""
    sources = default_kb().sources
    named = {name: g.source for name, g in concept_file().groups.items() if g.source}
    assert named, "no group names a source"
    for name, src in named.items():
        assert src in sources, (name, src)
