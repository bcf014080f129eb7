"""Strict schema of resources/attributes.yaml: the word lists of the attribute readers
(person.py, timing.py, side.py) and the concepts that carry a site across clauses
(concepts.py). A broken file is error E110 naming the file and field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from nape.intake.schema import load


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonWords(_Strict):
    male: list[str] = Field(min_length=1)
    female: list[str] = Field(min_length=1)
    other: list[str]
    young: list[str]
    newborn: list[str]
    adults: list[str]
    decades: dict[str, int]
    decade_offset: dict[str, int]
    possessives: list[str]
    tens: dict[str, int]
    units: dict[str, int]
    teens: dict[str, int]
    infant_units: dict[str, float]
    # words by which writers set themselves apart from a relative they mention ("my sister got
    # numb arms ... I've just got the stiffness"): the writer is then the patient
    self_contrast: list[str] = []
    # people outside the family the writer may be asking for ("my flatmate has a fever and is
    # drowsy"); their past illness is a contact, not the patient's ("my colleague had flu")
    acquaintances: list[str] = []


class TimeWords(_Strict):
    numbers: dict[str, int]
    unit_days: dict[str, float] = {}
    not_symptom_categories: list[str]
    not_symptom_findings: list[str]
    symptom_categories: list[str]
    symptom_group_kinds: list[str]
    not_symptom_group: str
    event_groups: list[str] = []
    band_days: dict[str, float] = {}
    day_points: dict[str, float] = {}
    weekdays: list[str] = []
    since_then: list[str] = []
    post_words: list[str] = []
    clause_starts: list[str] = []
    trigger_categories: list[str] = []
    weak_forward_stops: list[str] = []
    months: dict[str, int] = {}
    month_leads: list[str] = []
    now_before: list[str] = []
    now_after: list[str] = []
    clinical_bases: dict[str, float] = {}
    nth_units: dict[str, float] = {}
    ordinals: dict[str, int] = {}
    future_words: list[str] = []
    age_since: list[str] = []


class SideWords(_Strict):
    not_after_right: list[str]
    adverb_before: list[str] = []
    adverb_enders: list[str] = []
    movement_stems: list[str] = []
    direction_words: list[str] = []
    movement_gap: int = Field(default=3, ge=0, le=6)
    thing_words: list[str] = []
    symptom_words: list[str] = []


class CarryWords(_Strict):
    concepts: list[str]
    pronouns: list[str] = []


class AttributesFile(_Strict):
    person: PersonWords
    time: TimeWords
    side: SideWords
    carry: CarryWords


@cache
def attributes_file() -> AttributesFile:
    return load("attributes.yaml", AttributesFile)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "couple of" wins over "couple")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
