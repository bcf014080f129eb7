"""An assessment as a FHIR R4 Bundle, built and validated with ``fhir.resources`` (R4B models).

The Bundle (type ``collection``) holds, each under a ``urn:uuid:`` fullUrl and referring to the
others by those urns:

- a ``Patient`` with only gender and age (an extension; never a name or a birth date);
- a ``QuestionnaireResponse``: the person's own words, each question asked with its answer
  (yes / no / don't know), and the findings read from the words with the words they came from;
- a ``RiskAssessment``: a ``prediction`` per cause (ICD-10-CM outcome and probability), the triage
  level and advice in ``mitigation``, reasons, red flags and the disclaimer in ``note``;
- a ``Condition`` (verificationStatus ``differential``) for each leading cause, and for a cause with
  an ICD-10-CM "in diseases classified elsewhere" code (G63, G73.7, G99.2) a second Condition for
  that manifestation code: it carries the ``condition-dueTo`` extension twice, once referring to the
  cause's Condition and once naming the underlying-disease codes that are coded first. A
  manifestation code is never a coding of the cause itself nor a RiskAssessment outcome.

Example: a febrile stiff neck gives a RiskAssessment whose first prediction is meningitis
(ICD-10-CM G03.9) and whose mitigation starts "emergency_ambulance: Call an ambulance…"::

    bundle = assessment_bundle(assess(findings={"fever": True, "neck_stiffness": True}))
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from nape.fhir.maps import FhirTerms, fhir_terms
from nape.interview import InterviewState, current, finding_answers
from nape.knowledge.loader import default_kb
from nape.report.schema import AssessmentOut, DifferentialItem

Json = dict[str, Any]


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _ref(urn: str) -> Json:
    return {"reference": urn}


def _patient(a: AssessmentOut, t: FhirTerms) -> Json:
    """Gender and age only: a 34-year-old woman is ``gender: female`` + an age extension of 34 a."""
    patient: Json = {"resourceType": "Patient"}
    gender = t.gender.get(a.patient.sex or "")
    if gender:
        patient["gender"] = gender
    if a.patient.age is not None:
        age = {"value": a.patient.age, "unit": "years", "system": t.systems.ucum, "code": "a"}
        patient["extension"] = [{"url": f"{t.namespace}/StructureDefinition/age", "valueAge": age}]
    return patient


def _question_items(answers: Iterable[tuple[str, str]], t: FhirTerms) -> list[Json]:
    """Each asked question with its answer, e.g. "Do you have a fever?" → No (v2-0136 N)."""
    kb = default_kb()
    items = []
    for fid, answer in answers:
        coding = t.answers[answer].model_dump()  # type: ignore[index]
        items.append(
            {"linkId": f"question.{fid}", "text": kb.findings[fid].question, "answer": [{"valueCoding": coding}]}
        )
    return items


def _finding_items(a: AssessmentOut, skip: set[str], t: FhirTerms) -> list[Json]:
    """Findings read from the words, each with the words it came from (e.g. "no fever" → fever: No)."""
    items = []
    for f in a.findings:
        if f.id in skip:
            continue
        words = {
            "linkId": f"finding.{f.id}.words",
            "text": "Words it came from",
            "answer": [{"valueString": f.source_text}],
        }
        coding = t.answers["yes" if f.status == "present" else "no"].model_dump()
        items.append(
            {"linkId": f"finding.{f.id}", "text": f.label, "answer": [{"valueCoding": coding, "item": [words]}]}
        )
    return items


def _questionnaire_response(
    a: AssessmentOut, text: str | None, answers: list[tuple[str, str]], in_progress: bool, patient: str, t: FhirTerms
) -> Json:
    items: list[Json] = []
    if text:
        items.append({"linkId": "description", "text": "In your own words", "answer": [{"valueString": text}]})
    items += _question_items(answers, t)
    findings = _finding_items(a, {fid for fid, _ in answers}, t)
    if findings:
        items.append({"linkId": "findings", "text": "Findings read from the description", "item": findings})
    qr: Json = {
        "resourceType": "QuestionnaireResponse",
        "status": "in-progress" if in_progress else "completed",
        "subject": _ref(patient),
        "authored": _now(),
    }
    if items:
        qr["item"] = items
    return qr


def _cause_code(d: DifferentialItem, t: FhirTerms) -> Json:
    """ICD-10-CM (and SNOMED CT) codings of a cause, with the knowledge base's name as text."""
    codings = [{"system": t.systems.icd10cm, "code": c} for c in d.icd10cm]
    codings += [{"system": t.systems.snomed, "code": c} for c in default_kb().conditions[d.condition].snomed_ct]
    return {"coding": codings, "text": d.name}


def _labels(ids: list[str]) -> str:
    kb = default_kb()
    return ", ".join(kb.findings[i].label for i in ids) or "none"


def _prediction(d: DifferentialItem, t: FhirTerms) -> Json:
    rationale = f"Raised by: {_labels(d.for_)}. Lowered by: {_labels(d.against)}."
    return {"outcome": _cause_code(d, t), "probabilityDecimal": d.probability, "rationale": rationale}


def _notes(a: AssessmentOut) -> list[Json]:
    notes = [f"Triage level {a.triage.level}. Why:\n" + "\n".join(f"- {r}" for r in a.triage.reasons)]
    if a.red_flags:
        notes.append("Red flags:\n" + "\n".join(f"- {f.label}: {f.message}" for f in a.red_flags))
    notes += [a.disclaimer, a.emergency_advice]
    return [{"text": n} for n in notes]


