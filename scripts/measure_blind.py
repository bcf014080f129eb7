"""Aggregate figures of blind sets, and per-item rows of seen ones, for before/after comparisons.

Usage:
    uv run python scripts/measure_blind.py data/blind/2026-12-01-p [more set folders...]
    uv run python scripts/measure_blind.py --rows OUT.json data/blind/2026-11-29-a ...

Without ``--rows`` it prints, per set, the reading's precision and recall (critical findings
apart from the rest) and the cases' figures in text mode and in interview mode with both
simulator policies (``no`` and ``dont_know``). Only aggregates are printed, so a blind set stays
blind. With ``--rows`` it also writes, for later diffing, every false reading and every case's
top three and triage per mode; it refuses a set that ``data/blind/README.md`` still marks
**blind**, because reading its rows would unblind it. Example: measure set p before and after a
change by running this twice and comparing the two lines for ``2026-12-01-p``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nape.evaluation.runner import load_cases, run
from nape.intake import parse
from nape.knowledge.loader import default_kb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reading_scores import critical_findings, score  # type: ignore[import-not-found]

README = Path(__file__).resolve().parents[1] / "data/blind/README.md"


def still_blind(folder: Path) -> bool:
    """True when the README's row for this set still says **blind**."""
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| `{folder.name}`"):
            return "**blind**" in line
    return True


def case_figures(cases_path: Path) -> dict[str, Any]:
    cases = load_cases(cases_path)
    out: dict[str, Any] = {}
    for tag, mode, unm in (("text", "text", "no"), ("iv-no", "interview", "no"), ("iv-dk", "interview", "dont_know")):
        rep = run(cases, mode=mode, unmentioned=unm)  # type: ignore[arg-type]
        keys = ("top1", "top3", "triage_exact", "under_triage", "over_triage", "emergency_sensitivity")
        out[tag] = {k: rep[k] for k in keys}
        if mode == "interview":
            out[tag]["questions_mean"] = rep["questions_mean"]
        out[tag]["rows"] = {r["id"]: [r["top3"], r["triage"], r["questions"]] for r in rep["cases"]}
    return out


def false_readings(texts_path: Path) -> list[str]:
    kb = default_kb()
    crit = critical_findings()
    out: list[str] = []
    for line in texts_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        exp = {k: v == "present" for k, v in row["findings"].items() if k in kb.findings}
        got = {m.finding: m.present for m in parse(row["text"]).mentions}
        for fid, present in got.items():
            if exp.get(fid) is not present:
                tag = "C" if fid in crit else "o"
                out.append(f"{row['id']}\textra {tag} {fid}={'present' if present else 'absent'}")
        for fid, present in exp.items():
            if got.get(fid) is not present:
                tag = "C" if fid in crit else "o"
                out.append(f"{row['id']}\tmissed {tag} {fid}={'present' if present else 'absent'}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    dump: dict[str, Any] = {}
    for folder in args.sets:
        if args.rows and still_blind(folder):
            sys.exit(f"{folder.name} is still blind: measure it without --rows")
        reading = score(folder / "texts.jsonl")
        cases = case_figures(folder / "cases.jsonl")
        summary = {tag: {k: v for k, v in fig.items() if k != "rows"} for tag, fig in cases.items()}
        print(json.dumps({"set": folder.name, "reading": reading, "cases": summary}))
        if args.rows:
            rows = {tag: fig["rows"] for tag, fig in cases.items()}
            dump[folder.name] = {"false": false_readings(folder / "texts.jsonl"), "cases": rows}
    if args.rows:
        args.rows.write_text(json.dumps(dump, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
