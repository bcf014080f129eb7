"""Your own documents: text, Markdown or HTML files split into passages and stored as JSON.

Example: ``nape ingest notes/`` reads ``notes/physio.md``; its first heading ("# Neck
exercises after whiplash") becomes the title, each paragraph a passage cited as
``file:physio.md``. The store is ``<data dir>/answers/documents.json``, replaced atomically, so a
failed ingest never loses what was there before.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nape.answers.passages import Passage
from nape.answers.text import sentences
from nape.errors import IndexFileError, IngestError

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
STORE_NAME = "documents.json"
MAX_FILE_BYTES = 5_000_000
CHUNK_CHARS = 400
HEADING_CHARS = 80
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}
_BULLET = re.compile(r"^\s*([•*+-]|\d+[.)])\s")
_SKIP_TAGS = {"script", "style", "head"}


class Document(BaseModel):
    """One ingested file: its id (``file:<name>``), title, path and passages."""

    model_config = ConfigDict(extra="forbid")

    source_id: str
    title: str
    path: str
    passages: list[str] = Field(default_factory=list)


class Store(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    documents: list[Document] = Field(default_factory=list)


def store_path(data_dir: Path) -> Path:
    """Where ingested documents are kept: ``<data dir>/answers/documents.json``."""
    return data_dir / "answers" / STORE_NAME


def load_store(data_dir: Path) -> Store:
    """Read the store; missing is empty; unreadable or malformed is a numbered error (E402)."""
    path = store_path(data_dir)
    if not path.exists():
        return Store()
    try:
        return Store.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise IndexFileError(
            f"the document index {path} is damaged or unreadable; run `nape ingest --clear PATH...` to rebuild it"
        ) from exc


def _save_store(store: Store, data_dir: Path) -> None:
    path = store_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".documents-", suffix=".json", dir=path.parent)
    except OSError as exc:  # the data directory is a file, read-only, full, ...
        raise IngestError(f"the document index cannot be written in {data_dir} ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(store.model_dump_json(indent=1))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise IngestError(f"the document index cannot be written in {data_dir} ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _HtmlText(HTMLParser):
    """Visible text of an HTML page, one line per block element, and its <title>/<h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.title = ""
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack.append(tag)
        if tag in _BLOCK_TAGS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            del self._stack[len(self._stack) - 1 - self._stack[::-1].index(tag) :]
        if tag in _BLOCK_TAGS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        inside = set(self._stack)
        if inside & {"title", "h1"} and not self.title and data.strip():
            self.title = data.strip()
        if not inside & _SKIP_TAGS:
            self.lines[-1] += data


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise IngestError(f"{path}: the file is larger than {MAX_FILE_BYTES:,} bytes")
    if b"\x00" in raw:
        raise IngestError(f"{path}: the file is binary, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: the file is not UTF-8 text") from exc


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation reads as a heading ('Herniated Disc')."""
    return len(line) <= HEADING_CHARS and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))


def _is_question(line: str) -> bool:
    return 0 < len(line) <= HEADING_CHARS and line.endswith("?")


def chunk(lines: list[str]) -> list[str]:
    """Paragraphs of about 400 characters, broken at blank lines and headings (not kept); a
    short question line ("When to see a doctor?") stays with the paragraph that answers it.

    Example: ["Herniated Disc", "A disc can bulge. It may press on a nerve."] gives one passage,
    "A disc can bulge. It may press on a nerve."
    """
    chunks: list[str] = []
    current = ""
    for raw in lines:
        line = re.sub(r"\s+", " ", raw).strip(" \t•*-#>")
        if not line and (_is_question(current) or current.endswith(":")):
            continue
        heading = _is_heading(line) and not _BULLET.match(raw)
        if not line or heading or _is_question(line):
            chunks.append(current)
            current = line if _is_question(line) else ""
            continue
        for sent in sentences(line):
            if current and len(current) + len(sent) > CHUNK_CHARS:
                chunks.append(current)
                current = ""
            current = f"{current} {sent}".strip()
    chunks.append(current)
    return [c for c in chunks if c and not _is_question(c)]


def _markdown_title(text: str) -> str | None:
    match = re.search(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, flags=re.M)
    return match.group(1).strip() if match else None


def read_document(path: Path) -> Document:
    """One file as a document: title from its first heading or <title>, else its file name."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"{path}: only .txt, .md and .html files can be added")
    text = _read_text(path)
    title: str | None = None
    if kind == "html":
        parser = _HtmlText()
        parser.feed(text)
        lines, title = parser.lines, parser.title or None
    else:
        lines = text.splitlines()
        title = _markdown_title(text) if kind == "markdown" else None
    return Document(source_id=f"file:{path.name}", title=title or path.name, path=str(path), passages=chunk(lines))


def collect(paths: list[Path]) -> list[Path]:
    """Files to read: each file given, and every .txt/.md/.html file below each folder given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            try:
                out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            except OSError as exc:
                raise IngestError(f"{p}: the folder cannot be read ({exc.strerror})") from None
        elif p.is_file():
            out.append(p)
        else:
            raise IngestError(f"{p}: no such file or folder")
    if not out:
        raise IngestError("no .txt, .md or .html files found in what was given")
    return out


@dataclass(frozen=True)
class IngestReport:
    files: int
    passages: int
    documents_in_index: int


def ingest(paths: list[Path], data_dir: Path, *, clear: bool = False) -> IngestReport:
    """Read every file first, then replace the store in one atomic write.

    A file that cannot be read stops the whole ingest with a numbered error (E403) and leaves
    the existing index untouched. A file added again replaces its earlier version.
    """
    docs = [read_document(p) for p in collect(paths)]
    store = Store() if clear else load_store(data_dir)
    new_ids = {d.source_id for d in docs}
    kept = [d for d in store.documents if d.source_id not in new_ids]
    store = Store(documents=[*kept, *docs])
    _save_store(store, data_dir)
    return IngestReport(len(docs), sum(len(d.passages) for d in docs), len(store.documents))


def document_passages(store: Store) -> list[Passage]:
    """The store's paragraphs as passages cited by ``file:<name>`` with the document's title."""
    return [
        Passage(f"{d.source_id}#{i}", text, (d.source_id,), "document", None, "", d.title, d.title)
        for d in store.documents
        for i, text in enumerate(d.passages)
    ]
