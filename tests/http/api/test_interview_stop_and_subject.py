"""API: an emergency ends an interview at once; a parent's check about a child is about the child."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nape.server.app import create_app
from nape.store import Store

MENINGITIS_WORDS = "Really bad headache since this morning, neck is stiff, temperature of 39, light hurts my eyes"
CHILD_WORDS = "My son, 14, has a stiff neck that he holds tilted to one side, after a sore throat last week."


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store(f"sqlite:///{tmp_path / 'nape.db'}")
    yield TestClient(create_app(store))
    store.dispose()


def _create(client: TestClient, **body: Any) -> dict[str, Any]:
    r = client.post("/v1/interviews", json=body)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def _answer(client: TestClient, iid: str, q: dict[str, Any], pick: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"finding": q["finding"]}
    if q["choices"]:
        body["choice"] = pick or q["choices"][0]["id"]
    else:
        body["answer"] = pick or "no"
    r = client.post(f"/v1/interviews/{iid}/answers", json=body)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_an_emergency_in_the_words_is_done_with_no_question(client: TestClient) -> None:
    body = _create(client, text=MENINGITIS_WORDS)
    assert body["done"] is True and body["next_question"] is None
    assert body["progress"]["asked"] == 0
    assert body["triage_level"] == "emergency_ambulance"
    stop = body["emergency"]
    assert stop["red_flag"] == "fever_stiff_neck" and stop["reason"].endswith(".")
    assert stop["while_waiting"] and stop["call"] == ["999", "112", "911"]
    assert stop["call_links"] == ["tel:999", "tel:112", "tel:911"]


def test_an_emergency_department_stop_lists_the_signs_that_call_an_ambulance(client: TestClient) -> None:
    story = "Slipped on the ice this morning, now my mid back hurts and it is tender right over the spine bones."
    body = _create(client, text=story, age=40)
    assert body["done"] is True and body["next_question"] is None
    assert body["emergency"]["level"] == "emergency"
    signs = body["emergency"]["call_ambulance_if"]
    assert len(signs) == 1 and "fall from a height" in signs[0]
    meningitis = _create(client, text=MENINGITIS_WORDS, age=30)
    assert meningitis["emergency"]["level"] == "emergency_ambulance"
    assert meningitis["emergency"]["call_ambulance_if"] == []


def test_an_emergency_answer_ends_the_interview(client: TestClient) -> None:
    body = _create(client, text="stiff neck and a headache since yesterday", age=25)
    for _ in range(12):
        q = body["next_question"]
        assert q is not None, "fever was never asked"
        if q["finding"] == "fever":
            body = _answer(client, body["id"], q, "yes")
            break
        if "fever" in [i["id"] for i in q["items"]]:  # the warning-sign checklist: tick fever
            r = client.post(f"/v1/interviews/{body['id']}/answers", json={"finding": q["finding"], "items": ["fever"]})
            assert r.status_code == 200, r.text
            body = r.json()
            break
        body = _answer(client, body["id"], q)
    assert body["done"] is True and body["next_question"] is None and body["emergency"] is not None
    again = client.get(f"/v1/interviews/{body['id']}").json()
    assert again["done"] is True and again["next_question"] is None


def test_a_parent_about_a_child_uses_the_childs_age_and_sex_and_addresses_the_child(client: TestClient) -> None:
    body = _create(client, text=CHILD_WORDS, age=44, sex="female", subject={"who": "someone_else", "relation": "child"})
    assert body["subject"]["who"] == "someone_else" and body["subject"]["relation"] == "child"
    assert (body["age"], body["sex"]) == (14, "male")  # the text's, whatever the parent typed first
    q = body["next_question"]
    assert q["finding"] == "confirm_age" and {c["id"] for c in q["choices"]} == {"14", "44"}
    body = _answer(client, body["id"], q, "14")
    q = body["next_question"]
    assert q["finding"] == "confirm_sex"
    body = _answer(client, body["id"], q, "male")
    texts = []
    while body["next_question"] is not None:
        q = body["next_question"]
        texts.append(q["text"])
        body = _answer(client, body["id"], q)
    assert texts, "no question about the child"
    assert not [t for t in texts if " you " in f" {t} " or t.startswith(("Do you", "Are you", "Have you"))], texts
    assert any("your son" in t or " he " in f" {t} " or " his " in f" {t} " for t in texts), texts
    report = client.get(f"/v1/interviews/{body['id']}/report").json()
    assert (report["patient"]["age"], report["patient"]["sex"]) == (14, "male")
    assert report["patient"]["who"].startswith("Your son")


def test_a_checklist_is_one_question_with_items_answered_by_the_ids_ticked(client: TestClient) -> None:
    body = _create(client, text="lower back spasm after gardening", age=45, sex="male")
    q = body["next_question"]
    assert q["reason"] == "checklist" and q["finding"] == "back_nerve_signs"
    ids = [i["id"] for i in q["items"]]
    assert "saddle_anaesthesia" in ids and "bladder_dysfunction" in ids and all(i["label"] for i in q["items"])
    assert q["none_label"] == "None of these" and q["answers"] == ["no", "dont_know"]
    iid = body["id"]
    # nothing ticked: every item shown is now absent, and it counted as one question
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": q["finding"], "items": []})
    assert r.status_code == 200, r.text
    assert r.json()["progress"]["asked"] == 1
    assert r.json()["answers"] == [{"finding": "back_nerve_signs", "answer": "none"}]
    status = {f["id"]: f["status"] for f in client.get(f"/v1/interviews/{iid}/report").json()["findings"]}
    assert all(status.get(fid) == "absent" for fid in ids), status
    # a later answer to the same checklist wins: one tick fires the cauda equina flag and ends it
    client.delete(f"/v1/interviews/{iid}/answers/last")
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": q["finding"], "items": ["bladder_dysfunction"]})
    after = r.json()
    assert after["done"] is True and after["next_question"] is None
    assert after["triage_level"] == "emergency" and after["emergency"]["red_flag"] == "cauda_equina"
    report = client.get(f"/v1/interviews/{iid}/report").json()
    status = {f["id"]: f["status"] for f in report["findings"]}
    assert status["bladder_dysfunction"] == "present" and status["saddle_anaesthesia"] == "absent"


def test_a_checklist_dont_know_leaves_its_items_unknown_and_is_not_asked_again(client: TestClient) -> None:
    body = _create(client, text="lower back spasm after gardening", age=45, sex="male")
    q = body["next_question"]
    iid = body["id"]
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": q["finding"], "answer": "dont_know"})
    assert r.status_code == 200, r.text
    nxt = r.json()["next_question"]
    assert nxt is None or nxt["finding"] != q["finding"]
    status = {f["id"]: f["status"] for f in client.get(f"/v1/interviews/{iid}/report").json()["findings"]}
    assert not {i["id"] for i in q["items"]} & set(status)


def test_bad_checklist_answers_are_numbered_errors(client: TestClient) -> None:
    body = _create(client, text="lower back spasm after gardening", age=45)
    iid, fid = body["id"], body["next_question"]["finding"]
    post = client.post
    unknown = post(f"/v1/interviews/{iid}/answers", json={"finding": fid, "items": ["purple_toes"]})
    assert unknown.status_code == 422 and unknown.json()["code"] == "E201"
    other_list = post(f"/v1/interviews/{iid}/answers", json={"finding": fid, "items": ["fever", "chest_pain"]})
    assert other_list.status_code == 422 and other_list.json()["code"] == "E201"  # not this list's items
    both = post(f"/v1/interviews/{iid}/answers", json={"finding": fid, "items": [], "answer": "no"})
    assert both.status_code == 422
    yes = post(f"/v1/interviews/{iid}/answers", json={"finding": fid, "answer": "yes"})
    assert yes.status_code == 422 and yes.json()["code"] == "E201"  # which ones? a checklist needs its items
    on_yes_no = post(f"/v1/interviews/{iid}/answers", json={"finding": "fever", "items": ["fever"]})
    assert on_yes_no.status_code == 422 and on_yes_no.json()["code"] == "E201"
    assert client.get(f"/v1/interviews/{iid}").json()["answers"] == []


def test_a_multiple_choice_answer_and_bad_answers(client: TestClient) -> None:
    body = _create(client, text="my lower back keeps going into spasm", age=35)
    iid = body["id"]
    r = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "how_long", "choice": "1_to_6_weeks"})
    assert r.status_code == 200, r.text
    assert {"finding": "how_long", "answer": "1_to_6_weeks"} in r.json()["answers"]
    report = client.get(f"/v1/interviews/{iid}/report").json()
    status = {f["id"]: f["status"] for f in report["findings"]}
    assert status["duration_1_to_6_weeks"] == "present" and status["duration_over_6_weeks"] == "absent"
    both = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "how_long", "choice": "x", "answer": "no"})
    assert both.status_code == 422
    wrong = client.post(f"/v1/interviews/{iid}/answers", json={"finding": "how_long", "choice": "fortnight"})
    assert wrong.status_code == 422 and wrong.json()["code"] == "E201"
    bad_subject = client.post("/v1/interviews", json={"text": "x y z", "subject": {"who": "self", "relation": "child"}})
    assert bad_subject.status_code == 422
