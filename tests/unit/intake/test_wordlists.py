"""resources/attributes.yaml is validated strictly: a broken file is error E110."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nape.errors import IntakeResourceError
from nape.intake import schema
from nape.intake.wordlists import AttributesFile, attributes_file


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
