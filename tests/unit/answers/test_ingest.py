"""`nape ingest`: the seeds become citable by file name; failures keep the old index."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from nape.answers import ask, ingest
from nape.answers.ingest import load_store, read_document, store_path
from nape.cli import app
from nape.errors import IndexFileError, IngestError
from tests.shared import SHARED, needs_shared

SEEDS = SHARED / "seeds"
PINCHED = "004_3fd39c37daf9011f.txt"
needs_seeds = needs_shared("seeds")
runner = CliRunner()


@needs_seeds
def test_ingested_seeds_are_cited_by_file_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(SEEDS), "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "from 5 file(s)" in result.stdout
    a = ask("Can a pinched nerve cause muscle spasms?", data_dir=tmp_path)
    cited = {c.source_id: c for c in a.citations}
    assert f"file:{PINCHED}" in cited
    assert "pinched" in cited[f"file:{PINCHED}"].passage.lower()
    assert cited[f"file:{PINCHED}"].passage in a.answer


@needs_seeds
@pytest.mark.parametrize(
    "question,file",
    [
        ("When should I see a doctor for neck spasms?", "002_1d406dd40fb1e3ea.txt"),
        ("Is Botox used for spasmodic torticollis?", "003_4b69ecb2ef88bc2b.txt"),
    ],
)
def test_ingested_seeds_join_the_knowledge_base(question: str, file: str, tmp_path: Path) -> None:
    ingest([SEEDS], tmp_path)
    a = ask(question, data_dir=tmp_path)
    cited = {c.source_id for c in a.citations}
    assert f"file:{file}" in cited, a.answer
    assert any(not sid.startswith("file:") for sid in cited)


def test_markdown_and_html_titles(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text("# Neck exercises\n\nChin tucks twice a day eased my stiff neck within a week.\n")
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>Back care leaflet</title><style>p{}</style></head>"
        "<body><h1>Back care</h1><p>Walking every day kept my lower back spasm away.</p></body></html>"
    )
    assert read_document(md).title == "Neck exercises"
    doc = read_document(html)
    assert doc.title == "Back care leaflet"
    assert doc.passages == ["Walking every day kept my lower back spasm away."]
    data = tmp_path / "data"
    report = ingest([md, html], data)
    assert (report.files, report.documents_in_index) == (2, 2)
    a = ask("Do chin tucks help a stiff neck?", data_dir=data)
    assert any(c.source_id == "file:notes.md" and c.title == "Neck exercises" for c in a.citations)


def test_a_failed_ingest_keeps_the_old_index(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Gentle stretching helped my neck spasm settle.\n")
    data = tmp_path / "data"
    ingest([good], data)
    before = store_path(data).read_bytes()
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01PNG\x00")
    with pytest.raises(IngestError):
        ingest([good, binary], data)
    assert store_path(data).read_bytes() == before
    assert [d.source_id for d in load_store(data).documents] == ["file:good.txt"]


@pytest.mark.parametrize("name,content", [("missing.txt", None), ("image.png", b"\x89PNG"), ("blob.md", b"a\x00b")])
def test_bad_files_get_a_numbered_message(tmp_path: Path, name: str, content: bytes | None) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["ingest", str(path), "--data-dir", str(tmp_path / "data")])
    assert result.exit_code != 0
    assert isinstance(result.exception, IngestError) and str(result.exception).startswith("E403")


def test_a_damaged_index_is_a_numbered_error(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(IndexFileError) as err:
        ask("Heat or ice?", data_dir=tmp_path)
    assert str(err.value).startswith("E402")


def test_clear_forgets_earlier_documents(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Neck spasm notes, first file.\n")
    b.write_text("Back spasm notes, second file.\n")
    data = tmp_path / "data"
    ingest([a], data)
    ingest([b], data, clear=True)
    assert [d.source_id for d in load_store(data).documents] == ["file:b.txt"]