def _risk_assessment(a: AssessmentOut, patient: str, basis: str, t: FhirTerms) -> Json:
    ra: Json = {
        "resourceType": "RiskAssessment",
        "status": "final" if a.next_question is None else "preliminary",
        "subject": _ref(patient),
        "occurrenceDateTime": _now(),
        "code": {"text": "Causes and urgency of a neck or back muscle spasm (nape)"},
        "method": {
            "text": f"nape Bayesian differential and safety-first triage, knowledge base {a.knowledge_base_version}"
        },
        "basis": [_ref(basis)],
        "mitigation": f"{a.triage.level}: {a.triage.advice}",
        "note": _notes(a),
    }
    if a.differential:
        ra["prediction"] = [_prediction(d, t) for d in a.differential]
    return ra


def leading_causes(a: AssessmentOut, t: FhirTerms | None = None) -> list[DifferentialItem]:
    """The causes exported as Conditions: the first few, plus any at least 10% likely."""
    t = t or fhir_terms()
    return [
        d for i, d in enumerate(a.differential) if i < t.condition_top or d.probability >= t.condition_min_probability
    ]


def _condition(d: DifferentialItem, patient: str, basis: str, t: FhirTerms) -> Json:
    kb = default_kb()
    evidence: Json = {"detail": [_ref(basis)]}
    if d.for_:
        evidence["code"] = [
            {
                "coding": [{"system": t.system("finding"), "code": f, "display": kb.findings[f].label}],
                "text": kb.findings[f].label,
            }
            for f in d.for_
        ]
    return {
        "resourceType": "Condition",
        "clinicalStatus": {"coding": [{"system": t.systems.condition_clinical, "code": "active"}]},
        "verificationStatus": {"coding": [{"system": t.systems.condition_verification, "code": "differential"}]},
        "code": _cause_code(d, t),
        "subject": _ref(patient),
        "recordedDate": _now(),
        "evidence": [evidence],
        "note": [{"text": f"Probability {d.probability:.2f} in nape's differential; not a diagnosis."}],
    }


DUE_TO = "http://hl7.org/fhir/StructureDefinition/condition-dueTo"


def _manifestations(d: DifferentialItem, cause: str, patient: str, t: FhirTerms) -> list[Json]:
    """The cause's manifestation codes, each a Condition due to the cause and to its disease codes.

    Example: peripheral neuropathy gives a Condition coded G63 whose ``condition-dueTo`` extensions
    refer to the neuropathy's Condition and list E03.9, E53.8 and N18.9 (code one of them first).
    """
    out: list[Json] = []
    for m in default_kb().conditions[d.condition].icd10cm_secondary:
        underlying = [{"system": t.systems.icd10cm, "code": c} for c in m.with_any]
        note = f"ICD-10-CM {m.code} is never coded alone: code one of {', '.join(m.with_any)} first."
        out.append(
            {
                "resourceType": "Condition",
                "extension": [
                    {"url": DUE_TO, "valueReference": _ref(cause)},
                    {"url": DUE_TO, "valueCodeableConcept": {"coding": underlying, "text": "Underlying disease"}},
                ],
                "clinicalStatus": {"coding": [{"system": t.systems.condition_clinical, "code": "active"}]},
                "verificationStatus": {
                    "coding": [{"system": t.systems.condition_verification, "code": "differential"}]
                },
                "code": {
                    "coding": [{"system": t.systems.icd10cm, "code": m.code}],
                    "text": f"{d.name}: manifestation code {m.code}",
                },
                "subject": _ref(patient),
                "recordedDate": _now(),
                "note": [{"text": note + (f" {m.note}" if m.note else "")}],
            }
        )
    return out


def _conditions(a: AssessmentOut, patient: str, basis: str, t: FhirTerms) -> list[tuple[str, Json]]:
    """Each leading cause's Condition, followed by the Conditions of its manifestation codes."""
    out: list[tuple[str, Json]] = []
    for d in leading_causes(a, t):
        cause = _urn()
        out.append((cause, _condition(d, patient, basis, t)))
        out += [(_urn(), m) for m in _manifestations(d, cause, patient, t)]
    return out


def assessment_bundle(
    assessment: AssessmentOut,
    *,
    text: str | None = None,
    answers: Iterable[tuple[str, str]] = (),
    interview_id: str | None = None,
    in_progress: bool = False,
) -> Json:
    """The Bundle of one assessment as plain JSON (validated by ``fhir.resources`` R4B).

    ``text`` is the person's own description and ``answers`` the questions asked as
    ``(finding id, "yes" | "no" | "dont_know")``; ``in_progress`` marks an unfinished interview.
    """
    t = fhir_terms()
    patient, qr_urn, ra_urn = _urn(), _urn(), _urn()
    answered = list(answers)
    resources = [
        (patient, _patient(assessment, t)),
        (qr_urn, _questionnaire_response(assessment, text, answered, in_progress, patient, t)),
        (ra_urn, _risk_assessment(assessment, patient, qr_urn, t)),
        *_conditions(assessment, patient, qr_urn, t),
    ]
    data: Json = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _now(),
        "entry": [{"fullUrl": urn, "resource": r} for urn, r in resources],
    }
    if interview_id:
        data["identifier"] = {"system": f"{t.namespace}/interview", "value": interview_id}
    return json.loads(Bundle.model_validate(data).model_dump_json())  # type: ignore[no-any-return]


def interview_bundle(state: InterviewState, *, interview_id: str | None = None) -> Json:
    """The Bundle of an interview: its current assessment, the words and every answer.

    A later answer to the same question replaces the earlier one, as in the assessment.
    """
    a = current(state)
    return assessment_bundle(
        a,
        text=state.text or None,
        answers=finding_answers(state),
        interview_id=interview_id,
        in_progress=a.next_question is not None,
    )
