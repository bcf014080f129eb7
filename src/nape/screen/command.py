"""The ``nape screen`` command: progress bar, summary and report around ``screen``.

Progress and logs show counts, rates and partition numbers only; never a note's words.
"""

from __future__ import annotations

import os
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from nape.screen.output import Summary
from nape.screen.run import screen
from nape.screen.sources import Columns

SCHEDULER_ENV = "NAPE_DASK_SCHEDULER"


class _Rate(ProgressColumn):
    """Notes per second over this run (not counting notes done before a resume)."""

    def __init__(self, started: dict[str, float]) -> None:
        super().__init__()
        self._started = started

    def render(self, task: Task) -> Text:
        elapsed = time.perf_counter() - self._started.get("t", time.perf_counter())
        done = task.completed - self._started.get("before", 0)
        rate = done / elapsed if elapsed > 0 and done > 0 else 0.0
        return Text(f"{rate:,.1f} notes/s")


def run(
    inputs: list[str],
    out: str,
    *,
    columns: Columns,
    resume: bool,
    scheduler: str | None,
    workers: int | None,
    partition: int | None,
    fmt: str | None,
    report: str | None,
    local_engine: str,
    console: Console,
) -> Summary:
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
    err = Console(stderr=True)
    started: dict[str, float] = {}
    progress = Progress(
        TextColumn("screening"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,} notes"),
        _Rate(started),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )
    state: dict[str, Any] = {}

    def on_start(total: int, before: int) -> None:
        started["t"] = time.perf_counter()
        started["before"] = before
        state["task"] = progress.add_task("screen", total=total, completed=before)
        if before:
            err.print(f"resuming: {before:,} of {total:,} notes already screened")

    def on_progress(n: int) -> None:
        progress.advance(state["task"], n)

    where = scheduler or f"this machine ({local_engine} engine)"
    err.print(f"nape screen on {where}; output {out}")
    with progress:
        summary = screen(
            inputs,
            out,
            columns=columns,
            resume=resume,
            scheduler=scheduler,
            workers=workers,
            partition=partition,
            fmt=fmt,
            local_engine=local_engine,
            on_start=on_start,
            on_progress=on_progress,
        )
    print_summary(summary, console)
    if report:
        from nape.screen.report import write_report

        paths = write_report(summary, report)
        console.print(f"report: {', '.join(paths)}")
    return summary


def print_summary(summary: Summary, console: Console) -> None:
    d = summary.to_dict()
    console.print(f"[bold]{d['notes']:,} notes screened[/bold], {d['errors']:,} with an error")
    table = Table("triage level", "notes", title=None)
    for level, n in d["triage_levels"].items():
        table.add_row(level, f"{n:,}")
    console.print(table)
    if d["red_flags"]:
        flags = Table("red flag (most often fired)", "notes")
        for fid, n in list(d["red_flags"].items())[:10]:
            flags.add_row(fid, f"{n:,}")
        console.print(flags)
    if d["error_codes"]:
        console.print("errors by code: " + ", ".join(f"{c} {n:,}" for c, n in d["error_codes"].items()))
    from nape.knowledge.loader import default_kb

    triage = default_kb().meta.triage
    console.print(f"[dim]{triage.disclaimer} {triage.emergency_advice}[/dim]")
