"""Your own documents: text, Markdown or HTML files split into passages and stored as JSON.

Example: ``nape ingest notes/`` reads ``notes/physio.md``; its first heading ("# Neck
exercises after whiplash") becomes the title, each paragraph a passage cited as
``file:physio.md``; two different files with one name (``a/readme.txt``, ``b/readme.txt``) get
as much of their folders as tells them apart (``file:a/readme.txt``, ``file:b/readme.txt``). The store is
``<data dir>/answers/documents.json``, replaced atomically, so a failed ingest never loses what
was there before. Cost is linear in the input: HTML is read by a streaming parser that keeps
counts of open elements, and no passage is longer than ``MAX_PASSAGE_CHARS``. A link inside a
folder that points outside it is refused (E403).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
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
#: Longest passage: a longer sentence (a page with no full stops) is cut at word boundaries.
MAX_PASSAGE_CHARS = 1_000
HEADING_CHARS = 80
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}
_BULLET = re.compile(r"^\s*([•*+-]|\d+[.)])\s")
_SKIP_TAGS = {"script", "style", "head"}
_TITLE_TAGS = {"title", "h1"}


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
        raise IndexFileError(  # no path: the message reaches API clients (503)
            f"the document index ({STORE_NAME} in the data directory) is damaged or unreadable; "
            "run `nape ingest --clear PATH...` to rebuild it"
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
    """Visible text of an HTML page, one line per block element, and its <title>/<h1>.

    Linear in the page: open elements are kept as a stack plus a count per tag name (so "am I
    inside <script>?" is one lookup, and closing a tag pops each element at most once), and each
    line is a list of pieces joined once at the end.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[list[str]] = [[]]
        self.title = ""
        self._stack: list[str] = []
        self._open: dict[str, int] = {}

    @property
    def lines(self) -> list[str]:
        return ["".join(parts) for parts in self._lines]

    def _inside(self, tags: set[str]) -> bool:
        return any(self._open.get(t, 0) for t in tags)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1
        if tag in _BLOCK_TAGS:
            self._lines.append([])

    def handle_endtag(self, tag: str) -> None:
        if self._open.get(tag, 0):  # close it and every element left open inside it
            while self._stack:
                top = self._stack.pop()
                self._open[top] -= 1
                if top == tag:
                    break
        if tag in _BLOCK_TAGS:
            self._lines.append([])

    def handle_data(self, data: str) -> None:
        if not self.title and data.strip() and self._inside(_TITLE_TAGS):
            self.title = data.strip()
        if not self._inside(_SKIP_TAGS):
            self._lines[-1].append(data)


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


def _pieces(sentence: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """A sentence cut at spaces into pieces of at most ``limit`` characters (a word longer than
    that is cut where it must)."""
    out: list[str] = []
    start, end = 0, len(sentence)
    while end - start > limit:  # positions, not slices of the rest: linear in the sentence
        cut = sentence.rfind(" ", start + 1, start + limit + 1)
        cut = cut if cut > start else start + limit
        out.append(sentence[start:cut].strip())
        start = cut
    out.append(sentence[start:end].strip())
    return [p for p in out if p]


def chunk(lines: list[str]) -> list[str]:
    """Paragraphs of about 400 characters, broken at blank lines and headings (not kept); a
    short question line ("When to see a doctor?") stays with the paragraph that answers it.
    No passage is longer than ``MAX_PASSAGE_CHARS``.

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
        for sent in (piece for whole in sentences(line) for piece in _pieces(whole)):
            if current and len(current) + len(sent) > CHUNK_CHARS:
                chunks.append(current)
                current = ""
            current = f"{current} {sent}".strip()
    chunks.append(current)
    return [c for c in chunks if c and not _is_question(c)]


def _markdown_title(text: str) -> str | None:
    match = re.search(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, flags=re.M)
    return match.group(1).strip() if match else None


def read_document(path: Path, source_id: str | None = None) -> Document:
    """One file as a document: title from its first heading or <title>, else its file name."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"{path}: only .txt, .md and .html files can be added")
    text = _read_text(path)
    title: str | None = None
    if kind == "html":
        parser = _HtmlText()
        parser.feed(text)
        parser.close()
        lines, title = parser.lines, parser.title or None
    else:
        lines = text.splitlines()
        title = _markdown_title(text) if kind == "markdown" else None
    return Document(
        source_id=source_id or f"file:{path.name}", title=title or path.name, path=str(path), passages=chunk(lines)
    )


@dataclass(frozen=True)
class Found:
    """A file to read (a folder's files are found by ``_walk``)."""

    path: Path


def _walk(folder: Path) -> list[Found]:
    """Every .txt/.md/.html file below ``folder``, without following links out of it (E403)."""
    root = folder.resolve()
    found: list[Found] = []

    def refuse(exc: OSError) -> None:
        raise IngestError(f"{folder}: the folder cannot be read ({exc.strerror})")

    for here, dirs, files in os.walk(folder, onerror=refuse):
        dirs.sort()
        for name in [*sorted(files), *(d for d in dirs if (Path(here) / d).is_symlink())]:
            f = Path(here) / name
            if f.is_symlink() and not f.resolve().is_relative_to(root):
                raise IngestError(f"{f}: a link to a place outside {folder}; only files inside it are added")
            if f.is_file() and f.suffix.lower() in SUFFIXES:
                found.append(Found(f))
    return found


def collect(paths: list[Path]) -> list[Path]:
    """Files to read: each file given, and every .txt/.md/.html file below each folder given."""
    return [f.path for f in _find(paths)]


def _find(paths: list[Path]) -> list[Found]:
    out: list[Found] = []
    for p in paths:
        if p.is_dir():
            out += _walk(p)
        elif p.is_file():
            out.append(Found(p))
        else:
            raise IngestError(f"{p}: no such file or folder")
    if not out:
        raise IngestError("no .txt, .md or .html files found in what was given")
    return out


def _source_ids(found: list[Found], kept: dict[str, str]) -> list[str]:
    """``file:<name>``, with as many of its folders before the name as it takes to be unique among
    the files of this ingest and the documents kept (``kept``: id → resolved path). A file added
    again (the same resolved path) keeps its id and replaces its earlier version."""
    taken = dict(kept)
    clash = {name for name, n in Counter(f.path.name for f in found).items() if n > 1}
    ids = []
    for f in found:
        real = str(f.path.resolve())
        parts = Path(real).parts[1:] or (f.path.name,)
        n = 2 if f.path.name in clash and len(parts) > 1 else 1
        sid = "file:" + "/".join(parts[-n:])
        while taken.get(sid, real) != real and n < len(parts):
            n += 1
            sid = "file:" + "/".join(parts[-n:])
        taken[sid] = real
        ids.append(sid)
    return ids


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
    found = _find(paths)
    store = Store() if clear else load_store(data_dir)
    ids = _source_ids(found, {d.source_id: str(Path(d.path).resolve()) for d in store.documents})
    docs = [read_document(f.path, sid) for f, sid in zip(found, ids, strict=True)]
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
