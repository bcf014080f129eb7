"""Precision and recall of nape's reading on a texts file (``data/blind/<set>/texts.jsonl``).

Usage: ``uv run python scripts/reading_scores.py TEXTS.jsonl [--errors]``

A finding read counts as right when its id and its status (present or absent) match what the
author marked; a finding the author marked and nape missed, or read with the other status,
counts against recall. "critical" findings are those a red flag or a condition's escalation
uses; "other" are the rest. Example: "Bladder fine" read as bladder trouble is one false
positive and one miss of ``bladder_dysfunction`` absent, both critical.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from nape.intake import parse
from nape.knowledge.loader import default_kb


def critical_findings() -> set[str]:
    kb = default_kb()
    out: set[str] = set()
    for flag in kb.red_flags.values():
        for rule in flag.when:
            out.update(rule.finding_ids())
    for cond in kb.conditions.values():
        for esc in cond.triage.escalations:
            out.update(esc.when.finding_ids())
    return out


def score(path: Path, show: bool = False) -> dict[str, object]:
    kb = default_kb()
    critical = critical_findings()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        expected = {k: v == "present" for k, v in row["findings"].items() if k in kb.findings}
        got = {m.finding: m.present for m in parse(row["text"]).mentions}
        for fid, present in got.items():
            cat = "critical" if fid in critical else "other"
            if expected.get(fid) is present:
                tp[cat] += 1
            else:
                fp[cat] += 1
                if show:
                    print(f"{row['id']} extra {fid}={'present' if present else 'absent'} | {row['text']}")
        for fid, present in expected.items():
            if got.get(fid) is not present:
                fn["critical" if fid in critical else "other"] += 1
                if show:
                    print(f"{row['id']} missed {fid}={'present' if present else 'absent'} | {row['text']}")
    out: dict[str, object] = {"texts": len(rows)}
    for cat in ("critical", "other"):
        out[cat] = {
            "precision": round(tp[cat] / max(1, tp[cat] + fp[cat]), 3),
            "recall": round(tp[cat] / max(1, tp[cat] + fn[cat]), 3),
        }
    return out


if __name__ == "__main__":
    print(json.dumps(score(Path(sys.argv[1]), show="--errors" in sys.argv)))
