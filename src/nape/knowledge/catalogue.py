"""Views of the knowledge base for people: condition lists and details.

``nape conditions --json`` prints, for each condition, at least its id, name, ICD-10-CM codes,
base triage level, sources and finding ids.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

from nape.errors import UnknownConditionError
from nape.knowledge.loader import default_kb


def condition_rows() -> list[dict[str, Any]]:
    kb = default_kb()
    return [
        {
            "id": c.id,
            "name": c.name,
            "plain_name": c.plain_name,
            "group": c.group,
            "icd10cm": list(c.icd10cm),
            "triage": c.triage.base,
            "sources": list(c.sources),
            "findings": [lk.finding for lk in c.findings],
        }
        for c in kb.conditions.values()
    ]


def condition_detail(condition_id: str) -> dict[str, Any]:
    kb = default_kb()
    if condition_id not in kb.conditions:
        raise UnknownConditionError(f"unknown condition {condition_id!r}; see `nape conditions`")
    return kb.conditions[condition_id].model_dump(mode="json")


def _cited(sources: list[str]) -> str:
    return f"({', '.join(sources)})"


def render_condition(condition_id: str, console: Console) -> None:
    """One condition, readably; knowledge-base text is escaped before Rich reads markup."""
    kb = default_kb()
    c = kb.conditions[condition_id]
    console.print(f"[bold]{escape(c.name)}[/bold] ({escape(c.id)}) — {escape(c.plain_name)}")
    console.print(escape(f"ICD-10-CM: {', '.join(c.icd10cm)}   base urgency: {c.triage.base}"))
    console.print(f"\n[bold]For you[/bold]: {escape(c.summary.person)}")
    console.print(f"\n[bold]For clinicians[/bold]: {escape(c.summary.clinician)}")
    console.print("\n[bold]Findings[/bold] (P(finding | condition))")
    for lk in sorted(c.findings, key=lambda x: -x.p):
        console.print(escape(f"  {lk.p:>5.2f}  {kb.findings[lk.finding].label}"))
    console.print("\n[bold]Care plan[/bold]")
    for s in c.care_plan:
        step, cited = escape(f"[{s.kind}] {s.text}"), escape(_cited(s.sources))
        console.print(f"  {step} [dim]{cited}[/dim]")
    for p in c.pitfalls:
        console.print(f"  [yellow]Pitfall[/yellow]: {escape(p.text)} [dim]{escape(_cited(p.sources))}[/dim]")
    console.print(f"\n[bold]Sources[/bold]: {escape(', '.join(c.sources))}")
