"""Fixtures for the web-security tests: an app on a temporary SQLite store, settings changed per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape.core.config import get_settings
from nape.server.app import create_app
from nape.store import Store

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")
STORY = "My neck has been stiff and sore since yesterday, worse when I turn my head."

Configure = Callable[..., None]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path}/security.db")
    yield s
    s.dispose()


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


@pytest.fixture()
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Configure]:
    """``configure(NAPE_PUBLIC_URL="https://…")`` sets settings for this test only."""

    def apply(**env: str) -> None:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    yield apply
    get_settings.cache_clear()


def assert_secured(headers: object, what: str) -> None:
    """The four headers every response carries, with the values nape sets."""
    h = dict(headers)  # type: ignore[call-overload]
    missing = [name for name in SECURITY_HEADERS if name not in h]
    assert not missing, f"{what}: no {missing}"
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, f"{what}: {csp}"
    assert "unsafe-eval" not in csp, what
    assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY", what
    assert h["referrer-policy"] == "no-referrer", what


def start_interview(client: TestClient, **headers: str) -> str:
    """Start an interview through the web form; its private path ``/a/{id}``."""
    r = client.post("/start", data={"text": STORY, "age": "40", "sex": ""}, headers=headers, follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    return str(r.headers["location"])
