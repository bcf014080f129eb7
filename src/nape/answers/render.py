"""Readable answers in the terminal (Rich): the answer, then its numbered sources.

Example: ``nape ask "Heat or ice?"`` prints the cited statements, the disclaimer, and
"[1] Diagnosis and treatment of low back pain (ACP guideline) ..." under "Sources".
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from nape.answers.compose import Answer


def render(answer: Answer, console: Console) -> None:
    """Print the answer (emergencies in bold red) and the list of sources."""
    paragraphs = answer.answer.split("\n\n")
    for i, para in enumerate(paragraphs):
        style = "bold red" if answer.kind == "emergency" and i == 0 else "dim" if i == len(paragraphs) - 1 else ""
        console.print(f"[{style}]{escape(para)}[/{style}]" if style else escape(para))
        console.print()
    if answer.citations:
        console.print("[bold]Sources[/bold]")
        for c in answer.citations:
            console.print(f"[{c.n}] {escape(c.title)} [dim]({escape(c.source_id)})[/dim]")
