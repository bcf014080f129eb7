"""Check draft knowledge-base files one at a time, before the whole base cross-checks.

Usage: uv run python scripts/check_draft.py src/nape/knowledge/resources/conditions/meningitis.yaml

Checks the schema, that finding ids are in docs/design/finding_ids.tsv or a findings file,
that source ids exist, that ICD-10-CM codes are billable, and that no 9-word run repeats a seed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import simple_icd_10_cm as cm
import yaml

from nape.knowledge.schema import Condition, FindingFile, RedFlagFile, SourceFile

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "src/nape/knowledge/resources"
SEEDS = ROOT.parent / "shared/seeds"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def seed_grams(n: int = 9) -> set[str]:
    grams: set[str] = set()
    for f in SEEDS.glob("*.txt"):
        w = _words(f.read_text(errors="ignore"))
        grams |= {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}
    return grams


def known_findings() -> set[str]:
    ids = set()
    for line in (ROOT / "docs/design/finding_ids.tsv").read_text().splitlines()[1:]:
        ids.add(line.split("\t")[0])
    for f in (RES / "findings").glob("*.yaml"):
        data = yaml.safe_load(f.read_text()) or {}
        ids |= {x["id"] for x in data.get("findings", []) if isinstance(x, dict) and "id" in x}
    return ids


def known_sources() -> set[str]:
    ids = set()
    for f in (RES / "sources").glob("*.yaml"):
        ids |= {s.id for s in SourceFile.model_validate(yaml.safe_load(f.read_text())).sources}
    return ids


def check(path: Path, grams: set[str], findings: set[str], sources: set[str]) -> list[str]:
    problems: list[str] = []
    text = path.read_text()
    data = yaml.safe_load(text)
    w = _words(text)
    for i in range(len(w) - 8):
        g = " ".join(w[i : i + 9])
        if g in grams:
            problems.append(f"repeats seed wording: {g!r}")
            break
    try:
        if path.parent.name == "conditions":
            cond = Condition.model_validate(data)
            used = {lk.finding for lk in cond.findings}
            for esc in cond.triage.escalations:
                used |= set(esc.when.finding_ids())
            problems += [f"unknown finding {f!r}" for f in sorted(used - findings)]
            srcs = set(cond.sources) | set(cond.see_whom.sources)
            for st in [
                *cond.workup.examination,
                *cond.workup.tests,
                *cond.workup.imaging,
                *cond.pitfalls,
                *cond.care_plan,
            ]:
                srcs |= set(st.sources)
            problems += [f"unknown source {s!r}" for s in sorted(srcs - sources)]
            for code in cond.icd10cm:
                if not (cm.is_valid_item(code) and cm.is_leaf(code)):
                    problems.append(f"ICD-10-CM {code} is not a billable code")
            if cond.id != path.stem:
                problems.append("id does not match file name")
        elif path.parent.name == "findings":
            FindingFile.model_validate(data)
        elif path.parent.name == "sources":
            SourceFile.model_validate(data)
        elif path.name == "red_flags.yaml":
            RedFlagFile.model_validate(data)
    except Exception as exc:  # report every kind of schema problem
        problems.append(str(exc))
    return problems


def main(argv: list[str]) -> int:
    grams, findings, sources = seed_grams(), known_findings(), known_sources()
    bad = 0
    for name in argv:
        probs = check(Path(name), grams, findings, sources)
        print(f"{name}: {'OK' if not probs else ''}")
        for p in probs:
            print(f"  - {p}")
        bad += bool(probs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
