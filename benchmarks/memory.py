"""A worker's memory over many texts with unseen words (issue 13): RSS must stay flat.

Each text is a short complaint with three random nine-letter words no vocabulary holds, so
every parse meets new strings (spaCy's tokenizer, the chunk and spelling caches, the matcher's
candidate cache). Prints the resident set size (now, not the peak) after the pipeline is built
and after 10,000, 50,000 and 100,000 texts, with the sizes of spaCy's string store and of the
intake's bounded caches.

Usage: uv run python benchmarks/memory.py [--texts 100000]
"""

from __future__ import annotations

import json
import os
import random
import string
import sys
import time


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[1])
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def main(n_texts: int) -> dict[str, object]:
    from nape.intake import concepts, parse, tokens
    from nape.intake.assertion import context_index
    from nape.intake.pipeline import build

    def sizes() -> dict[str, int]:
        return {
            "spacy_strings": len(tokens._nlp().vocab.strings),
            "chunk_cache": len(tokens._TEXT_CHUNKS),
            "fuzzy_cache": len(concepts._FUZZY_CACHE),
            "candidate_cache": len(build().index._candidates) + len(context_index()._candidates),
        }

    parse("neck pain")
    rng = random.Random(13)
    marks = sorted({n_texts // 10, n_texts // 2, n_texts})
    rows: list[dict[str, object]] = [{"texts": 0, "rss_mb": _rss_mb(), **sizes()}]
    t = time.perf_counter()
    for i in range(1, n_texts + 1):
        unseen = " ".join("".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(3))
        parse(f"My neck is stiff and {unseen} since yesterday, no fever")
        if i in marks:
            rows.append({"texts": i, "rss_mb": _rss_mb(), **sizes(), "seconds": round(time.perf_counter() - t, 1)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return {"rows": rows}


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--texts") + 1]) if "--texts" in sys.argv else 100_000
    print(json.dumps(main(n), indent=2))
