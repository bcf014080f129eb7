"""The matcher tries a rule indexed anywhere only at tokens that start with a digit when its first
test's pattern can only match such a token (``_digit_led``). Checked here against the regular
expressions themselves: whenever the check says "digit-led", no text that starts otherwise is
matched (a wrong "yes" would silently drop readings; a wrong "no" only costs time)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nape.intake.matcher import Test as TokenTest
from nape.intake.matcher import _digit_led

PATTERNS = [
    (r"^\d+/(7|52|12)$", True),
    (r"^(19|20)\d\d$", True),
    (r"^\d+(h|hr|hrs|d|wk)$", True),
    (r"^[0-9]+x$", True),
    (r"^(?:1|2)\d$", True),
    (r"^(\d|x)\d$", False),
    (r"^1|a", False),
    (r"^\d?x", False),
    (r"^(19|20)?\d\d$", False),
    (r"\d+", False),
    (r"^[0-9a-z]+$", False),
    (r"^(1|(a|2))", False),
]


@pytest.mark.parametrize(("pattern", "expected"), PATTERNS)
def test_digit_led_says_what_the_pattern_needs(pattern: str, expected: bool) -> None:
    assert _digit_led(TokenTest(regex=re.compile(pattern))) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=8).filter(lambda s: not s[0].isdigit()))
def test_a_digit_led_pattern_never_matches_a_token_that_starts_otherwise(text: str) -> None:
    for pattern, _ in PATTERNS:
        rx = re.compile(pattern)
        if _digit_led(TokenTest(regex=rx)):
            assert rx.search(text) is None, (pattern, text)
