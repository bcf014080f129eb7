"""The long-text lane (``nape.http.textlane``): a text over its CPU budget is stopped and answered
E206 (422), one that cannot be read in time E207 (503, Retry-After); ordinary texts, however long,
are read within the budget and exactly as in the worker; short texts never go to the lane."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from nape.api.cds_hooks import EXAMPLE
from nape.assessment import assess
from nape.core.config import get_settings
from nape.errors import TextBudgetError, TextReaderBusyError
from nape.http import textlane
from nape.http.textlane import TextLane, assess_json
from nape.server.app import create_app
from nape.store import Store
from nape.store.models import Interview

ROOT = Path(__file__).resolve().parents[3]
#: 20,000 characters whose reading costs ~0.4 CPU s on the development machine: ~8× a 0.05 s budget.
COSTLY = ("no neck pain " * 1_600)[:20_000]
SHORT = "Woke up with a stiff neck and can't turn my head to the left. No fever, no tingling."


def ordinary_long_texts() -> list[str]:
    """Every development case's words (text and details), joined into texts of up to the length limit."""
    limit = get_settings().max_text_chars
    texts, current = [], ""
    for line in (ROOT / "data" / "cases" / "dev.jsonl").read_text().splitlines():
        case = json.loads(line)
        words = " ".join(filter(None, (case["text"], case.get("details"))))
        if current and len(current) + 1 + len(words) > limit:
            texts.append(current)
            current = ""
        current = f"{current} {words}".strip()
    return [*texts, current]


@pytest.fixture(scope="module")
def tight() -> Iterator[TextLane]:
    """A lane with a 0.05 CPU-second budget."""
    lane = TextLane(budget_s=0.05, wait_s=60)
    yield lane
    lane.close()


def test_a_text_over_its_budget_is_stopped_with_e206_and_the_lane_recovers(tight: TextLane) -> None:
    with pytest.raises(TextBudgetError) as caught:
        tight.run(assess_json, COSTLY, None, None, None)
    assert caught.value.code == "E206" and "0.05 CPU seconds" in str(caught.value)
    # the stopped process is replaced; the next text is read, and read as in the worker
    assert tight.run(assess_json, SHORT, None, 34, None) == assess(SHORT, age=34).to_json_dict()


def test_input_errors_from_the_lane_keep_their_number(tight: TextLane) -> None:
    with pytest.raises(Exception) as caught:
        tight.run(assess_json, "\x00\x01\x02\x03" * 600, None, None, None)
    assert str(caught.value).startswith("E204 ")


def test_ordinary_texts_up_to_the_length_limit_never_exceed_the_budget_and_read_the_same() -> None:
    lane = TextLane(budget_s=get_settings().text_budget_s, wait_s=600)
    try:
        texts = ordinary_long_texts()
        assert len(texts) >= 2 and max(len(t) for t in texts) > 15_000
        for text in texts:
            assert lane.run(assess_json, text, None, None, None) == assess(text).to_json_dict()
    finally:
        lane.close()


def test_a_text_that_cannot_be_read_in_time_is_e207_and_the_lane_recovers() -> None:
    lane = TextLane(budget_s=60, wait_s=0.01)
    try:
        with pytest.raises(TextReaderBusyError) as caught:
            lane.run(assess_json, COSTLY, None, None, None)
        assert caught.value.code == "E207" and caught.value.http_headers() == {"Retry-After": "5"}
        lane.wait_s = 60
        assert lane.run(assess_json, SHORT, None, None, None) == assess(SHORT).to_json_dict()
    finally:
        lane.close()


def test_only_long_texts_go_to_the_lane_counting_growth_by_normalisation() -> None:
    limit = get_settings().long_text_chars
    assert not textlane.is_long(None) and not textlane.is_long(SHORT) and not textlane.is_long("x" * limit)
    assert textlane.is_long("x" * (limit + 1))
    assert textlane.is_long("\ufdfa" * (limit // 18 + 1))  # one character, 18 once NFKC-normalised


@pytest.fixture()
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The API with the lane on (as in ``nape serve``), a 0.05 CPU-second budget."""
    monkeypatch.setenv("NAPE_TEXT_BUDGET_S", "0.05")
    get_settings.cache_clear()
    store = Store(f"sqlite:///{tmp_path}/budget.db")
    textlane.enable_lane()
    try:
        yield TestClient(create_app(store))
    finally:
        textlane.disable_lane()
        store.dispose()
        get_settings.cache_clear()


def test_the_api_answers_a_text_over_its_budget_422_e206_and_short_texts_as_before(client: TestClient) -> None:
    r = client.post("/v1/assess", json={"text": COSTLY})
    assert r.status_code == 422 and r.json()["code"] == "E206"
    assert "CPU seconds" in r.json()["detail"] and "nothing was saved" in r.json()["detail"]
    r = client.post("/v1/assess", json={"text": SHORT, "age": 34})
    assert r.status_code == 200 and r.json() == assess(SHORT, age=34).to_json_dict()
    r = client.post("/v1/assess", json={"findings": {"fever": True, "neck_stiffness": True}})
    assert r.status_code == 200 and r.json()["triage"]["level"] == "emergency_ambulance"


def test_the_api_and_the_start_form_answer_a_long_text_they_cannot_read_in_time_503_e207(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    lane = textlane.enable_lane(start=False)
    monkeypatch.setattr(lane, "budget_s", 60)
    monkeypatch.setattr(lane, "wait_s", 0.01)
    r = client.post("/v1/assess", json={"text": COSTLY})
    assert r.status_code == 503 and r.json()["code"] == "E207" and r.headers["Retry-After"] == "5"
    r = client.post("/start", data={"text": COSTLY, "age": "40"}, follow_redirects=False)
    assert r.status_code == 503 and "E207" in r.text and "<form" in r.text and r.headers["Retry-After"] == "5"


def test_a_cds_hooks_call_with_a_text_over_its_budget_is_e206(client: TestClient) -> None:
    hook = {**EXAMPLE, "extension": {"nape-text": COSTLY}}
    r = client.post("/cds-services/nape-spasm-triage", json=hook)
    assert r.status_code == 422 and r.json()["code"] == "E206"
    cards = client.post("/cds-services/nape-spasm-triage", json=EXAMPLE).json()["cards"]
    assert cards and "not a diagnosis" in json.dumps(cards).lower()


def test_interviews_and_the_start_form_refuse_a_text_over_its_budget_and_save_nothing(client: TestClient) -> None:
    r = client.post("/v1/interviews", json={"text": COSTLY})
    assert r.status_code == 422 and r.json()["code"] == "E206"
    r = client.post("/start", data={"text": COSTLY, "age": "40"}, follow_redirects=False)
    assert r.status_code == 422 and "E206" in r.text and "<form" in r.text
    r = client.post("/start", data={"text": SHORT, "age": "40"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/a/")
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Interview)) == 1  # only the short text's
