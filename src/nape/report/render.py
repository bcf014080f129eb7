"""The terminal report (Rich), readable at 80 columns: the urgency box first, then the person's
result in the same order and words as the web page (``nape.report.person``), sources as
footnote numbers. ``brief=True`` prints only the level, its reason and the first three causes.

No value is read as Rich markup: the person's words and knowledge-base text may hold "[", so every
line is put in a ``Text`` before Rich sees it.

Example (``nape assess --text "woke up with a stiff neck, can't turn my head" --brief``)::

    ╭─ How urgent ─────────────────────────────────────────────────────────────╮
    │ SELF-CARE AT HOME                                                        │
    │ What you describe fits a common problem that usually settles with ...   │
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nape.knowledge.loader import default_kb
from nape.report.person import OPEN_CAUSES, PersonView, citation, person_view
from nape.report.schema import AssessmentOut

#: The widest the report is drawn, whatever the terminal.
MAX_WIDTH = 80

_STYLE = {
    "emergency_ambulance": "bold white on red",
    "emergency": "bold white on red",
    "consultation_24": "bold black on yellow",
    "consultation": "bold black on cyan",
    "self_care": "bold black on green",
}


def _bar(percent: int, width: int = 10) -> str:
    n = round(percent * width / 100)
    return "█" * n + "░" * (width - n)


def _urgency_box(pv: PersonView, width: int) -> Panel:
    head = Text(f" {pv.level_name.upper()} ", style=_STYLE[pv.level])
    body: list[Text | Table] = [head, Text(pv.reason, style="bold"), Text.assemble(("When: ", "bold"), pv.timeframe)]
    if pv.emergency:
        rows = [(f"{i}. ", s) for i, s in enumerate(pv.steps, 1)] + [("⚠ ", m) for m in pv.alerts]
        steps = Table.grid(padding=0)
        steps.add_column(no_wrap=True)
        steps.add_column()
        for mark, text in rows:
            steps.add_row(Text(mark), Text(text))
        body.append(steps)
    border = "red" if pv.emergency else "blue"
    title = "Emergency: act now" if pv.emergency else "How urgent"
    return Panel(Group(*body), title=title, title_align="left", border_style=border, width=width)


def _heading(console: Console, text: str) -> None:
    console.print()
    console.print(Text(text, style="bold underline"))


def _hang(console: Console, mark: str, text: Text | str, indent: int = 2) -> None:
    """One item with a hanging indent: wrapped lines line up under the text, not the mark."""
    grid = Table.grid(padding=0)
    grid.add_column(width=indent + len(mark), no_wrap=True)
    grid.add_column()
    grid.add_row(Text(" " * indent + mark), Text(text) if isinstance(text, str) else text)
    console.print(grid)


def _items(console: Console, lines: list[str], bullet: str = "•") -> None:
    for i, line in enumerate(lines, 1):
        _hang(console, f"{i}. " if bullet == "1." else f"{bullet} ", line)


def _causes(console: Console, pv: PersonView, count: int) -> None:
    for i, c in enumerate(pv.causes[:count], 1):
        line = Text.assemble(
            (c.plain, "bold"), "\n", (f"{_bar(c.percent)} {c.percent}% · Medical name: {c.medical}", "dim")
        )
        _hang(console, f"{i}. ", line)


def render(a: AssessmentOut, console: Console, *, brief: bool = False, now: datetime | None = None) -> None:
    """Print the person's result; ``brief`` stops after the level, the reason and three causes.

    The report is drawn at most ``MAX_WIDTH`` columns wide (the console's width is restored after).
    """
    wide = console.width
    console.width = min(wide, MAX_WIDTH)
    try:
        _render(a, console, brief=brief, now=now)
    finally:
        console.width = wide


def _render(a: AssessmentOut, console: Console, *, brief: bool, now: datetime | None) -> None:
    kb = default_kb()
    pv = person_view(a, kb)
    width = console.width
    console.print(_urgency_box(pv, width))
    if brief:
        _heading(console, "Likely causes")
        _causes(console, pv, OPEN_CAUSES)
        console.print()
        console.print(Text(f"{a.disclaimer} {a.emergency_advice}", style="dim"))
        return
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    console.print(Text(f"Assessed {when} · knowledge base {a.knowledge_base_version}", style="dim"))
    console.print(Text(a.disclaimer, style="italic"))
    if not pv.emergency:
        _heading(console, "What to do now")
        _items(console, pv.steps, "1.")
        _items(console, pv.alerts, "⚠")
    _heading(console, "Also get help at once if" if pv.emergency else "Get help sooner if…")
    for g in pv.warnings:
        console.print(Padding(Text(f"{g.heading}:", style="bold"), (0, 0, 0, 2), expand=False))
        for sign in g.signs:
            _hang(console, "• ", sign, indent=4)
    _heading(console, "Likely causes")
    _causes(console, pv, len(pv.causes))
    if pv.self_care:
        _heading(console, "Looking after yourself (for the most likely cause)")
        lines = []
        for st in pv.self_care:
            notes = " ".join(f"[{pv.number(sid)}]" for sid in st.sources if sid in pv.sources)
            lines.append(" ".join(p for p in (st.text, st.limits or "", notes) if p))
        _items(console, lines)
    if not pv.emergency:
        _heading(console, "Questions to take to your appointment")
        _items(console, pv.questions)
    if a.next_question:
        _heading(console, "To be more sure, nape would ask next")
        _items(console, [a.next_question.text])
    if pv.sources:
        _heading(console, "Sources")
        for i, sid in enumerate(pv.sources, 1):
            _hang(console, f"[{i}] ", citation(kb, sid))
    for n in a.notes:
        console.print(Text(f"Note: {n}", style="yellow"))
    console.print()
    console.print(Text(a.emergency_advice, style="dim"))
