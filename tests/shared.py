"""The origin documents beside the repository (``../shared``: seeds, spec, external).

A clone with nothing beside it still runs every other test: a test that reads ``../shared``
skips with the reason; where it is present (CI, the project's machines) the test runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ABSENT = "../shared (the origin documents) is not beside the repository"


def shared_path(relative: str) -> Path:
    """``../shared/<relative>``, or skip the calling test when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{ABSENT}: needs {relative}")
    return path


def needs_shared(relative: str) -> pytest.MarkDecorator:
    """Mark a test (or module) that reads ``../shared/<relative>``: skipped with the reason when absent."""
    return pytest.mark.skipif(not (SHARED / relative).exists(), reason=f"{ABSENT}: needs {relative}")
