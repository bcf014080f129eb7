"""Run the dev, blind and outside case sets in both modes and write the figures table into README.md."""

from __future__ import annotations

import re
from pathlib import Path

from nape.evaluation.runner import load_cases, run

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": ROOT / "data/cases/dev.jsonl",
    "blind-a (seen)": ROOT / "data/blind/2026-11-29-a/cases.jsonl",
    "blind-b (seen)": ROOT / "data/blind/2026-11-29-b/cases.jsonl",
    "blind-c (seen)": ROOT / "data/blind/2026-11-29-c/cases.jsonl",
    "blind-d (seen)": ROOT / "data/blind/2026-11-30-d/cases.jsonl",
    "blind-e (seen)": ROOT / "data/blind/2026-11-30-e/cases.jsonl",
    "blind-f (seen)": ROOT / "data/blind/2026-11-30-f/cases.jsonl",
    "blind-g (seen)": ROOT / "data/blind/2026-11-30-g/cases.jsonl",
    "blind-h (seen)": ROOT / "data/blind/2026-11-30-h/cases.jsonl",
    "blind-i (seen)": ROOT / "data/blind/2026-11-30-i/cases.jsonl",
    "blind-j (seen)": ROOT / "data/blind/2026-11-30-j/cases.jsonl",
    "blind-k (seen)": ROOT / "data/blind/2026-11-30-k/cases.jsonl",
    "blind-l (seen)": ROOT / "data/blind/2026-11-30-l/cases.jsonl",
    "blind-m (seen)": ROOT / "data/blind/2026-11-30-m/cases.jsonl",
    "blind-n (seen)": ROOT / "data/blind/2026-11-30-n/cases.jsonl",
    "blind-o (seen)": ROOT / "data/blind/2026-12-01-o/cases.jsonl",
    "blind-p (seen)": ROOT / "data/blind/2026-12-01-p/cases.jsonl",
    "blind-q (seen)": ROOT / "data/blind/2026-12-01-q/cases.jsonl",
    "blind-r (seen)": ROOT / "data/blind/2026-12-01-r/cases.jsonl",
    "blind-s (seen)": ROOT / "data/blind/2026-12-01-s/cases.jsonl",
    "blind-t (seen)": ROOT / "data/blind/2026-12-01-t/cases.jsonl",
    "blind-u (seen)": ROOT / "data/blind/2026-12-02-u/cases.jsonl",
    "blind-v (seen)": ROOT / "data/blind/2026-12-02-v/cases.jsonl",
    "blind-w (seen)": ROOT / "data/blind/2026-12-02-w/cases.jsonl",
    "blind-x (seen)": ROOT / "data/blind/2026-12-02-x/cases.jsonl",
    "blind-y (seen)": ROOT / "data/blind/2026-12-02-y/cases.jsonl",
    "blind-z": ROOT / "data/blind/2026-12-02-z/cases.jsonl",
    "outside": ROOT.parent / "shared/external/avey_spine_cases.jsonl",
}
KEYS = ("n", "top1", "top3", "triage_exact", "under_triage", "over_triage", "emergency_sensitivity")


def table() -> str:
    lines = ["| set | mode | " + " | ".join(KEYS) + " | questions |", "| --- " * (len(KEYS) + 3) + "|"]
    for name, path in SETS.items():
        if not path.exists():
            continue
        cases = load_cases(path)
        # interview mode with both simulator policies for unmentioned findings (README: The interview)
        for mode, policy in (("text", "no"), ("interview", "no"), ("interview", "dont_know")):
            r = run(cases, mode=mode, unmentioned=policy)  # type: ignore[arg-type]
            vals = " | ".join(str(r[k]) for k in KEYS)
            label = mode if mode == "text" else f"interview, unmentioned={policy}"
            lines.append(f"| {name} | {label} | {vals} | {r.get('questions_mean', '-')} |")
    return "\n".join(lines)


if __name__ == "__main__":
    readme = ROOT / "README.md"
    text = readme.read_text()
    figures = table()
    new = re.sub(
        r"(<!-- figures -->\n)(.*?)(<!-- /figures -->)",
        lambda m: m.group(1) + figures + "\n" + m.group(3),
        text,
        flags=re.S,
    )
    readme.write_text(new)
    print(figures)
