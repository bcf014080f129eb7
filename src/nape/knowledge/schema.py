"""StrictModel schemas for the knowledge base files.

Every file under ``knowledge/resources`` is loaded through these models. Unknown keys are
rejected (``extra="forbid"``) so a typo in a reviewed file is an error, not a silent no-op.

Example: a condition says that fever is present in about 85% of people with meningitis::

    findings:
      - {finding: fever, p: 0.85}
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from nape.core.resources import StrictModel

TriageLevel = Literal["emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"]

#: Most urgent first. The index is the urgency rank (0 = most urgent).
TRIAGE_ORDER: tuple[TriageLevel, ...] = (
    "emergency_ambulance",
    "emergency",
    "consultation_24",
    "consultation",
    "self_care",
)
#: The levels that mean "go now": an emergency is never triaged down from these.
EMERGENCY_LEVELS: tuple[TriageLevel, ...] = ("emergency_ambulance", "emergency")
#: Short names of the five levels for headings (``shared/spec`` §2).
LEVEL_NAMES: dict[TriageLevel, str] = {
    "emergency_ambulance": "emergency, call an ambulance",
    "emergency": "emergency department now",
    "consultation_24": "see a doctor within 24 hours",
    "consultation": "book an appointment",
    "self_care": "self-care at home",
}

AgeBand = Literal["0-4", "0-15", "16-39", "40-59", "60+"]
#: Prior bands. "0-4" (young children and infants) is optional in a condition's prior and falls
#: back to the "0-15" multiplier when a condition does not give it.
AGE_BANDS: tuple[AgeBand, ...] = ("0-4", "0-15", "16-39", "40-59", "60+")

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ICD10CM = re.compile(r"^[A-TV-Z][0-9][0-9AB](\.[0-9A-Z]{1,4})?$")
_SNOMED = re.compile(r"^[1-9][0-9]{5,17}$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not a valid id (lower-case letters, digits, underscores)")
    return value


def _check_icd10cm(value: str) -> str:
    if not _ICD10CM.match(value):
        raise ValueError(f"{value!r} is not shaped like an ICD-10-CM code (e.g. M54.2)")
    return value


def _check_snomed(value: str) -> str:
    if not _SNOMED.match(value):
        raise ValueError(f"{value!r} is not a SNOMED CT concept id")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
ICD10CMCode = Annotated[str, AfterValidator(_check_icd10cm)]
SnomedCode = Annotated[str, AfterValidator(_check_snomed)]
Probability = Annotated[float, Field(gt=0.0, lt=1.0)]
Text = Annotated[str, Field(min_length=3)]


# --------------------------------------------------------------------------- sources
class Source(StrictModel):
    """A reference that a statement rests on, with enough detail to find it."""

    id: Id
    title: Text
    publisher: Text = Field(description="Issuing body or journal")
    year: int | None = Field(default=None, ge=1900, le=2100)
    kind: Literal["guideline", "review", "study", "decision_rule", "textbook", "seed", "code_set"]
    authors: str | None = None
    locator: str | None = Field(default=None, description="Volume/pages, guideline number or file name")
    url: str | None = None

    @model_validator(mode="after")
    def _year_unless_seed(self) -> Source:
        if self.kind != "seed" and self.year is None:
            raise ValueError("a published source needs its year")
        return self


class SourceFile(StrictModel):
    sources: list[Source]


# --------------------------------------------------------------------------- findings
class Phrases(StrictModel):
    """How people and clinicians write a finding. The intake rules are generated from these."""

    lay: list[str] = Field(default_factory=list)
    clinical: list[str] = Field(default_factory=list)
    misspellings: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list, description="Words that mean the finding is absent ('afebrile')")

    def all(self) -> list[str]:
        return [*self.lay, *self.clinical, *self.misspellings]


Answer = Literal["yes", "no", "dont_know"]
ANSWERS: tuple[Answer, ...] = ("yes", "no", "dont_know")

Stem = Annotated[str, Field(pattern=r"^[a-z]{3,}$")]


class FindingPart(StrictModel):
    """One of the symptoms a finding names together ("temporal headache, scalp tenderness or jaw
    claudication"). A denial that names only some parts does not deny the finding: "no jaw pain
    when eating" says nothing about a temple headache, so the finding stays unknown and the
    interview still asks. A part is recognised in the denied words by ``stems``, each matching a
    word that starts with it ("chew" matches "chewing")."""

    name: Id
    stems: list[Stem] = Field(min_length=1)
    alone_if_others_unsaid: bool = Field(
        default=False,
        description=(
            "A denial of this part alone denies the finding when the text has no word of the other"
            " parts' stems: a face said to look normal, in a text that says nothing of weakness or"
            " numbness, is no droop and no one-sided deficit said"
        ),
    )
    unsaid_if_others_denied: bool = Field(
        default=False,
        description=(
            "This part may go unsaid when every other part is denied and no word of it is told"
            " undenied: a headache and jaw claudication both denied is the arteritis screen's"
            " denial, though the scalp was not asked about (a jaw alone denied stays unread)"
        ),
    )


class CompositeItem(StrictModel):
    """One item of a published rule that counts features: met when one of ``any`` is read present,
    or one of ``absent`` is read absent, or the person is younger than ``age_below``."""

    name: Id
    any: list[Id] = Field(default_factory=list)
    absent: list[Id] = Field(default_factory=list)
    age_below: int | None = Field(default=None, ge=1, le=121)

    @model_validator(mode="after")
    def _not_empty(self) -> CompositeItem:
        if not (self.any or self.absent or self.age_below is not None):
            raise ValueError(f"composite item {self.name}: needs findings or an age")
        return self


class Composite(StrictModel):
    """A finding read from other findings already read, by a published rule: at least
    ``min_items`` of its items met, one of ``requires_any`` present (when given) and none of
    ``none`` present. Example: the ASAS experts' inflammatory back pain, four of five features."""

    items: list[CompositeItem] = Field(min_length=1)
    min_items: int = Field(ge=1)
    requires_any: list[Id] = Field(default_factory=list)
    none: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1)
    note: str = ""

    @model_validator(mode="after")
    def _reachable(self) -> Composite:
        if self.min_items > len(self.items):
            raise ValueError("min_items is larger than the number of items")
        return self

    def finding_ids(self) -> list[str]:
        return [*(f for it in self.items for f in [*it.any, *it.absent]), *self.requires_any, *self.none]


