"""``nape ingest`` on hostile input: deeply nested HTML read correctly (its cost is measured in
benchmarks/ingest_html.py), no passage over the maximum, links out of the folder refused, and
one id per file even when two files share a name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nape.answers.ingest import MAX_PASSAGE_CHARS, _HtmlText, chunk, ingest, load_store, read_document
from nape.errors import IngestError

SENTENCE = "Warmth and gentle movement can ease a stiff neck over a few days. "


def test_deeply_nested_html_is_read_in_order(tmp_path: Path) -> None:
    depth = 50_000
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><head><title>Deep page</title><script>var x = '<b>';</script></head><body>"
        + "<div><span>" * depth
        + SENTENCE
        + "</span></div>" * depth
        + "<p>"
        + SENTENCE.replace("days", "weeks")
        + "</p></body></html>"
    )
    doc = read_document(page)
    assert doc.title == "Deep page"
    assert doc.passages == [SENTENCE.strip() + " " + SENTENCE.replace("days", "weeks").strip()] or doc.passages == [
        SENTENCE.strip(),
        SENTENCE.replace("days", "weeks").strip(),
    ]
    assert not any("var x" in p for p in doc.passages)


def test_a_closing_tag_closes_what_was_left_open_inside_it() -> None:
    parser = _HtmlText()
    parser.feed("<div><script>hidden<div>still hidden</script><p>shown</p></div>")
    parser.close()
    assert "shown" in "".join(parser.lines) and "hidden" not in "".join(parser.lines)


def test_no_passage_is_longer_than_the_maximum(tmp_path: Path) -> None:
    one_sentence = "the neck is stiff and " * 50_000 + "word" * 600  # 1.1 MB, one word of 2,400 letters
    passages = chunk([one_sentence])
    assert passages and max(len(p) for p in passages) <= MAX_PASSAGE_CHARS
    assert sum(len(p.replace(" ", "")) for p in passages) == len(one_sentence.replace(" ", ""))


def test_links_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Private words that must not be ingested.\n")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "ok.txt").write_text(SENTENCE + "\n")
    os.symlink(outside, folder / "leak.txt")
    with pytest.raises(IngestError, match="outside"):
        ingest([folder], tmp_path / "data")
    assert not (tmp_path / "data" / "answers" / "documents.json").exists()


def test_a_linked_folder_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(SENTENCE + "\n")
    folder = tmp_path / "notes"
    folder.mkdir()
    os.symlink(tmp_path / "elsewhere", folder / "more")
    with pytest.raises(IngestError, match="outside"):
        ingest([folder], tmp_path / "data")


def test_a_link_inside_the_folder_is_fine(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE + "\n")
    os.symlink(folder / "a.txt", folder / "b.txt")
    assert ingest([folder], tmp_path / "data").files == 2


def test_two_files_with_one_name_keep_two_ids(tmp_path: Path) -> None:
    for name in ("neck", "back"):
        (tmp_path / "docs" / name).mkdir(parents=True)
        (tmp_path / "docs" / name / "readme.txt").write_text(f"Notes on the {name}. " + SENTENCE + "\n")
    data = tmp_path / "data"
    ingest([tmp_path / "docs"], data)
    ids = sorted(d.source_id for d in load_store(data).documents)
    assert ids == ["file:back/readme.txt", "file:neck/readme.txt"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "readme.txt").write_text("A third readme. " + SENTENCE + "\n")
    ingest([other / "readme.txt"], data)  # a different file by the same name is added, not swapped in
    assert len(load_store(data).documents) == 3
    ingest([tmp_path / "docs" / "neck" / "readme.txt"], data)  # the same file again replaces itself
    assert len({d.source_id for d in load_store(data).documents}) == 3
