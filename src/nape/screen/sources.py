"""Reading notes: CSV, JSON Lines, Parquet or a folder of ``.txt`` files, as partitions.

Paths are local or ``fsspec`` URLs (``s3://…`` when the matching package is installed). The
driver plans partitions of a few thousand notes: Parquet files by row groups (read directly by
the workers), ``.txt`` folders by lists of files, and CSV / JSON Lines staged once into Parquet
partitions in the work directory (a row-by-row text format cannot be cut without reading it).
A row that cannot be read (bad JSON, a missing text cell) becomes a note with a problem, which
gives an error row; it never stops the run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from nape.errors import ScreenInputError
from nape.screen.core import NoteIn

STAGED = pa.schema(
    [
        ("note_id", pa.string()),
        ("text", pa.binary()),
        ("age", pa.string()),
        ("sex", pa.string()),
        ("date", pa.string()),
        ("problem", pa.string()),
    ]
)
FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


@dataclass(frozen=True)
class Columns:
    """Which input columns hold what (``text`` is required, the rest optional)."""

    text: str = "text"
    id: str | None = None
    age: str | None = None
    sex: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Partition:
    """One unit of work: a Parquet file's row groups (optionally a slice of them) or ``.txt`` files."""

    index: int
    kind: str  # "parquet" (input or staged) or "txt"
    path: str = ""
    row_groups: tuple[int, ...] = ()
    offset: int = 0
    length: int | None = None
    first_row: int = 0  # row number of the first note in its input file (for ids)
    label: str = ""  # the input file's name, for ids when there is no id column
    files: tuple[str, ...] = ()
    staged: bool = False
    notes: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Partition:
        d = dict(d)
        d["row_groups"] = tuple(d["row_groups"])
        d["files"] = tuple(d["files"])
        return cls(**d)


def fmt_of(path: str, fs: fsspec.AbstractFileSystem) -> str:
    if fs.isdir(path):
        return "txt"
    for ext, kind in FORMATS.items():
        if path.lower().endswith(ext):
            return kind
    raise ScreenInputError(f"{path}: unknown input type; use .csv, .jsonl, .parquet or a folder of .txt files")


def fingerprint(inputs: list[str], extra: dict[str, Any]) -> str:
    """Identifies a job: input paths, sizes and modification times, and the options."""
    h = hashlib.sha256(json.dumps(extra, sort_keys=True, default=str).encode())
    for url in inputs:
        fs, path = fsspec.core.url_to_fs(url)
        if not fs.exists(path):
            raise ScreenInputError(f"{url}: no such file or folder")
        entries = [path] if not fs.isdir(path) else sorted(fs.find(path))
        for p in entries:
            info = fs.info(p)
            h.update(f"{p}|{info.get('size')}|{info.get('mtime', info.get('LastModified', ''))}".encode())
    return h.hexdigest()[:20]


def _chunks(n: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, n, size):
        yield start, min(size, n - start)


def _plan_parquet(
    url: str, fs: fsspec.AbstractFileSystem, path: str, cols: Columns, size: int, start: int
) -> list[Partition]:
    with fs.open(path, "rb") as fh:
        meta = pq.ParquetFile(fh).metadata
        names = set(meta.schema.names)
    missing = [c for c in (cols.text, cols.id, cols.age, cols.sex, cols.date) if c and c not in names]
    if missing:
        raise ScreenInputError(
            f"{url}: no column {', '.join(map(repr, missing))} (columns: {', '.join(sorted(names))})"
        )
    out: list[Partition] = []
    label = path.rsplit("/", 1)[-1]
    row = 0
    groups: list[int] = []
    count = 0
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        if n > 2 * size:  # a big row group: several partitions each read a slice of it
            if groups:
                out.append(
                    Partition(start + len(out), "parquet", url, tuple(groups), 0, None, row - count, label, notes=count)
                )
                groups, count = [], 0
            for off, length in _chunks(n, size):
                out.append(
                    Partition(start + len(out), "parquet", url, (g,), off, length, row + off, label, notes=length)
                )
            row += n
            continue
        groups.append(g)
        count += n
        row += n
        if count >= size:
            out.append(
                Partition(start + len(out), "parquet", url, tuple(groups), 0, None, row - count, label, notes=count)
            )
            groups, count = [], 0
    if groups:
        out.append(Partition(start + len(out), "parquet", url, tuple(groups), 0, None, row - count, label, notes=count))
    return out


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _text_rows(
    url: str, fs: fsspec.AbstractFileSystem, path: str, kind: str, cols: Columns
) -> Iterator[dict[str, Any]]:
    """Rows of a CSV or JSON Lines file as staged dicts (bytes kept as they were for the text)."""
    label = path.rsplit("/", 1)[-1]
    with fs.open(path, "rb") as raw:
        reader = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        if kind == "csv":
            rows: Iterator[tuple[dict[str, Any] | None, str | None]] = (
                (r, None) for r in csv.DictReader(reader, restval=None)
            )
            header_checked = False
        else:
            rows = (_json_line(line) for line in reader if line.strip())
            header_checked = True
        for i, (rec, problem) in enumerate(rows, start=1):
            if rec is not None and not header_checked:
                missing = [c for c in (cols.text, cols.id, cols.age, cols.sex, cols.date) if c and c not in rec]
                if missing:
                    raise ScreenInputError(f"{url}: no column {', '.join(map(repr, missing))}")
                header_checked = True
            rec = rec or {}
            text = rec.get(cols.text)
            if problem is None and text is None:
                problem = f"E601 row {i} has no {cols.text!r} value"
            if text is not None and not isinstance(text, str):
                problem = problem or f"E601 row {i}: the {cols.text!r} value is not text"
                text = None
            nid = _cell(rec.get(cols.id)) if cols.id else None
            yield {
                "note_id": nid if nid not in (None, "") else f"{label}:{i}",
                "text": None if text is None else text.encode("utf-8", errors="surrogateescape"),
                "age": _cell(rec.get(cols.age)) if cols.age else None,
                "sex": _cell(rec.get(cols.sex)) if cols.sex else None,
                "date": _cell(rec.get(cols.date)) if cols.date else None,
                "problem": problem,
            }


