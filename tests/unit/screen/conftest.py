from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nape.screen.synthetic import synthetic_notes

CASES = Path(__file__).resolve().parents[3] / "data" / "cases" / "dev.jsonl"


@pytest.fixture(scope="session")
def notes() -> list[dict[str, Any]]:
    return synthetic_notes(CASES, 30, seed=7)
