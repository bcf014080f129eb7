"""CDS Hooks 2.0: discovery, patient-view cards, bad requests, and the record reader."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nape.assessment import assess
from nape.fhir.cds import SUMMARY_MAX, summary
from nape.fhir.maps import fhir_terms
from nape.fhir.record import age_on, parse_date, read_record
from nape.interview import InterviewState
from nape.store import Store
from tests.conftest import ROOT

SERVICE = "/cds-services/nape-spasm-triage"
TODAY = datetime.now(UTC).date()
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"


def days_ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def patient(gender: str = "female", age: int = 24) -> dict[str, Any]:
    born = TODAY.replace(year=TODAY.year - age) - timedelta(days=1)
    return {"resourceType": "Patient", "id": "p1", "gender": gender, "birthDate": born.isoformat()}


def condition(system: str, code: str, *, recorded: int = 1, status: str = "active") -> dict[str, Any]:
    return {
        "resourceType": "Condition",
        "clinicalStatus": {"coding": [{"code": status}]},
        "code": {"coding": [{"system": system, "code": code}]},
        "recordedDate": days_ago(recorded),
    }


def temperature(value: float, unit: str = "Cel", *, taken: int = 0) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "8310-5"}]},
        "effectiveDateTime": days_ago(taken) + "T08:00:00Z",
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
    }


def searchset(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources]}


def hook(prefetch: dict[str, Any] | None = None, text: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"userId": "Practitioner/7", "patientId": "p1"},
    }
    if prefetch is not None:
        body["prefetch"] = prefetch
    if text is not None:
        body["extension"] = {"nape-text": text}
    return body


def cards(client: TestClient, body: dict[str, Any]) -> list[dict[str, Any]]:
    r = client.post(SERVICE, json=body)
    assert r.status_code == 200, r.text
    out: list[dict[str, Any]] = r.json()["cards"]
    for c in out:
        assert len(c["summary"]) < 140
        assert set(c) >= {"summary", "indicator", "detail", "source", "links"}
        assert c["source"]["label"] == "nape" and c["source"]["url"].startswith("http")
    return out


# --------------------------------------------------------------------------- discovery
def test_discovery_lists_one_patient_view_service(client: TestClient) -> None:
    r = client.get("/cds-services")
    assert r.status_code == 200
    (service,) = r.json()["services"]
    assert service["id"] == "nape-spasm-triage" and service["hook"] == "patient-view"
    assert service["title"] and service["description"]
    assert service["prefetch"] == {
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}",
        "observations": "Observation?patient={{context.patientId}}&_sort=-date&_count=50",
    }


# --------------------------------------------------------------------------- cards
def test_febrile_stiff_neck_is_critical(client: TestClient, store: Store) -> None:
    prefetch = {
        "patient": patient("male", 19),
        "conditions": searchset(condition(ICD, "R29.1"), condition(SNOMED, "81680005")),
        "observations": searchset(temperature(39.4)),
    }
    (card,) = cards(client, hook(prefetch))
    assert card["indicator"] == "critical"
    assert card["summary"].startswith("Emergency")
    assert "rule out Meningitis" in card["summary"], "the cause behind the level is named"
    assert "**Red flags**" in card["detail"] and "| cause | probability | ICD-10-CM |" in card["detail"]
    assert "8310-5" in card["detail"] and "R29.1" in card["detail"]
    a_disclaimer = assess(findings={"fever": True}).disclaimer
    assert a_disclaimer in card["detail"]
    (link,) = card["links"]
    assert link["type"] == "absolute" and link["label"] == "Full nape report"
    interview_id = link["url"].rsplit("/a/", 1)[1].removesuffix("/clinician")
    saved = store.get_interview(interview_id)
    assert saved.kind == "cds" and saved.owner_id is None
    state = InterviewState.from_dict(saved.state)
    assert (state.age, state.sex) == (19, "male")
    assert state.stated == {"neck_stiffness": True, "neck_pain": True, "fever": True}


def test_fahrenheit_fever_counts_and_an_old_one_does_not(client: TestClient) -> None:
    conds = searchset(condition(ICD, "R29.1"))
    (hot,) = cards(client, hook({"conditions": conds, "observations": searchset(temperature(102.2, "[degF]"))}))
    assert hot["indicator"] == "critical"
    reading = read_record({"observations": searchset(temperature(39.5, taken=20))}, TODAY)
    assert "fever" not in reading.findings


def test_chronic_radicular_story_is_a_warning(client: TestClient) -> None:
    text = "For three months my neck has ached and a pain runs down my right arm into the thumb with tingling."
    prefetch = {"patient": patient("male", 52), "conditions": searchset(condition(ICD, "M54.12", recorded=60))}
    (card,) = cards(client, hook(prefetch, text))
    assert card["indicator"] == "warning"
    assert "Radiculopathy" in card["detail"] or "radiculopathy" in card["detail"]


def test_text_alone_is_enough_for_a_card(client: TestClient) -> None:
    (card,) = cards(client, hook(None, "Slept awkwardly and woke with a stiff, sore neck; no fever, no headache."))
    assert card["indicator"] == "info"


def test_nothing_relevant_gives_no_card_and_saves_nothing(client: TestClient, store: Store) -> None:
    prefetch = {"patient": patient(), "conditions": searchset(condition(ICD, "E11.9"), condition(ICD, "J45.909"))}
    assert cards(client, hook(prefetch)) == []
    assert cards(client, hook(None)) == []
    assert cards(client, hook({})) == []


def test_unknown_codes_and_unreadable_entries_are_ignored() -> None:
    prefetch = {
        "patient": patient(),
        "conditions": searchset(
            condition("http://example.org/local", "NECK"),
            condition(ICD, "Z00.00"),
            {"resourceType": "Condition", "code": "not a concept"},
            condition(ICD, "M54.2"),
        ),
        "observations": searchset(
            {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": LOINC, "code": "1-8"}]}},
            temperature(36.8),
        ),
    }
    reading = read_record(prefetch, TODAY)
    assert reading.findings == {"neck_pain": True}
    assert reading.skipped == 1


def test_resolved_refuted_and_stale_conditions_are_ignored() -> None:
    refuted = condition(ICD, "C50.911") | {"verificationStatus": {"coding": [{"code": "refuted"}]}}
    abated = condition(ICD, "G35") | {"abatementDateTime": days_ago(30)}
    prefetch = {
        "conditions": searchset(
            condition(ICD, "M54.2", status="resolved"), refuted, abated, condition(ICD, "M54.50", recorded=400)
        )
    }
    assert read_record(prefetch, TODAY).findings == {}


def test_history_codes_count_at_any_age_and_labs_use_the_lab_flag() -> None:
    tsh = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "3016-3"}]},
        "effectiveDateTime": days_ago(10),
        "valueQuantity": {"value": 9.1, "unit": "m[IU]/L"},
        "referenceRange": [{"low": {"value": 0.4}, "high": {"value": 4.0}}],
    }
    ck = tsh | {"code": {"coding": [{"system": LOINC, "code": "2157-6"}]}, "referenceRange": []}
    ck |= {"interpretation": [{"coding": [{"code": "H"}]}]}
    reading = read_record(
        {"conditions": searchset(condition(ICD, "Z85.3", recorded=3000)), "observations": searchset(tsh, ck)}, TODAY
    )
    assert reading.findings == {"history_of_cancer": True, "abnormal_tsh": True, "raised_ck": True}


# --------------------------------------------------------------------------- bad requests
@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda b: b.pop("hook"), "hook"),
        (lambda b: b.update(hook="order-sign"), "patient-view"),
        (lambda b: b.pop("hookInstance"), "hookInstance"),
        (lambda b: b.update(hookInstance="not-a-uuid"), "hookInstance"),
        (lambda b: b["context"].pop("patientId"), "patientId"),
        (lambda b: b.update(context="p1"), "context"),
        (lambda b: b.update(prefetch=["not", "an", "object"]), "prefetch"),
        (lambda b: b.update(extension={"nape-text": 42}), "nape-text"),
    ],
)
def test_malformed_requests_get_a_4xx_with_a_message(client: TestClient, change: Any, needle: str) -> None:
    body = hook({"patient": patient()}, "stiff neck")
    change(body)
    r = client.post(SERVICE, json=body)
    assert 400 <= r.status_code < 500
    assert needle in json.dumps(r.json()["detail"])


def test_not_json_is_refused(client: TestClient) -> None:
    r = client.post(SERVICE, content=b"\x00\x01", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"]


def test_unknown_service_is_404(client: TestClient) -> None:
    assert client.post("/cds-services/other-service", json=hook()).status_code == 404


# --------------------------------------------------------------------------- summaries and helpers
CASES = [json.loads(line) for line in (ROOT / "data/cases/dev.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("case", CASES[::7], ids=lambda c: c["id"])
def test_summary_stays_under_140_characters(case: dict[str, Any]) -> None:
    a = assess(case["text"], age=case.get("age"), sex=case.get("sex"))
    line = summary(a)
    assert len(line) <= SUMMARY_MAX
    assert line.startswith(fhir_terms().cds.summary_label[a.triage.level])
    assert not line.endswith("…") or a.red_flags, "only a red flag label is ever cut"


def test_a_long_summary_is_cut_with_an_ellipsis() -> None:
    a = assess(findings={"fever": True, "neck_stiffness": True})
    long_flag = a.red_flags[0].model_copy(update={"label": "x" * 200})
    line = summary(a.model_copy(update={"red_flags": [long_flag]}))
    assert len(line) == SUMMARY_MAX and line.endswith("…")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1980-04-12", date(1980, 4, 12)),
        ("1980-04", date(1980, 4, 1)),
        ("1980", date(1980, 1, 1)),
        ("2020-02-30", None),
        ("", None),
        ("soon", None),
        ("2024-05-01T10:00:00+02:00", date(2024, 5, 1)),
    ],
)
def test_fhir_dates(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_age_counts_the_birthday_only_once_reached() -> None:
    assert age_on(date(2000, 6, 15), date(2030, 6, 14)) == 29
    assert age_on(date(2000, 6, 15), date(2030, 6, 15)) == 30


def test_impossible_birth_dates_leave_age_unknown() -> None:
    assert read_record({"patient": {"resourceType": "Patient", "birthDate": "1700-01-01"}}, TODAY).age is None
    assert read_record({"patient": {"resourceType": "Patient", "birthDate": "2999-01-01"}}, TODAY).age is None


def test_usage_docs_document_the_routes_flag_and_extension() -> None:
    readme = (ROOT / "docs/usage.md").read_text(encoding="utf-8")
    for word in ("GET /cds-services", f"POST {SERVICE}", "/v1/interviews/{interview_id}/fhir", "--fhir", "nape-text"):
        assert word in readme


def test_no_request_data_in_logs(client: TestClient, caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    secret = "my neighbour Zebedee-Quarm hurt his neck"
    with caplog.at_level("DEBUG"):
        cards(client, hook({"patient": patient()}, secret))
    assert "Zebedee" not in caplog.text


def test_a_realistic_prefetch_over_the_api_body_limit_is_accepted(client: TestClient) -> None:
    """Fifty observations with the usual metadata weigh well over the 64 kB limit of /v1."""
    padding = {"text": {"status": "generated", "div": "<div>" + "x" * 4000 + "</div>"}}
    observations = [{**temperature(38.6 if i == 0 else 36.8, taken=i), **padding} for i in range(50)]
    body = hook({"patient": patient(age=30), "observations": searchset(*observations)}, "stiff neck and headache")
    assert len(json.dumps(body)) > 150_000
    (card,) = cards(client, body)
    assert card["indicator"] == "critical"


def test_a_cds_body_over_its_own_limit_is_413(client: TestClient) -> None:
    body = hook({"patient": patient(), "observations": searchset()}, "neck pain")
    body["prefetch"]["padding"] = "x" * 2_100_000
    assert client.post(SERVICE, json=body).status_code == 413
