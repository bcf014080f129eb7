"""``POST /v1/ask``: the same cited answers as ``nape ask``, over HTTP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape.answers import ask
from nape.server.app import create_app
from nape.store import Store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("ask") / "nape.db"
    return TestClient(create_app(Store(f"sqlite:///{Path(db)}")))


def test_answers_with_numbered_citations_matching_the_library(client: TestClient) -> None:
    question = "Is Botox used for spasmodic torticollis?"
    r = client.post("/v1/ask", json={"question": question})
    assert r.status_code == 200
    body = r.json()
    assert body == ask(question).model_dump(mode="json")
    assert body["direct"] == "yes" and body["answer"].startswith("Yes.")
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])}
    assert markers == {c["n"] for c in body["citations"]}


def test_an_emergency_question_leads_with_the_emergency(client: TestClient) -> None:
    body = client.post("/v1/ask", json={"question": "I have a high fever and a stiff neck, what do I do?"}).json()
    assert body["kind"] == "emergency"
    assert "emergency" in body["answer"].split(".")[0].lower()


def test_an_off_topic_question_is_not_covered(client: TestClient) -> None:
    body = client.post("/v1/ask", json={"question": "What is the capital of France?"}).json()
    assert body["kind"] == "not_covered" and body["citations"] == []
    assert "not a diagnosis" in body["answer"]


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"question": ""}, 422),
        ({"question": "   "}, 422),
        ({"question": "x" * 2001}, 422),
        ({"question": 42}, 422),
        ({"q": "neck"}, 422),
        ({"question": "neck\x00\x01\x02\x03 pain"}, 422),
    ],
)
def test_bad_questions_are_422_with_a_code(client: TestClient, payload: dict[str, object], status: int) -> None:
    r = client.post("/v1/ask", json=payload)
    assert r.status_code == status
    assert r.json()["code"].startswith("E")
