"""Trusted hosts, and links and redirects built from NAPE_PUBLIC_URL, never from the Host header."""

from __future__ import annotations

from fastapi.testclient import TestClient

from nape.api.cds_hooks import EXAMPLE
from nape.core.config import Settings
from nape.server.security import host_allowed, public_location
from tests.http.security.conftest import Configure, assert_secured, start_interview

PUBLIC = "https://nape.example.org"


def test_default_trusted_hosts_are_loopback_and_the_public_urls() -> None:
    assert Settings(trusted_hosts=None, public_url=None).allowed_hosts() == ["localhost", "127.0.0.1", "::1"]
    assert "nape.example.org" in Settings(trusted_hosts=None, public_url=f"{PUBLIC}/x").allowed_hosts()
    assert Settings(trusted_hosts=" a.org, B.org ,").allowed_hosts() == ["a.org", "b.org"]


def test_host_patterns() -> None:
    allowed = ["localhost", "::1", "*.example.org"]
    assert host_allowed("localhost:8000", allowed) and host_allowed("[::1]:8000", allowed)
    assert host_allowed("api.example.org", allowed) and not host_allowed("example.org.evil.test", allowed)
    assert not host_allowed("", allowed) and not host_allowed("evil.example", allowed)
    assert host_allowed("anything", ["*"])


def test_an_untrusted_host_is_refused_everywhere(client: TestClient) -> None:
    for method, path in [("GET", "/"), ("GET", "/v1/health"), ("POST", "/v1/interviews"), ("GET", "/docs")]:
        r = client.request(method, path, headers={"host": "evil.example"}, json={} if method == "POST" else None)
        assert r.status_code == 400 and r.json()["code"] == "E702", path
        assert_secured(r.headers, path)
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_links_and_redirects_use_the_public_url(client: TestClient, configure: Configure) -> None:
    configure(NAPE_PUBLIC_URL=f"{PUBLIC}/", NAPE_TRUSTED_HOSTS="testserver,localhost,nape.example.org")
    host = {"host": "localhost:8000"}  # a trusted host, but not the public one
    created = client.post("/v1/interviews", json={"text": "stiff neck"}, headers=host).json()
    assert created["link"] == f"{PUBLIC}/a/{created['id']}"
    cards = client.post("/cds-services/nape-spasm-triage", json=EXAMPLE, headers=host).json()["cards"]
    urls = [link["url"] for card in cards for link in card.get("links", [])]
    urls += [card["source"]["url"] for card in cards if card["source"].get("url")]
    assert urls and all(u.startswith(f"{PUBLIC}/") for u in urls), urls
    slash = client.get("/v1/conditions/", headers=host, follow_redirects=False)
    assert slash.status_code in (307, 308) and slash.headers["location"] == f"{PUBLIC}/v1/conditions"
    link = start_interview(client)
    assert f"{PUBLIC}{link}/result" in client.get(f"{link}/result", headers=host).text


def test_without_a_public_url_links_use_the_trusted_request_host(client: TestClient) -> None:
    created = client.post("/v1/interviews", json={}, headers={"host": "localhost:8000"}).json()
    assert created["link"] == f"http://localhost:8000/a/{created['id']}"


def test_public_location_moves_only_own_redirects() -> None:
    assert public_location("http://localhost:8000/v1/x?y=1", "localhost:8000", PUBLIC) == f"{PUBLIC}/v1/x?y=1"
    assert public_location("/a/1", "localhost:8000", PUBLIC) == "/a/1"
    assert public_location("https://nice.org.uk/x", "localhost:8000", PUBLIC) == "https://nice.org.uk/x"
    assert public_location("http://localhost:8000/x", "localhost:8000", None) == "http://localhost:8000/x"
