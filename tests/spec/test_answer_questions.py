"""The answer-question table (answer_questions.yaml): each answer holds the expected facts and cites a right source."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.answers import ask
from nape.knowledge.loader import default_kb

TABLE = yaml.safe_load((Path(__file__).parent / "answer_questions.yaml").read_text(encoding="utf-8"))["questions"]


def test_the_table_is_large_enough_and_holds_the_seed_questions() -> None:
    asked = {row["q"] for row in TABLE}
    assert len(TABLE) >= 25
    assert {"Can a pinched nerve cause muscle spasms?", "Heat or ice?", "Do I need an MRI?"} <= asked


def test_every_expected_source_exists() -> None:
    known = default_kb().sources
    for row in TABLE:
        assert set(row.get("sources", [])) <= set(known), row["q"]


def _holds(text: str, fact: str | list[str]) -> bool:
    options = fact if isinstance(fact, list) else [fact]
    return any(o.lower() in text.lower() for o in options)


@pytest.mark.parametrize("row", TABLE, ids=[r["q"] for r in TABLE])
def test_question(row: dict[str, Any], tmp_path: Path) -> None:
    a = ask(row["q"], data_dir=tmp_path)
    assert a.kind == row.get("kind", "answer"), a.answer
    missing = [f for f in row["facts"] if not _holds(a.answer, f)]
    assert not missing, f"missing {missing} in: {a.answer}"
    if "direct" in row:
        assert a.direct == row["direct"], a.answer
    cited = {c.source_id for c in a.citations}
    if row.get("sources"):
        assert cited & set(row["sources"]), f"cited {sorted(cited)}"
    else:
        assert not cited
    assert set(int(n) for n in re.findall(r"\[(\d+)\]", a.answer)) == {c.n for c in a.citations}
