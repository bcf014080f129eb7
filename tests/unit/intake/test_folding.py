"""Folded patterns (nape.intake.folding) find what the case-insensitive pattern finds: the same
matches at the same offsets, groups equal but for case."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from nape.intake.folding import Folded, _folded
from nape.intake.side import _side_fold
from nape.intake.timing import _LONG_FOLD, _RECURRENT_FOLD, _THE_PAST_FOLD, _duration_fold, _points_rx

ROOT = Path(__file__).resolve().parents[3]


def _texts() -> list[str]:
    texts = []
    for line in (ROOT / "data/cases/dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            texts.append(f"{case['text']} {case.get('details', '')}")
    rng = random.Random(5)
    words = " ".join(texts).split()
    for _ in range(300):  # shuffled words with their case flipped at random
        picked = rng.sample(words, 30)
        texts.append(" ".join(w.upper() if rng.random() < 0.3 else w.title() for w in picked))
    return texts


def _found(rx: re.Pattern[str] | Folded, text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), tuple(g.lower() if g else g for g in m.groups())) for m in rx.finditer(text)]


def test_folded_patterns_match_as_the_case_insensitive_ones() -> None:
    pts = _points_rx()
    folded = [_duration_fold(), _THE_PAST_FOLD, _LONG_FOLD, _RECURRENT_FOLD, _side_fold()]
    folded += [pts.day, pts.weekday, pts.month, pts.nth, pts.age_since, pts.future]
    assert all(f.lower is not None for f in folded)
    for text in _texts():
        for f in folded:
            assert _found(f, text) == _found(f.rx, text), (f.rx.pattern[:40], text)
            got, want = f.search(text), f.rx.search(text)
            assert (got and got.span()) == (want and want.span())


def test_folded_person_patterns_match_as_the_case_insensitive_ones() -> None:
    from nape.intake import person

    rx = person._rx()
    folded = [getattr(rx, f) for f in ("proxy", "word_age", "infant_old", "infant_aged", "young_of", "decade")]
    folded += [*person._AGE_FOLDED, *(f for f, _ in person._SEX_FOLDED), person._PRONOUN, person._FIRST_PERSON]
    assert all(f.lower is not None for f in folded)
    for text in _texts():
        for f in folded:
            assert _found(f, text) == _found(f.rx, text), (f.rx.pattern[:40], text)


def test_patterns_lower_casing_could_change_are_run_as_they_are() -> None:
    for src in (r"\bfoo\S", r"\x41b", r"[A-z]", "\u017fick", r"\Bx", r"\101"):
        assert _folded(re.compile(src, re.I)) is None, src
    assert _folded(re.compile("abc")) is None  # not case-insensitive: nothing to fold
    f = Folded(re.compile(r"\bneck\b", re.I))
    assert [m.span() for m in f.finditer("NECK and neck, Neck")] == [(0, 4), (9, 13), (15, 19)]
    assert [m.span() for m in f.finditer("NECK \u00e9 neck")] == [(0, 4), (7, 11)]  # not ASCII: as it is
