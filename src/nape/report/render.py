"""Readable terminal report (Rich): urgency first, then causes with bars and reasons,
then what to do and the sources."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nape.report.schema import AssessmentOut

_STYLE = {
    "emergency_ambulance": "bold white on red",
    "emergency": "bold white on red",
    "consultation_24": "bold black on yellow",
    "consultation": "bold black on cyan",
    "self_care": "bold black on green",
}


def _bar(p: float, width: int = 20) -> str:
    n = round(p * width)
    return "█" * n + "░" * (width - n)


def render(a: AssessmentOut, console: Console, top: int = 5) -> None:
    level = a.triage.level
    head = Text(f" {level.replace('_', ' ').upper()} ", style=_STYLE[level])
    body: list[Text | Table] = [head, Text(a.triage.advice, style="bold")]
    for flag in a.red_flags:
        body.append(Text(f"⚠ {flag.message}", style="red"))
    body += [Text(f"• {r}") for r in a.triage.reasons[:6]]
    border = "red" if level.startswith("emergency") else "blue"
    console.print(Panel(Group(*body), title="How urgent", border_style=border))

    table = Table(title="Likely causes", show_lines=False, expand=True)
    table.add_column("Cause")
    table.add_column("Chance", no_wrap=True)
    table.add_column("Why (for / against)")
    for d in a.differential[:top]:
        why = ", ".join(d.for_[:4]) or "-"
        if d.against:
            why += "  | against: " + ", ".join(d.against[:3])
        table.add_row(f"{d.name}\n[dim]{d.plain_name}[/dim]", f"{_bar(d.probability)} {d.probability:.0%}", why)
    console.print(table)

    if a.findings:
        ft = Table(title="What nape read", expand=True)
        ft.add_column("Finding")
        ft.add_column("Status")
        ft.add_column("Your words")
        for f in a.findings:
            ft.add_row(f.label, f.status, f.source_text)
        console.print(ft)

    steps = Table(title="What to do", expand=True, show_header=False)
    steps.add_column("Step")
    steps.add_column("Sources", no_wrap=True)
    for s in a.care_plan.see_whom:
        steps.add_row(f"[bold]Who to see:[/bold] {s.text}", ", ".join(s.sources))
    for st in a.care_plan.steps:
        limits = f" [dim]({st.limits})[/dim]" if st.limits else ""
        steps.add_row(f"[{st.kind}] {st.text}{limits}", ", ".join(st.sources))
    console.print(steps)
    if a.next_question:
        console.print(f"[bold]Next question:[/bold] {a.next_question.text}")
    console.print("[bold]Sources[/bold]")
    for src in a.sources:
        year = f", {src.year}" if src.year else ""
        console.print(f"  [{src.id}] {src.title}. {src.publisher}{year}.")
    for n in a.notes:
        console.print(f"[yellow]Note:[/yellow] {n}")
    console.print(f"[dim]{a.disclaimer} {a.emergency_advice}[/dim]")
    console.print(f"[dim]Knowledge base {a.knowledge_base_version}[/dim]")
