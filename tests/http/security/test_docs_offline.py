"""/docs and /redoc come from the installed package's files; no page loads anything from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from nape.server.app import create_app
from nape.store import Store
from tests.http.security.conftest import Configure
from tests.http.security.test_headers import every_page

LOADS = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src", "embed": "src"}


class Loads(HTMLParser):
    """The URLs a page makes the browser fetch by itself (scripts, styles, images, frames)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = LOADS.get(tag)
        for name, value in attrs:
            if value and (name == wanted or name == "srcset"):
                self.urls.append(value)


def loaded_urls(html: str) -> list[str]:
    parser = Loads()
    parser.feed(html)
    return parser.urls


def is_local(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def test_docs_pages_load_only_local_files_that_exist(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        r = client.get(page)
        assert r.status_code == 200 and "<html" in r.text, page
        urls = loaded_urls(r.text)
        assert any(u.endswith(".js") for u in urls), page
        for url in urls:
            assert is_local(url), f"{page} loads {url}"
            assert client.get(url).status_code == 200, url
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", r.text), f"{page} has an inline script"
        assert "cdn" not in r.text.lower(), page
        csp = r.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "http" not in csp


def test_no_page_loads_from_another_host(client: TestClient) -> None:
    for name, html in every_page(client).items():
        for url in loaded_urls(html):
            assert is_local(url), f"{name} page loads {url}"
    css = client.get("/static/nape.css").text
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css)


def test_docs_can_be_switched_off(store: Store, configure: Configure) -> None:
    configure(NAPE_API_DOCS="false")
    client = TestClient(create_app(store))
    for path in ("/docs", "/redoc", "/docs-files/swagger-ui-bundle.js"):
        assert client.get(path).status_code == 404, path
    assert client.get("/openapi.json").status_code == 200  # the schema itself stays
