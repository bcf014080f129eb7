"""Cost stays linear: pathological input costs about as much as ordinary text of the same
length (counted in matcher steps, not timed; timings are in benchmarks/)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from nape.intake import parse

ORDINARY = (
    "I woke up with a stiff neck and it hurts to turn my head to the left. No fever, no numbness, "
    "bladder fine. It started two days ago after painting the ceiling. "
)


def _steps(text: str) -> int:
    counter = [0]
    parse(text, counter)
    return counter[0]


PATHOLOGICAL = {
    "emoji": "🙂" * 5000,
    "dashes": "-".join(str(i % 10) for i in range(5000)),
    "right_spaces": "right" + " " * 9000,
    "dollars": "$" * 9000,
    "no_neck_pain": "no neck pain " * 700,
    "fdfa": "\ufdfa" * 400,
    # the worst kinds found for the speed work (2026-11-29): a side letter over and over, a
    # duration per word group in one sentence, negation triggers, misspellings to correct,
    # distinct emoji (one symbol class each), punctuation between spaces, line breaks,
    # relatives, one sentence with no punctuation at all
    "side_letters": "R " * 4500,
    "days_ago": "3 days ago " * 800,
    "no_no": "no " * 3000,
    "typos": "nek stif spazm " * 600,
    "distinct_emoji": "".join(chr(0x1F300 + (i * 7919) % 0x7FF) for i in range(9000)),
    "punct_spaced": ". , ; : ! ? " * 750,
    "line_breaks": "neck\n" * 1800,
    "my_mum": "my mum " * 1300,
    "no_punctuation": "".join(ch for ch in ORDINARY if ch not in ".,!?") * 40,
}


def test_pathological_inputs_cost_at_most_three_times_ordinary_text() -> None:
    for name, text in PATHOLOGICAL.items():
        assert _steps(text) <= 3 * _steps(_ordinary(text)), name


def _ordinary(like: str) -> str:
    """Ordinary text as long as ``like`` once normalised (NFKC can grow a text: U+FDFA)."""
    n = len(unicodedata.normalize("NFKC", like))
    return (ORDINARY * (n // len(ORDINARY) + 1))[:n]


PIECES = ["a", "b", " ", "-", ",", ".", "!", "$", "🙂", "1", "no ", "neck ", "pain ", "right ", "  ", "\ufdfa"]


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=20, max_size=80))
def test_any_mix_of_odd_pieces_costs_at_most_three_times_ordinary_text(pieces: list[str]) -> None:
    unit = "".join(pieces)
    text = (unit * (4000 // max(1, len(unit)) + 1))[:4000]
    if not text.strip():
        return
    assert _steps(text) <= 3 * _steps(_ordinary(text))
