"""Bad input and a failing database: numbered errors, never a traceback, nothing saved lost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from nape.server.app import create_app
from nape.server.middleware import MAX_BODY_BYTES
from nape.store import Store

UNREACHABLE = "postgresql+psycopg://x@127.0.0.1:1/x"


def test_an_oversized_body_is_413_with_or_without_a_length(client: TestClient) -> None:
    big = b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}'
    r = client.post("/v1/assess", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "E201"

    def chunks() -> Iterator[bytes]:  # sent chunked: no Content-Length header
        yield big[:1000]
        yield big[1000:]

    r = client.post("/v1/interviews", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        ('{"text": "Schmerzen im Rücken"}'.encode("latin-1"), "application/json"),
        (b"\xff\xfe\x00\x01binary\x00", "application/json"),
        (b"\xff\xfe\x00\x01binary\x00", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "application/octet-stream"),
        (b"{not json", "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b'{"text": "neck \\ud800 pain"}', "application/json"),  # a lone surrogate
    ],
)
@pytest.mark.parametrize("path", ["/v1/assess", "/v1/interviews"])
def test_binary_and_malformed_bodies_are_422(client: TestClient, path: str, content: bytes, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    r = client.post(path, content=content, headers=headers)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "E201" and r.json()["detail"].startswith("E201")


def test_schema_errors_name_the_field(client: TestClient) -> None:
    r = client.post("/v1/assess", json={"findings": {"fever": "yes"}, "age": False, "colour": "red"})
    problems = r.json()["problems"]
    assert r.status_code == 422
    assert any(p.startswith("body.findings.fever") for p in problems)
    assert any(p.startswith("body.age") for p in problems)
    assert any(p.startswith("body.colour") for p in problems)
    empty = client.post("/v1/assess", json={"text": "   "})
    assert empty.status_code == 422 and "text and/or findings" in empty.json()["detail"]


def test_text_with_control_characters_is_never_a_500(client: TestClient) -> None:
    for words in ("neck\u0000pain", "\u0000\u0001\u0002\u0003\u0004\u0005 \u0006\u0007", "\u202e\ufeff" * 5):
        for path in ("/v1/assess", "/v1/interviews"):
            assert client.post(path, json={"text": words}).status_code in (200, 201, 422)


def test_an_unreachable_database_is_503_while_one_shot_assessment_still_works() -> None:
    client = TestClient(create_app(Store(UNREACHABLE)))
    for method, path in [
        ("POST", "/v1/interviews"),
        ("GET", "/v1/interviews/abc"),
        ("POST", "/v1/interviews/abc/answers"),
        ("GET", "/v1/interviews/abc/report"),
        ("DELETE", "/v1/interviews/abc"),
    ]:
        body = {"finding": "fever", "answer": "no"} if path.endswith("answers") else {}
        r = client.request(method, path, json=body if method == "POST" else None)
        assert r.status_code == 503 and r.json()["code"] == "E501", (method, path, r.text)
    assert client.post("/v1/assess", json={"findings": {"fever": True}}).status_code == 200
    health = client.get("/v1/health")
    assert health.status_code == 200 and health.json()["database"] == "unavailable"
    assert health.json()["status"] == "degraded"


def test_a_failed_save_leaves_the_previous_state_intact(client: TestClient, store: Store) -> None:
    body = client.post("/v1/interviews", json={"text": "stiff neck", "age": 50}).json()
    iid, first = body["id"], body["next_question"]["finding"]
    saved = client.post(f"/v1/interviews/{iid}/answers", json={"finding": first, "answer": "dont_know"}).json()

    def connection_lost(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            raise OperationalError(statement, None, ConnectionError("server closed the connection"))

    event.listen(store.engine, "before_cursor_execute", connection_lost)
    try:
        r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "yes"})
        assert r.status_code == 503 and r.json()["code"] == "E501"
        assert client.delete(f"/v1/interviews/{iid}/answers/last").status_code == 503
    finally:
        event.remove(store.engine, "before_cursor_execute", connection_lost)
    assert client.get(f"/v1/interviews/{iid}").json() == saved
    after = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "yes"}).json()
    assert after["answers"] == [*saved["answers"], {"finding": "fever", "answer": "yes"}]


def test_a_wrong_method_is_405_naming_every_allowed_one(client: TestClient) -> None:
    r = client.put("/v1/interviews")
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    assert client.patch("/v1/interviews/abc").headers["allow"] == "GET, DELETE"
