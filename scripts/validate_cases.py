"""Validate an evaluation-case file (JSON Lines, spec section 3).

Usage: python scripts/validate_cases.py data/cases/dev.jsonl [--min 3] [--min-red 4]

Checks: every line parses; ids unique; required fields present; condition and
acceptable ids exist in the spec's conditions.tsv or in nape's knowledge base (which may
hold more conditions than the spec); triage levels valid and triage in triage_ok;
age int / sex female|male; coverage minimums per condition; no 9-word run copied
from the seed texts. Prints counts per condition and per triage level.
Exits 1 on any error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LEVELS = ["emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"]
SEX_WORDS = re.compile(
    r"\b\d+\s?(yo\s?)?[MF]\b|\((F|M)\)|\b(man|woman|guy|girl|boy|son|daughter|mum|mom|mother|dad|father|"
    r"husband|wife|brother|sister|grandad|grandma|grandmother|grandfather)s?\b",
    re.I,
)


def load_conditions() -> dict[str, str]:
    rows = (SHARED / "spec/conditions.tsv").read_text().splitlines()[1:]
    return {r.split("\t")[0]: r.split("\t")[2] for r in rows if r.strip()}


def knowledge_conditions() -> set[str]:
    """Condition ids of nape's knowledge base, a superset of the spec's list."""
    sys.path.insert(0, str(ROOT / "src"))
    from nape.knowledge.loader import load

    return set(load().conditions)


def seed_grams(n: int = 9) -> set[str]:
    grams: set[str] = set()
    for f in (SHARED / "seeds").glob("*.txt"):
        w = re.findall(r"[a-z0-9']+", f.read_text(errors="ignore").lower())
        grams |= {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}
    return grams


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--min-red", type=int, default=4)
    a = ap.parse_args()

    conds = load_conditions()
    known = set(conds) | knowledge_conditions()
    red = {c for c, g in conds.items() if g == "red_flag"}
    grams = seed_grams()
    errors: list[str] = []
    warnings: list[str] = []
    ids: set[str] = set()
    by_cond: Counter[str] = Counter()
    by_triage: Counter[str] = Counter()
    no_age = no_sex = n = 0

    for ln, line in enumerate(a.path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: bad JSON ({e})")
            continue
        cid = d.get("id")
        where = f"line {ln} ({cid})"
        if not cid or not isinstance(cid, str):
            errors.append(f"{where}: missing id")
        elif cid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(cid)
        for k in ("text", "details"):
            if not isinstance(d.get(k), str) or not d[k].strip():
                errors.append(f"{where}: missing/empty {k}")
        text = d.get("text", "")
        if "age" in d:
            if not isinstance(d["age"], int) or isinstance(d["age"], bool) or not 0 <= d["age"] <= 120:
                errors.append(f"{where}: bad age {d['age']!r}")
        else:
            no_age += 1
            if not re.search(r"\d", text):
                warnings.append(f"{where}: no age field and no number in text")
        if "sex" in d:
            if d["sex"] not in ("female", "male"):
                errors.append(f"{where}: bad sex {d['sex']!r}")
        else:
            no_sex += 1
            if not SEX_WORDS.search(text):
                warnings.append(f"{where}: no sex field and no sex word in text")
        exp = d.get("expected") or {}
        cond = exp.get("condition")
        if cond not in known:
            errors.append(f"{where}: unknown condition {cond!r}")
        else:
            by_cond[cond] += 1
        for x in exp.get("acceptable", []) or []:
            if x not in known:
                errors.append(f"{where}: unknown acceptable id {x!r}")
            if x == cond:
                errors.append(f"{where}: acceptable repeats condition")
        tri = exp.get("triage")
        ok = exp.get("triage_ok", [tri])
        if tri not in LEVELS:
            errors.append(f"{where}: bad triage {tri!r}")
        else:
            by_triage[tri] += 1
        for x in ok:
            if x not in LEVELS:
                errors.append(f"{where}: bad triage_ok level {x!r}")
        if tri not in ok:
            errors.append(f"{where}: triage not in triage_ok")
        if cond in red and tri in ("consultation", "self_care"):
            warnings.append(f"{where}: red-flag condition triaged {tri}")
        w = re.findall(r"[a-z0-9']+", (text + " " + d.get("details", "")).lower())
        for i in range(len(w) - 8):
            if " ".join(w[i : i + 9]) in grams:
                errors.append(f"{where}: 9-word run copied from a seed: {' '.join(w[i : i + 9])!r}")
                break

    for c in conds:
        need = a.min_red if (c in red or c == "cervical_myelopathy") else a.min
        if by_cond[c] < need:
            errors.append(f"coverage: {c} has {by_cond[c]} cases, needs {need}")

    print(f"file: {a.path}\ncases: {n}")
    print(
        f"age omitted: {no_age} ({100 * no_age / max(n, 1):.0f}%), "
        f"sex omitted: {no_sex} ({100 * no_sex / max(n, 1):.0f}%)"
    )
    print("\ncases per condition:")
    for c in conds:
        print(f"  {by_cond[c]:3d}  {c}{'  [red_flag]' if c in red else ''}")
    print("\ncases per triage level:")
    for t in LEVELS:
        print(f"  {by_triage[t]:3d}  {t}")
    for w_ in warnings:
        print("WARNING:", w_)
    for e in errors:
        print("ERROR:", e)
    print("\nOK" if not errors else f"\n{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
