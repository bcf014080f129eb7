"""Precision and recall of the intake on the golden corpus (tests/spec/intake/golden.jsonl).

Usage: uv run python scripts/intake_scores.py [--show-errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from nape.evaluation.intake_scores import score

GOLDEN = Path(__file__).resolve().parents[1] / "tests/spec/intake/golden.jsonl"

if __name__ == "__main__":
    print(json.dumps(score(GOLDEN, "--show-errors" in sys.argv), indent=2))
