"""The rules of ``nape ask`` as data (``resources/rules.yaml``), validated strictly.

Example: the question "Can a pinched nerve cause spasms?" starts with ``can``, one of
``yes_no.starters``, so it is answered with a direct "Yes.", "No." or "It depends." first.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from nape.core.resources import StrictModel, load_validated, read_validated
from nape.knowledge.schema import TriageLevel

RULES_FILE = Path(__file__).parent / "resources" / "rules.yaml"
Words = list[Annotated[str, Field(min_length=1)]]
PassageKind = Literal[
    "summary",
    "clinician_summary",
    "risk_factor",
    "examination",
    "test",
    "imaging",
    "care_step",
    "see_whom",
    "pitfall",
    "escalation",
    "red_flag",
    "document",
]


class QuestionRules(StrictModel):
    max_chars: int = Field(ge=10, le=100_000)
    max_non_printable_share: float = Field(gt=0.0, lt=1.0)


class RetrievalRules(StrictModel):
    max_passages: int = Field(ge=1, le=10)
    min_relative_score: float = Field(gt=0.0, le=1.0)
    min_score: float = Field(ge=0.0)
    condition_boost: float = Field(ge=1.0, le=10.0)
    own_word_weight: int = Field(ge=1, le=5)
    kind_boost: float = Field(ge=1.0, le=10.0)
    max_per_condition: int = Field(ge=1, le=10)
    document_boost: float = Field(ge=1.0, le=10.0)
    max_sources_per_sentence: int = Field(ge=1, le=20)
    prior_weight: float = Field(ge=0.0, le=100.0)
    kind_words: dict[PassageKind, Words]
    clinician_kinds: list[PassageKind] = Field(description="Statements written for clinicians")
    clinician_factor: float = Field(gt=0.0, le=1.0, description="Their scores are multiplied by this")


class YesNoRules(StrictModel):
    starters: Words
    alternative_word: str
    negative_cues: Words
    conditional_cues: Words
    min_coverage: float = Field(gt=0.0, le=1.0)
    link_words: Words = Field(description="Words that only link the two things asked about ('cause')")
    min_agreement: float = Field(gt=0.5, le=1.0, description="Share of the vote a direct answer needs")
    pool: int = Field(ge=1, le=50, description="How many of the best passages are read for the verdict")


class ScopeRules(StrictModel):
    domain_words: Words
    outside_words: Words
    name_modifiers: Words = Field(description="Leading words a condition name is also matched without")
    name_suffixes: Words = Field(description="Trailing words a condition name is also matched without")


class DirectFrames(StrictModel):
    yes: str = Field(alias="yes")
    no: str = Field(alias="no")
    depends: str


class Frames(StrictModel):
    direct: DirectFrames
    emergency_lead: str
    not_covered: str
    can_answer_intro: str
    can_answer: Words = Field(min_length=1)
    causes_intro: str
    care_intro: str
    emergency_care_intro: str
    warning_intro: str
    who_gets_it: str
    documents_intro: str
    nothing_found: str


QuestionType = Literal["what_is", "what_causes", "treatment", "when_to_see", "test", "can_does", "general"]
CareKindName = Literal["emergency", "self_care", "physiotherapy", "medicine", "injection", "surgery", "referral"]
SourceKind = Literal["guideline", "review", "study", "decision_rule", "textbook", "seed", "code_set"]


class TypeRule(StrictModel):
    """One way of recognising a question type (see ``question_types`` in rules.yaml)."""

    type: QuestionType
    stage: int = Field(ge=1, le=20)
    cues: Words = Field(default_factory=list)
    with_: Words = Field(default_factory=list, alias="with")
    starts: Words = Field(default_factory=list)


class TestKind(StrictModel):
    words: Words = Field(min_length=1)
    kinds: list[PassageKind] = Field(min_length=1)
    match: Words = Field(default_factory=list)


class ComposeRules(StrictModel):
    max_causes: int = Field(ge=1, le=20)
    min_cause_likelihood: float = Field(ge=0.0, lt=1.0)
    min_cause_share: float = Field(ge=0.0, lt=1.0)
    disease_words: Words
    what_is_sentences: int = Field(ge=1, le=10)
    max_steps: int = Field(ge=1, le=20)
    care_ladder: list[CareKindName] = Field(min_length=1)
    max_warning_signs: int = Field(ge=1, le=20)
    own_finding_boost: float = Field(ge=1.0, le=1000.0)
    urgency_weight: dict[TriageLevel, Annotated[float, Field(ge=0.0, le=100.0)]]
    infer_min_share: float = Field(gt=0.0, le=1.0)
    max_test_statements: int = Field(ge=1, le=10)
    max_documents: int = Field(ge=0, le=10)
    tests: list[TestKind] = Field(min_length=1)
    region_words: dict[Literal["neck", "back"], Words]
    source_preference: list[SourceKind] = Field(min_length=1)


class AnswerRules(StrictModel):
    question: QuestionRules
    retrieval: RetrievalRules
    synonyms: dict[str, Words]
    stopwords: Words
    yes_no: YesNoRules
    scope: ScopeRules
    frames: Frames
    condition_terms: dict[str, Words]
    question_types: list[TypeRule] = Field(min_length=1)
    compose: ComposeRules


def load_rules(path: Path = RULES_FILE) -> AnswerRules:
    """Read and validate a rules file; a broken one is a numbered knowledge-base error (E101)."""
    return read_validated(AnswerRules, path, f"answers/{path.name}")


@cache
def rules() -> AnswerRules:
    """The packaged rules, loaded once per process."""
    return load_validated(AnswerRules, "nape.answers", "resources/rules.yaml")
