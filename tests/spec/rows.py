"""Shared checks for the reading tables of tests/spec (one YAML file per group of mechanisms).

A row is ``{class, text, expect?, not?, unread?, absent_not?, control?}``: ``expect`` maps
findings to the status they must be read with (true present, false absent); ``not`` must not be
read present; ``unread`` read neither present nor absent; ``absent_not`` must not be read absent;
``age`` the age read (null: none);
``today`` (a date) fixes the day the text is read on, for rows whose reading depends on it.
Every class needs six wordings or more and at least one control (a row that must stay as it was).
Example: ``{class: reflex_down, text: "L AJ down", expect: {reduced_reflex: true}}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from nape.intake import ParseResult, parse

HERE = Path(__file__).parent
CHECKS = ("expect", "not", "unread", "absent_not", "age")


def load(name: str) -> list[dict[str, Any]]:
    """The rows of ``tests/spec/<name>``."""
    rows: list[dict[str, Any]] = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return rows


def params(rows: Iterable[dict[str, Any]]) -> list[Any]:
    """One pytest parameter per row, named by its class and the start of its text."""
    return [pytest.param(r, id=f"{r['class']}:{r['text'][:50]}") for r in rows]


def check(row: dict[str, Any], text: str | None = None, today: date | None = None) -> ParseResult:
    """Read the row's text (or ``text``, on ``today``) and check each of its fields; the reading
    is returned for more checks."""
    on = today or (date.fromisoformat(str(row["today"])) if "today" in row else date.today())
    r = parse(row["text"] if text is None else text, today=on)
    got = {m.finding: m.present for m in r.mentions}
    for fid, present in row.get("expect", {}).items():
        assert got.get(fid) == present, (fid, got)
    for fid in row.get("not", []):
        assert got.get(fid) is not True, (fid, got)
    for fid in row.get("unread", []):
        assert fid not in got, (fid, got)
    for fid in row.get("absent_not", []):
        assert got.get(fid) is not False, (fid, got)
    if "age" in row:
        assert r.age == row["age"], ("age", r.age)
    return r


def check_classes(rows: list[dict[str, Any]], classes: Iterable[str], extra: tuple[str, ...] = ()) -> None:
    """Every class named has six wordings and a control, and every row checks something (a
    field of CHECKS, or one of ``extra``)."""
    classes = tuple(classes)
    assert {r["class"] for r in rows} == set(classes)
    for cls in classes:
        these = [r for r in rows if r["class"] == cls]
        assert len([r for r in these if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in these), cls
        for r in these:
            assert any(r.get(k) for k in CHECKS) or any(k in r for k in (*extra, "age")), r["text"]
