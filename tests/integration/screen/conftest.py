from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nape.screen.synthetic import synthetic_notes

ROOT = Path(__file__).resolve().parents[3]
CASES = ROOT / "data" / "cases" / "dev.jsonl"
NAPE = [sys.executable, "-m", "nape.cli"]


@pytest.fixture(scope="session")
def notes() -> list[dict[str, Any]]:
    return synthetic_notes(CASES, 24, seed=3, target_chars=600)


def run_nape(args: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*NAPE, *args], capture_output=True, text=True, env=env, timeout=120, check=False, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dask_cli() -> str:
    exe = shutil.which("dask", path=str(Path(sys.executable).parent))
    assert exe, "the dask command is installed with the distributed package"
    return exe
