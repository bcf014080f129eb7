"""API tests run against SQLite always and PostgreSQL when one is reachable.

``db_url`` is a fresh, empty database; ``make_client`` builds an app (a "worker") on it, so a
test can use two apps on one database to stand for two workers or a restart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape.server.app import create_app
from nape.store import Store
from tests.unit.store.conftest import PG_URL, _reset_postgres

MakeClient = Callable[[], TestClient]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nape.db'}"
    if not PG_URL:
        pytest.skip("no PostgreSQL reachable: set NAPE_TEST_POSTGRES_URL (./scripts/test starts one)")
    _reset_postgres(PG_URL).dispose()
    return PG_URL


@pytest.fixture
def make_client(db_url: str) -> Iterator[MakeClient]:
    stores: list[Store] = []

    def make() -> TestClient:
        stores.append(Store(db_url))
        return TestClient(create_app(stores[-1]))

    yield make
    for s in stores:
        s.dispose()


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


@pytest.fixture
def store(client: TestClient) -> Store:
    """The store behind ``client`` (for checks straight on the tables)."""
    s: Store = client.app.state.store  # type: ignore[attr-defined]
    return s


def bearer(store: Store, name: str = "Dr Example") -> dict[str, str]:
    """Headers of a new clinician account."""
    _, token = store.create_clinician(name)
    return {"Authorization": f"Bearer {token}"}