FindingCategory = Literal["symptom", "sign", "history", "risk_factor", "medicine", "exposure", "test_result"]


class Finding(StrictModel):
    """One item of the shared vocabulary: a symptom, sign, history item, medicine or result."""

    id: Id
    label: Text
    category: FindingCategory
    question: Text = Field(description="Plain question to ask the person")
    why_ask: Text = Field(description="One line shown under the question")
    meaning: Text = Field(description="Clinical meaning, for the clinician")
    answers: list[Answer] = Field(default_factory=lambda: list(ANSWERS))
    exclusive_group: Id | None = Field(
        default=None,
        description="Findings in one group are mutually exclusive (e.g. duration bands)",
    )
    base_rate: Probability = Field(description="P(present) for a cause that does not list this finding")
    benign_rate: Probability | None = Field(
        default=None,
        description=(
            "P(present) for a benign cause (base level self_care or consultation) that does not list"
            " this finding: set for serious symptoms such causes never produce (weight loss, vomiting,"
            " confusion), so that they count against a benign cause instead of being neutral"
        ),
    )
    askable: bool = Field(default=True, description="False for exam signs or test results")
    phrases: Phrases
    specialises: Id | None = Field(
        default=None,
        description=(
            "A broader finding this one is a narrower form of, so it is never present without it"
            " (later_pregnancy specialises pregnant): the differential counts the pair once"
        ),
    )
    parts: list[FindingPart] = Field(
        default_factory=list,
        description="The separate symptoms of a finding that names several; none or at least two",
    )
    composite: Composite | None = Field(
        default=None,
        description="Also read from other findings already read, by a published rule (intake)",
    )

    @model_validator(mode="after")
    def _parts_are_several(self) -> Finding:
        names = [p.name for p in self.parts]
        if len(names) == 1 or len(set(names)) != len(names):
            raise ValueError(f"{self.id}: parts must be none or at least two, with distinct names")
        return self


