"""Result tables: one Parquet part per partition, assembled into the final Parquet or CSV file."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from nape.screen.core import COLUMNS, TOP_CAUSES

_FLAG = pa.struct([("id", pa.string()), ("level", pa.string()), ("words", pa.string())])
_FINDING = pa.struct(
    [("id", pa.string()), ("status", pa.string()), ("words", pa.string()), ("start", pa.int32()), ("end", pa.int32())]
)
_CAUSES = [
    f
    for i in range(1, TOP_CAUSES + 1)
    for f in (pa.field(f"cause_{i}", pa.string()), pa.field(f"cause_{i}_probability", pa.float64()))
]
SCHEMA = pa.schema(
    [
        ("note_id", pa.string()),
        ("date", pa.string()),
        ("triage_level", pa.string()),
        ("triage_reasons", pa.list_(pa.string())),
        ("red_flag_ids", pa.list_(pa.string())),
        ("red_flags", pa.list_(_FLAG)),
        *_CAUSES,
        ("findings", pa.list_(_FINDING)),
        ("sections", pa.int32()),
        ("knowledge_base_version", pa.string()),
        ("error", pa.string()),
    ]
)
assert tuple(SCHEMA.names) == COLUMNS
NESTED = ("triage_reasons", "red_flag_ids", "red_flags", "findings")
SUMMARY_COLUMNS = ["triage_level", "red_flag_ids", "cause_1", "date", "error"]


def write_part(rows: list[dict[str, Any]], url: str) -> None:
    """Write one partition's rows atomically (a temporary name, then a rename)."""
    fs, path = fsspec.core.url_to_fs(url)
    tmp = path + ".tmp"
    with fs.open(tmp, "wb") as fh:
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), fh)
    fs.mv(tmp, path)


def _for_csv(table: pa.Table) -> pa.Table:
    """Nested columns JSON-encoded, so that a CSV cell holds them losslessly."""
    for name in NESTED:
        i = table.schema.get_field_index(name)
        values = [json.dumps(v, ensure_ascii=False) for v in table.column(name).to_pylist()]
        table = table.set_column(i, name, pa.array(values, pa.string()))
    return table


@dataclass
class Summary:
    notes: int = 0
    errors: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    causes: Counter[str] = field(default_factory=Counter)
    red_flags: Counter[str] = field(default_factory=Counter)
    flags_by_month: dict[str, Counter[str]] = field(default_factory=dict)
    notes_by_month: Counter[str] = field(default_factory=Counter)
    error_codes: Counter[str] = field(default_factory=Counter)

    def add(self, table: pa.Table) -> None:
        cols = {c: table.column(c).to_pylist() for c in SUMMARY_COLUMNS}
        for level, flags, cause, date, error in zip(*(cols[c] for c in SUMMARY_COLUMNS), strict=True):
            self.notes += 1
            if error:
                self.errors += 1
                self.error_codes[error.split(" ", 1)[0]] += 1
                continue
            self.levels[level] += 1
            if cause:
                self.causes[cause] += 1
            self.red_flags.update(flags)
            month = _month(date)
            if month:
                self.notes_by_month[month] += 1
                self.flags_by_month.setdefault(month, Counter()).update(flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "notes": self.notes,
            "errors": self.errors,
            "error_codes": dict(self.error_codes.most_common()),
            "triage_levels": dict(self.levels.most_common()),
            "leading_causes": dict(self.causes.most_common()),
            "red_flags": dict(self.red_flags.most_common()),
            "notes_by_month": dict(sorted(self.notes_by_month.items())),
            "red_flags_by_month": {m: dict(c.most_common()) for m, c in sorted(self.flags_by_month.items())},
        }


def _month(date: str | None) -> str | None:
    """``YYYY-MM`` from an ISO-like date (``2024-03-07``, ``2024/03/07 10:00``), else None."""
    if not date or len(date) < 7:
        return None
    y, sep, m = date[:4], date[4], date[5:7]
    if y.isdigit() and sep in "-/." and m.isdigit() and 1 <= int(m) <= 12:
        return f"{y}-{m}"
    return None


def _notice() -> dict[str, str]:
    """File-level metadata: what the rows are not, and what to do in an emergency."""
    from nape.knowledge.loader import default_kb

    t = default_kb().meta.triage
    return {"nape.disclaimer": t.disclaimer, "nape.emergency_advice": t.emergency_advice}


def assemble(parts: Iterable[str], out: str, fmt: str) -> Summary:
    """Concatenate the parts into ``out`` (Parquet or CSV), written under a temporary name first."""
    fs, path = fsspec.core.url_to_fs(out)
    tmp = path + ".tmp"
    summary = Summary()
    writer: Any = None
    with fs.open(tmp, "wb") as fh:
        for url in parts:
            pfs, ppath = fsspec.core.url_to_fs(url)
            with pfs.open(ppath, "rb") as pf:
                table = pq.read_table(pf, schema=SCHEMA)
            summary.add(table)
            if fmt == "parquet":
                writer = writer or pq.ParquetWriter(fh, SCHEMA.with_metadata(_notice()))
                writer.write_table(table)
            else:
                flat = _for_csv(table)
                writer = writer or pacsv.CSVWriter(fh, flat.schema)
                writer.write_table(flat)
        if writer is None:  # no notes at all: still a valid, empty file with the columns
            if fmt == "parquet":
                pq.write_table(SCHEMA.empty_table(), fh)
            else:
                pacsv.write_csv(_for_csv(SCHEMA.empty_table()), fh)
        else:
            writer.close()
    fs.mv(tmp, path)
    return summary
