"""The FHIR export: every Bundle parses back with the fhir.resources R4B models and holds together."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment
from typer.testing import CliRunner

from nape import interview as iv
from nape.assessment import assess
from nape.cli import app as cli
from nape.fhir import assessment_bundle, interview_bundle
from nape.fhir.bundle import DUE_TO, leading_causes
from nape.fhir.maps import fhir_terms
from nape.knowledge.loader import default_kb
from nape.report.schema import AssessmentOut
from nape.store import Store
from tests.shared import shared_path

ICD = "http://hl7.org/fhir/sid/icd-10-cm"


def _seed_003() -> Path:
    """Seed 003 (a 59-year-old man's brief neck spasms); the test skips when ../shared is absent."""
    return shared_path("seeds/003_4b69ecb2ef88bc2b.txt")


def seed_question(path: Path) -> str:
    """The person's own message (the first paragraph of a seed file)."""
    return path.read_text(encoding="utf-8").split("\n\n")[0]


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def check_bundle(bundle: dict[str, Any]) -> Bundle:
    """Parse with the R4B models and check what the models cannot: urns, references, privacy."""
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert all(u.startswith("urn:uuid:") for u in urls) and len(set(urls)) == len(urls)
    text = json.dumps(bundle)
    for ref in set(_references(bundle)):
        assert ref in urls, f"dangling reference {ref}"
    (patient,) = resources(bundle, "Patient")
    assert set(patient) <= {"resourceType", "gender", "extension"}, "a Patient with only gender and age"
    assert "birthDate" not in text and '"name"' not in text
    return parsed


def _references(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["reference"]] if isinstance(node.get("reference"), str) else []
        return own + [r for v in node.values() for r in _references(v)]
    if isinstance(node, list):
        return [r for v in node for r in _references(v)]
    return []


@pytest.fixture(scope="module")
def dystonia() -> AssessmentOut:
    return assess(seed_question(_seed_003()))


def test_seed_003_cervical_dystonia_bundle(dystonia: AssessmentOut) -> None:
    bundle = assessment_bundle(dystonia, text=seed_question(_seed_003()))
    check_bundle(bundle)
    (ra,) = resources(bundle, "RiskAssessment")
    RiskAssessment.model_validate(ra)
    first = ra["prediction"][0]
    top = default_kb().conditions[dystonia.differential[0].condition]
    assert first["outcome"]["coding"][0] == {"system": ICD, "code": top.icd10cm[0]}
    assert first["probabilityDecimal"] == dystonia.differential[0].probability
    assert len(ra["prediction"]) == len(dystonia.differential)
    assert ra["mitigation"].startswith(f"{dystonia.triage.level}: ")
    notes = [n["text"] for n in ra["note"]]
    assert dystonia.disclaimer in notes and dystonia.emergency_advice in notes
    assert dystonia.knowledge_base_version in ra["method"]["text"]
    (qr,) = resources(bundle, "QuestionnaireResponse")
    qr_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse")
    assert ra["basis"] == [{"reference": qr_url}]
    assert qr["item"][0]["answer"][0]["valueString"] == seed_question(_seed_003())


def test_conditions_are_the_leading_causes_as_differentials(dystonia: AssessmentOut) -> None:
    bundle = assessment_bundle(dystonia)
    conditions = [c for c in resources(bundle, "Condition") if not _due_to(c)]
    leading = leading_causes(dystonia)
    assert len(conditions) == len(leading) >= 3
    assert [c["code"]["text"] for c in conditions] == [d.name for d in leading]
    for cond, d in zip(conditions, leading, strict=True):
        Condition.model_validate(cond)
        assert cond["verificationStatus"]["coding"][0]["code"] == "differential"
        assert cond["clinicalStatus"]["coding"][0]["code"] == "active"
        assert [c["code"] for c in cond["code"]["coding"] if c["system"] == ICD] == d.icd10cm
        assert [c["code"] for c in cond["evidence"][0].get("code", []) for c in c["coding"]] == d.for_
    extra = [d for d in dystonia.differential[3:] if d.probability >= fhir_terms().condition_min_probability]
    assert all(d in leading for d in extra)


def _due_to(cond: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in cond.get("extension", []) if e["url"] == DUE_TO]


def _leading_assessment(cid: str) -> AssessmentOut:
    """An assessment with the strongest findings of ``cid`` present, so that it leads."""
    cond = default_kb().conditions[cid]
    findings = {lk.finding: True for lk in sorted(cond.findings, key=lambda lk: -lk.p)[:6] if lk.p >= 0.3}
    a = assess(findings=findings, age=60, sex="female")
    assert cid in [d.condition for d in leading_causes(a)]
    return a


@pytest.mark.parametrize(
    ("cid", "code"), [("cervical_myelopathy", "G99.2"), ("peripheral_neuropathy", "G63"), ("hypothyroidism", "G73.7")]
)
def test_a_manifestation_code_is_exported_only_beside_its_underlying_disease(cid: str, code: str) -> None:
    bundle = assessment_bundle(_leading_assessment(cid))
    check_bundle(bundle)
    urls = {id(e["resource"]): e["fullUrl"] for e in bundle["entry"]}
    conditions = resources(bundle, "Condition")
    cause = next(c for c in conditions if c["code"]["text"] == default_kb().conditions[cid].name)
    (manifest,) = [c for c in conditions if any(x["code"] == code for x in c["code"]["coding"])]
    Condition.model_validate(manifest)
    links = _due_to(manifest)
    assert [e["valueReference"]["reference"] for e in links if "valueReference" in e] == [urls[id(cause)]]
    (underlying,) = [e["valueCodeableConcept"] for e in links if "valueCodeableConcept" in e]
    (pairing,) = [m for m in default_kb().conditions[cid].icd10cm_secondary if m.code == code]
    assert [(c["system"], c["code"]) for c in underlying["coding"]] == [(ICD, c) for c in pairing.with_any]
    assert code in manifest["note"][0]["text"]
    # never a coding of a cause, nor an outcome of the risk assessment
    causes = [c for c in conditions if not _due_to(c)]
    assert all(x["code"] != code for c in causes for x in c["code"]["coding"])
    (ra,) = resources(bundle, "RiskAssessment")
    assert all(x["code"] != code for p in ra["prediction"] for x in p["outcome"]["coding"])


def test_emergency_meningitis_story_keeps_the_red_flag_and_level() -> None:
    text = "Since last night I have a high fever, a pounding headache and my neck is so stiff I cannot bend it."
    a = assess(text, age=19, sex="female")
    assert a.triage.level.startswith("emergency")
    bundle = assessment_bundle(a, text=text)
    check_bundle(bundle)
    (ra,) = resources(bundle, "RiskAssessment")
    assert ra["mitigation"] == f"{a.triage.level}: {a.triage.advice}"
    red = next(n["text"] for n in ra["note"] if n["text"].startswith("Red flags"))
    assert all(f.label in red for f in a.red_flags) and a.red_flags
    (patient,) = resources(bundle, "Patient")
    assert patient["gender"] == "female" and patient["extension"][0]["valueAge"]["value"] == 19


def test_findings_only_input_has_no_free_text() -> None:
    a = assess(findings={"low_back_pain": True, "fever": False}, age=40, sex="male")
    bundle = assessment_bundle(a)
    check_bundle(bundle)
    (qr,) = resources(bundle, "QuestionnaireResponse")
    QuestionnaireResponse.model_validate(qr)
    assert qr["status"] == "completed"
    assert all(item["linkId"] != "description" for item in qr["item"])
    group = next(item for item in qr["item"] if item["linkId"] == "findings")
    answers = {i["linkId"]: i["answer"][0]["valueCoding"]["code"] for i in group["item"]}
    assert answers == {"finding.low_back_pain": "Y", "finding.fever": "N"}


def test_empty_differential_still_validates() -> None:
    a = assess(findings={"neck_pain": True}).model_copy(update={"differential": []})
    bundle = assessment_bundle(a)
    check_bundle(bundle)
    (ra,) = resources(bundle, "RiskAssessment")
    assert "prediction" not in ra and not resources(bundle, "Condition")


def test_interview_bundle_has_questions_answers_and_status() -> None:
    state = iv.start("woke up with a stiff neck", age=30, sex="male")
    asked = []
    kb = default_kb()
    # the two neck checklists ("none of these", "don't know"), then yes / no questions
    for answer in ("no", "dont_know", "no", "yes"):
        q = iv.current(state).next_question
        assert q is not None and not q.choices
        if q.items:  # each item of a checklist is one question about its finding
            asked += [(i.id, kb.findings[i.id].question, answer) for i in q.items]
        else:
            asked.append((q.finding, q.text, answer))
        state = iv.answer(state, q.finding, answer)
    bundle = interview_bundle(state, interview_id="private-id")
    check_bundle(bundle)
    assert bundle["identifier"]["value"] == "private-id"
    (qr,) = resources(bundle, "QuestionnaireResponse")
    assert qr["status"] == "in-progress"
    (ra,) = resources(bundle, "RiskAssessment")
    assert ra["status"] == "preliminary"
    questions = [i for i in qr["item"] if i["linkId"].startswith("question.")]
    codes = {"yes": "Y", "no": "N", "dont_know": "asked-unknown"}
    assert [(i["linkId"], i["text"], i["answer"][0]["valueCoding"]["code"]) for i in questions] == [
        (f"question.{f}", text, codes[ans]) for f, text, ans in asked
    ]
    words = next(i for i in qr["item"] if i["linkId"] == "findings")["item"][0]["answer"][0]["item"][0]
    assert words["answer"][0]["valueString"] in state.text


def test_finished_interview_is_completed_and_final() -> None:
    state = iv.start("woke up with a stiff neck", age=30, sex="male")
    while (q := iv.current(state).next_question) is not None:
        state = iv.answer(state, q.finding, q.choices[0].id if q.choices else "no")
    bundle = interview_bundle(state)
    (qr,) = resources(bundle, "QuestionnaireResponse")
    (ra,) = resources(bundle, "RiskAssessment")
    assert (qr["status"], ra["status"]) == ("completed", "final")


# --------------------------------------------------------------------------- route and CLI
def test_fhir_route_serves_a_saved_interview(client: TestClient, store: Store) -> None:
    state = iv.start("stiff neck after sleeping badly", age=41)
    rec = store.create_interview(state.to_dict())
    r = client.get(f"/v1/interviews/{rec.id}/fhir")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/fhir+json")
    check_bundle(r.json())
    assert r.json()["identifier"]["value"] == rec.id


def test_fhir_route_follows_ownership(client: TestClient, store: Store) -> None:
    owner, token = store.create_clinician("Dr Owner")
    _, other = store.create_clinician("Dr Other")
    rec = store.create_interview(iv.start("sore low back").to_dict(), owner_id=owner.id)
    assert client.get(f"/v1/interviews/{rec.id}/fhir", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    for headers in ({}, {"Authorization": f"Bearer {other}"}):
        r = client.get(f"/v1/interviews/{rec.id}/fhir", headers=headers)
        assert r.status_code == 404 and r.json()["code"] == "E502"
    assert client.get("/v1/interviews/no-such-id/fhir").status_code == 404


def test_cli_assess_fhir_prints_a_bundle() -> None:
    r = CliRunner().invoke(
        cli, ["assess", "--finding", "fever=present", "--finding", "neck_stiffness=present", "--fhir"]
    )
    assert r.exit_code == 0, r.output
    bundle = json.loads(r.output)
    check_bundle(bundle)
    (ra,) = resources(bundle, "RiskAssessment")
    assert ra["mitigation"].startswith("emergency")


def test_cli_refuses_json_and_fhir_together() -> None:
    r = CliRunner().invoke(cli, ["assess", "--text", "stiff neck", "--json", "--fhir"])
    assert r.exit_code != 0
    assert "E201" in str(r.exception) and "--fhir" in str(r.exception)
