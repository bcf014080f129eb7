"""A place alone is not a symptom: every phrase of a regional pain finding says more than where.

"The back of her head is getting flat" named the place of occipital pain and was read as a
headache (found on blind set c, 2026-11-30). A regional pain finding's phrases must hold a word
that is neither a body site nor a place word; the bare places live in the intake's region
fallback (resources/maps.yaml), which reads them only when a pain word stands in the text.
"""

from __future__ import annotations

import pytest

from nape.intake.schema import concept_file
from nape.intake.tokens import phrase_words
from nape.knowledge.loader import default_kb

KB = default_kb()
#: words that only say where ("the middle of my back", "between my shoulder blades")
PLACE_WORDS = frozenset(
    {
        *("my", "the", "of", "at", "in", "on", "his", "her", "their", "your", "a", "where", "meets", "bottom"),
        *("base", "back", "top", "side", "left", "right", "both", "between", "lower", "upper", "low", "middle"),
        *("mid", "down", "under", "around"),
    }
)
SITES = frozenset(
    w
    for g in concept_file().groups.values()
    if g.kind == "site"
    for phrase in g.words
    for w in phrase_words(phrase.lower())
)
#: regional pain findings (radiating pain is a direction, "down my leg", and stays as it is)
REGIONAL = sorted(f for f in KB.findings if f.endswith("_pain") and not f.startswith("pain_radiating"))


def place_only(phrase: str) -> bool:
    words = phrase_words(phrase.lower())
    return bool(words) and all(w in SITES or w in PLACE_WORDS for w in words)


def test_the_check_tells_a_place_from_a_symptom() -> None:
    assert place_only("the middle of my back")
    assert place_only("base of my skull")
    assert not place_only("pain at the base of my skull")
    assert not place_only("middle of my back hurts")


@pytest.mark.parametrize("finding", REGIONAL)
def test_no_phrase_of_a_regional_pain_is_only_a_place(finding: str) -> None:
    p = KB.findings[finding].phrases
    assert [x for x in [*p.lay, *p.clinical, *p.misspellings] if place_only(x)] == []
