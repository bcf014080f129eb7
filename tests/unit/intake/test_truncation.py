"""Cut-short clinical words (concepts.yaml ``truncation``): the table is made from the lexicon,
and its guards keep real words, names, short stems and prefixes of two word families apart."""

from __future__ import annotations

from nape.intake.concepts import truncation_table
from nape.intake.pipeline import build
from nape.intake.tokens import common_words


def test_a_prefix_of_one_word_family_stands_for_it() -> None:
    table = truncation_table(["widespread hyperalgesia", "hyperalgesic response"], frozenset())
    assert table["hyperalg"][0] in {"hyperalgesia", "hyperalgesic"}
    assert set(table["hyperalg"]) == {"hyperalgesia", "hyperalgesic"}  # form and lemma: both words


def test_a_prefix_of_two_word_families_is_left_alone() -> None:
    table = truncation_table(["diffuse swelling", "difficulty walking"], frozenset())
    assert "diff" not in table and "diffi" in table and "diffu" in table


def test_names_real_words_and_phrase_words_are_never_cut_short_forms() -> None:
    table = truncation_table(["positive Kernigson sign", "heretical notion"], frozenset({"notio"}))
    assert not any(v[0] == "kernigson" for v in table.values())  # a name (capital in the phrase)
    assert "here" not in table  # a common English word of its own
    assert "notio" not in table  # itself a phrase word


def test_the_never_list_and_the_common_word_list() -> None:
    table = build().truncations
    assert "temp" not in table and "cont" not in table
    words = common_words(-15.0)
    assert "here" in words and "bilat" not in words
