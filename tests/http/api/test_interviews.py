"""Interviews as resources, on SQLite and PostgreSQL: the whole walk, ownership, workers, restarts."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from nape.errors import ConflictError
from nape.reasoning.interview_data import interview_plan
from nape.store import Store
from nape.store.models import Interview
from tests.http.api.conftest import MakeClient, bearer

SPEC_KEYS = {"differential", "triage", "red_flags", "findings", "knowledge_base_version"}


def _start(client: TestClient, headers: dict[str, str] | None = None, **body: Any) -> dict[str, Any]:
    body = body or {"text": "stiff neck since this morning", "age": 34}
    r = client.post("/v1/interviews", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def _answer(client: TestClient, iid: str, finding: str, answer: str = "no", **kw: Any) -> dict[str, Any]:
    groups = interview_plan().group_ids()
    body = {"finding": finding, "choice" if finding in groups and answer != "dont_know" else "answer": answer}
    if finding in groups and answer in ("yes", "no"):
        body = {"finding": finding, "answer": "dont_know"}  # a multiple-choice question has no yes / no
    r = client.post(f"/v1/interviews/{iid}/answers", json=body, **kw)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_create_returns_the_link_the_first_question_and_the_safety_text(client: TestClient) -> None:
    r = client.post("/v1/interviews", json={"text": "stiff neck since this morning", "age": 34})
    assert r.status_code == 201
    body = r.json()
    assert r.headers["location"] == f"/v1/interviews/{body['id']}"
    assert body["link"] == f"http://testserver/a/{body['id']}"
    q = body["next_question"]
    # a neck story opens with its warning-sign checklist: tick all that apply, "no" for none of them
    assert q["finding"] and q["text"] and q["why_ask"] and q["reason"] == "checklist"
    assert q["answers"] == ["no", "dont_know"] and q["none_label"] and len(q["items"]) >= 2
    assert body["progress"] == {"asked": 0, "max": 12}
    assert body["done"] is False and body["age"] == 34 and body["text"] == "stiff neck since this morning"
    assert "not a diagnosis" in body["disclaimer"] and "emergency" in body["emergency_advice"]


def test_answering_every_question_reaches_done_and_a_report(client: TestClient) -> None:
    body = _start(client)
    iid = body["id"]
    for _ in range(body["progress"]["max"] + 1):
        if body["done"]:
            break
        body = _answer(client, iid, body["next_question"]["finding"], "no")
    assert body["done"] and body["next_question"] is None
    assert 0 < body["progress"]["asked"] <= body["progress"]["max"]
    assert client.get(f"/v1/interviews/{iid}").json() == body
    report = client.get(f"/v1/interviews/{iid}/report").json()
    assert set(report) >= SPEC_KEYS and report["next_question"] is None
    assert report["triage"]["level"] == body["triage_level"]


def test_a_red_flag_answer_raises_the_urgency(client: TestClient) -> None:
    body = _start(client, findings={"neck_stiffness": True}, age=30)
    assert body["triage_level"] != "emergency_ambulance"
    after = _answer(client, body["id"], "fever", "yes")
    assert after["triage_level"] == "emergency_ambulance"
    assert after["answers"] == [{"finding": "fever", "answer": "yes"}]


def test_back_takes_the_last_answer_away(client: TestClient) -> None:
    body = _start(client)
    first_q = body["next_question"]
    answered = _answer(client, body["id"], first_q["finding"], "no")
    assert answered["progress"]["asked"] == 1
    back = client.delete(f"/v1/interviews/{body['id']}/answers/last")
    assert back.status_code == 200
    assert back.json()["answers"] == [] and back.json()["next_question"] == first_q
    assert client.delete(f"/v1/interviews/{body['id']}/answers/last").json()["answers"] == []


def test_the_report_matches_a_one_shot_assessment_of_the_same_findings(client: TestClient) -> None:
    case = {"findings": {"fever": True, "neck_stiffness": True}, "age": 30}
    body = _start(client, **case)
    report = client.get(f"/v1/interviews/{body['id']}/report").json()
    direct = client.post("/v1/assess", json=case).json()
    assert report["triage"] == direct["triage"]
    assert [d["condition"] for d in report["differential"]] == [d["condition"] for d in direct["differential"]]


def test_bad_answers_are_422_with_a_message(client: TestClient) -> None:
    iid = _start(client)["id"]
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "purple_toes", "answer": "yes"})
    assert r.status_code == 422 and r.json()["code"] == "E202" and "purple_toes" in r.json()["detail"]
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "maybe"})
    assert r.status_code == 422 and any(p.startswith("body.answer") for p in r.json()["problems"])
    r = client.post("/v1/interviews", json={"age": -1})
    assert r.status_code == 422 and "body.age" in r.json()["detail"]
    assert client.get(f"/v1/interviews/{iid}").json()["answers"] == []


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("GET", ""), ("GET", "/report"), ("DELETE", ""), ("DELETE", "/answers/last"), ("POST", "/answers")],
)
def test_unknown_ids_are_404(client: TestClient, method: str, suffix: str) -> None:
    body = {"finding": "fever", "answer": "no"} if method == "POST" else None
    r = client.request(method, f"/v1/interviews/no-such-id{suffix}", json=body)
    assert r.status_code == 404 and r.json()["code"] == "E502"


def test_a_clinician_sees_only_their_own_interviews(client: TestClient, store: Store) -> None:
    a, b = bearer(store, "Dr A"), bearer(store, "Dr B")
    mine = _start(client, headers=a)["id"]
    theirs = _start(client, headers=b)["id"]
    self_assessment = _start(client)["id"]
    listed = client.get("/v1/interviews", headers=a).json()
    assert [i["id"] for i in listed["interviews"]] == [mine]
    assert listed["interviews"][0]["triage_level"] and "not a diagnosis" in listed["disclaimer"]
    for other in (b, None):
        assert client.get(f"/v1/interviews/{mine}", headers=other).status_code == 404
        assert client.get(f"/v1/interviews/{mine}/report", headers=other).status_code == 404
        answer = {"finding": "fever", "answer": "yes"}
        assert client.post(f"/v1/interviews/{mine}/answers", json=answer, headers=other).status_code == 404
        assert client.delete(f"/v1/interviews/{mine}", headers=other).status_code == 404
    assert client.get(f"/v1/interviews/{mine}", headers=a).json()["answers"] == []
    assert client.get(f"/v1/interviews/{theirs}", headers=b).status_code == 200
    assert client.get(f"/v1/interviews/{self_assessment}", headers=a).status_code == 200


def test_listing_needs_a_valid_token(client: TestClient) -> None:
    r = client.get("/v1/interviews")
    assert r.status_code == 401 and r.json()["code"] == "E504" and r.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/interviews", headers={"Authorization": "Bearer nape_wrong"}).status_code == 401
    assert client.get("/v1/interviews", headers={"Authorization": "Basic abc"}).status_code == 401
    # a mistyped token never silently creates an anonymous self-assessment
    assert client.post("/v1/interviews", json={}, headers={"Authorization": "Bearer nape_wrong"}).status_code == 401


def test_delete_removes_the_row(client: TestClient, store: Store) -> None:
    iid = _start(client)["id"]
    assert client.delete(f"/v1/interviews/{iid}").status_code == 204
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Interview).where(Interview.id == iid)) == 0
    assert client.get(f"/v1/interviews/{iid}").status_code == 404


def test_an_interview_survives_a_restart(make_client: MakeClient) -> None:
    before = make_client()
    body = _start(before)
    answered = _answer(before, body["id"], body["next_question"]["finding"], "no")
    assert answered["answers"] == [{"finding": body["next_question"]["finding"], "answer": "none"}]  # a checklist
    before.app.state.store.dispose()  # type: ignore[attr-defined]
    after = make_client()  # a new process on the same database
    resumed = after.get(f"/v1/interviews/{body['id']}").json()
    assert resumed == answered
    assert _answer(after, body["id"], resumed["next_question"]["finding"])["progress"]["asked"] == 2


def test_two_workers_continue_the_same_interview(make_client: MakeClient) -> None:
    w1, w2 = make_client(), make_client()
    body = _start(w1)
    for turn in range(4):
        worker = (w1, w2)[turn % 2]
        body = _answer(worker, body["id"], body["next_question"]["finding"], "no")
    assert w1.get(f"/v1/interviews/{body['id']}").json()["answers"] == body["answers"]
    assert len(body["answers"]) == 4


def test_a_concurrent_save_is_retried_on_the_newer_state(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    w1, w2 = make_client(), make_client()
    iid = _start(w1)["id"]
    store: Store = w1.app.state.store  # type: ignore[attr-defined]
    real_save = store.save_interview
    calls = []

    def save_after_another_worker(*args: Any, **kw: Any) -> Any:
        if not calls:  # the other worker's answer lands between our read and our save
            _answer(w2, iid, "fever", "no")
        calls.append(1)
        return real_save(*args, **kw)

    monkeypatch.setattr(store, "save_interview", save_after_another_worker)
    body = _answer(w1, iid, "drooling", "no")
    assert [a["finding"] for a in body["answers"]] == ["fever", "drooling"]
    assert len(calls) == 2


def test_a_second_conflict_is_409(client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    iid = _start(client)["id"]

    def always_conflict(*args: Any, **kw: Any) -> Any:
        raise ConflictError("the assessment was changed by another request; fetch it and try again")

    monkeypatch.setattr(store, "save_interview", always_conflict)
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "answer": "no"})
    assert r.status_code == 409 and r.json()["code"] == "E503"