def _json_line(line: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        rec = json.loads(line)
    except ValueError:
        return None, "E601 a line that is not valid JSON"
    if not isinstance(rec, dict):
        return None, "E601 a line that is not a JSON object"
    return rec, None


def _stage(url: str, kind: str, cols: Columns, size: int, start: int, work: str) -> list[Partition]:
    fs, path = fsspec.core.url_to_fs(url)
    wfs, wpath = fsspec.core.url_to_fs(work)
    label = path.rsplit("/", 1)[-1]
    out: list[Partition] = []
    batch: list[dict[str, Any]] = []
    first = 0

    def flush() -> None:
        nonlocal batch, first
        idx = start + len(out)
        target = f"{wpath}/staged/input-{idx:05d}.parquet"
        with wfs.open(target, "wb") as fh:
            pq.write_table(pa.Table.from_pylist(batch, schema=STAGED), fh)
        out.append(
            Partition(
                idx,
                "parquet",
                f"{work}/staged/input-{idx:05d}.parquet",
                (0,),
                0,
                None,
                first,
                label,
                staged=True,
                notes=len(batch),
            )
        )
        first += len(batch)
        batch = []

    wfs.makedirs(f"{wpath}/staged", exist_ok=True)
    for row in _text_rows(url, fs, path, kind, cols):
        batch.append(row)
        if len(batch) >= size:
            flush()
    if batch:
        flush()
    return out


def plan(inputs: list[str], cols: Columns, size: int, work: str) -> list[Partition]:
    """Partitions for every input, in input order (staging CSV / JSON Lines into ``work``)."""
    parts: list[Partition] = []
    for url in inputs:
        fs, path = fsspec.core.url_to_fs(url)
        if not fs.exists(path):
            raise ScreenInputError(f"{url}: no such file or folder")
        kind = fmt_of(path, fs)
        if kind == "parquet":
            parts += _plan_parquet(url, fs, path, cols, size, len(parts))
        elif kind == "txt":
            files = sorted(p for p in fs.find(path) if p.lower().endswith(".txt"))
            if not files:
                raise ScreenInputError(f"{url}: no .txt files in this folder")
            prefix = url.split("://", 1)[0] + "://" if "://" in url else ""
            for off, length in _chunks(len(files), size):
                chunk = tuple(prefix + f for f in files[off : off + length])
                parts.append(Partition(len(parts), "txt", url, files=chunk, first_row=off, label=path, notes=length))
        else:
            parts += _stage(url, kind, cols, size, len(parts), work)
    return parts


def read_partition(part: Partition, cols: Columns) -> list[NoteIn | tuple[str, str | None, str]]:
    """The notes of one partition; a row that could not be read is ``(id, date, problem)``."""
    if part.kind == "txt":
        notes: list[NoteIn | tuple[str, str | None, str]] = []
        base = part.label.rstrip("/")
        for f in part.files:
            fs, path = fsspec.core.url_to_fs(f)
            nid = path[len(base) + 1 :] if path.startswith(base + "/") else path.rsplit("/", 1)[-1]
            with fs.open(path, "rb") as fh:
                notes.append(NoteIn(nid, fh.read()))
        return notes
    fs, path = fsspec.core.url_to_fs(part.path)
    if part.staged:
        names = ["note_id", "text", "age", "sex", "date", "problem"]
        src = {"note_id": "note_id", "text": "text", "age": "age", "sex": "sex", "date": "date"}
    else:
        src = {"text": cols.text}
        for key in ("id", "age", "sex", "date"):
            col = getattr(cols, key)
            if col:
                src["note_id" if key == "id" else key] = col
        names = list(dict.fromkeys(src.values()))
    with fs.open(path, "rb") as fh:
        table = pq.ParquetFile(fh).read_row_groups(list(part.row_groups), columns=names)
    if part.length is not None:
        table = table.slice(part.offset, part.length)
    data = {k: table.column(v).to_pylist() for k, v in src.items()}
    problems = table.column("problem").to_pylist() if part.staged else [None] * table.num_rows
    out: list[NoteIn | tuple[str, str | None, str]] = []
    for i in range(table.num_rows):
        nid = data["note_id"][i] if "note_id" in data else None
        nid = str(nid) if nid not in (None, "") else f"{part.label}:{part.first_row + i + 1}"
        date = _cell(data["date"][i]) if "date" in data else None
        if problems[i]:
            out.append((nid, date, str(problems[i])))
            continue
        out.append(
            NoteIn(
                nid, data["text"][i], data.get("age", [None] * (i + 1))[i], data.get("sex", [None] * (i + 1))[i], date
            )
        )
    return out
