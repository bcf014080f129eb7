"""`nape screen` end to end on the local process pool: killed mid-run, resumed, rows as `nape assess`."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from nape.assessment import assess
from tests.integration.screen.conftest import NAPE, run_nape


def _write_csv(path: Path, notes: list[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["note", "body", "age", "sex", "seen"])
        w.writeheader()
        for n in notes:
            w.writerow({"note": n["id"], "body": n["text"], "age": n["age"], "sex": n["sex"], "seen": n["date"]})


def test_killed_run_resumes_and_rows_match_nape_assess(tmp_path: Path, notes: list[dict[str, Any]]) -> None:
    src = tmp_path / "notes.csv"
    _write_csv(src, notes)
    out = tmp_path / "out.parquet"
    args = [
        "screen", str(src), "--out", str(out), "--text-column", "body", "--id-column", "note",
        "--age-column", "age", "--sex-column", "sex", "--date-column", "seen",
        "--workers", "1", "--partition", "3",
    ]  # fmt: skip
    work = Path(str(out) + ".parts")
    quiet = subprocess.DEVNULL
    proc = subprocess.Popen([*NAPE, *args], stdout=quiet, stderr=quiet, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(list(work.glob("part-*.parquet"))) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert proc.poll() is None, "the first run should still be going when it is killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, at once
    finally:
        proc.wait(timeout=30)
    done_before = len(list(work.glob("part-*.parquet")))
    assert 2 <= done_before < 8 and not out.exists()

    again = run_nape(args)  # without --resume an unfinished job is not overwritten
    assert again.returncode == 2 and "E602" in again.stderr and "--resume" in again.stderr

    resumed = run_nape([*args, "--resume", "--report", str(tmp_path / "report.html")])
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming:" in resumed.stderr and "notes/s" in resumed.stderr
    assert "24 notes screened" in resumed.stdout
    assert not work.exists()  # the parts are removed once the file is assembled

    meta = pq.read_schema(out).metadata
    assert b"nape.disclaimer" in meta and b"nape.emergency_advice" in meta
    rows = pq.read_table(out).to_pylist()
    assert sorted(r["note_id"] for r in rows) == sorted(n["id"] for n in notes)
    by_id = {r["note_id"]: r for r in rows}
    for n in notes[::8]:  # the same as `nape assess` (the function its command calls), note by note
        ref = assess(n["text"], age=n["age"], sex=n["sex"]).to_json_dict()
        row = by_id[n["id"]]
        assert row["triage_level"] == ref["triage"]["level"] and row["date"] == n["date"]
        assert row["red_flag_ids"] == [f["id"] for f in ref["red_flags"]]
        assert [row[f"cause_{i}"] for i in (1, 2, 3)] == [d["condition"] for d in ref["differential"][:3]]
        assert [(f["id"], f["status"], f["start"]) for f in row["findings"]] == [
            (f["id"], f["status"], f["start"]) for f in ref["findings"]
        ]

    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["notes"] == 24 and sum(report["triage_levels"].values()) == 24
    assert sum(report["notes_by_month"].values()) == 24
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "report_files/levels.svg" in html and "http" not in html.split("<body>", 1)[1]
    assert (tmp_path / "report_files" / "levels.svg").exists()

    # nothing of any note's text in progress, logs or summary
    shown = resumed.stdout + resumed.stderr + again.stderr + html + json.dumps(report)
    for n in notes:
        for ref_code in [w for w in n["text"].split() if len(w) == 9 and w[:3].isalpha() and w[3:].isdigit()]:
            assert ref_code not in shown
        assert n["id"] not in shown
