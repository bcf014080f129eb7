"""The rules' phrases are split at their spaces when they are plain words (tokens.phrase_words):
the tokens must be exactly those of spaCy's tokenizer, for every phrase the rules are built from."""

from __future__ import annotations

from nape.intake.pipeline import build
from nape.intake.tokens import PHRASES, lemma_table, phrase_words, spacy_phrase_words, spacy_tokenise, tokenise


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


def test_texts_tokenised_chunk_by_chunk_as_spacy_does() -> None:
    import json
    from pathlib import Path

    from nape.intake import clean

    root = Path(__file__).resolve().parents[3]
    texts = [json.loads(line)["text"] for line in (root / "data/cases/dev.jsonl").read_text().splitlines() if line]
    texts += [
        "neck pain\nno fever",
        "neck pain \nno fever",
        "neck pain\n\n\nno fever",
        "I can't turn my head!!!! since 2/52, 38.5c, e.g. ibuprofen 400mg.",
        "it's   bad\tand\r\nworse",
        "pain\u00a0relief\u2009now",
        "cannot gonna don't (left) [R] arm... U.K. x-ray",
        "  leading and trailing  ",
        "\nstarts with a line break\n",
        "ends with a space ",
        "R R R ",
        "3 days ago. ",
    ]
    texts += [t + " " for t in texts[:40]]
    for text in texts:
        bounded = clean(text)
        assert tokenise(bounded) == spacy_tokenise(bounded), text


def test_ascii_bound_cuts_as_the_character_loop_does() -> None:
    import random
    import string

    from nape.intake.tokens import bound

    rng = random.Random(7)
    alphabets = ["ab1 \n\t.!-'/\x01\x7f" + string.punctuation, "aaaab ..--!", "abcdefgh" * 4 + "!. "]
    for k in range(6000):
        text = "".join(rng.choice(alphabets[k % 3]) for _ in range(rng.randint(0, 160)))
        # a final non-ASCII letter sends the text through the character loop
        assert bound(text + "é").removesuffix("é") == bound(text), repr(text)


def test_ascii_control_characters_are_those_of_is_control() -> None:
    from nape.intake import _ASCII_CONTROL
    from nape.text import is_control

    assert [c for c in range(128) if _ASCII_CONTROL.fullmatch(chr(c))] == [c for c in range(128) if is_control(chr(c))]


def test_bound_cuts_as_the_character_loop_on_any_text() -> None:
    """``bound`` (two regular expressions, the symbol class built from the text's own
    characters) gives the character loop's result on texts mixing ASCII, typographic
    punctuation, emoji, combining marks, odd spaces and letters."""
    import random

    from nape.intake.tokens import bound, bound_by_characters

    rng = random.Random(13)
    alphabet = "ab1 \n\t.!-/$\u2014\u201c\u00e9\U0001f642\u0301\ufdfa\u00a0\u2028\u3000\u00b2\u2460x"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        assert bound(text) == bound_by_characters(text), repr(text)


def test_control_characters_are_those_of_is_control_over_every_code_point() -> None:
    from nape.intake import _CONTROL
    from nape.text import is_control

    differ = [c for c in range(0x110000) if bool(_CONTROL.fullmatch(chr(c))) != is_control(chr(c))]
    assert differ == []


def test_chunks_of_ascii_letters_are_tokenised_as_spacy_does() -> None:
    """A chunk of ASCII letters is read without spaCy's tokenizer: one token (or spaCy's own
    special case), spaCy's ``like_num``; checked on dictionary words in three casings, the
    special cases and random letter strings."""
    import random

    from nape.intake.tokens import _LETTERS, _chunk_tokens, _nlp, lemma_table

    nlp = _nlp()
    rng = random.Random(17)
    words = sorted(w for w in lemma_table() if _LETTERS.fullmatch(w))
    sample = [rng.choice((str.lower, str.title, str.upper))(w) for w in rng.sample(words, 3000)]
    sample += ["one", "One", "THIRD", "first", "cannot", "Cannot", "dont", "gonna", "a", "I", "im", "Lets", "whats"]
    sample += ["".join(rng.choices("abcdefghijklmnopqrstuvwxyzABC", k=rng.randint(1, 40))) for _ in range(1000)]
    for w in sample:
        want = tuple((t.idx, t.text, t.lower_, t.is_punct, t.like_num) for t in nlp.make_doc(w))
        assert _chunk_tokens(w) == want, w


def test_sentence_starts_are_marked_in_both_tokenisers() -> None:
    """A context rule may ask for a sentence's first word (IS_SENT_START: a relative opening a
    sentence, "Dad had a stroke."): the text's first word and a word after . ! ? or a new line."""
    text = "Dad had a stroke. Mum too! Ok\nnow then"
    for tokens in (tokenise(text), spacy_tokenise(text)):
        starts = [t.text for t in tokens if t.sent_start and t.text != "\n"]
        assert starts == ["Dad", "Mum", "Ok", "now"]
