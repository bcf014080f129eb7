"""``screen``: plan partitions, run them on an engine, resume, assemble, summarise.

Layout of a job writing ``OUT``: the work directory ``OUT.parts/`` holds ``job.json`` (the job's
fingerprint and partitions), ``staged/`` (CSV and JSON Lines input cut into Parquet) and one
``part-NNNNN.parquet`` per finished partition. ``OUT`` is written only when every partition is
done; the work directory is then removed (it holds patient data too).
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import fsspec
import psutil
import pyarrow.parquet as pq

from nape.errors import ScreenInputError, ScreenRunError
from nape.screen.core import error_row, screen_note
from nape.screen.engine import LOCAL_ENGINES, Engine, make_engine
from nape.screen.output import Summary, assemble, write_part
from nape.screen.sources import Columns, Partition, fingerprint, plan, read_partition

log = logging.getLogger("nape.screen")

DEFAULT_PARTITION = 2000
MIN_PARTITION = 20
JOB_FILE = "job.json"


@dataclass(frozen=True)
class PartDone:
    index: int
    notes: int
    errors: int
    seconds: float
    pid: int = 0
    rss_mb: float = 0.0


def part_url(work: str, index: int) -> str:
    return f"{work}/part-{index:05d}.parquet"


def screen_partition(part: dict[str, Any], cols: Columns, work: str) -> PartDone:
    """Screen one partition in a worker and write its part file; returns counts only (no text)."""
    t0 = time.perf_counter()
    p = Partition.from_dict(part)
    rows = []
    for note in read_partition(p, cols):
        rows.append(error_row(*note) if isinstance(note, tuple) else screen_note(note))
    write_part(rows, part_url(work, p.index))
    errors = sum(1 for r in rows if r["error"])
    rss = psutil.Process().memory_info().rss / 2**20
    return PartDone(p.index, len(rows), errors, time.perf_counter() - t0, os.getpid(), rss)


def output_format(out: str, fmt: str | None) -> str:
    if fmt:
        if fmt not in ("parquet", "csv"):
            raise ScreenInputError("--format must be parquet or csv")
        return fmt
    return "csv" if out.lower().endswith(".csv") else "parquet"


def partition_size(total_hint: int | None, workers: int, requested: int | None) -> int:
    """A few thousand notes, but at least four partitions per worker on a small job."""
    if requested:
        return requested
    if not total_hint:
        return DEFAULT_PARTITION
    return max(MIN_PARTITION, min(DEFAULT_PARTITION, math.ceil(total_hint / (workers * 4))))


def _count_hint(inputs: list[str]) -> int:
    """A cheap estimate of the number of notes (Parquet metadata, else file size / ~1 kB), to size partitions."""
    total = 0
    for url in inputs:
        fs, path = fsspec.core.url_to_fs(url)
        if fs.isdir(path):
            total += sum(1 for p in fs.find(path) if p.lower().endswith(".txt"))
        elif path.lower().endswith((".parquet", ".pq")) and fs.exists(path):
            with fs.open(path, "rb") as fh:
                total += pq.ParquetFile(fh).metadata.num_rows
        elif fs.exists(path):
            total += max(1, int(fs.size(path) or 0) // 1000)
    return total


@dataclass
class Job:
    fingerprint: str
    partitions: list[Partition]

    def dump(self) -> str:
        return json.dumps({"fingerprint": self.fingerprint, "partitions": [p.to_dict() for p in self.partitions]})

    @classmethod
    def load(cls, text: str) -> Job:
        d = json.loads(text)
        return cls(d["fingerprint"], [Partition.from_dict(p) for p in d["partitions"]])


def _prepare(
    inputs: list[str],
    out: str,
    work: str,
    cols: Columns,
    resume: bool,
    size: Callable[[], int],
    options: dict[str, Any],
) -> Job:
    """The job in ``work`` when resuming, else a new plan. The fingerprint covers the inputs and the
    options that change the output (not the number of workers, nor an automatic partition size)."""
    fs, wpath = fsspec.core.url_to_fs(work)
    fp = fingerprint(inputs, {**options, "columns": asdict(cols), "out": out})
    job_path = f"{wpath}/{JOB_FILE}"
    if fs.exists(wpath):
        if not resume:
            raise ScreenRunError(
                f"{work} holds an unfinished job; add --resume to continue it, or delete that folder to start again"
            )
        if fs.exists(job_path):
            with fs.open(job_path, "r") as fh:
                job = Job.load(fh.read())
            if job.fingerprint != fp:
                raise ScreenRunError(f"{work} belongs to a job with other inputs or options; delete it to start again")
            return job
        fs.rm(wpath, recursive=True)  # killed while planning: plan again
    fs.makedirs(wpath, exist_ok=True)
    try:
        job = Job(fp, plan(inputs, cols, size(), work))
    except BaseException:
        fs.rm(wpath, recursive=True)  # nothing screened yet: leave no half-made job behind
        raise
    with fs.open(job_path + ".tmp", "w") as fh:
        fh.write(job.dump())
    fs.mv(job_path + ".tmp", job_path)
    return job


Progress = Callable[[int, int], None]


def screen(
    inputs: list[str],
    out: str,
    *,
    columns: Columns,
    resume: bool = False,
    scheduler: str | None = None,
    workers: int | None = None,
    partition: int | None = None,
    fmt: str | None = None,
    local_engine: str = "process",
    engine: Engine | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_part: Callable[[PartDone], None] | None = None,
) -> Summary:
    """Screen every note of ``inputs`` into ``out``; returns the summary of the whole output.

    ``on_start(total, already_done)`` is called once the job is planned, ``on_progress(notes)``
    and ``on_part(counts)`` after each partition.
    """
    if not inputs:
        raise ScreenInputError("give at least one input file or folder")
    fmt = output_format(out, fmt)
    if local_engine not in LOCAL_ENGINES:
        raise ScreenInputError(f"--engine must be one of {', '.join(LOCAL_ENGINES)}")
    work = out.rstrip("/") + ".parts"
    wfs, wpath = fsspec.core.url_to_fs(work)
    if wfs.exists(wpath) and not resume:  # checked before any worker starts
        raise ScreenRunError(
            f"{work} holds an unfinished job; add --resume to continue it, or delete that folder to start again"
        )
    own = engine is None
    eng = engine or make_engine(scheduler, workers, local_engine)
    try:

        def size() -> int:
            return partition_size(_count_hint(inputs), eng.workers, partition)

        job = _prepare(inputs, out, work, columns, resume, size, {"format": fmt, "partition": partition})
        fs, _ = fsspec.core.url_to_fs(work)
        todo = [p for p in job.partitions if not fs.exists(fsspec.core.url_to_fs(part_url(work, p.index))[1])]
        total = sum(p.notes for p in job.partitions)
        done_before = total - sum(p.notes for p in todo)
        log.info(
            "screen: %d notes in %d partitions, %d to do, %d worker(s)",
            total,
            len(job.partitions),
            len(todo),
            eng.workers,
        )
        if on_start:
            on_start(total, done_before)
        for res in eng.run(screen_partition, [p.to_dict() for p in todo], columns, work):
            log.info(
                "partition %d: %d notes, %d errors, %.1f s, worker %d at %.0f MB",
                *(res.index, res.notes, res.errors, res.seconds, res.pid, res.rss_mb),
            )
            if on_progress:
                on_progress(res.notes)
            if on_part:
                on_part(res)
    finally:
        if own:
            eng.close()
    summary = assemble([part_url(work, p.index) for p in job.partitions], out, fmt)
    fs, wpath = fsspec.core.url_to_fs(work)
    fs.rm(wpath, recursive=True)
    return summary
