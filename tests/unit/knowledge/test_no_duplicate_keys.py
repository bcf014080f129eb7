"""Every YAML data file of the package has each mapping key once.

YAML lets a later key silently replace an earlier one, so a word list written twice under one
name would lose its first half without any schema noticing (a "rash" group was defined twice
in concepts.yaml until 2026-11-30). This test reads every resource file with a loader that
refuses a repeated key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

SRC = Path(__file__).resolve().parents[3] / "src" / "nape"
FILES = sorted(p for p in SRC.rglob("*.yaml") if "resources" in p.parts)


class _Strict(yaml.SafeLoader):
    pass


def _mapping(loader: _Strict, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"repeated key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_the_resource_files_are_found() -> None:
    assert len(FILES) > 20
    assert any(p.name == "concepts.yaml" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_key_is_repeated(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_Strict)


def test_a_repeated_key_is_refused() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="repeated key 'a'"):
        yaml.load("a: 1\nb: 2\na: 3\n", Loader=_Strict)
