"""docs/usage.md documents every CLI command, API route and setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from nape.cli import app
from nape.core.config import Settings
from nape.server.app import create_app

USAGE = (Path(__file__).resolve().parents[1] / "docs/usage.md").read_text()


def _commands() -> list[str]:
    """``assess``, …, and sub-commands as ``clinician add``."""
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    for group in app.registered_groups:
        sub = group.typer_instance
        names += [f"{group.name} {c.name or c.callback.__name__}" for c in sub.registered_commands if c.callback]
    return sorted(names)


def _api_routes() -> list[str]:
    """``GET /v1/health``, ``POST /v1/interviews/{interview_id}/answers``, … (one per method)."""
    paths = create_app().openapi()["paths"]
    return sorted(f"{m.upper()} {p}" for p, ops in paths.items() if p.startswith(("/v1", "/cds-services")) for m in ops)


@pytest.mark.parametrize("name", _commands())
def test_every_cli_command_is_in_the_usage_docs(name: str) -> None:
    assert f"nape {name}" in USAGE


def test_the_api_has_routes_to_check() -> None:
    assert {"POST /v1/interviews", "GET /v1/interviews/{interview_id}/report"} <= set(_api_routes())


@pytest.mark.parametrize("route", _api_routes())
def test_every_api_route_is_in_the_usage_docs(route: str) -> None:
    assert f"`{route}`" in USAGE


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_in_the_usage_docs(field: str) -> None:
    assert f"NAPE_{field.upper()}" in USAGE
