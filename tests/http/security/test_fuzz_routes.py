"""A bounded fuzz run over every route of the app (pages, API, CDS Hooks, FHIR, docs, static).

schemathesis covers the ``/v1`` operations against their OpenAPI promises
(``tests/http/api/test_openapi.py``); this run covers every route, including the web pages that
have no schema: hypothesis picks a route and a method, fills its path parameters with arbitrary
text (or a real interview id), and sends an arbitrary form or JSON body with arbitrary
cross-site headers. Whatever comes in, the answer is never a 500 and always carries the
security headers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Mount, Route

from nape.server.app import create_app
from nape.store import Store
from tests.http.security.conftest import assert_secured

APP = create_app(Store(f"sqlite:///{Path(tempfile.mkdtemp(prefix='nape-fuzz-')) / 'nape.db'}"))
CLIENT = TestClient(APP)
REAL_ID = CLIENT.post("/v1/interviews", json={"text": "stiff neck since yesterday"}).json()["id"]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def route_paths(routes: list[Any]) -> list[tuple[str, list[str]]]:
    """Every route's path template with its methods (a mount as a file under it).

    FastAPI 0.165 keeps included routers as routes of their own (``original_router``); the
    walk goes into them. ``test_every_route_is_in_the_run`` fails if it stops finding routes.
    """
    out: list[tuple[str, list[str]]] = []
    for r in routes:
        if isinstance(r, Mount):
            out.append((f"{r.path}/{{file}}", ["GET"]))
        elif isinstance(r, Route):
            out.append((r.path, sorted(r.methods or ["GET"])))
        elif (included := getattr(r, "original_router", None)) is not None:
            out += route_paths(included.routes)
    return out


ROUTES = route_paths(APP.routes)
FORM_FIELDS = ["text", "age", "sex", "finding", "answer", "step", "confirm", "q"]
short_text = st.text(max_size=120)
segment = st.one_of(st.just(REAL_ID), short_text.filter(bool), st.sampled_from(["..", "%2e%2e", "a" * 300, "nape.css"]))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | short_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(short_text, inner, max_size=4),
    max_leaves=12,
)
json_body = st.one_of(
    json_values,
    st.fixed_dictionaries({}, optional=dict.fromkeys(("text", "age", "sex", "findings", "finding"), json_values)),
)
form_body = st.dictionaries(st.sampled_from(FORM_FIELDS) | short_text, short_text, max_size=5)
headers = st.fixed_dictionaries(
    {},
    optional={
        "origin": st.sampled_from(["null", "https://evil.example", "http://testserver"]),
        "sec-fetch-site": st.sampled_from(["same-origin", "cross-site", "same-site", "none"]),
        "referer": st.sampled_from(["https://evil.example/", "http://testserver/a/x"]),
        "authorization": st.sampled_from(["Bearer nope", "Basic abc", "Bearer "]),
    },
)


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    template, methods = draw(st.sampled_from(ROUTES))
    path = template
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + quote(draw(segment), safe="") + path[end + 1 :]
    method = draw(st.sampled_from(methods) | st.sampled_from(METHODS))
    request: dict[str, Any] = {"method": method, "url": path, "headers": draw(headers)}
    if method in ("POST", "PUT", "PATCH"):
        if draw(st.booleans()):
            request["json"] = draw(json_body)
        else:
            request["data"] = draw(form_body)
    if method == "GET" and draw(st.booleans()):
        request["params"] = draw(st.dictionaries(st.sampled_from(["q", "x"]), short_text, max_size=2))
    return request


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(requests())
def test_no_route_answers_500_and_every_answer_is_secured(request: dict[str, Any]) -> None:
    r = CLIENT.request(follow_redirects=False, **request)
    assert r.status_code < 500, (request["method"], request["url"], r.status_code, r.text[:200])
    assert_secured(r.headers, f"{request['method']} {request['url']}")


def test_every_route_is_in_the_run() -> None:
    paths = {template for template, _ in ROUTES}
    assert {"/", "/start", "/a/{interview_id}/delete", "/v1/interviews/{interview_id}", "/docs"} <= paths
    assert any(p.startswith("/cds-services/") for p in paths) and "/static/{file}" in paths
