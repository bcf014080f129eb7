"""Reading each input format into partitions, and writing the output tables (no pipeline needed)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from nape.errors import ScreenInputError
from nape.screen.core import NoteIn, error_row
from nape.screen.output import SCHEMA, assemble, write_part
from nape.screen.sources import Columns, plan, read_partition

COLS = Columns(text="text", id="id", age="age", sex="sex", date="date")


def _read_all(inputs: list[str], cols: Columns, size: int, work: Path) -> list[NoteIn | tuple[str, str | None, str]]:
    parts = plan(inputs, cols, size, str(work))
    assert [p.index for p in parts] == list(range(len(parts)))
    assert all(p.notes <= 2 * size for p in parts)  # a Parquet row group up to twice the size stays whole
    out = [n for p in parts for n in read_partition(p, cols)]
    assert sum(p.notes for p in parts) == len(out)
    return out


def _ids(notes: list[Any]) -> list[str]:
    return [n.note_id if isinstance(n, NoteIn) else n[0] for n in notes]


def test_csv_with_quoted_newlines_and_invalid_utf8(tmp_path: Path, notes: list[dict[str, Any]]) -> None:
    src = tmp_path / "in.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "text", "age", "sex", "date"])
        w.writeheader()
        for n in notes[:10]:
            w.writerow({k: n[k] for k in ("id", "text", "age", "sex", "date")})
    with src.open("ab") as fh:
        fh.write(b'bin-1,"\xff\xfe\x00 broken",40,female,2024-02-02\r\n')
    got = _read_all([str(src)], COLS, 4, tmp_path / "work")
    assert _ids(got) == [n["id"] for n in notes[:10]] + ["bin-1"]
    first = got[0]
    assert isinstance(first, NoteIn)
    assert first.text == notes[0]["text"].encode() and first.age == str(notes[0]["age"])
    last = got[-1]
    assert isinstance(last, NoteIn) and isinstance(last.text, bytes)  # decoded (and refused) by the worker


def test_jsonl_with_a_broken_line_keeps_going(tmp_path: Path, notes: list[dict[str, Any]]) -> None:
    src = tmp_path / "in.jsonl"
    lines = [json.dumps(n) for n in notes[:5]]
    lines.insert(2, '{"id": "broken", "text": "unterminated')
    lines.append(json.dumps({"id": "no-text"}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = _read_all([str(src)], COLS, 3, tmp_path / "work")
    assert len(got) == 7
    problems = [n for n in got if isinstance(n, tuple)]
    assert [p[0] for p in problems] == ["in.jsonl:3", "no-text"]
    assert all(p[2].startswith("E601") for p in problems)
    assert "unterminated" not in " ".join(p[2] for p in problems)


def test_parquet_row_groups_and_slices(tmp_path: Path, notes: list[dict[str, Any]]) -> None:
    src = tmp_path / "in.parquet"
    table = pa.Table.from_pylist([{k: n[k] for k in ("id", "text", "age", "sex", "date")} for n in notes])
    pq.write_table(table, src, row_group_size=4)
    got = _read_all([str(src)], COLS, 3, tmp_path / "work")
    assert _ids(got) == [n["id"] for n in notes]
    big = tmp_path / "big.parquet"
    pq.write_table(table, big, row_group_size=30)  # one row group, cut into slices
    got = _read_all([str(big)], Columns(text="text"), 7, tmp_path / "work2")
    assert _ids(got) == [f"big.parquet:{i}" for i in range(1, 31)]


def test_txt_folder_and_missing_things(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("neck pain", encoding="utf-8")
    (folder / "sub" / "b.txt").write_bytes(b"\x00\xff\xfe")
    (folder / "ignored.md").write_text("not a note", encoding="utf-8")
    got = _read_all([str(folder)], Columns(), 1, tmp_path / "work")
    assert _ids(got) == ["a.txt", "sub/b.txt"]
    with pytest.raises(ScreenInputError, match="E601"):
        plan([str(tmp_path / "nope.csv")], Columns(), 10, str(tmp_path / "w"))
    bad = tmp_path / "x.csv"
    bad.write_text("id,body\n1,neck\n", encoding="utf-8")
    with pytest.raises(ScreenInputError, match="no column 'text'"):
        plan([str(bad)], Columns(), 10, str(tmp_path / "w2"))
    with pytest.raises(ScreenInputError, match="unknown input type"):
        plan([str(tmp_path / "notes" / "a.txt")], Columns(), 10, str(tmp_path / "w3"))


def test_assembled_csv_holds_nested_columns_as_json(tmp_path: Path) -> None:
    row = error_row("n1", "2024-01-05", "E204 the note is empty")
    good = dict(row, error=None, triage_level="self_care", red_flag_ids=["x"], cause_1="muscle_strain")
    good["findings"] = [{"id": "fever", "status": "absent", "words": "no fever", "start": 3, "end": 11}]
    write_part([row], str(tmp_path / "p0.parquet"))
    write_part([good], str(tmp_path / "p1.parquet"))
    summary = assemble([str(tmp_path / "p0.parquet"), str(tmp_path / "p1.parquet")], str(tmp_path / "o.csv"), "csv")
    back = pacsv.read_csv(tmp_path / "o.csv").to_pylist()
    assert [r["note_id"] for r in back] == ["n1", "n1"]
    assert json.loads(back[1]["findings"])[0]["words"] == "no fever"
    assert summary.to_dict()["errors"] == 1 and summary.to_dict()["red_flags"] == {"x": 1}
    assemble([str(tmp_path / "p1.parquet")], str(tmp_path / "o.parquet"), "parquet")
    assert pq.read_table(tmp_path / "o.parquet").schema.equals(SCHEMA)
