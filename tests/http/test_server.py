"""The HTTP API and the server-rendered page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from nape.server.app import create_app

client = TestClient(create_app())


def test_health() -> None:
    r = client.get("/v1/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_assess_returns_the_spec_json() -> None:
    r = client.post("/v1/assess", json={"findings": {"fever": True, "neck_stiffness": True}, "age": 30})
    assert r.status_code == 200
    body = r.json()
    assert body["triage"]["level"] == "emergency_ambulance"
    assert {"differential", "red_flags", "findings", "knowledge_base_version"} <= set(body)


def test_bad_requests_are_422_with_a_message() -> None:
    assert client.post("/v1/assess", json={"findings": {"purple_toes": True}}).status_code == 422
    r = client.post("/v1/assess", json={"age": 400, "findings": {"fever": True}})
    assert r.status_code == 422 and "age" in str(r.json()["detail"])
    assert client.post("/v1/assess", json={"colour": "red"}).status_code == 422


def test_oversized_body_is_refused() -> None:
    r = client.post("/v1/assess", content=b"x" * 70_000, headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_conditions_and_unknown_id() -> None:
    assert len(client.get("/v1/conditions").json()) >= 42
    assert client.get("/v1/conditions/cervical_dystonia").json()["icd10cm"][0] == "G24.3"
    assert client.get("/v1/conditions/nope").status_code == 404


def test_page_form_to_result_shows_urgency_first_and_the_disclaimer() -> None:
    home = client.get("/")
    assert home.status_code == 200 and "<form" in home.text and "not a diagnosis" in home.text
    r = client.post("/assess", data={"text": "high fever, stiff neck and a terrible headache", "age": "22"})
    assert r.status_code == 200
    html = r.text
    assert html.index("your local emergency number") < html.index("Likely causes")


def test_page_empty_text_shows_a_clear_error() -> None:
    r = client.post("/assess", data={"text": "   "})
    assert r.status_code == 422 and "empty" in r.text
