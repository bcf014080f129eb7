"""The same job on real Dask clusters: a LocalCluster of two workers, and a `dask scheduler` with two
`dask worker` processes on loopback reached through `--scheduler`."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from nape.screen import Columns, screen
from tests.integration.screen.conftest import dask_cli, free_port, run_nape


def _inputs(tmp_path: Path, notes: list[dict[str, Any]]) -> list[str]:
    """The notes spread over every input type, with a damaged note in each."""
    pq_rows = [{"id": n["id"], "text": n["text"], "age": n["age"]} for n in notes[:4]]
    pq_rows.append({"id": "pq-empty", "text": "", "age": None})
    pq.write_table(pa.Table.from_pylist(pq_rows), tmp_path / "a.parquet", row_group_size=2)
    lines = [json.dumps({"id": n["id"], "text": n["text"], "age": n["age"]}) for n in notes[4:7]]
    lines.append("{not json")
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "c"
    folder.mkdir()
    for n in notes[7:9]:
        (folder / f"{n['id']}.txt").write_text(n["text"], encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\xff\xfe\x01\x02binary")
    return [str(tmp_path / "a.parquet"), str(tmp_path / "b.jsonl"), str(folder)]


def _check(rows: list[dict[str, Any]], notes: list[dict[str, Any]]) -> None:
    ids = [r["note_id"] for r in rows]
    assert ids[:4] == [n["id"] for n in notes[:4]]  # input order is kept
    assert len(rows) == 12
    errors = {r["note_id"]: r["error"] for r in rows if r["error"]}
    assert set(errors) == {"pq-empty", "b.jsonl:4", "scan.txt"}
    assert all(e.split()[0] in ("E204", "E601") for e in errors.values())
    good = [r for r in rows if not r["error"]]
    assert all(r["triage_level"] and r["cause_1"] and r["knowledge_base_version"] for r in good)


def test_local_dask_cluster_with_two_workers(tmp_path: Path, notes: list[dict[str, Any]]) -> None:
    out = tmp_path / "out.parquet"
    summary = screen(
        _inputs(tmp_path, notes), str(out), columns=Columns(id="id", age="age"), local_engine="dask", workers=2,
        partition=2,
    )  # fmt: skip
    _check(pq.read_table(out).to_pylist(), notes)
    assert summary.notes == 12 and summary.errors == 3


@pytest.fixture
def cluster() -> Iterator[str]:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = subprocess.DEVNULL
    procs = [
        subprocess.Popen(
            [
                dask_cli(),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--dashboard-address",
                ":0",
                "--no-show",
            ],
            stdout=quiet,
            stderr=quiet,
        )
    ]
    try:
        time.sleep(1.0)
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        dask_cli(),
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--no-dashboard",
                        "--no-nanny",
                        "--host",
                        "127.0.0.1",
                    ],
                    stdout=quiet,
                    stderr=quiet,
                )
            )
        yield address
    finally:
        for p in procs[1:]:  # the workers hold nothing to save: stop them at once, then the scheduler
            p.kill()
        procs[0].terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_scheduler_option_runs_on_an_existing_cluster(
    tmp_path: Path, notes: list[dict[str, Any]], cluster: str
) -> None:
    out = tmp_path / "out.csv"
    res = run_nape(
        ["screen", *_inputs(tmp_path, notes), "--out", str(out), "--id-column", "id", "--age-column", "age",
         "--scheduler", cluster, "--partition", "2"],
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert cluster in res.stderr and "12 notes screened" in res.stdout
    rows = pacsv.read_csv(out).to_pylist()
    for r in rows:
        r["error"] = r["error"] or None
    _check(rows, notes)
    findings = json.loads(next(r for r in rows if not r["error"])["findings"])  # nested columns as JSON in CSV
    assert findings and {"id", "status", "words", "start", "end"} <= set(findings[0])
