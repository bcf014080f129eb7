"""Read a patient's record (CDS Hooks prefetch) into nape's age, sex and findings.

Only the parts nape uses are read, leniently: an entry that cannot be read is skipped (and
counted), never an error, because one odd Observation must not hide an emergency. Nothing read
here is logged. Example: a Condition coded ICD-10-CM ``M54.2`` recorded last week and a body
temperature (LOINC ``8310-5``) of 38.9 Cel yesterday give ``{"neck_pain": True, "fever": True}``.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nape.fhir.maps import CodeMap, FhirTerms, ObservationRule, code_map, fhir_terms
from nape.intake.records import Mention

MAX_AGE = 120
_INACTIVE = {"inactive", "remission", "resolved"}
_NOT_TRUE = {"refuted", "entered-in-error"}
_OBSERVATION_OK = {"final", "amended", "corrected", "preliminary"}


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class CodingIn(_In):
    system: str | None = None
    code: str | None = None
    display: str | None = None


class ConceptIn(_In):
    coding: list[CodingIn] = Field(default_factory=list)

    def codes(self, system: str) -> list[CodingIn]:
        return [c for c in self.coding if c.system == system and c.code]


class QuantityIn(_In):
    value: float | None = None
    unit: str | None = None
    code: str | None = None


class RangeIn(_In):
    low: QuantityIn | None = None
    high: QuantityIn | None = None


class PatientIn(_In):
    resource_type: Literal["Patient"] = Field(alias="resourceType")
    birth_date: str | None = Field(default=None, alias="birthDate")
    gender: str | None = None


class ConditionIn(_In):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    resource_type: Literal["Condition"] = Field(alias="resourceType")
    clinical_status: ConceptIn | None = Field(default=None, alias="clinicalStatus")
    verification_status: ConceptIn | None = Field(default=None, alias="verificationStatus")
    code: ConceptIn | None = None
    onset: str | None = Field(default=None, alias="onsetDateTime")
    recorded: str | None = Field(default=None, alias="recordedDate")

    def current(self) -> bool:
        """False when resolved, inactive, refuted or entered in error."""
        clinical = {c.code for c in (self.clinical_status.coding if self.clinical_status else [])}
        verified = {c.code for c in (self.verification_status.coding if self.verification_status else [])}
        abated = any(k.startswith("abatement") for k in (self.model_extra or {}))
        return not (clinical & _INACTIVE or verified & _NOT_TRUE or abated)


class PeriodIn(_In):
    start: str | None = None


class ObservationIn(_In):
    resource_type: Literal["Observation"] = Field(alias="resourceType")
    status: str | None = None
    code: ConceptIn | None = None
    effective: str | None = Field(default=None, alias="effectiveDateTime")
    period: PeriodIn | None = Field(default=None, alias="effectivePeriod")
    issued: str | None = None
    value: QuantityIn | None = Field(default=None, alias="valueQuantity")
    interpretation: list[ConceptIn] = Field(default_factory=list)
    reference_range: list[RangeIn] = Field(default_factory=list, alias="referenceRange")

    def when(self) -> str | None:
        return self.effective or (self.period.start if self.period else None) or self.issued


@dataclass
class RecordReading:
    """What nape took from the record: age, sex, findings and where each came from."""

    age: int | None = None
    sex: str | None = None
    findings: dict[str, bool] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    skipped: int = 0

    def add(self, finding: str, source: str) -> None:
        if finding not in self.findings:
            self.findings[finding] = True
            self.mentions.append(Mention(finding, True, source))


def parse_date(value: str | None) -> date | None:
    """A FHIR date or dateTime ("1980", "1980-04", "1980-04-12T09:00:00Z") as a date; None if unreadable."""
    if not value:
        return None
    parts = value[:10].split("-")
    with contextlib.suppress(ValueError):
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(numbers[0], numbers[1], numbers[2])
    return None


def age_on(birth: date, today: date) -> int:
    """Whole years between a birth date and today (a birthday later this year not yet counted)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _resources(value: Any, kind: str) -> list[Any]:
    """The resources of a prefetch value: a searchset Bundle's entries, one resource, or nothing."""
    if not isinstance(value, dict):
        return []
    if value.get("resourceType") == "Bundle":
        entries = value.get("entry") or []
        return [e.get("resource") for e in entries if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
    return [value] if value.get("resourceType") == kind else []


def _recent(when: str | None, max_age_days: int | None, today: date, *, undated_ok: bool) -> bool:
    if max_age_days is None:
        return True
    day = parse_date(when)
    if day is None:
        return undated_ok
    return 0 <= (today - day).days <= max_age_days


def _icd(code: str) -> str:
    """ICD-10-CM as written in FHIR (dotted, upper case): "m5412" → "M54.12"."""
    code = code.strip().upper()
    return f"{code[:3]}.{code[3:]}" if len(code) > 3 and "." not in code else code


def _read_patient(value: Any, reading: RecordReading, terms: FhirTerms, today: date) -> None:
    if value is None:
        return
    try:
        patient = PatientIn.model_validate(value)
    except ValidationError:
        reading.skipped += 1
        return
    birth = parse_date(patient.birth_date)
    if birth is not None and 0 <= age_on(birth, today) <= MAX_AGE:
        reading.age = age_on(birth, today)
    reading.sex = next((s for s, g in terms.gender.items() if g == patient.gender), None)


def _read_condition(c: ConditionIn, reading: RecordReading, cmap: CodeMap, terms: FhirTerms, today: date) -> None:
    if not c.current() or c.code is None:
        return
    codes = [("icd10cm", _icd(x.code or ""), x) for x in c.code.codes(terms.systems.icd10cm)]
    codes += [("snomed", (x.code or "").strip(), x) for x in c.code.codes(terms.systems.snomed)]
    for system, code, coding in codes:
        for rule in cmap.conditions_for(system, code):  # type: ignore[arg-type]
            if _recent(c.onset or c.recorded, rule.max_age_days, today, undated_ok=True):
                label = "ICD-10-CM" if system == "icd10cm" else "SNOMED CT"
                for fid in rule.findings:
                    reading.add(fid, f"record: Condition {label} {code} ({coding.display or rule.name})")


def _in_unit(q: QuantityIn, unit: str, cmap: CodeMap) -> float | None:
    """The quantity in ``unit`` (UCUM), converting e.g. [degF] to Cel; None when it cannot."""
    given = q.code or q.unit
    if q.value is None:
        return None
    if given == unit:
        return q.value
    conv = cmap.units.get(given or "")
    return (q.value - conv.minus) * conv.times if conv and conv.to == unit else None


def _flags(o: ObservationIn) -> set[str]:
    """The observation's interpretation flags, or H / L from its reference range."""
    flags = {c.code for concept in o.interpretation for c in concept.coding if c.code}
    if flags or o.value is None or o.value.value is None or not o.reference_range:
        return flags
    rng, v = o.reference_range[0], o.value.value
    if rng.high is not None and rng.high.value is not None and v > rng.high.value:
        flags.add("H")
    if rng.low is not None and rng.low.value is not None and v < rng.low.value:
        flags.add("L")
    return flags


def _matches(o: ObservationIn, rule: ObservationRule, cmap: CodeMap) -> bool:
    if rule.at_or_above is not None and o.value is not None:
        value = _in_unit(o.value, rule.at_or_above.unit, cmap)
        if value is not None and value >= rule.at_or_above.value:
            return True
    return bool(set(rule.interpretation) & _flags(o))


def _shown(q: QuantityIn | None) -> str:
    """ " 38.9 Cel" for the words a finding came from; empty without a value."""
    if q is None or q.value is None:
        return ""
    return f" {q.value:g} {q.code or q.unit or ''}".rstrip()


def _read_observation(o: ObservationIn, reading: RecordReading, cmap: CodeMap, terms: FhirTerms, today: date) -> None:
    if o.status not in _OBSERVATION_OK or o.code is None:
        return
    for coding in o.code.codes(terms.systems.loinc):
        for rule in cmap.observations_for((coding.code or "").strip()):
            if _recent(o.when(), rule.max_age_days, today, undated_ok=False) and _matches(o, rule, cmap):
                reading.add(rule.finding, f"record: Observation LOINC {coding.code} ({rule.name}){_shown(o.value)}")


def read_record(prefetch: dict[str, Any] | None, today: date) -> RecordReading:
    """Age, sex and findings from the prefetched ``patient``, ``conditions`` and ``observations``."""
    prefetch = prefetch or {}
    reading, cmap, terms = RecordReading(), code_map(), fhir_terms()
    _read_patient(prefetch.get("patient"), reading, terms, today)
    for raw in _resources(prefetch.get("conditions"), "Condition"):
        try:
            _read_condition(ConditionIn.model_validate(raw), reading, cmap, terms, today)
        except ValidationError:
            reading.skipped += 1
    for raw in _resources(prefetch.get("observations"), "Observation"):
        try:
            _read_observation(ObservationIn.model_validate(raw), reading, cmap, terms, today)
        except ValidationError:
            reading.skipped += 1
    return reading


def has_complaint(reading: RecordReading) -> bool:
    """True when the record shows a neck or back complaint nape can reason about."""
    return any(f in reading.findings for f in code_map().complaint_findings)
