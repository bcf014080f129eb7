"""Security headers on every response, and pages that need no inline script or style.

Every page a person or clinician can reach is rendered (start form, question, result, clinician
view, delete confirmation, deleted, not found, ask) and checked for inline ``<script>``,
``<style>``, ``style=""`` and ``on…=""`` handlers, which the Content-Security-Policy would block.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.http.security.conftest import assert_secured, start_interview

INLINE = [
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event-handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def every_page(client: TestClient) -> dict[str, str]:
    """Each kind of page, by name, as HTML."""
    link = start_interview(client)
    pages = {
        "home": client.get("/").text,
        "question": client.get(link).text,
        "result": client.get(f"{link}/result").text,
        "clinician": client.get(f"{link}/clinician").text,
        "ask": client.get("/ask", params={"q": "when should I see a doctor about a stiff neck?"}).text,
        "not found": client.get("/a/no-such-assessment").text,
        "home with an error": client.post("/start", data={"text": "   "}).text,
        "delete confirm": client.post(f"{link}/delete").text,
        "deleted": client.post(f"{link}/delete", data={"confirm": "yes"}).text,
    }
    quick = client.post("/assess", data={"text": "fever, stiff neck and a terrible headache", "age": "22"})
    pages["emergency result"] = quick.text
    return pages


def test_no_page_has_inline_script_or_style(client: TestClient) -> None:
    for name, html in every_page(client).items():
        assert "<html" in html, name
        for pattern, what in INLINE:
            found = pattern.search(html)
            assert found is None, f"{name} page has an {what}: {found.group(0) if found else ''}"


def test_every_kind_of_response_carries_the_headers(client: TestClient) -> None:
    link = start_interview(client)
    responses = {
        "page": client.get("/"),
        "private page": client.get(link),
        "result": client.get(f"{link}/result"),
        "pdf": client.get(f"{link}/clinician.pdf"),
        "static file": client.get("/static/nape.css"),
        "api": client.get("/v1/health"),
        "openapi": client.get("/openapi.json"),
        "api 404": client.get("/v1/conditions/nope"),
        "api 422": client.post("/v1/assess", json={"colour": "red"}),
        "405": client.put("/v1/health"),
        "413": client.post("/v1/assess", content=b"x" * 70_000, headers={"content-type": "application/json"}),
        "unknown path": client.get("/no/such/page"),
        "cds discovery": client.get("/cds-services"),
        "untrusted host": client.get("/", headers={"host": "evil.example"}),
        "cross-site": client.post(f"{link}/delete", headers={"origin": "https://evil.example"}),
    }
    for name, r in responses.items():
        assert r.status_code < 500, name
        assert_secured(r.headers, name)


def test_private_pages_and_interview_routes_are_not_stored(client: TestClient) -> None:
    link = start_interview(client)
    created = client.post("/v1/interviews", json={"text": "stiff neck"})
    api_link = f"/v1/interviews/{created.json()['id']}"
    for path in (link, f"{link}/result", f"{link}/clinician", f"{link}/clinician.pdf", api_link, f"{api_link}/report"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers.get("cache-control") == "no-store", path
    assert created.headers.get("cache-control") == "no-store"
    # the redirect that carries a new private link is not stored either
    r = client.post("/start", data={"text": "stiff neck"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers.get("cache-control") == "no-store"
    # public pages may be cached
    assert "no-store" not in client.get("/static/nape.css").headers.get("cache-control", "")


def test_the_policy_allows_only_own_files_and_no_framing(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "http" not in csp
