"""Cost stays linear: pathological input costs about as much as ordinary text of the same
length (counted in matcher steps, and in lines of the reader's code run, not timed; timings are
in benchmarks/)."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nape.intake
from nape.intake import parse, timing
from nape.intake.timing import _AMOUNT_BEFORE, _amount_before

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
    # lists of sites and concepts in one clause (issue 17; their Python work is counted in lines
    # by the tests of COMPOSITION below, and timed in benchmarks/intake.py)
    "sore_neck_and": "sore neck and " * 640,
    "arm_and_leg": "my arm and my leg and my hand and " * 260,
    "limb_list": "numbness in arms legs hands feet face and " * 210,
    "normals_list": "power, sensation and reflexes normal, " * 240,
    "dense_sites": "pain pain pain neck neck neck " * 300,
    "site_bound_cramps": "cramping shoulders tingling feet " * 270,
    "inner_sites": ". pain lower back and tingling " * 290,
    "result_leads": "full power and sensation and tone and reflexes and " * 170,
    # hashtags split into words (session 22): many tags, one long run of letters after a hash
    "hashtags": "#neckspasm #BackPainDay #xqzv " * 300,
    "long_tag": "#" + "neck" * 4500,
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


# lists of many body sites and many concepts in one clause (issue 17, 2026-12-01): a concept
# with a site coordinated with others, sites joined by "and", a generic word's limb among many
# sites, a list of normals, and the densest mix of concepts and sites. Each was quadratic in the
# composition engine's, the phrase filters' or the limb words' Python loops (or in a regex run
# from the text's start at each "an"+"d" of "and"), which the matcher's steps do not see: their
# work is counted in lines of the reader's code run.
COMPOSITION = {
    "sore_neck_and": "sore neck and ",
    "arm_and_leg": "my arm and my leg and my hand and ",
    "limb_list": "numbness in arms legs hands feet face and ",
    "normals_list": "power, sensation and reflexes normal, ",
    "dense_sites": "pain pain pain neck neck neck ",
    # found by a random search over lists of sites and concepts (the same day): a cramp among
    # other sites (site-bound phrases), a site inside a longer one (cut phrases), a result's lead
    # opening each list
    "site_bound_cramps": "cramping shoulders tingling feet ",
    "inner_sites": ". pain lower back and tingling ",
    "result_leads": "full power and sensation and tone and reflexes and ",
}
_INTAKE = str(Path(nape.intake.__file__).parent)


def _lines(text: str) -> int:
    """Lines of the reader's own code (src/nape/intake) run to parse ``text``, counted by a trace
    function (deterministic, not timed): the work of its Python loops, which the matcher's steps
    do not count. The text is parsed once first, so that what a first parse caches is not
    counted. A tracer already set (coverage) is put back after."""
    parse(text)
    n = [0]

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            n[0] += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(_INTAKE) else None

    before = sys.gettrace()
    sys.settrace(calls)
    try:
        parse(text)
    finally:
        sys.settrace(before)
    return n[0]


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def test_lists_of_sites_and_concepts_cost_at_most_three_times_ordinary_text() -> None:
    ordinary = _lines(_repeat(ORDINARY, 8000))
    for name, unit in COMPOSITION.items():
        assert _lines(_repeat(unit, 8000)) <= 3 * ordinary, name


def test_lists_of_sites_and_concepts_cost_linear_in_their_length() -> None:
    """Twice the text is twice the work (2.0 measured for each; 2.15 to 3.5 when quadratic)."""
    for name, unit in COMPOSITION.items():
        assert _lines(_repeat(unit, 6000)) <= 2.1 * _lines(_repeat(unit, 3000)), name


SITE_PIECES = ["neck ", "arms ", "legs ", "lower back ", "face ", "sore ", "numb ", "weak ", "pain ", "stiff "]
SITE_PIECES += ["and ", "or ", ", ", "my ", "in ", "no ", "normal ", "too ", ": ", ". "]


@settings(max_examples=6, deadline=None)
@given(st.lists(st.sampled_from(SITE_PIECES), min_size=4, max_size=24))
def test_any_list_of_sites_and_concepts_costs_linear_in_its_length(pieces: list[str]) -> None:
    unit = "".join(pieces)
    assert _lines(_repeat(unit, 4000)) <= 2.2 * _lines(_repeat(unit, 2000))


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("hours mins x\n\xa0ſ."), max_size=30), st.integers(0, 30))
def test_a_unit_before_an_amount_is_found_as_by_a_search_from_the_start(text: str, end: int) -> None:
    """``_amount_before`` searches a few letters before the spaces, not the whole text before
    (quadratic over the "an"+"d" of "and ... and"): it finds what the search from the start does."""
    end = min(end, len(text))
    assert _amount_before(text, end) == (_AMOUNT_BEFORE.search(text, 0, end) is not None)


class _CountingSearch:
    """A compiled pattern that counts the characters each search is given."""

    def __init__(self, rx: Any) -> None:
        self.rx = rx
        self.chars = 0

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self.chars += max(0, min(endpos, len(text)) - pos)
        return self.rx.search(text, pos, endpos)


def test_the_unit_before_an_amount_is_searched_for_in_linear_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The regex's work (which no line of Python counts) over a list joined by "and": twice the
    text gives it twice the characters to read, not four times."""
    counts = []
    for n in (3000, 6000):
        counting = _CountingSearch(_AMOUNT_BEFORE)
        monkeypatch.setattr(timing, "_AMOUNT_BEFORE", counting)
        parse(_repeat(COMPOSITION["arm_and_leg"], n))
        counts.append(counting.chars)
    assert 0 < counts[1] <= 2.2 * counts[0]
