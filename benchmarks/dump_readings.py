"""Dump what the intake reads from every text of the project's corpora, to check that a speed
change leaves the reading exactly as it was.

The texts: the golden intake table, the paraphrase suite, the reading mechanisms table, the dev
cases (``text``, ``details`` and both as ``nape eval`` joins them), the triage spec stories, the
issue 13 examples, the intake benchmark's ~150-word messages and pathological inputs, and
deterministic mixes of sentences drawn from all of them (so words meet neighbours they never
meet in the tables). For each, ``parse(text).to_dict()`` plus ``age_months``, or the error.

Usage::

    uv run python benchmarks/dump_readings.py /tmp/before.json   # before a change
    uv run python benchmarks/dump_readings.py /tmp/after.json    # after it
    cmp /tmp/before.json /tmp/after.json                         # must be identical
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[str]:
    texts: list[str] = []
    golden = ROOT / "tests/spec/intake/golden.jsonl"
    texts += [json.loads(line)["text"] for line in golden.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name in ("paraphrases.yaml", "reading_mechanisms.yaml"):
        rows = yaml.safe_load((ROOT / "tests/spec" / name).read_text(encoding="utf-8"))
        texts += [r["text"] for r in rows]
    for line in (ROOT / "data/cases/dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            texts += [c["text"], c.get("details", ""), f"{c['text']}\n{c.get('details', '')}".strip()]
    spec = yaml.safe_load((ROOT / "tests/spec/triage_spec.yaml").read_text(encoding="utf-8"))
    texts += [r["story"] for r in spec["rows"]]
    sys.path.insert(0, str(ROOT))
    from tests.unit.intake.test_issue13_examples import EXAMPLES

    texts += [e[1] for e in EXAMPLES]
    texts = [t for t in texts if t and t.strip()]
    # mixes: sentences of every corpus text, shuffled into new texts of 2-8 sentences
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n", t) if s.strip()]
    rng = random.Random(2026)
    mixes = [" ".join(rng.sample(sentences, rng.randint(2, 8))) for _ in range(600)]
    from benchmarks.intake import _messages

    patho = [
        "\U0001f642" * 2000,
        "-".join(str(i % 10) for i in range(2000)),
        "right" + " " * 3000,
        "$" * 3000,
        "no neck pain " * 300,
        "\ufdfa" * 100,
        "neck pain " * 400,
    ]
    return [*texts, *mixes, *_messages(), *patho]


def dump() -> list[dict[str, Any]]:
    from nape.errors import NapeError
    from nape.intake import parse

    out: list[dict[str, Any]] = []
    for text in corpus():
        try:
            r = parse(text)
        except NapeError as exc:
            out.append({"text": text[:200], "error": str(exc)})
            continue
        out.append({"text": text[:200], "age_months": r.age_months, **r.to_dict()})
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/readings.json")
    rows = dump()
    target.write_text(json.dumps(rows, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(rows)} texts -> {target}")
