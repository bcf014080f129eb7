"""The rules' phrases are split at their spaces when they are plain words (tokens.phrase_words):
the tokens must be exactly those of spaCy's tokenizer, for every phrase the rules are built from."""

from __future__ import annotations

from nape.intake.pipeline import build
from nape.intake.tokens import PHRASES, lemma_table, phrase_words, spacy_phrase_words


def test_every_rule_phrase_has_spacys_tokens() -> None:
    build()
    phrases = list(PHRASES)
    assert len(phrases) > 5000  # every finding phrase, concept word, medicine and cue
    differ = [p for p in phrases if phrase_words(p) != spacy_phrase_words(p)]
    assert differ == []


def test_plain_words_and_special_cases_match_spacy() -> None:
    words = sorted(w for w in lemma_table() if w.isascii() and w.isalpha())[::15]
    words += ["cannot", "gonna", "dont", "im", "ll", "wont", "cant", "lets", "y'all", "neck  pain", "Neck Pain"]
    words += ["anti-inflammatories don't help", "38.5c fever", "1/52 r neck", "a&ox3", "+ve slr", "back's gone"]
    words += ["it's   bad", "sore\tneck", "pain\u00a0relief", "!!!!!! neck", "x" * 60 + " neck"]
    phrases = [*words, " ".join(words[:50]), " ".join(words[-50:])]
    differ = [p for p in phrases if phrase_words(p) != spacy_phrase_words(p)]
    assert differ == []
    assert phrase_words("i cannot turn") == ("i", "can", "not", "turn")