class FindingFile(StrictModel):
    findings: list[Finding]


# --------------------------------------------------------------------------- rules
class Rule(StrictModel):
    """A combination of findings: all of ``all``, at least ``min_any`` of ``any``, none of ``none``.

    Example: fever with a stiff neck::

        {all: [fever, neck_stiffness]}
    """

    all: list[Id] = Field(default_factory=list)
    any: list[Id] = Field(default_factory=list)
    min_any: int = Field(default=1, ge=1)
    none: list[Id] = Field(default_factory=list)
    requires_any: list[Id] = Field(
        default_factory=list, description="A second group: at least one of these must also hold"
    )
    age_at_least: int | None = Field(default=None, ge=0, le=120)
    age_below: int | None = Field(default=None, ge=0, le=121)
    age_months_at_least: int | None = Field(
        default=None, ge=0, le=60, description="Age in whole months, for infants (an age in years counts as 12 a year)"
    )
    age_months_below: int | None = Field(
        default=None,
        ge=1,
        le=60,
        description="Age in whole months; a child under one whose months are not known counts as the youngest",
    )
    decision_rule: Literal["canadian_c_spine_imaging", "nexus_imaging"] | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Rule:
        if not (self.all or self.any or self.decision_rule):
            raise ValueError("a rule needs at least one finding in 'all' or 'any', or a decision rule")
        if self.any and self.min_any > len(self.any):
            raise ValueError("min_any is larger than the 'any' list")
        return self

    def finding_ids(self) -> list[str]:
        return [*self.all, *self.any, *self.none, *self.requires_any]


# --------------------------------------------------------------------------- conditions
class Statement(StrictModel):
    """A sentence in the project's own words with the sources it rests on."""

    text: Text
    sources: list[Id] = Field(min_length=1)


class Likelihood(StrictModel):
    finding: Id
    p: Probability = Field(description="P(finding present | condition)")
    note: str | None = None


class Prior(StrictModel):
    """Who gets it. ``base`` is the share among people presenting with a neck or back spasm."""

    base: Probability
    age: dict[AgeBand, Annotated[float, Field(gt=0.0, le=50.0)]] = Field(default_factory=dict)
    sex: dict[Literal["female", "male"], Annotated[float, Field(gt=0.0, le=10.0)]] = Field(default_factory=dict)
    risk_factors: list[Text] = Field(default_factory=list)


class Escalation(StrictModel):
    when: Rule
    level: TriageLevel
    reason: Text


class ConditionTriage(StrictModel):
    base: TriageLevel
    escalations: list[Escalation] = Field(default_factory=list)
    safety_threshold: Annotated[float, Field(gt=0.0, lt=1.0)] | None = Field(
        default=None,
        description="A dangerous cause at or above this probability sets at least its base level",
    )
    known_by: list[Id] = Field(
        default_factory=list,
        description=(
            "Findings that say the person already has this condition (known_parkinsons): when one is"
            " present its base level applies whatever the differential says, since new spasms in a"
            " known disease are for its own clinician to see"
        ),
    )


class Summary(StrictModel):
    person: Text
    clinician: Text


class Workup(StrictModel):
    examination: list[Statement] = Field(min_length=1)
    tests: list[Statement] = Field(default_factory=list)
    imaging: list[Statement] = Field(min_length=1)


