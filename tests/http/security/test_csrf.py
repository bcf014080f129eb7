"""Cross-site requests: another site's form cannot change or delete an interview.

Browsers name the page that sent a request (``Sec-Fetch-Site``, ``Origin``, ``Referer``); nape
refuses state-changing requests another site sent with 403 E701. Same-origin forms, API calls
with a bearer token and JSON clients that send no Origin (scripts, servers) keep working. The
JSON API reads only JSON bodies, which another site's form cannot send.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from nape.store import Store
from tests.http.security.conftest import Configure, assert_secured, start_interview

EVIL = "https://evil.example"
CROSS_SITE = [
    {"origin": EVIL},
    {"origin": "null"},  # a sandboxed frame or a page with no-referrer on an old browser
    {"referer": f"{EVIL}/page"},
    {"sec-fetch-site": "cross-site", "origin": EVIL},
    {"sec-fetch-site": "same-site", "origin": "https://other.testserver"},
    {"origin": "http://testserver.evil.example"},
]


def assert_refused(r: object, what: str) -> None:
    status = r.status_code  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert status == 403, f"{what}: {status}"
    assert body["code"] == "E701" and body["detail"].startswith("E701"), what
    assert_secured(r.headers, what)  # type: ignore[attr-defined]


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_a_cross_site_form_cannot_delete_an_interview(client: TestClient, headers: dict[str, str]) -> None:
    link = start_interview(client)
    r = client.post(f"{link}/delete", data={"confirm": "yes"}, headers=headers)
    assert_refused(r, str(headers))
    assert client.get(link).status_code == 200  # still there


def test_cross_site_forms_cannot_answer_go_back_or_start(client: TestClient) -> None:
    link = start_interview(client)
    before = client.get(link).text
    for path, data in [
        (f"{link}/answer", {"finding": "fever", "answer": "yes", "step": "0"}),
        (f"{link}/back", {"step": ""}),
        ("/start", {"text": "stiff neck"}),
        ("/assess", {"text": "stiff neck"}),
    ]:
        assert_refused(client.post(path, data=data, headers={"origin": EVIL}, follow_redirects=False), path)
    assert client.get(link).text == before


def test_same_origin_forms_still_work(client: TestClient) -> None:
    # what a browser sends for nape's own form under Referrer-Policy: no-referrer
    browser = {"origin": "null", "sec-fetch-site": "same-origin"}
    link = start_interview(client, **browser)
    assert start_interview(client, origin="http://testserver")  # an older browser: its Origin
    assert start_interview(client, referer="http://testserver/")  # no Origin, a Referer
    r = client.post(f"{link}/delete", data={"confirm": "yes"}, headers=browser)
    assert r.status_code == 200 and "deleted" in r.text.lower()
    assert client.get(link).status_code == 404


def test_the_public_url_is_a_same_origin(client: TestClient, configure: Configure) -> None:
    configure(NAPE_PUBLIC_URL="https://nape.example.org/", NAPE_TRUSTED_HOSTS="testserver,nape.example.org")
    link = start_interview(client, origin="https://nape.example.org")
    r = client.post(f"{link}/delete", data={"confirm": "yes"}, headers={"origin": "https://nape.example.org"})
    assert r.status_code == 200


def test_api_with_a_bearer_token_works_from_anywhere(client: TestClient, store: Store) -> None:
    _, token = store.create_clinician("Dr Bearer")
    auth = {"Authorization": f"Bearer {token}", "origin": EVIL}
    created = client.post("/v1/interviews", json={"text": "stiff neck"}, headers=auth)
    assert created.status_code == 201, created.text
    path = f"/v1/interviews/{created.json()['id']}"
    assert client.post(f"{path}/answers", json={"finding": "fever", "answer": "no"}, headers=auth).status_code == 200
    assert client.delete(path, headers=auth).status_code == 204


def test_api_json_clients_without_an_origin_work(client: TestClient) -> None:
    created = client.post("/v1/interviews", json={"text": "stiff neck"})
    assert created.status_code == 201
    path = f"/v1/interviews/{created.json()['id']}"
    assert client.post(f"{path}/answers", json={"finding": "fever", "answer": "no"}).status_code == 200
    assert client.post("/v1/assess", json={"text": "stiff neck"}).status_code == 200
    assert client.delete(path).status_code == 204


def test_api_refuses_other_sites_and_bodies_that_are_not_json(client: TestClient) -> None:
    created = client.post("/v1/interviews", json={"text": "stiff neck"})
    path = f"/v1/interviews/{created.json()['id']}"
    assert_refused(client.delete(path, headers={"origin": EVIL}), "api delete")
    assert_refused(client.post("/v1/assess", json={"text": "neck"}, headers={"origin": EVIL}), "api assess")
    # the three content types a cross-site form can send without CORS
    for kind, body in [
        ("text/plain", b'{"text": "stiff neck"}'),
        ("application/x-www-form-urlencoded", b"text=stiff+neck"),
        ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nneck\r\n--x--'),
    ]:
        r = client.post("/v1/interviews", content=body, headers={"content-type": kind})
        assert r.status_code == 422 and r.json()["code"] == "E201", kind
    assert client.get(path).status_code == 200
    fhir_json = client.post("/v1/assess", json={"text": "neck"}, headers={"content-type": "application/fhir+json"})
    assert fhir_json.status_code == 200  # any JSON media type is JSON
