"""The development set as named cases: each case in ``data/cases/dev.jsonl`` is its own test.

A case passes when its expected cause (or an accepted alternative) is among the first three
and its triage is one of the accepted levels. Cases nape gets wrong today are listed with a
reason in ``dev_known_failures.yaml`` and run as strict xfails: fixing one fails the run until
its row is removed, and a case not listed cannot regress behind an aggregate figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.assessment import assess
from nape.evaluation.runner import Case, load_cases

ROOT = Path(__file__).resolve().parents[2]
CASES = load_cases(ROOT / "data/cases/dev.jsonl")
KNOWN: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "dev_known_failures.yaml").read_text())[
    "known_failures"
]
REASON = {row["id"]: row["reason"] for row in KNOWN}


def _param(case: Case) -> Any:
    if case.id in REASON:
        return pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=REASON[case.id]))
    return pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_dev_case(case: Case) -> None:
    a = assess(f"{case.text}\n{case.details}".strip(), age=case.age, sex=case.sex)
    top3 = [d.condition for d in a.differential[:3]]
    accepted_causes = {case.expected.condition, *case.expected.acceptable}
    accepted_levels = case.expected.triage_ok or [case.expected.triage]
    assert accepted_causes & set(top3), f"expected {case.expected.condition} in the first three, got {top3}"
    assert a.triage.level in accepted_levels, f"triage {a.triage.level}, accepted {accepted_levels}"


def test_every_known_failure_is_a_dev_case_with_a_reason() -> None:
    ids = {c.id for c in CASES}
    assert [row["id"] for row in KNOWN if row["id"] not in ids] == []
    assert all(isinstance(row["reason"], str) and len(row["reason"]) > 10 for row in KNOWN)
    assert len(REASON) == len(KNOWN), "a case is listed twice"
