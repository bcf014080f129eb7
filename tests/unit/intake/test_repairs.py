"""Word repairs before reading (nape.intake.repairs): gates decide, offsets map back to the
text as written, and a parse's mentions keep the person's own words."""

from __future__ import annotations

import pytest

from nape.intake import parse, repairs
from nape.intake.repairs import repair


def test_nothing_to_repair_gives_none() -> None:
    assert repair("my neck has hurt for two weeks") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sore for too weeks", "sore for two weeks"),
        ("pain in the write arm", "pain in the right arm"),
        ("Know fever", "No fever"),
        ("shoulder + hip", "shoulder and hip"),
        ("P&N in toes", "pins and needles in toes"),
        ("~4 days", "about 4 days"),
        # regional forms: a clitic is split from its word, so "heid's" is "heid" and "'s"
        ("ma heid's sair", "my head's sore"),
        ("Ah cannae turn", "I can't turn"),
        ("ah've no been sleeping", "I've not been sleeping"),
        ("hurt me neck", "hurt my neck"),
        ("nae fever, nae rash", "no fever, no rash"),
        # a slash list of known short forms is read as its words, still one list
        ("F/C/NS denied", "fever/chills/night sweats denied"),
        ("B&B normal", "bladder/bowel normal"),
        ("no N/V/D", "no nausea/vomiting/diarrhoea"),
        ("waterworks no probs", "waterworks no problems"),
    ],
)
def test_repairs_where_the_gate_holds(text: str, expected: str) -> None:
    fixed = repair(text)
    assert fixed is not None and fixed.text == expected


@pytest.mark.parametrize(
    "text",
    [
        "going to weeks of rehab? no, days to weeks",
        "write it down",
        "I know the pain",
        "U&E normal",
        "SLR +ve",
        # a form that is also English keeps its sense where its neighbours say so
        "Ma said it was fine",
        "I've no fever",
        "ah well",
        "call me back",
        "weaning off the tablets",
        "HIV positive",
        # runs with an unknown item, another sense in notes, or a lone form of several words
        "D/C home",
        "c/o pain",
        "L/R equal",
        "B/NS",
        "probs just a strain",
    ],
)
def test_no_repair_where_the_gate_fails(text: str) -> None:
    fixed = repair(text)
    assert fixed is None or fixed.text == text


def test_offsets_map_back_to_the_written_text() -> None:
    text = "ache for too weeks, P+N in hand"
    fixed = repair(text)
    assert fixed is not None
    a = fixed.text.index("two weeks")
    assert fixed.span(a, a + len("two weeks")) == (text.index("too weeks"), text.index("too weeks") + len("too weeks"))
    b = fixed.text.index("pins and needles")
    assert fixed.span(b, b + len("pins and needles")) == (text.index("P+N"), text.index("P+N") + 3)
    # a span after every repair is shifted back by the length the repairs added
    c = fixed.text.index("hand")
    assert fixed.span(c, c + 4) == (text.index("hand"), text.index("hand") + 4)


def test_parse_mentions_keep_the_words_as_written() -> None:
    text = "tingling like P&N in the fingers, for too weeks"
    r = parse(text)
    for m in r.mentions:
        assert m.start is not None and m.end is not None
        assert text[m.start : m.end] == m.source_text, m
    assert any("P&N" in m.source_text for m in r.mentions if m.finding == "arm_numbness_tingling")


@pytest.mark.parametrize(
    "text",
    [
        "sore for too weeks, write arm numb. know fever",
        "x'to weeks; 'too weeks; rad'n down arm; rad’n down arm; RAD into the arm",
        "for   too\n\nweeks and a weak ago, P + N, p&n, shoulder+hip, ~4 days, ~ 4",
        "1,5 to weeks after 2.5 too days" + " shoulder + hip" * 40,
        "+a" * 300 + " for too weeks",
        "sore for too",
        "too",
        "ah'm no able tae walk, ma heid's sair, me back's gone; HEID'S; o'clock; it's no getting better",
        "nae " * 50 + "ah'm" * 30,
    ],
)
def test_the_one_pass_search_finds_what_reading_every_token_finds(text: str) -> None:
    # the pattern of first forms finds the same repairs as trying every token of the text
    toks = repairs._words(text)
    every = repairs._edits_of(text, toks, range(len(toks)), repairs._rules())
    assert repairs._edits(text) == every
