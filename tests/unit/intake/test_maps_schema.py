"""resources/maps.yaml is validated strictly: a broken file is error E110."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nape.errors import IntakeResourceError
from nape.intake import schema
from nape.intake.schema import MapsFile, maps_file
from nape.knowledge.loader import default_kb


def test_the_shipped_maps_load_and_name_known_findings() -> None:
    f = maps_file()
    kb = default_kb()
    named = [*f.family_to, *f.family_to.values(), *f.brief_episode.findings, *f.brief_episode.pattern]
    named += [*f.brief_episode.spasm, *f.historical_to, *f.historical_to.values()]
    assert [fid for fid in named if fid not in kb.findings] == []
    assert "mother" in f.relative_subjects.relatives and "ribs" in f.non_limb_words


@pytest.mark.parametrize(("where", "key"), [((), "shoe_size"), (("relative_subjects",), "pets")])
def test_an_unknown_key_is_a_numbered_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: tuple[str, ...], key: str
) -> None:
    data = yaml.safe_load((schema.RESOURCES / "maps.yaml").read_text(encoding="utf-8"))
    node = data
    for w in where:
        node = node[w]
    node[key] = ["x"]
    (tmp_path / "maps.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(schema, "RESOURCES", tmp_path)
    with pytest.raises(IntakeResourceError, match=rf"E110 .*{key}"):
        schema.load("maps.yaml", MapsFile)
