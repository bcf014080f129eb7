"""Time points (nape.intake.timing.read_points): the patterns built from attributes.yaml have no
quantifier inside another unbounded one (so their cost cannot grow faster than the text), and
each kind of point gives the elapsed days it should."""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import pytest

from nape.intake.timing import _duration_rx, _points_rx, read_points

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _nested(items: Any) -> bool:
    """Whether an unbounded repeat holds another unbounded repeat."""
    for op, av in items:
        if op in _REPEATS:
            hi, sub = av[1], av[2]
            if (hi is C.MAXREPEAT or hi > 1) and _has_repeat(sub):
                return True
            if _nested(sub):
                return True
        elif op is C.SUBPATTERN:
            if _nested(av[-1]):
                return True
        elif op is C.BRANCH and any(_nested(b) for b in av[1]):
            return True
    return False


def _has_repeat(items: Any) -> bool:
    for op, av in items:
        if op in _REPEATS and (av[1] is C.MAXREPEAT or av[1] > 1):
            return True
        if op is C.SUBPATTERN and _has_repeat(av[-1]):
            return True
        if op is C.BRANCH and any(_has_repeat(b) for b in av[1]):
            return True
    return False


def test_time_patterns_have_no_nested_quantifiers() -> None:
    rx = _points_rx()
    patterns = [
        rx.day.rx,
        rx.weekday.rx,
        rx.month.rx,
        rx.clinical,
        rx.nth.rx,
        rx.age_since.rx,
        rx.future.rx,
        rx.since_part.rx,
    ]
    for p in [*patterns, _duration_rx()]:
        assert not _nested(P.parse(p.pattern, p.flags)), p.pattern[:60]
    # the check itself finds the classic catastrophic shape
    assert _nested(P.parse(r"(a+)+b", 0))


@pytest.mark.parametrize(
    ("text", "age", "days"),
    [
        ("sore since the day before yesterday", None, 2),
        ("it went on Friday", None, 3),
        ("sore since April, it's July now", None, 3 * 30.44),
        ("stiff since Christmas and now it's February", None, 2 * 30.44),
        ("neck pain 12/7", None, 12),
        ("the second week of this", None, 8),
        ("day 5 of the spasm", None, 5),
        ("aching since age 50", 58, 8 * 365),
    ],
)
def test_each_kind_of_point_gives_its_elapsed_days(text: str, age: int | None, days: float) -> None:
    got = [h.days for h in read_points(text, age)]
    assert got and max(got) == pytest.approx(days), got


@pytest.mark.parametrize(
    "text",
    ["aching since age 50", "sore since April", "the first week of March", "seeing her on Friday", "until Monday"],
)
def test_points_with_no_knowable_length_read_nothing(text: str) -> None:
    assert [h for h in read_points(text) if not h.weak] == []


def test_long_inputs_of_points_are_read_in_one_pass() -> None:
    text = "since Monday week 3 of it since May it's June now 4/7 " * 500
    hits = read_points(text)
    assert len(hits) >= 2000
    assert re.search("June", text)
