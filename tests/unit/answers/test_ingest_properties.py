"""``nape ingest`` on any mix of HTML pieces (property test, issue 17): it never fails, keeps
every visible word in order, drops script and style text, cuts no passage longer than the
maximum, and its own work (elements pushed and popped) is bounded by the page's tags. Its speed
on pathological pages is measured in benchmarks/ingest_html.py, not timed here."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nape.answers.ingest import MAX_PASSAGE_CHARS, _HtmlText, read_document

WORDS = ["neck", "spasm", "heat", "helps", "rest", "gently"]
PIECES = [
    *(f"{w} " for w in WORDS),
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<span>",
    "</span>",
    "<b>",
    "</i>",
    "</unknown>",
    "<br>",
    "<h1>",
    "</h1>",
    "<script>secret()</script>",
    "<style>.hidden{}</style>",
    "<!-- note -->",
    "&amp; ",
    "&nbsp;",
    "< ",
    ". ",
    "\n",
]


class _Counting(_HtmlText):
    def __init__(self) -> None:
        super().__init__()
        self.pushes = 0
        self.pops = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pushes += 1
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        before = len(self._stack)
        super().handle_endtag(tag)
        self.pops += before - len(self._stack)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=200), st.integers(1, 60))
def test_any_mix_of_html_pieces_is_read_safely(pieces: list[str], repeat: int) -> None:
    page = "".join(pieces) * repeat
    parser = _Counting()
    parser.feed(page)
    parser.close()
    assert parser.pops <= parser.pushes <= page.count("<")
    text = " ".join(parser.lines)
    assert "secret" not in text and ".hidden" not in text
    visible = re.sub(r"<script>.*?</script>|<style>.*?</style>|<!--.*?-->|</?[a-z0-9]+>", " ", page)
    expected = [w for w in re.findall(r"[a-z]+", visible) if w in WORDS]
    assert [w for w in re.findall(r"[a-z]+", text) if w in WORDS] == expected


@settings(max_examples=10, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.integers(50, 400))
def test_no_passage_of_any_page_is_longer_than_the_maximum(tmp_path_factory: object, pieces: list[str], n: int) -> None:
    folder = tmp_path_factory.mktemp("pages")  # type: ignore[attr-defined]
    page = Path(folder) / "page.html"
    page.write_text("<html><body>" + "".join(pieces) * n + "</body></html>", encoding="utf-8")
    doc = read_document(page)
    assert all(len(p) <= MAX_PASSAGE_CHARS for p in doc.passages)
