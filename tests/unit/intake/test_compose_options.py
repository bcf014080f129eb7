"""The compose options of resources/concepts.yaml (session 5): ordered groups, a sentence scope,
an assertion on some groups only, reading alongside a finding's phrase, and "too"."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nape.errors import IntakeResourceError
from nape.intake import parse, schema
from nape.intake.schema import ConceptFile


def _got(text: str) -> dict[str, bool]:
    return {m.finding: m.present for m in parse(text).mentions}


def test_assert_on_must_name_one_of_the_rules_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((schema.RESOURCES / "concepts.yaml").read_text(encoding="utf-8"))
    data["compose"].append({"finding": "deficit_is_new", "all": ["deficit", "novelty"], "assert_on": ["numbness"]})
    (tmp_path / "concepts.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match="asserts on 'numbness'"):
        schema.load("concepts.yaml", ConceptFile)


def test_an_unknown_scope_is_a_numbered_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((schema.RESOURCES / "concepts.yaml").read_text(encoding="utf-8"))
    data["compose"].append({"finding": "deficit_is_new", "all": ["deficit", "novelty"], "scope": "paragraph"})
    (tmp_path / "concepts.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match="scope"):
        schema.load("concepts.yaml", ConceptFile)


def test_ordered_groups_follow_the_first() -> None:
    assert _got("his legs are getting weaker").get("progressive_weakness") is True
    assert _got("his legs feel weaker getting out of the car").get("progressive_weakness") is not True


def test_a_sentence_scope_crosses_a_comma_but_not_a_full_stop() -> None:
    assert _got("my leg went weak on the stairs, never had that before").get("deficit_is_new") is True
    assert _got("My leg went weak on the stairs. Never had that before in my life.").get("deficit_is_new") is not True


def test_assert_on_the_deficit_only() -> None:
    # the "never" of "never had that before" denies nothing; a denied weakness is not new weakness
    assert _got("my arm went numb and weak, never had that before").get("deficit_is_new") is True
    assert _got("no weakness, never had that before").get("deficit_is_new") is not True


def test_read_alongside_a_findings_own_phrase() -> None:
    got = _got("both feet are numb")
    assert got.get("burning_feet") is True and got.get("bilateral_leg_symptoms") is True


def test_too_extends_a_concept_to_a_site() -> None:
    assert _got("my toes are tingling and my fingers too").get("arm_numbness_tingling") is True
    assert _got("my neck is stiff and my shoulders too").get("arm_numbness_tingling") is not True


def test_in_text_must_name_a_known_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((schema.RESOURCES / "concepts.yaml").read_text(encoding="utf-8"))
    rule = {"finding": "vaginal_bleeding_or_fluid", "all": ["preg_bleed"], "in_text": ["no_such_group"]}
    data["compose"].append(rule)
    (tmp_path / "concepts.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match="no_such_group"):
        schema.load("concepts.yaml", ConceptFile)


def test_in_text_reads_the_words_only_in_their_setting() -> None:
    """Bleeding is read as the vagina's only where a pregnancy is named, in any sentence."""
    assert _got("Pregnant. Some bleeding since lunch.").get("vaginal_bleeding_or_fluid") is True
    assert _got("Some bleeding since lunch. I am pregnant.").get("vaginal_bleeding_or_fluid") is True
    assert "vaginal_bleeding_or_fluid" not in _got("Some bleeding since lunch, and a sore back.")


def test_a_default_reading_yields_to_the_story() -> None:
    """``yields_to``: a rear impact is a simple rear-end collision by default; a dangerous
    mechanism read anywhere in the text makes it not simple, its own denial in other words
    stands, and a default said under a denial reads nothing more when it yields."""
    assert _got("rear-ended at the lights this morning").get("simple_rear_end_collision") is True
    assert _got("Rear-ended this morning. The car then rolled onto its roof.").get("simple_rear_end_collision") is False
    assert _got("rear-ended by a lorry this morning").get("simple_rear_end_collision") is False
    got = _got("I wasn't rear-ended; I rolled the car on the bend")
    assert got.get("simple_rear_end_collision") is not True and got.get("dangerous_mechanism") is True


def test_yields_to_is_part_of_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((schema.RESOURCES / "concepts.yaml").read_text(encoding="utf-8"))
    data["compose"].append(
        {"finding": "simple_rear_end_collision", "all": ["rear_end_word"], "yields_to": "dangerous_mechanism"}
    )
    (tmp_path / "concepts.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match="yields_to"):
        schema.load("concepts.yaml", ConceptFile)


def test_a_rule_not_deniable_says_nothing_when_denied() -> None:
    # "weak down one side" is the arm and the leg of that side; denied, it denies neither
    assert _got("she is weak down one side of her body").get("leg_weakness") is True
    assert "leg_weakness" not in _got("she is not weak down one side of her body")


def test_a_qualified_modifier_must_give_a_modifier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((schema.RESOURCES / "concepts.yaml").read_text(encoding="utf-8"))
    data["qualified_sites"].append({"qualifier": "extent_to", "site": "sock_limit_word", "gives": "mid_back"})
    (tmp_path / "concepts.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match="must be sites"):
        schema.load("concepts.yaml", ConceptFile)


def test_a_reach_joined_to_its_limit_is_read_as_one_modifier() -> None:
    both_ends = "numb from the toes to the ankles and from the fingers to the wrists"
    assert _got(both_ends).get("stocking_glove_numbness") is True
    assert _got("numb from the toes to the ankles").get("stocking_glove_numbness") is not True
