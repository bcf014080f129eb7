"""The README documents every CLI command, API route and setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from nape.api.app import create_app
from nape.cli import app
from nape.core.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback))
def test_every_cli_command_is_in_the_readme(name: str) -> None:
    assert f"nape {name}" in README


@pytest.mark.parametrize(
    "path", sorted(p for p in (getattr(r, "path", "") for r in create_app().routes) if p.startswith("/v1"))
)
def test_every_api_route_is_in_the_readme(path: str) -> None:
    assert path in README


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_in_the_readme(field: str) -> None:
    assert f"NAPE_{field.upper()}" in README
