"""Fixtures for the web pages: an app on a temporary SQLite store, and helpers to walk a flow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape.server.app import create_app
from nape.store import Store
from tests.shared import SHARED

FEVER_STORY = "Since this morning I have a high fever, my neck is so stiff I can't bend it and a terrible headache."


def seed_story(number: str) -> tuple[str, int | None, str | None]:
    """The person's own message from a seed (first paragraph), with age and sex read from it.

    The text is read at test time and never copied into the repository.
    """
    path = next(SHARED.glob(f"seeds/{number}_*.txt"), None)
    if path is None:
        pytest.skip(f"../shared (the origin documents) is not beside the repository: needs seed {number}")
    text = path.read_text(encoding="utf-8").strip().split("\n\n")[0]
    m = re.search(r"(\d{1,3})\s*(?:yo|years? old|y/o)\s*(male|female)", text)
    return text, int(m.group(1)) if m else None, m.group(2) if m else None


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path}/web.db")
    yield s
    s.dispose()


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


def form_value(html: str, name: str) -> str:
    """The value of a hidden input on a page (the question's finding and step)."""
    m = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert m, f"no {name} field on the page"
    return m.group(1)


def start(client: TestClient, text: str, age: str = "", sex: str = "") -> str:
    """Post the start form; return the private link ``/a/{id}``."""
    r = client.post("/start", data={"text": text, "age": age, "sex": sex}, follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    return str(r.headers["location"])


def answer_current(client: TestClient, link: str, value: str) -> str | None:
    """Answer the question shown at ``link``; returns its finding id, or None if the result is shown."""
    page = client.get(link)
    if page.url.path.endswith("/result"):
        return None
    finding = form_value(page.text, "finding")
    if f'name="answer" value="{value}"' not in page.text:  # a multiple-choice question has no yes / no
        value = "dont_know"
    r = client.post(
        f"{link}/answer",
        data={"finding": finding, "answer": value, "step": form_value(page.text, "step")},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == link
    return finding


def walk_to_result(client: TestClient, link: str, value: str = "dont_know", limit: int = 60) -> str:
    """Answer every question with ``value`` until the result page; returns its HTML."""
    for _ in range(limit):
        if answer_current(client, link, value) is None:
            return client.get(f"{link}/result").text
    raise AssertionError("the interview did not end")


class _Visible(HTMLParser):
    """Collects the text a reader sees at first: not scripts, styles, or folded <details> bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0  # inside <script>/<style>/<title>
        self._details: list[bool] = []  # one per open <details>: True while inside its <summary>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self._skip += 1
        elif tag == "details":
            self._details.append("open" in dict(attrs))
        elif tag == "summary" and self._details:
            self._details[-1] = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title"):
            self._skip -= 1
        elif tag == "details" and self._details:
            self._details.pop()
        elif tag == "summary" and self._details:
            self._details[-1] = False

    def handle_data(self, data: str) -> None:
        if not self._skip and all(self._details):
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's text as first shown: folded <details> contribute only their summary."""
    parser = _Visible()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def word_count(html: str) -> int:
    return len(re.findall(r"[\w’'-]+", visible_text(html)))
