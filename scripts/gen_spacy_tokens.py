"""Write src/nape/intake/resources/spacy_tokens.json from the installed spaCy, or check it.

What the intake asks of spaCy's tokenizer while it builds its rules, kept as data so that start-up
does not import spaCy (over a second): the special cases made of ASCII letters ("cannot",
"dont"), the number words of spaCy's English ``like_num``, and the tokens of every chunk of a
rule phrase (and of each letter special case) that is not plain letters. A text whose chunks are
all known this way is read without spaCy; any other chunk still goes to spaCy's tokenizer.

Run it again after changing any phrase, word list or the spaCy version:

    uv run python scripts/gen_spacy_tokens.py          # write
    uv run python scripts/gen_spacy_tokens.py --check  # exit 1 when the file is stale

tests/unit/intake/test_spacy_tokens.py runs the check.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata


def generate() -> str:
    """The file's text, from spaCy itself (the committed file is not read)."""
    from nape.intake import tokens

    tokens.spacy_data = lambda: None  # type: ignore[assignment]  # ask spaCy for everything
    nlp = tokens._nlp()
    special = sorted(k for k in nlp.tokenizer.rules if re.fullmatch(r"[A-Za-z]+", k))
    from spacy.lang.en import lex_attrs

    like_num = tokens._like_num()
    candidates = {w.lower() for w in [*lex_attrs._num_words, *lex_attrs._ordinal_words]}
    candidates |= {w for w in tokens.lemma_table() if re.fullmatch(r"[a-z]+", w)}
    number_words = sorted(w for w in candidates if re.fullmatch(r"[a-z]+", w) and like_num(w))
    for chunk in special:
        tokens._spacy_chunk(chunk)
    from nape.intake.pipeline import _build

    _build(None)
    chunks = {k: [[o, t, p, n] for o, t, _, p, n in v] for k, v in sorted(tokens.FROM_SPACY.items())}
    lines = [
        "{",
        f'"spacy": {json.dumps(metadata.version("spacy"))},',
        f'"special": {json.dumps(special)},',
        f'"number_words": {json.dumps(number_words)},',
        '"chunks": {',
        ",\n".join(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in chunks.items()),
        "}",
        "}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from nape.intake.tokens import GENERATED

    text = generate()
    if "--check" in argv:
        current = GENERATED.read_text(encoding="utf-8") if GENERATED.exists() else ""
        if current != text:
            print(f"{GENERATED} is stale: run uv run python scripts/gen_spacy_tokens.py", file=sys.stderr)
            return 1
        return 0
    GENERATED.write_text(text, encoding="utf-8")
    print(f"wrote {GENERATED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
