"""Rewrite tests/spec/dev_known_failures.yaml from what nape does today.

Run after a deliberate change to the reading, reasoning or triage, then read the diff: a case
that leaves the list was fixed; a case that joins it is a regression to explain (or fix) before
committing. Usage: ``uv run python scripts/update_dev_failures.py``.
"""

from __future__ import annotations

from pathlib import Path

from nape.assessment import assess
from nape.evaluation.runner import load_cases
from nape.knowledge.schema import TRIAGE_ORDER

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests/spec/dev_known_failures.yaml"
HEADER = """\
# Development cases nape gets wrong today, kept as data: each is an xfail(strict=True) in
# test_dev_cases.py, so a fix shows up as an unexpected pass (then delete its row) and a
# case not listed here cannot regress silently. Each row: the case id and what goes wrong.
# Rewritten by scripts/update_dev_failures.py; read its diff before committing.
known_failures:
"""


def reason(case_id: str) -> str | None:
    case = next(c for c in load_cases(ROOT / "data/cases/dev.jsonl") if c.id == case_id)
    a = assess(f"{case.text}\n{case.details}".strip(), age=case.age, sex=case.sex)
    top3 = [d.condition for d in a.differential[:3]]
    accepted = {case.expected.condition, *case.expected.acceptable}
    levels = case.expected.triage_ok or [case.expected.triage]
    problems = []
    if not accepted & set(top3):
        problems.append(f"{case.expected.condition} is not in the first three ({', '.join(top3)})")
    if a.triage.level not in levels:
        rank = TRIAGE_ORDER.index
        worse = all(rank(a.triage.level) < rank(lv) for lv in levels)
        kind = "over" if worse else "under"
        flags = ", ".join(f.id for f in a.red_flags)
        why = f" (red flag {flags})" if flags else ""
        problems.append(f"{kind}-triaged to {a.triage.level}{why}; accepted: {', '.join(levels)}")
    return "; ".join(problems) or None


def main() -> None:
    rows = []
    for case in load_cases(ROOT / "data/cases/dev.jsonl"):
        why = reason(case.id)
        if why:
            rows.append(f"  - id: {case.id}\n    reason: {why!r}\n".replace("'", '"'))
    OUT.write_text(HEADER + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} known failures written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
