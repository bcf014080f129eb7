"""Job bookkeeping that needs no worker: refusals, and no half-made job left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from nape.errors import ScreenInputError, ScreenRunError
from nape.screen import Columns, screen
from nape.screen.engine import ProcessEngine
from nape.screen.run import JOB_FILE, _prepare


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,stiff neck since this morning\n2,low back spasm after lifting\n", encoding="utf-8")
    return src


def test_a_bad_column_leaves_no_work_directory(tmp_path: Path, csv_file: Path) -> None:
    engine = ProcessEngine(1)  # spawns nothing until work is submitted
    try:
        with pytest.raises(ScreenInputError, match=r"E601 .*no column 'body'"):
            screen([str(csv_file)], str(tmp_path / "o.parquet"), columns=Columns(text="body"), engine=engine)
    finally:
        engine.close()
    assert not (tmp_path / "o.parquet.parts").exists()


def test_an_unfinished_job_is_neither_overwritten_nor_resumed_with_other_options(
    tmp_path: Path, csv_file: Path
) -> None:
    out, work = str(tmp_path / "o.parquet"), str(tmp_path / "o.parquet.parts")
    job = _prepare(
        [str(csv_file)], out, work, Columns(id="id"), False, lambda: 1, {"format": "parquet", "partition": None}
    )
    assert [p.notes for p in job.partitions] == [1, 1] and (tmp_path / "o.parquet.parts" / JOB_FILE).exists()
    engine = ProcessEngine(1)
    try:
        with pytest.raises(ScreenRunError, match=r"E602 .*--resume"):
            screen([str(csv_file)], out, columns=Columns(id="id"), engine=engine)
        with pytest.raises(ScreenRunError, match=r"E602 .*other inputs or options"):
            screen([str(csv_file)], out, columns=Columns(), engine=engine, resume=True)
    finally:
        engine.close()
    same = _prepare(
        [str(csv_file)], out, work, Columns(id="id"), True, lambda: 5, {"format": "parquet", "partition": None}
    )
    assert same == job  # resuming keeps the stored plan, whatever the partition size would be now
