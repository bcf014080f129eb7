"""Evaluate knowledge-base rules (finding combinations) against the evidence.

Example: ``{all: [fever, neck_stiffness]}`` holds when both are stated present.
"""

from __future__ import annotations

from nape.knowledge.schema import Rule
from nape.reasoning.evidence import Evidence
from nape.triage.decision_rules import canadian_c_spine, nexus


def _age_ok(rule: Rule, ev: Evidence, unknown_passes: bool) -> bool:
    if rule.age_at_least is None and rule.age_below is None and not _months_bound(rule):
        return True
    if ev.age is None and ev.age_months is None:
        return unknown_passes
    if ev.age is not None:
        if rule.age_at_least is not None and ev.age < rule.age_at_least:
            return False
        if rule.age_below is not None and ev.age >= rule.age_below:
            return False
    return _months_ok(rule, ev)


def _months_bound(rule: Rule) -> bool:
    return rule.age_months_at_least is not None or rule.age_months_below is not None


def _months_ok(rule: Rule, ev: Evidence) -> bool:
    """Bounds in months. A baby under one whose months are not known is taken as the youngest,
    the safe side for the rules that use months (NICE NG143 grades fever risk by months): it meets
    every ``age_months_below`` and no ``age_months_at_least`` above 0."""
    if not _months_bound(rule):
        return True
    months = ev.months()
    if months is None:
        return not (rule.age_months_at_least or 0) > 0
    if rule.age_months_at_least is not None and months < rule.age_months_at_least:
        return False
    return not (rule.age_months_below is not None and months >= rule.age_months_below)


def holds(rule: Rule, ev: Evidence, *, unknown_age_passes: bool = False) -> bool:
    """True when the rule is met by findings stated present (unknown counts as not present)."""
    if not _age_ok(rule, ev, unknown_age_passes):
        return False
    if any(not ev.present(f) for f in rule.all):
        return False
    if rule.any and sum(ev.present(f) for f in rule.any) < rule.min_any:
        return False
    if any(ev.present(f) for f in rule.none):
        return False
    if rule.requires_any and not any(ev.present(f) for f in rule.requires_any):
        return False
    if rule.decision_rule == "canadian_c_spine_imaging":
        return canadian_c_spine(ev).outcome == "imaging"
    if rule.decision_rule == "nexus_imaging":
        return nexus(ev).outcome == "imaging"
    return True


def matched_findings(rule: Rule, ev: Evidence) -> list[str]:
    """The stated-present findings that made a rule hold (for 'the words that matched')."""
    return [f for f in [*rule.all, *rule.any, *rule.requires_any] if ev.present(f)]


def relevant(rule: Rule | None, ev: Evidence) -> bool:
    """Screening relevance: like ``holds`` but an unknown age does not exclude."""
    if rule is None:
        return True
    return holds(rule, ev, unknown_age_passes=True)
