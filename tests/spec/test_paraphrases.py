"""The paraphrase suite (tests/spec/paraphrases.yaml): one test per phrasing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "paraphrases.yaml").read_text(encoding="utf-8"))


def _param(c: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason="known miss")] if c.get("known_miss") else []
    return pytest.param(c, id=c["text"][:60], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_paraphrase_is_read(case: dict[str, Any]) -> None:
    got = {m.finding: m.present for m in parse(case["text"]).mentions}
    for fid, present in case.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in case.get("not", []):
        assert got.get(fid) is not True, (fid, got)
