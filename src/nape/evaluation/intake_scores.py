"""Precision and recall of the intake on a golden corpus (``tests/spec/intake/golden.jsonl``).

Each line: ``{"id", "text", "expect": {finding: "present" | "absent"}, "age", "sex"}``. A finding
read but not expected (or read with the other status) counts against precision; an expected one
not read counts against recall.
"""

from __future__ import annotations

import json
from pathlib import Path

from nape.intake import parse


def score(golden: Path, show: bool = False) -> dict[str, float]:
    """Precision and recall of the findings, and accuracy of age and sex, over a golden file."""
    tp = fp = fn = 0
    age_ok = sex_ok = n = 0
    for line in golden.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        r = parse(case["text"])
        got = {m.finding: ("present" if m.present else "absent") for m in r.mentions}
        exp = case["expect"]
        t = sum(1 for k, v in exp.items() if got.get(k) == v)
        tp += t
        fn += len(exp) - t
        extra = {k: v for k, v in got.items() if exp.get(k) != v}
        fp += len(extra)
        n += 1
        age_ok += r.age == case.get("age")
        sex_ok += r.sex == case.get("sex")
        if show and (t < len(exp) or extra or r.age != case.get("age") or r.sex != case.get("sex")):
            missing = {k: v for k, v in exp.items() if got.get(k) != v}
            print(f"{case['id']}: {case['text'][:120]!r}")
            if missing:
                print(f"   missing {missing}")
            if extra:
                print(f"   extra   {extra}")
            if r.age != case.get("age") or r.sex != case.get("sex"):
                print(f"   person  got {r.age},{r.sex} want {case.get('age')},{case.get('sex')}")
    out = {
        "entries": n,
        "precision": round(tp / max(1, tp + fp), 4),
        "recall": round(tp / max(1, tp + fn), 4),
        "age_accuracy": round(age_ok / n, 4),
        "sex_accuracy": round(sex_ok / n, 4),
    }
    return out
