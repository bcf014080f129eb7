"""``nape ingest`` on pathological HTML: 1.1 MB of nested tags, and a 4.9 MB single sentence.

Run ``uv run python benchmarks/ingest_html.py``: prints seconds per file and the longest passage.
The HTML reader was quadratic in nesting depth (issue 17: 24 s for 1.1 MB of nested tags).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from nape.answers.ingest import read_document


def _files(folder: Path) -> dict[str, Path]:
    depth = 1_100_000 // len("<div><b>x</b></div>")
    nested = folder / "nested.html"
    nested.write_text("<title>Nested</title>" + "<div><b>x " * depth + "</b></div>" * depth)
    unclosed = folder / "unclosed.html"
    unclosed.write_text("<p><span>neck " * (1_100_000 // 15))
    sentence = folder / "sentence.txt"
    sentence.write_text("the neck is stiff and " * (4_900_000 // 22))
    return {"nested tags, 1.1 MB": nested, "unclosed tags, 1.1 MB": unclosed, "one sentence, 4.9 MB": sentence}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in _files(Path(tmp)).items():
            start = time.perf_counter()
            doc = read_document(path)
            seconds = time.perf_counter() - start
            longest = max((len(p) for p in doc.passages), default=0)
            print(f"{label:<24} {seconds:6.2f} s  {len(doc.passages):>6} passages, longest {longest} characters")


if __name__ == "__main__":
    main()