CareKind = Literal["emergency", "self_care", "physiotherapy", "medicine", "injection", "surgery", "referral"]


class CareStep(StrictModel):
    kind: CareKind
    text: Text
    limits: str | None = Field(default=None, description="Caveats, e.g. 'short-term only'")
    sources: list[Id] = Field(min_length=1)


class Manifestation(StrictModel):
    """An ICD-10-CM "in diseases classified elsewhere" code: never coded alone, only after the
    code of the underlying disease (one of ``with_any``).

    Example: myelopathy in a disease classified elsewhere, after cervical spondylosis::

        {code: G99.2, with_any: [M47.12, M50.00]}
    """

    code: ICD10CMCode
    with_any: list[ICD10CMCode] = Field(min_length=1, description="Underlying-disease codes it follows")
    note: str | None = None


class Condition(StrictModel):
    id: Id
    name: Text
    plain_name: Text
    group: Literal["musculoskeletal", "neurological", "metabolic", "infection", "pregnancy", "red_flag"]
    region: list[Literal["neck", "back", "both"]] = Field(min_length=1)
    icd10cm: list[ICD10CMCode] = Field(min_length=1, description="Codes that can stand alone")
    icd10cm_secondary: list[Manifestation] = Field(
        default_factory=list,
        description="Manifestation codes that are only coded after an underlying-disease code",
    )
    snomed_ct: list[SnomedCode] = Field(default_factory=list)
    named_in_seeds: list[Literal["000", "001", "002", "003", "004"]] = Field(default_factory=list)
    summary: Summary
    prior: Prior
    findings: list[Likelihood] = Field(min_length=6)
    exists_only_with: list[Id] = Field(
        default_factory=list,
        description=(
            "Findings one of which this cause cannot exist without (the medicine that causes it, the"
            " injury that defines it). When a story states none of them, present or absent, the cause"
            " is weighed by reasoning.unstated_cause_factor; each must also be listed under findings"
        ),
    )
    triage: ConditionTriage
    workup: Workup
    care_plan: list[CareStep] = Field(min_length=1)
    see_whom: Statement
    pitfalls: list[Statement] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _secondary_codes_follow_their_disease(self) -> Condition:
        for m in self.icd10cm_secondary:
            if m.code in self.icd10cm:
                raise ValueError(f"{m.code} cannot stand alone; list it only under icd10cm_secondary")
        return self

    @model_validator(mode="after")
    def _unique_findings(self) -> Condition:
        seen: set[str] = set()
        for item in self.findings:
            if item.finding in seen:
                raise ValueError(f"finding {item.finding!r} is listed twice")
            seen.add(item.finding)
        return self


# --------------------------------------------------------------------------- red flags
class RedFlag(StrictModel):
    """A finding or combination that forces at least ``level``, whatever the differential says."""

    id: Id
    label: Text
    warning_sign: Text | None = Field(
        default=None,
        description="The sign in plain words, to follow 'get help sooner if' (the label is used when missing)",
    )
    when: list[Rule] = Field(min_length=1, description="Fires when any of these rules holds")
    level: TriageLevel
    message: Text = Field(description="What the person is told to do")
    clinician_note: Text
    points_to: list[Id] = Field(default_factory=list, description="Condition ids it suggests")
    screen: list[Id] = Field(min_length=1, description="Findings to ask about to rule this red flag in or out")
    relevant_when: Rule | None = Field(default=None, description="Screen only when this holds; None = always screen")
    sources: list[Id] = Field(min_length=1)
    go_to: Text | None = Field(
        default=None,
        description=(
            "Where the person goes instead of the level's usual place, named on the person's page and"
            " replacing the level's own steps (labour: 'the maternity unit now', not an emergency department)"
        ),
    )


class RedFlagFile(StrictModel):
    red_flags: list[RedFlag]


