"""Evaluate diagnosis and triage on case files (``shared/spec/README.md`` §3).

Text mode reads ``text`` and ``details`` together. Interview mode starts from ``text`` alone
and a simulated person answers the system's own questions from ``text`` + ``details`` read by
the intake: found present -> yes, found absent -> no; a multiple-choice question gets the choice
that agrees with what was found. For a finding the case does not mention, the policy is data
(``interview.yaml`` ``simulator``): with ``unmentioned="no"`` (the default) the person answers
as someone who knows their own body, "no" to a symptom, event, history, medicine or risk they
would have noticed (and to signs they would see), "don't know" to examination signs and test
results; with ``unmentioned="dont_know"`` every unmentioned finding gets "don't know". A
warning-sign checklist gets a tick for every item found present; with nothing to tick it gets
"None of these" (policy ``no``), or under ``dont_know`` "None of these" only when every item
was found absent and "don't know" otherwise.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from nape import interview as iv
from nape.assessment import assess
from nape.errors import CaseFileError
from nape.intake import parse
from nape.knowledge.loader import default_kb
from nape.knowledge.schema import EMERGENCY_LEVELS, TRIAGE_ORDER, TriageLevel
from nape.reasoning.interview_data import interview_plan
from nape.reasoning.model import default_model
from nape.report.schema import QuestionOut


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    condition: str
    acceptable: list[str] = Field(default_factory=list)
    triage: TriageLevel
    triage_ok: list[TriageLevel] = Field(default_factory=list)


class Case(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    text: str
    details: str = ""
    age: int | None = None
    sex: str | None = None
    expected: Expected


def load_cases(path: Path) -> list[Case]:
    """Read JSON Lines; a bad line gives an error with its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{path}: cannot be read: {exc}") from exc
    cases = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            cases.append(Case.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise CaseFileError(f"{path}:{n}: not a valid case: {str(exc).splitlines()[0]}") from exc
        except RecursionError:  # "[[[[…" nested deeper than the JSON reader can follow
            raise CaseFileError(f"{path}:{n}: not a valid case: nested too deeply") from None
    if not cases:
        raise CaseFileError(f"{path}: no cases found")
    return cases


def _rank(level: str) -> int:
    return TRIAGE_ORDER.index(level)  # type: ignore[arg-type,unused-ignore]


def _run_text(case: Case) -> tuple[list[str], str, int]:
    text = f"{case.text}\n{case.details}".strip()
    a = assess(text, age=case.age, sex=case.sex)
    return [d.condition for d in a.differential[:3]], a.triage.level, 0


Unmentioned = Literal["no", "dont_know"]
UNMENTIONED: tuple[Unmentioned, ...] = ("no", "dont_know")


def _typical(condition: str | None) -> set[str]:
    """Findings the case's condition brings at least ``simulator.typical_at_least`` of the time."""
    at_least = interview_plan().simulator.typical_at_least
    if condition is None or at_least is None:
        return set()
    model = default_model()
    row = model.p[model.conditions.index(condition)]
    return {f for f, p in zip(model.findings, row, strict=True) if p >= at_least}


def simulated_answer(
    q: QuestionOut,
    truth: dict[str, bool],
    unmentioned: Unmentioned = "no",
    condition: str | None = None,
    known: tuple[str, ...] = (),
) -> str:
    """What the simulated person answers to ``q`` given the findings in their words (``truth``);
    ``condition`` is the case's own (its typical findings are never denied unmentioned), and
    ``known`` the case's own age and sex as typed, which the person gives when asked which is
    right (else the description's own value)."""
    if q.reason == "confirm":
        own = [c.id for c in q.choices if c.id in known]
        return own[0] if own else q.choices[0].id
    typical = _typical(condition)
    if q.reason == "checklist":
        return _checklist_answer(q, truth, unmentioned, typical)
    if q.choices:
        best, best_score = "dont_know", 0
        for c in interview_plan().group(q.finding).choices:
            agree = sum(truth.get(f) is v for f, v in c.sets.items())
            clash = sum(f in truth and truth[f] is not v for f, v in c.sets.items())
            score = agree - 2 * clash
            if agree and score > best_score:
                best, best_score = c.id, score
        return best
    value = truth.get(q.finding)
    if value is not None:
        return "yes" if value else "no"
    if unmentioned == "dont_know" or q.finding in typical:
        return "dont_know"
    policy = interview_plan().simulator
    f = default_kb().findings[q.finding]
    noticed = q.finding in policy.noticed_signs or (
        f.category in policy.noticed_categories and f.category not in policy.unknown_categories
    )
    return "no" if noticed else "dont_know"


def _checklist_answer(q: QuestionOut, truth: dict[str, bool], unmentioned: Unmentioned, typical: set[str]) -> str:
    """Tick every item the person's words state present. With nothing to tick: "None of these"
    under the default policy (a person knows whether these happen to them) unless an unmentioned
    item is typical of their condition; under ``dont_know`` only when the words deny every item.
    Otherwise "don't know"."""
    chosen = [i.id for i in q.items if truth.get(i.id) is True]
    if chosen:
        return ",".join(chosen)
    unsaid = [i.id for i in q.items if i.id not in truth]
    if (unmentioned == "dont_know" and unsaid) or typical & set(unsaid):
        return "dont_know"
    return iv.NONE_TICKED


def run_interview(
    case: Case, unmentioned: Unmentioned = "no", *, own_condition: bool = True
) -> tuple[list[str], str, int]:
    """Interview the simulated person of ``case``: (top three causes, triage level, questions asked).

    ``own_condition=False`` leaves out what the case's condition typically brings (for stories
    whose expected condition is not the point)."""
    truth = {m.finding: m.present for m in parse(f"{case.text}\n{case.details}").mentions}
    state = iv.start(case.text, age=case.age, sex=case.sex)
    asked = 0
    while True:
        a = iv.current(state)
        q = a.next_question
        if q is None:
            break
        own = case.expected.condition if own_condition else None
        known = tuple(str(v) for v in (case.age, case.sex) if v is not None)
        state = iv.answer(state, q.finding, simulated_answer(q, truth, unmentioned, own, known))
        asked += 1
    return [d.condition for d in a.differential[:3]], a.triage.level, asked


def run(cases: list[Case], mode: str = "text", unmentioned: Unmentioned = "no") -> dict[str, Any]:
    """Run every case and compute the figures of the spec."""
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for case in cases:
        top3, level, asked = run_interview(case, unmentioned) if mode == "interview" else _run_text(case)
        exp = case.expected
        ok = exp.triage_ok or [exp.triage]
        hits = {exp.condition, *exp.acceptable}
        rows.append(
            {
                "id": case.id,
                "top3": top3,
                "triage": level,
                "expected_condition": exp.condition,
                "expected_triage": exp.triage,
                "top1_hit": top3[0] in hits,
                "top3_hit": bool(hits & set(top3)),
                "triage_hit": level in ok,
                "under_triage": _rank(level) > max(_rank(x) for x in ok),
                "over_triage": _rank(level) < min(_rank(x) for x in ok),
                "questions": asked,
            }
        )
    elapsed = time.perf_counter() - t0
    n = len(rows)
    emerg = [r for r, c in zip(rows, cases, strict=True) if c.expected.triage in EMERGENCY_LEVELS]
    report: dict[str, Any] = {
        "n": n,
        "mode": mode,
        "top1": round(sum(r["top1_hit"] for r in rows) / n, 4),
        "top3": round(sum(r["top3_hit"] for r in rows) / n, 4),
        "triage_exact": round(sum(r["triage_hit"] for r in rows) / n, 4),
        "under_triage": round(sum(r["under_triage"] for r in rows) / n, 4),
        "over_triage": round(sum(r["over_triage"] for r in rows) / n, 4),
        "emergency_sensitivity": round(sum(r["triage"] in EMERGENCY_LEVELS for r in emerg) / len(emerg), 4)
        if emerg
        else None,
        "seconds_per_case": round(elapsed / n, 4),
        "cases": rows,
    }
    if mode == "interview":
        report["questions_mean"] = round(sum(r["questions"] for r in rows) / n, 2)
        report["questions_max"] = max(r["questions"] for r in rows)
        report["unmentioned"] = unmentioned
    return report


def render_report(report: dict[str, Any], console: Console) -> None:
    rows = report["cases"]
    console.print(
        f"[bold]{report['n']} cases, {report['mode']} mode[/bold]  "
        f"({report['seconds_per_case'] * 1000:.1f} ms per case)"
    )
    keys = (
        *("top1", "top3", "triage_exact", "under_triage", "over_triage", "emergency_sensitivity"),
        *("questions_mean", "questions_max", "unmentioned"),
    )
    for key in keys:
        if key in report and report[key] is not None:
            console.print(escape(f"  {key:<22} {report[key]}"))
    under = [r for r in rows if r["under_triage"]]
    if under:
        console.print("[bold red]Under-triaged cases[/bold red]")
        for r in under:
            console.print(escape(f"  {r['id']}: {r['triage']} (expected {r['expected_triage']}); top3 {r['top3']}"))
    per: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        per[r["expected_condition"]].append(r)
    table = Table(title="Per condition")
    for col in ("condition", "cases", "top-1", "top-3", "triage ok"):
        table.add_column(col)
    for cid, rs in sorted(per.items()):
        table.add_row(
            Text(cid),
            str(len(rs)),
            str(sum(r["top1_hit"] for r in rs)),
            str(sum(r["top3_hit"] for r in rs)),
            str(sum(r["triage_hit"] for r in rs)),
        )
    console.print(table)
    confusions = Counter((r["expected_condition"], r["top3"][0]) for r in rows if not r["top1_hit"])
    if confusions:
        console.print("[bold]Most frequent confusions[/bold] (expected -> ranked first)")
        for (exp, got), k in confusions.most_common(10):
            console.print(escape(f"  {exp} -> {got}: {k}"))
