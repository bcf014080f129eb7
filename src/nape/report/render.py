"""Readable terminal report (Rich): urgency first, then causes with bars and reasons,
then what to do and the sources.

Every value is escaped (``rich.markup.escape``) or put in a ``Text`` before Rich sees it: the
person's words, finding ids and knowledge-base text may hold "[", which Rich would read as markup.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
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
        table.add_row(
            Text.assemble(d.name, "\n", (d.plain_name, "dim")), f"{_bar(d.probability)} {d.probability:.0%}", Text(why)
        )
    console.print(table)

    if a.findings:
        ft = Table(title="What nape read", expand=True)
        ft.add_column("Finding")
        ft.add_column("Status")
        ft.add_column("Your words")
        for f in a.findings:
            ft.add_row(Text(f.label), Text(f.status), Text(f.source_text))
        console.print(ft)

    steps = Table(title="What to do", expand=True, show_header=False)
    steps.add_column("Step")
    steps.add_column("Sources", no_wrap=True)
    for s in a.care_plan.see_whom:
        steps.add_row(Text.assemble(("Who to see:", "bold"), " ", s.text), Text(", ".join(s.sources)))
    for st in a.care_plan.steps:
        limits = (f" ({st.limits})", "dim") if st.limits else ""
        steps.add_row(Text.assemble(f"[{st.kind}] {st.text}", limits), Text(", ".join(st.sources)))
    console.print(steps)
    if a.next_question:
        console.print(f"[bold]Next question:[/bold] {escape(a.next_question.text)}")
    console.print("[bold]Sources[/bold]")
    for src in a.sources:
        year = f", {src.year}" if src.year else ""
        console.print(escape(f"  [{src.id}] {src.title}. {src.publisher}{year}."))
    for n in a.notes:
        console.print(f"[yellow]Note:[/yellow] {escape(n)}")
    console.print(Text(f"{a.disclaimer} {a.emergency_advice}", style="dim"))
    console.print(Text(f"Knowledge base {a.knowledge_base_version}", style="dim"))
