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
    # shapes of the readers added on 2026-11-30 (eleventh session): chat turns and their marks,
    # speaker names, ages and lengths in years, an activity's length, a role before "and for",
    # minutes and hours, tiredness as a condition, "at the back" without a part
    "chat_turns": "Bot: Any fever? > no\nUser: Can you turn your head? > barely\n" * 150,
    "turn_marks": "> " * 4500,
    "speaker_names": "User: Bot: A: Q: " * 550,
    "ages_and_lengths": "my son 17 years, my father aged 70 years, man, 2 years of pain " * 130,
    "activity_lengths": "for 3 years of running and 20 years of riding " * 200,
    "role_and_for": "I'm a nurse and for 3 days I've been a driver for 4 years " * 150,
    "minutes_hours": "15 mins 2 hrs 30 min of pain " * 300,
    "tired_conditions": "worse when I'm tired or stressed, " * 250,
    "at_the_back": "neck sore at the back of the heel at the back " * 200,
    # readers added on 2026-12-01 (their time is in benchmarks/intake.py): spells of hours beside
    # a task, history lists, answers in speech, "left" with an object, a touch as a condition, a
    # stroke then "now", dialect negators
    "hour_spells": "nine hour shifts driving, " * 350,
    "history_lists": "PMH: gout, 3/52 back pain, " * 330,
    "asked_and_said": "I asked him about numbness and he said no, " * 200,
    "left_with": "the stroke left her weak and left her with " * 200,
    "touch_if": "it settles if he touches his chin " * 260,
    "stroke_now": "stroke years ago, now suddenly weak, " * 250,
    "creole_negators": "nuh mi neva nah " * 560,
    "onset_then_deficit": "it started an hour ago, can't lift his arm, " * 200,
    # readers added on 2026-12-01 (thirteenth session): due dates, week counts opening sentences,
    # scant urine, "nothing new or", weights told by two numbers, a chest pain's spread, dropping
    # things, a stress trigger, a cleft, a head stuck turned, curled fingers, a posture's length
    "due_dates": "pregnant, due tomorrow, baby is due next week, " * 200,
    "at_weeks": "At 34 weeks my back aches. " * 330,
    "scant_urine": "barely peed, hardly weeing, " * 330,
    "nothing_new_or": "nothing new or sudden or " * 370,
    "two_weights": "from 80 kg to 70 kg, now 65, " * 300,
    "chest_spread": "chest tight. it spreads to my jaw. " * 260,
    "drops": "keeps dropping cups and spoons, " * 290,
    "stress_trigger": "worse when I'm stressed at work, " * 280,
    "cleft_site": "it's my neck that keeps locking, " * 280,
    "stuck_turned": "head stuck turned, can't straighten it, " * 230,
    "curled_fingers": "fingers curled up stiff and won't open, " * 230,
    "posture_length": "sitting for ages makes it worse, " * 280,
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
