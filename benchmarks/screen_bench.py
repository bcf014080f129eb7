"""`nape screen` benchmark on synthetic notes (dev cases in clinic-note templates; no patient data).

Usage: uv run python benchmarks/screen_bench.py [--notes 400] [--memory-notes 3000] [--json out.json]

Measures, on this machine:
- a plain loop: ``screen_note`` over the notes in one warm process (the pipeline cost alone);
- each local engine (process pool, Dask LocalCluster) on 1 and 2 processes, end to end through
  ``nape.screen.screen`` (start-up, planning, pipeline builds, partitions, assembly), and its
  overhead against the plain loop plus one pipeline build;
- memory of one worker process over ``--memory-notes`` notes (RSS after each partition, with no
  process recycling), and spaCy's vocabulary size in a plain loop over the same notes;
- an estimate of the hours for 10 million notes on 32 cores from the 2-process rate.
The machine's load average is recorded with the figures: other work on the same cores slows them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "data" / "cases" / "dev.jsonl"


def _write(notes: list[dict[str, Any]], path: Path) -> None:
    rows = [{k: n[k] for k in ("id", "text", "age", "sex", "date")} for n in notes]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=500)


def plain_loop(notes: list[dict[str, Any]]) -> dict[str, float]:
    from nape.screen.core import NoteIn, screen_note

    c, t = time.process_time(), time.perf_counter()
    screen_note(NoteIn("warm", "neck pain"))
    build, build_cpu = time.perf_counter() - t, time.process_time() - c
    c, t = time.process_time(), time.perf_counter()
    for n in notes:
        screen_note(NoteIn(n["id"], n["text"], n["age"], n["sex"], n["date"]))
    secs, cpu = time.perf_counter() - t, time.process_time() - c
    return {
        "pipeline_build_s": build,
        "pipeline_build_cpu_s": build_cpu,
        "seconds": secs,
        "cpu_s": cpu,
        "notes_per_s": len(notes) / secs,
        "notes_per_cpu_s": len(notes) / cpu,
    }


def engine_run(path: Path, kind: str, workers: int, n: int, partition: int | None = None) -> dict[str, Any]:
    from nape.screen import Columns, screen
    from nape.screen.engine import DaskEngine, ProcessEngine
    from nape.screen.run import PartDone

    out = path.parent / f"out-{kind}-{workers}.parquet"
    rss: list[float] = []
    first: list[float] = []

    def on_part(p: PartDone) -> None:
        rss.append(p.rss_mb)
        if not first:
            first.append(time.perf_counter())

    t0 = time.perf_counter()
    engine: Any = ProcessEngine(workers, tasks_per_child=None) if kind == "process" else DaskEngine(None, workers)
    started = time.perf_counter() - t0
    me = psutil.Process()
    cpu0 = sum(me.cpu_times()[:2])
    try:
        screen([str(path)], str(out), columns=Columns(id="id", age="age", sex="sex"), engine=engine, on_part=on_part,
               partition=partition)  # fmt: skip
        cpu = sum(me.cpu_times()[:2]) - cpu0
        for child in me.children(recursive=True):  # the workers (and Dask's nannies), still alive here
            with contextlib.suppress(psutil.Error):
                cpu += sum(child.cpu_times()[:2])
    finally:
        engine.close()
    total = time.perf_counter() - t0
    out.unlink()
    return {
        "engine": kind,
        "workers": workers,
        "notes": n,
        "engine_start_s": round(started, 2),
        "total_s": round(total, 2),
        "notes_per_s": round(n / total, 2),
        "cpu_s": round(cpu, 2),
        "worker_rss_mb": [round(x) for x in rss],
    }


def vocab_growth(notes: list[dict[str, Any]], every: int) -> list[dict[str, Any]]:
    """RSS and spaCy vocabulary size in one process as notes go by (intake internals read only here)."""
    from nape.screen.core import NoteIn, screen_note

    def strings() -> int | None:
        try:  # the intake's pipeline object is internal: its vocabulary is read when it is there
            from nape.intake.pipeline import build

            return len(build().vocab.strings)
        except (ImportError, AttributeError):
            return None

    proc = psutil.Process()
    out = []
    for i, n in enumerate(notes, start=1):
        screen_note(NoteIn(n["id"], n["text"], n["age"], n["sex"]))
        if i % every == 0:
            out.append({"notes": i, "rss_mb": round(proc.memory_info().rss / 2**20, 1), "strings": strings()})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=400)
    ap.add_argument("--memory-notes", type=int, default=0)
    ap.add_argument("--engines", default="process,dask")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from nape.screen.synthetic import synthetic_notes

    notes = synthetic_notes(CASES, args.notes, seed=11)
    fig: dict[str, Any] = {
        "notes": args.notes,
        "mean_chars": round(statistics.mean(len(n["text"]) for n in notes)),
        "cores": os.cpu_count(),
        "load_average_before": os.getloadavg()[0],
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notes.parquet"
        _write(notes, path)
        loop = plain_loop(notes)
        fig["plain_loop"] = {k: round(v, 2) for k, v in loop.items()}
        print(json.dumps(fig), file=sys.stderr)
        runs = []
        for kind in args.engines.split(","):
            for w in (1, 2):
                r = engine_run(path, kind, w, len(notes))
                ideal = loop["pipeline_build_s"] + loop["seconds"] / w
                r["overhead_s"] = round(r["total_s"] - ideal, 2)
                r["overhead_cpu_s"] = round(r["cpu_s"] - loop["cpu_s"] - w * loop["pipeline_build_cpu_s"], 2)
                runs.append(r)
                print(json.dumps(r), file=sys.stderr)
        fig["engines"] = runs
        if args.memory_notes:
            mem_notes = synthetic_notes(CASES, args.memory_notes, seed=12)
            mpath = Path(tmp) / "memory.parquet"
            _write(mem_notes, mpath)
            fig["memory_worker"] = engine_run(mpath, "process", 1, len(mem_notes), partition=250)
            fig["memory_plain_loop"] = vocab_growth(mem_notes, max(1, args.memory_notes // 10))
    best2 = max((r["notes_per_s"] for r in fig["engines"] if r["workers"] == 2), default=0.0)
    best1 = max((r["notes_per_s"] for r in fig["engines"] if r["workers"] == 1), default=0.0)
    fig["scaling_2_vs_1"] = round(best2 / best1, 2) if best1 else None
    per_core = loop["notes_per_cpu_s"]
    fig["hours_10M_on_32_cores_at_cpu_rate"] = round(10_000_000 / (per_core * 32) / 3600, 1)
    fig["load_average_after"] = os.getloadavg()[0]
    text = json.dumps(fig, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
