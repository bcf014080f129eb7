"""The golden intake table (``intake/golden.jsonl``): what a sentence must be read as.

One test per row: no expected finding may come out with the opposite status, and age and sex
must match; over the whole table precision and recall stay above ``intake/floors.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nape.evaluation.intake_scores import score
from nape.intake import parse

HERE = Path(__file__).parent / "intake"
GOLDEN = [json.loads(line) for line in (HERE / "golden.jsonl").read_text().splitlines() if line.strip()]
FLOORS = json.loads((HERE / "floors.json").read_text())


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden_entry_never_contradicts_and_reads_the_person(case: dict) -> None:  # type: ignore[type-arg]
    """No expected finding may come out with the opposite status; age and sex must match."""
    result = parse(case["text"])
    got = {m.finding: "present" if m.present else "absent" for m in result.mentions}
    flipped = {k: (v, got[k]) for k, v in case["expect"].items() if k in got and got[k] != v}
    assert flipped == {}
    assert result.age == case["age"]
    assert result.sex == case["sex"]


def test_golden_precision_and_recall_stay_above_their_floors() -> None:
    s = score(HERE / "golden.jsonl")
    assert s["precision"] >= FLOORS["precision"], s
    assert s["recall"] >= FLOORS["recall"], s
