"""How the reading does on a paraphrase suite (``data/blind/<set>/paraphrases.jsonl``).

Usage: ``uv run python scripts/paraphrase_scores.py PARAPHRASES.jsonl [--errors]``

Each row is about one `target` finding, in one `variant`: `positive` (read it present),
`negated` (read it absent), or `historical` / `hypothetical` / `other_person` (it must not be
read present). A row passes when its target is read that way. Precision and recall over every
finding the authors marked are in ``scripts/reading_scores.py``. Example: "no tingles down
either arm" is a negated row of ``arm_numbness_tingling``: it passes when that finding is read
absent, and fails when it is missed or read present.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from nape.intake import parse


def row_passes(row: dict[str, object], got: dict[str, bool]) -> bool:
    """Whether the target of one paraphrase row was read as its variant says."""
    target = str(row["target"])
    variant = row["variant"]
    if variant == "positive":
        return got.get(target) is True
    if variant == "negated":
        return got.get(target) is False
    return got.get(target) is not True


def score(path: Path, show: bool = False) -> dict[str, object]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in rows:
        got = {m.finding: m.present for m in parse(row["text"]).mentions}
        passed = row_passes(row, got)
        for key in (str(row["variant"]), "all"):
            total[key] += 1
            ok[key] += passed
        if show and not passed:
            print(f"{row['id']} {row['variant']} {row['target']} got={got.get(row['target'])} | {row['text']}")
    return {k: {"rows": total[k], "pass": round(ok[k] / total[k], 3)} for k in sorted(total)}


if __name__ == "__main__":
    print(json.dumps(score(Path(sys.argv[1]), show="--errors" in sys.argv[2:])))