# --------------------------------------------------------------------------- settings
class TriageSettings(StrictModel):
    """Thresholds that turn a differential into an urgency level (chosen on the dev set)."""

    leading_min_probability: Probability = Field(description="A cause this likely contributes its base level")
    escalation_min_probability: Probability = Field(
        description="A cause must be at least this likely for its escalation rules to apply"
    )
    default_level: TriageLevel
    uncertain_min_findings: int = Field(
        default=2,
        ge=0,
        description="Self-care needs at least this many findings stated present (positive evidence)",
    )
    uncertain_min_leading_probability: Probability = Field(
        default=0.25,
        description="Self-care needs the leading cause to be at least this likely",
    )
    uncertain_level: TriageLevel = Field(
        default="consultation",
        description="The level an uncertain reading is raised to, instead of self-care",
    )
    level_text: dict[TriageLevel, Text]
    disclaimer: Text
    emergency_advice: Text


class InterviewSettings(StrictModel):
    max_questions: int = Field(ge=1, le=60)
    stop_when_top_probability: Probability
    min_information_gain: Annotated[float, Field(ge=0.0, le=1.0)]
    max_red_flag_questions: int = Field(ge=0, le=40)


class ReasoningSettings(StrictModel):
    """How stated findings count (see docs/knowledge, "How findings count")."""

    common_finding_p: Probability = Field(
        default=0.25,
        description=(
            "A finding a cause lists with at least this probability is one it commonly produces: when"
            " present it never counts against that cause (its likelihood is at least the base rate)"
        ),
    )
    unstated_cause_factor: Probability = Field(
        default=0.3,
        description=(
            "The chance that a story of a cause defined by a medicine or an injury (a condition's"
            " exists_only_with) leaves that cause unsaid; the cause is weighed by it when the story"
            " states none of them. A modelling choice, not a clinical rate"
        ),
    )


class LevelTexts(StrictModel):
    """One plain text for each of the five triage levels."""

    emergency_ambulance: Text
    emergency: Text
    consultation_24: Text
    consultation: Text
    self_care: Text

    def get(self, level: TriageLevel) -> str:
        text: str = getattr(self, level)
        return text


class LevelSteps(StrictModel):
    """Plain steps for each triage level: what the person does now."""

    emergency_ambulance: list[Text] = Field(min_length=1)
    emergency: list[Text] = Field(min_length=1)
    consultation_24: list[Text] = Field(min_length=1)
    consultation: list[Text] = Field(min_length=1)
    self_care: list[Text] = Field(min_length=1)

    def get(self, level: TriageLevel) -> list[str]:
        steps: list[str] = getattr(self, level)
        return steps


class PersonPageSettings(StrictModel):
    """Plain wording for the person's result (web page and terminal); the clinician note uses none of it.

    Example: ``timeframe.consultation`` is "Book an appointment within one to two weeks."
    """

    timeframe: LevelTexts = Field(description="When to act, for every level")
    reason: LevelTexts = Field(description="The reason in one sentence when no warning sign or rule gave one")
    dangerous_cause_reason: Text = Field(description="Reason when a serious cause is not ruled out ({cause})")
    known_condition_reason: Text = Field(description="Reason when a condition the person has sets the level ({cause})")
    steps: LevelSteps = Field(description="What to do now, for every level")
    self_care_levels: list[TriageLevel] = Field(description="Levels at which self-care for the leading cause is shown")
    warning_headings: LevelTexts = Field(description="Heading over the warning signs of each level")
    appointment_questions: list[Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_self_care_in_emergency(self) -> PersonPageSettings:
        if set(self.self_care_levels) & set(EMERGENCY_LEVELS):
            raise ValueError("self-care is never shown at an emergency level")
        return self


class KnowledgeBaseMeta(StrictModel):
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    triage: TriageSettings
    reasoning: ReasoningSettings = ReasoningSettings()
    interview: InterviewSettings
    person_page: PersonPageSettings
