"""Stores to test against: a SQLite file always, PostgreSQL when one is reachable.

PostgreSQL: set ``NAPE_TEST_POSTGRES_URL`` (``./scripts/test`` starts a throw-away server on
loopback and sets it); without it the PostgreSQL runs skip with that reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from nape.store import Store

PG_URL = os.environ.get("NAPE_TEST_POSTGRES_URL")


def _reset_postgres(url: str) -> Store:
    store = Store(url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS interviews, clinicians, alembic_version CASCADE")
    return store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'nape.db'}")
    else:
        if not PG_URL:
            pytest.skip("no PostgreSQL reachable: set NAPE_TEST_POSTGRES_URL (./scripts/test starts one)")
        s = _reset_postgres(PG_URL)
    s.migrate()
    yield s
    s.dispose()
