"""Errors mapped to what they mean: a damaged document index is 503 without a server path; a
database locked by another writer is retried, then "busy, try again" (E505, 503, Retry-After);
/v1/health reports a database that cannot be written."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape.core.config import get_settings
from nape.server.app import create_app
from nape.store import Store, repository


@pytest.fixture()
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "nape.db"


@pytest.fixture()
def store(db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(repository, "BUSY_TIMEOUT_MS", 50)  # each attempt waits 50 ms, not 5 s
    s = Store(f"sqlite:///{db_file}")
    s.migrate()
    yield s
    s.dispose()


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


def _lock(db_file: Path) -> sqlite3.Connection:
    """Another process's writer: holds the write lock until rolled back."""
    other = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_damaged_document_index_is_503_without_a_server_path(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "secret-server-folder"
    (data / "answers").mkdir(parents=True)
    (data / "answers" / "documents.json").write_text("{ this is not the index")
    monkeypatch.setenv("NAPE_DATA_DIR", str(data))
    get_settings.cache_clear()
    try:
        api = client.post("/v1/ask", json={"question": "Heat or ice?"})
        page = client.get("/ask", params={"q": "Heat or ice?"})
    finally:
        get_settings.cache_clear()
    assert api.status_code == 503 and api.json()["code"] == "E402"
    assert page.status_code == 503 and "E402" in page.text
    for body in (api.text, page.text):
        assert "secret-server-folder" not in body and str(tmp_path) not in body


def test_a_locked_database_is_busy_try_again_not_unreachable(client: TestClient, db_file: Path) -> None:
    other = _lock(db_file)
    try:
        r = client.post("/v1/interviews", json={"text": "stiff neck"})
        health = client.get("/v1/health").json()
    finally:
        other.rollback()
        other.close()
    assert r.status_code == 503 and r.json()["code"] == "E505", r.text
    assert "busy" in r.json()["detail"] and "try again" in r.json()["detail"]
    assert r.headers["Retry-After"].isdigit()
    assert health["database"] == "busy" and health["status"] == "degraded"
    assert client.get("/v1/health").json() == {**health, "database": "ok", "status": "ok"}
    assert client.post("/v1/interviews", json={"text": "stiff neck"}).status_code == 201


def test_a_lock_released_while_retrying_is_not_an_error(client: TestClient, db_file: Path) -> None:
    other = _lock(db_file)

    def release() -> None:
        other.rollback()
        other.close()

    timer = threading.Timer(0.08, release)  # after the first 50 ms attempt, before the retries end
    timer.start()
    try:
        r = client.post("/v1/interviews", json={"text": "stiff neck"})
    finally:
        timer.join()
    assert r.status_code == 201, r.text


def test_web_page_says_busy_with_retry_after(client: TestClient, db_file: Path) -> None:
    other = _lock(db_file)
    try:
        r = client.post("/start", data={"text": "stiff neck"}, follow_redirects=False)
    finally:
        other.rollback()
        other.close()
    assert r.status_code == 503 and "E505" in r.text and r.headers["Retry-After"].isdigit()


def test_health_reports_a_damaged_database(db_file: Path) -> None:
    db_file.write_bytes(b"not a SQLite database\n" * 400)
    store = Store(f"sqlite:///{db_file}")
    try:
        health = TestClient(create_app(store)).get("/v1/health")
    finally:
        store.dispose()
    assert health.status_code == 200
    assert health.json()["database"] == "unavailable" and health.json()["status"] == "degraded"
