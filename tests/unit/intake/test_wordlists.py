"""resources/attributes.yaml is validated strictly: a broken file is error E110."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nape.errors import IntakeResourceError
from nape.intake import schema
from nape.intake.wordlists import AttributesFile, alternation, attributes_file


def test_the_shipped_word_lists_load() -> None:
    f = attributes_file()
    assert "son" in f.person.male and "daughter" in f.person.female
    assert f.time.not_symptom_group == "not_symptom_duration"


def test_an_unknown_key_is_a_numbered_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((schema.RESOURCES / "attributes.yaml").read_text(encoding="utf-8"))
    data["person"]["shoe_size"] = [42]
    (tmp_path / "attributes.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match=r"person\.shoe_size"):
        schema.load("attributes.yaml", AttributesFile)


@pytest.mark.parametrize(
    "words",
    [
        ["couple of", "couple", "a", "an", "about", "around", "ab", "x", "two", "twenty", "2", "20"],
        ["since", "s", "since the start of the week", "start of", "six", "sixteen"],
        ["Mrs", "mrs", "ms", "Ms"],  # a capital opens a word: kept as one plain alternation
        ["k", "kg", "ks"],
    ],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_an_alternation_grouped_by_first_letter_finds_what_the_plain_one_finds(words: list[str], flags: int) -> None:
    plain = re.compile("(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")", flags)
    grouped = re.compile(f"({alternation(words)})", flags)
    text = " ".join([*words, "sixteen since the start of the week", "Kg KS ſix ab about 20 x a couple of 2"])
    assert [(m.span(), m.group(1)) for m in grouped.finditer(text)] == [
        (m.span(), m.group(1)) for m in plain.finditer(text)
    ]
    assert grouped.findall(text)  # the words are found at all
