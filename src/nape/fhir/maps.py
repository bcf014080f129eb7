"""The FHIR and CDS Hooks mapping data (``resources/*.yaml``), loaded through strict schemas.

Example: a record's ``Condition`` coded ICD-10-CM ``M54.2`` (cervicalgia) becomes the nape
finding ``neck_pain``; an ``Observation`` LOINC ``8310-5`` of 38.6 Cel becomes ``fever``::

    code_map().conditions_for("icd10cm", "M54.2")[0].findings   # ['neck_pain']
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from nape.core.resources import StrictModel, load_validated
from nape.knowledge.schema import Id, SnomedCode, TriageLevel

RESOURCES = Path(__file__).parent / "resources"

_ICD_PREFIX = re.compile(r"^[A-TV-Z]([0-9][0-9AB]?(\.[0-9A-Z]{0,4})?)?$")
_LOINC = re.compile(r"^[0-9]{1,7}-[0-9]$")


def _check_icd_prefix(value: str) -> str:
    if not _ICD_PREFIX.match(value):
        raise ValueError(f"{value!r} is not an ICD-10-CM code or prefix (e.g. M54.5, C, Z85)")
    return value


def _check_loinc(value: str) -> str:
    if not _LOINC.match(value):
        raise ValueError(f"{value!r} is not shaped like a LOINC code (e.g. 8310-5)")
    return value


ICDPrefix = Annotated[str, AfterValidator(_check_icd_prefix)]
LoincCode = Annotated[str, AfterValidator(_check_loinc)]


# --------------------------------------------------------------------------- fhir.yaml
class Coding(StrictModel):
    system: str
    code: str
    display: str


class Systems(StrictModel):
    icd10cm: str
    snomed: str
    loinc: str
    ucum: str
    condition_clinical: str
    condition_verification: str


class CdsSettings(StrictModel):
    service_id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    description: str
    text_extension: str
    indicator: dict[TriageLevel, Literal["info", "warning", "critical"]]
    summary_label: dict[TriageLevel, Annotated[str, Field(max_length=60)]]
    differential_shown: int = Field(ge=1, le=10)
    prefetch: dict[str, str] = Field(min_length=1)


class FhirTerms(StrictModel):
    namespace: str
    systems: Systems
    answers: dict[Literal["yes", "no", "dont_know"], Coding]
    gender: dict[str, Literal["female", "male", "other", "unknown"]]
    condition_min_probability: float = Field(gt=0, lt=1)
    condition_top: int = Field(ge=0, le=42)
    cds: CdsSettings

    def system(self, kind: str) -> str:
        """A nape code system, e.g. ``system("finding")`` → ``<namespace>/CodeSystem/finding``."""
        return f"{self.namespace}/CodeSystem/{kind}"


# --------------------------------------------------------------------------- code_map.yaml
class ConditionRule(StrictModel):
    """Record conditions (ICD-10-CM prefixes or SNOMED CT codes) that set findings present."""

    findings: list[Id] = Field(min_length=1)
    name: str = Field(min_length=3, description="What the codes mean, for reviewers")
    icd10cm: list[ICDPrefix] = Field(default_factory=list)
    snomed: list[SnomedCode] = Field(default_factory=list)
    max_age_days: int | None = Field(default=None, ge=1, description="Older entries are ignored")


class Threshold(StrictModel):
    value: float
    unit: str


class ObservationRule(StrictModel):
    """An observation (LOINC) that sets a finding present above a value or when flagged."""

    finding: Id
    name: str = Field(min_length=3)
    loinc: list[LoincCode] = Field(min_length=1)
    max_age_days: int = Field(ge=1)
    at_or_above: Threshold | None = None
    interpretation: list[Literal["H", "HH", "L", "LL", "A", "AA"]] = Field(default_factory=list)


class UnitConversion(StrictModel):
    to: str
    minus: float
    times: float


class CodeMap(StrictModel):
    complaint_findings: list[Id] = Field(min_length=1)
    conditions: list[ConditionRule]
    observations: list[ObservationRule]
    units: dict[str, UnitConversion]

    def finding_ids(self) -> set[str]:
        """Every finding id the map can set (checked against the knowledge base in tests)."""
        ids = set(self.complaint_findings) | {o.finding for o in self.observations}
        return ids | {f for c in self.conditions for f in c.findings}

    def conditions_for(self, system: Literal["icd10cm", "snomed"], code: str) -> list[ConditionRule]:
        """The rules a record code matches: ICD-10-CM by prefix, SNOMED CT exactly."""
        if system == "snomed":
            return [r for r in self.conditions if code in r.snomed]
        return [r for r in self.conditions if any(code.startswith(p) for p in r.icd10cm)]

    def observations_for(self, loinc: str) -> list[ObservationRule]:
        return [r for r in self.observations if loinc in r.loinc]


@cache
def fhir_terms() -> FhirTerms:
    """``resources/fhir.yaml``: systems, answer codes, CDS wording."""
    return load_validated(FhirTerms, "nape.fhir", "resources/fhir.yaml")


@cache
def code_map() -> CodeMap:
    """``resources/code_map.yaml``: record codes → nape findings."""
    return load_validated(CodeMap, "nape.fhir", "resources/code_map.yaml")
