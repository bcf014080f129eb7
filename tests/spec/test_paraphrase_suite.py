"""The paraphrase suite (issue 13): ``paraphrase_suite.jsonl``, 1,452 rows written on
2026-11-29 by three authors who saw only the finding ids with their meanings (the last 60 rows
for findings that red flags began to use later that day). Every finding that
feeds a red flag or an escalation has six phrasings in varied voices (lay, clinical shorthand,
typos, non-native English, a parent, a physiotherapist) plus a negated row and a historical,
hypothetical or someone-else row; every other finding has three phrasings and a negated row.

One test per row: the row's target finding must be read present (``positive``), absent
(``negated``), or not present (``historical``, ``hypothetical``, ``other_person``). Rows the
reading gets wrong today are listed in ``paraphrase_known_misses.yaml`` and run as strict
xfails, so a fix shows up as an unexpected pass and a row not listed cannot regress. Rewrite
the list with ``uv run python scripts/update_paraphrase_misses.py`` and read its diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse
from nape.knowledge.loader import default_kb

HERE = Path(__file__).parent
ROWS: list[dict[str, Any]] = [
    json.loads(line) for line in (HERE / "paraphrase_suite.jsonl").read_text(encoding="utf-8").splitlines() if line
]
KNOWN: set[str] = set(yaml.safe_load((HERE / "paraphrase_known_misses.yaml").read_text())["known_misses"])


def passes(row: dict[str, Any]) -> bool:
    """Whether the row's target is read as its variant says (shared with the update script)."""
    got = {m.finding: m.present for m in parse(row["text"]).mentions}
    target, variant = row["target"], row["variant"]
    if variant == "positive":
        return got.get(target) is True
    if variant == "negated":
        return got.get(target) is False
    return got.get(target) is not True


def _param(row: dict[str, Any]) -> Any:
    rid = f"{row['id']}:{row['variant']}:{row['target']}"
    if row["id"] in KNOWN:
        return pytest.param(row, id=rid, marks=pytest.mark.xfail(strict=True, reason="known reading miss"))
    return pytest.param(row, id=rid)


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_paraphrase(row: dict[str, Any]) -> None:
    assert passes(row), (row["target"], row["variant"], row["text"])


def test_suite_covers_every_red_flag_finding_six_ways() -> None:
    """Six positive phrasings for each finding a red flag or escalation uses; three for the rest."""
    kb = default_kb()
    critical: set[str] = set()
    for flag in kb.red_flags.values():
        for rule in flag.when:
            critical.update(rule.finding_ids())
    for cond in kb.conditions.values():
        for esc in cond.triage.escalations:
            critical.update(esc.when.finding_ids())
    positives: dict[str, int] = {}
    for row in ROWS:
        assert row["target"] in kb.findings, row["id"]
        if row["variant"] == "positive":
            positives[row["target"]] = positives.get(row["target"], 0) + 1
    short = {f for f in critical if positives.get(f, 0) < 6}
    # findings added to the knowledge base after the suite was written are listed, not hidden
    assert short <= NEWER_THAN_SUITE, sorted(short - NEWER_THAN_SUITE)
    assert all(positives.get(f, 0) >= 3 for f in kb.findings if f not in critical and f not in NEWER_THAN_SUITE)


# Findings the knowledge base gained after 2026-11-29's suite was written: they need rows.
NEWER_THAN_SUITE: set[str] = {"arm_blood_pressure_difference"}
