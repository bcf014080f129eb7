"""What is known about the person: age, sex and findings present, absent or unknown.

Example: a 59-year-old man with brief right-sided neck spasms and no fever::

    Evidence.build(kb, {"brief_episodic_spasms": True, "fever": False}, age=59, sex="male")
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nape.errors import InputError, UnknownFindingError
from nape.knowledge.loader import KnowledgeBase

SEXES = ("female", "male")


@dataclass(frozen=True)
class Evidence:
    """Findings keyed by id (True = present, False = absent); missing ids are unknown.

    ``asked`` holds ids the person was asked about, including "don't know" answers.
    """

    findings: Mapping[str, bool] = field(default_factory=dict)
    age: int | None = None
    sex: str | None = None
    asked: frozenset[str] = frozenset()
    age_months: int | None = None  # whole months, when an infant's age was given in months or weeks

    @staticmethod
    def build(
        kb: KnowledgeBase,
        findings: Mapping[str, bool] | None = None,
        age: int | None = None,
        sex: str | None = None,
        asked: frozenset[str] = frozenset(),
        age_months: int | None = None,
    ) -> Evidence:
        """Validate ids, age and sex, and apply exclusive groups.

        A finding present in an exclusive group (e.g. ``duration_1_to_6_weeks``) marks the
        other members of its group absent unless they were stated.
        """
        findings = dict(findings or {})
        for fid in [*findings, *asked]:
            if fid not in kb.findings:
                raise UnknownFindingError(f"unknown finding id {fid!r}; see `nape findings`")
        if age is not None and not (0 <= age <= 120):
            raise InputError(f"age {age} is outside 0-120")
        if age_months is not None and not (0 <= age_months <= 1440):
            raise InputError(f"age in months {age_months} is outside 0-1440")
        if sex is not None:
            sex = sex.lower()
            if sex in ("f", "woman"):
                sex = "female"
            elif sex in ("m", "man"):
                sex = "male"
            elif sex not in SEXES:
                # Priors that do not depend on sex are used for anyone else.
                sex = None
        derived = dict(findings)
        for fid, present in findings.items():
            group = kb.findings[fid].exclusive_group
            if present and group:
                for other in _group_members(kb, group):
                    if other != fid and other not in findings:
                        derived[other] = False
        return Evidence(derived, age, sex, frozenset(asked) | frozenset(findings), age_months)

    def present(self, fid: str) -> bool:
        return self.findings.get(fid) is True

    def absent(self, fid: str) -> bool:
        return self.findings.get(fid) is False

    def months(self) -> int | None:
        """Age in whole months: the months given, else 12 a year from the age in years, else None.

        A child under one whose months were not given has no known months (None): 0 years can be
        a newborn or an 11-month-old.
        """
        if self.age_months is not None:
            return self.age_months
        if self.age is None or self.age < 1:
            return None
        return self.age * 12


def _group_members(kb: KnowledgeBase, group: str) -> list[str]:
    return [f.id for f in kb.findings.values() if f.exclusive_group == group]


def age_band(age: int | None) -> str | None:
    """Map an age to the knowledge base's prior bands: 3 -> '0-4', 7 -> '0-15', 59 -> '40-59'."""
    if age is None:
        return None
    if age <= 4:
        return "0-4"
    if age <= 15:
        return "0-15"
    if age <= 39:
        return "16-39"
    if age <= 59:
        return "40-59"
    return "60+"
