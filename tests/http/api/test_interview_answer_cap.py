"""The API and the web page refuse answers beyond an interview's cap with E205 (422)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape import interview as iv
from nape.server.app import create_app
from nape.store import Store


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store(f"sqlite:///{tmp_path}/cap.db")
    yield TestClient(create_app(store))
    store.dispose()


def test_api_refuses_answers_beyond_the_cap_and_keeps_the_state_bounded(client: TestClient) -> None:
    iid = client.post("/v1/interviews", json={"text": "stiff neck"}).json()["id"]
    cap = iv.max_answers()
    for i in range(cap):
        r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": ("yes", "no")[i % 2]})
        assert r.status_code == 200, r.text
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "no"})
    assert r.status_code == 422 and r.json()["code"] == "E205"
    assert len(client.get(f"/v1/interviews/{iid}").json()["answers"]) == cap
    assert client.delete(f"/v1/interviews/{iid}/answers/last").status_code == 200
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "no"})
    assert r.status_code == 200 and len(r.json()["answers"]) == cap


def test_web_page_refuses_answers_beyond_the_cap(client: TestClient) -> None:
    iid = client.post("/v1/interviews", json={"text": "stiff neck"}).json()["id"]
    for _ in range(iv.max_answers()):
        client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "no"})
    step = str(iv.max_answers())
    r = client.post(f"/a/{iid}/answer", data={"finding": "fever", "answer": "yes", "step": step})
    assert r.status_code == 422 and "E205" in r.text
