"""Shared checks for the spec tables of reading mechanisms (rows with ``class``, ``text`` and the
fields of reading_mechanisms.yaml: ``expect``, ``not``, ``unread``, ``absent_not``, ``control``).
A new table's test module loads its rows and checks each with these, instead of copying them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import parse


def load(name: str) -> list[dict[str, Any]]:
    """The rows of the table ``tests/spec/<name>``."""
    rows: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / name).read_text(encoding="utf-8"))
    return rows


def params(rows: Iterable[dict[str, Any]]) -> list[Any]:
    """One pytest parameter per row, named by its class and the opening of its text."""
    return [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in rows]


def check_row(row: dict[str, Any]) -> None:
    """The row's text read as the row says."""
    r = parse(row["text"], today=date.today())
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):
        assert fid not in got, (fid, got)
    for fid in row.get("absent_not", []):
        assert got.get(fid) is not False, (fid, got)


def check_classes(rows: list[dict[str, Any]], classes: tuple[str, ...]) -> None:
    """Every class has six wordings and a control, and every row checks something."""
    assert {r["class"] for r in rows} == set(classes)
    for cls in classes:
        of_class = [r for r in rows if r["class"] == cls]
        assert len([r for r in of_class if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in of_class), cls
        for r in of_class:
            assert r.get("expect") or r.get("not") or r.get("unread") or r.get("absent_not"), r["text"]
