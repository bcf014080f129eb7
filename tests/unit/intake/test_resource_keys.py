"""The intake's YAML resources name each key once: a second group of the same name would
silently replace the first (YAML keeps the last), and every rule naming it would change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

RESOURCES = Path(__file__).parents[3] / "src" / "nape" / "intake" / "resources"


def _duplicates(node: yaml.Node, where: str = "") -> list[str]:
    out: list[str] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            key = str(k.value)
            if key in seen:
                out.append(f"{where}/{key}")
            seen.add(key)
            out += _duplicates(v, f"{where}/{key}")
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            out += _duplicates(v, f"{where}/{i}")
    return out


@pytest.mark.parametrize("path", sorted(RESOURCES.glob("*.yaml")), ids=lambda p: p.name)
def test_no_key_is_named_twice(path: Path) -> None:
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert node is not None
    assert _duplicates(node) == []


def test_a_duplicate_key_is_found() -> None:
    node = yaml.compose("groups:\n  a: {kind: site}\n  b: {kind: site}\n  a: {kind: concept}\n", Loader=yaml.SafeLoader)
    assert node is not None
    assert _duplicates(node) == ["/groups/a"]
