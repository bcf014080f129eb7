"""Rules bounded by age in months (NICE NG143 grades an infant's fever by months).

A baby under one whose months are not known is taken as the youngest: the safe side.
"""

from __future__ import annotations

import pytest

from nape import assess
from nape.errors import InputError
from nape.knowledge.loader import default_kb
from nape.knowledge.schema import Rule
from nape.reasoning.evidence import Evidence
from nape.triage.rules import holds, relevant

KB = default_kb()
UNDER_3 = Rule(all=["fever"], age_below=1, age_months_below=3)
FROM_3 = Rule(all=["fever"], age_below=1, age_months_at_least=3)


def _ev(age: int | None, months: int | None) -> Evidence:
    return Evidence.build(KB, {"fever": True}, age=age, age_months=months)


@pytest.mark.parametrize(
    ("age", "months", "under_3", "from_3"),
    [
        (0, 1, True, False),  # six weeks old
        (0, 2, True, False),
        (0, 3, False, True),
        (0, 11, False, True),
        (0, None, True, False),  # a baby of unknown months counts as the youngest
        (1, 14, False, False),  # one year and over: neither infant rule (age_below: 1)
        (1, None, False, False),
        (None, None, False, False),  # age unknown: an age-bounded rule does not hold ...
    ],
)
def test_month_bounds(age: int | None, months: int | None, under_3: bool, from_3: bool) -> None:
    ev = _ev(age, months)
    assert holds(UNDER_3, ev) is under_3
    assert holds(FROM_3, ev) is from_3


def test_unknown_age_is_still_screened() -> None:
    # ... but it is still relevant for screening questions, like any age-bounded rule
    assert relevant(UNDER_3, _ev(None, None))


def test_months_count_twelve_a_year() -> None:
    assert _ev(2, None).months() == 24
    assert _ev(0, None).months() is None
    assert _ev(0, 5).months() == 5


def test_an_impossible_age_in_months_is_a_numbered_error() -> None:
    with pytest.raises(InputError):
        Evidence.build(KB, {}, age=0, age_months=-1)


def test_infant_fever_follows_ng143_by_months() -> None:
    """Fever, with meningism, rash and drowsiness denied: under 3 months is an emergency, 3-12 months
    is seen within 24 hours, and never self-care."""
    denied = {"neck_stiffness": False, "petechial_rash": False, "altered_consciousness": False}
    young = assess(findings={"fever": True, **denied}, age=0, age_months=2)
    older = assess(findings={"fever": True, **denied}, age=0, age_months=7)
    unknown = assess(findings={"fever": True, **denied}, age=0)
    assert young.triage.level == "emergency"
    assert older.triage.level == "consultation_24"
    assert unknown.triage.level == "emergency"


def test_the_text_gives_the_months() -> None:
    out = assess("My 6-week-old baby has a temperature.")
    assert "infant_fever" in {f.id for f in out.red_flags}
    out = assess("My 7-month-old has a temperature.")
    assert "infant_fever_3_to_12_months" in {f.id for f in out.red_flags}
    assert "infant_fever" not in {f.id for f in out.red_flags}
