"""The privacy properties of docs/usage.md, one test each (on SQLite and PostgreSQL where a database is involved)."""

from __future__ import annotations

import logging
import socket
import threading
import time
from pathlib import Path

import httpx2
import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from typer.testing import CliRunner

from nape.cli import app as cli
from nape.core.config import get_settings
from nape.server.app import create_app
from nape.server.privacy import redact_path
from nape.store import Store, hash_token
from nape.store.models import Clinician
from tests.http.api.conftest import bearer

MARK = "Quokkazebra"  # a word nobody else writes, so any log line holding it came from the request
LOGGERS = ["", "uvicorn", "uvicorn.access", "uvicorn.error", "sqlalchemy", "sqlalchemy.engine", "alembic", "nape"]


def _debug_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every line the server side logged (the test's own HTTP client, httpx2/httpcore2, logs URLs)."""
    server = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    return "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in server)


def test_nothing_a_person_wrote_reaches_the_logs(
    client: TestClient, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    _debug_everywhere(caplog)
    words = f"My neck locked up after gardening, {MARK} said it was nothing, no fever"
    headers = bearer(store)
    iid = client.post("/v1/interviews", json={"text": words, "age": 41}, headers=headers).json()["id"]
    q = client.get(f"/v1/interviews/{iid}", headers=headers).json()["next_question"]
    client.post(f"/v1/interviews/{iid}/answers", json={"finding": q["finding"], "answer": "no"}, headers=headers)
    client.get(f"/v1/interviews/{iid}/report", headers=headers)
    client.get("/v1/interviews", headers=headers)
    client.post("/v1/assess", json={"text": words})
    client.post("/v1/assess", json={"text": words, "findings": {MARK: True}})  # refused: unknown finding
    client.post("/v1/interviews", json={"text": words, "age": MARK})  # refused: schema error
    logged = _logged(caplog)
    assert "INSERT INTO interviews" in logged and "SELECT" in logged  # SQL logging was really on
    assert "Row [hidden" in logged  # ... down to the rows, which are masked
    assert MARK not in logged and "gardening" not in logged
    assert iid not in logged and headers["Authorization"][7:] not in logged


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_private_ids_are_redacted_from_the_access_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _debug_everywhere(caplog)
    port = _free_port()
    app = create_app(Store(f"sqlite:///{tmp_path / 'nape.db'}"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, log_level="debug"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.02)
        base = f"http://127.0.0.1:{port}"
        iid = httpx2.post(f"{base}/v1/interviews", json={"text": f"{MARK} stiff neck"}).json()["id"]
        assert httpx2.get(f"{base}/v1/interviews/{iid}/report").status_code == 200
        httpx2.get(f"{base}/a/{iid}/result?note={MARK}")
    finally:
        server.should_exit = True
        thread.join(10)
    access = [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]
    assert any("/v1/interviews/…/report" in line for line in access), access
    assert any("/a/…/result?…" in line for line in access), access
    assert iid not in _logged(caplog) and MARK not in _logged(caplog)


def test_redact_path_keeps_the_shape_of_the_route() -> None:
    assert redact_path("/v1/interviews/Xk3_-a/answers/last") == "/v1/interviews/…/answers/last"
    assert redact_path("/v1/interviews") == "/v1/interviews"
    assert redact_path("/a/Xk3/clinician.pdf") == "/a/…/clinician.pdf"
    assert redact_path("/ask?q=my+neck") == "/ask?…"


def test_tokens_are_stored_only_hashed(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAPE_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["clinician", "add", "Dr Hash"])
        listed = CliRunner().invoke(cli, ["clinician", "list"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    token = next(w for w in result.stdout.split() if w.startswith("nape_"))
    assert "cannot be shown again" in result.stdout
    assert "Dr Hash" in listed.stdout and token not in listed.stdout
    store = Store(db_url)
    with store.session() as s:
        rows = [tuple(map(str, r)) for r in s.execute(text("SELECT * FROM clinicians"))]
        assert s.scalars(select(Clinician.token_hash)).all() == [hash_token(token)]
    assert rows and not any(token in cell for row in rows for cell in row)
    if db_url.startswith("sqlite"):
        raw = b"".join(p.read_bytes() for p in Path(db_url.split(":///", 1)[1]).parent.glob("nape.db*"))
        assert token.encode() not in raw and hash_token(token).encode() in raw
    client = TestClient(create_app(store))
    assert client.get("/v1/interviews", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    store.dispose()


def test_an_unexpected_error_is_a_500_that_logs_no_input(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _debug_everywhere(caplog)

    def broken(text: str | None, **_: object) -> None:
        raise RuntimeError(f"could not read {text!r}")  # an error message quoting the input

    monkeypatch.setattr("nape.http.textlane.assess", broken)  # what POST /v1/assess calls
    r = client.post("/v1/assess", json={"text": f"{MARK} neck"})
    assert r.status_code == 500 and r.json()["code"] == "E000"
    assert "RuntimeError" in _logged(caplog) and MARK not in _logged(caplog) and MARK not in r.text


def test_links_use_the_public_url_when_set(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAPE_PUBLIC_URL", "https://nape.example.org/")
    get_settings.cache_clear()
    try:
        body = client.post("/v1/interviews", json={}).json()
    finally:
        get_settings.cache_clear()
    assert body["link"] == f"https://nape.example.org/a/{body['id']}"
