"""What the mechanism spec files share (their rows' fields are those of reading_mechanisms.yaml):
a file's rows, one row's check, and the check that every class has six wordings and controls.

Example: ``check_row({"text": "no fever", "expect": {"fever": False}})`` passes; a spec module
parametrises its test over ``load_rows("its_file.yaml")``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from nape.intake import parse


def load_rows(name: str) -> list[dict[str, Any]]:
    """The rows of ``tests/spec/<name>``."""
    rows: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / name).read_text(encoding="utf-8"))
    return rows


def check_row(row: dict[str, Any]) -> None:
    """expect: read present (true) or absent (false); not: never read present; unread: read
    neither way; absent_not: never read absent."""
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
    """Every class has six or more rows that are not controls, and a control; every row checks
    something."""
    assert {r["class"] for r in rows} == set(classes)
    for cls in classes:
        of = [r for r in rows if r["class"] == cls]
        assert len([r for r in of if not r.get("control")]) >= 6, cls
        assert any(r.get("control") for r in of), cls
        for r in of:
            assert r.get("expect") or r.get("not") or r.get("unread") or r.get("absent_not"), r["text"]
