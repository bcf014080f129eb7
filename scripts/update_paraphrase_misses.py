"""Rewrite tests/spec/paraphrase_known_misses.yaml from what the reading does today.

Run after a deliberate change to the reading, then read the diff: a row that leaves the list
was fixed; a row that joins it is a regression to explain or fix before committing.
Usage: ``uv run python scripts/update_paraphrase_misses.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.spec.test_paraphrase_suite import ROWS, passes  # noqa: E402

OUT = ROOT / "tests/spec/paraphrase_known_misses.yaml"
HEADER = """\
# Paraphrase-suite rows the reading gets wrong today, kept as data: each is an
# xfail(strict=True) in test_paraphrase_suite.py. Rewritten by
# scripts/update_paraphrase_misses.py; read its diff before committing.
"""


def main() -> None:
    misses = [r for r in ROWS if not passes(r)]
    lines = [HEADER, f"# {len(misses)} of {len(ROWS)} rows\n", "known_misses:\n"]
    lines += [f"  - {r['id']}  # {r['variant']} {r['target']}: {json.dumps(r['text'])}\n" for r in misses]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(misses)} of {len(ROWS)} rows missed")


if __name__ == "__main__":
    main()
