"""CDS Hooks cards quote the request (free text, Condition displays) only as inert Markdown text,
and link only below the public URL base."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from nape.core.config import get_settings
from nape.fhir.cds import md
from nape.server.app import create_app
from nape.store import Store

SERVICE = "/cds-services/nape-spasm-triage"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"

#: Payloads a record or a free-text box could carry into a card.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "![x](https://evil.example/pixel.png)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<https://evil.example/>",
    "https://evil.example/phish",
    "www.evil.example",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`code` **bold** _it_ ~~gone~~ | a | b |",
    "\n# heading\n- item\n> quote",
    "<iframe src=//evil.example></iframe>",
    "x\\]\\(javascript:alert(1)\\)",
]


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store(f"sqlite:///{tmp_path}/cds.db")
    store.migrate()
    with TestClient(create_app(store)) as c:
        yield c
    store.dispose()


def _hook(payload: str) -> dict[str, Any]:
    cond = {
        "resourceType": "Condition",
        "clinicalStatus": {"coding": [{"code": "active"}]},
        "code": {"coding": [{"system": ICD, "code": "M54.2", "display": payload}]},
    }
    return {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"patientId": "p1"},
        "prefetch": {"conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": cond}]}},
        "extension": {"nape-text": f"stiff neck since this morning {payload}"},
    }


def _html(markdown: str) -> str:
    """The card's detail as a GitHub-flavoured Markdown client would show it (raw HTML allowed)."""
    return MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table").render(markdown)


#: The only elements a card's own layout uses.
LAYOUT_TAGS = {"p", "strong", "em", "ul", "li", "code", "table", "thead", "tbody", "tr", "th", "td"}


def _tags(shown: str) -> set[str]:
    return {t.lower() for t in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", shown)}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_request_value_reaches_the_card_as_text(client: TestClient, payload: str) -> None:
    r = client.post(SERVICE, json=_hook(payload))
    assert r.status_code == 200, r.text[:300]
    (card,) = r.json()["cards"]
    detail = card["detail"]
    shown = _html(detail)
    assert _tags(shown) <= LAYOUT_TAGS, "no link, image, script, heading or quote from the request"
    assert not re.search(r"<[^>]*\b(href|src|on[a-z]+)\s*=", shown), "no attribute from the request"
    assert shown.count("<table>") == 1 and shown.count("<tr>") == 4, "the payload cannot add to or break the table"
    assert not re.search(r"(?i)www\.evil|https?://evil", detail), "bare URLs are broken"
    words = re.sub(r"[^a-z]", "", payload.lower())[:8]
    assert words in re.sub(r"[^a-z]", "", html.unescape(detail).lower()), "the record's words are still shown"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_keeps_the_words_and_drops_the_markup(payload: str) -> None:
    out = md(payload)
    assert "\n" not in out
    assert _tags(_html(out)) <= {"p"}
    assert "alert(1)" not in payload or "alert(1)" in out, "the words are kept for the reader"


def test_card_links_only_below_the_public_url(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAPE_PUBLIC_URL", "https://nape.example.org")
    get_settings.cache_clear()
    try:
        r = client.post(SERVICE, json=_hook("stiff neck"), headers={"Host": "localhost:8000"})
    finally:
        monkeypatch.delenv("NAPE_PUBLIC_URL")
        get_settings.cache_clear()
    (card,) = r.json()["cards"]
    (link,) = card["links"]
    assert link["url"].startswith("https://nape.example.org/a/") and link["url"].endswith("/clinician")
    assert card["source"]["url"] == "https://nape.example.org/"
