"""Write src/nape/intake/resources/spacy_tokens.json from the installed spaCy, or check it.

What the intake asks of spaCy's tokenizer while it builds its rules, kept as data so that start-up
does not import spaCy (over a second): the special cases made of ASCII letters ("cannot",
"dont"), the number words of spaCy's English ``like_num``, and the tokens of every chunk of a
rule phrase (and of each letter special case) that is not plain letters. A text whose chunks are
all known this way is read without spaCy; any other chunk still goes to spaCy's tokenizer.

The file is spaCy's data, so it is not kept in the repository: the set-up commands
(scripts/start, scripts/test) write it on each machine. Run it again after changing any phrase,
word list or the spaCy version:

    uv run python scripts/gen_spacy_tokens.py          # write (--quiet: say nothing)
    uv run python scripts/gen_spacy_tokens.py --check  # exit 1 when the file is stale

tests/unit/intake/test_spacy_tokens.py runs the check.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata
from typing import Any


def generate() -> str:
    """The file's text, from spaCy itself (the committed file is not read)."""
    from nape.intake import tokens

    tokens.spacy_data = lambda: None  # type: ignore[assignment]  # ask spaCy for everything
    tokens.RECORD = True
    nlp = tokens._nlp()
    special = sorted(k for k in nlp.tokenizer.rules if re.fullmatch(r"[A-Za-z]+", k))
    from spacy.lang.en import lex_attrs

    like_num = tokens._like_num()
    candidates = {w.lower() for w in [*lex_attrs._num_words, *lex_attrs._ordinal_words]}
    candidates |= {w for w in tokens.lemma_table() if re.fullmatch(r"[a-z]+", w)}
    number_words = sorted(w for w in candidates if re.fullmatch(r"[a-z]+", w) and like_num(w))
    for chunk in nlp.tokenizer.rules:  # every special case ("I'm", "don't") as a chunk
        if chunk and not any(ch.isspace() for ch in chunk):
            tokens._spacy_chunk(chunk)
    tails, special_tailed = _tails(nlp, special, tokens.lemma_table())
    from nape.intake.pipeline import _build

    _build(None)
    chunks = {k: [[o, t, p, n] for o, t, _, p, n in v] for k, v in sorted(tokens.FROM_SPACY.items())}
    lines = [
        "{",
        f'"spacy": {json.dumps(metadata.version("spacy"))},',
        f'"special": {json.dumps(special)},',
        f'"number_words": {json.dumps(number_words)},',
        f'"special_tailed": {json.dumps(special_tailed)},',
        '"tails": {',
        ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in tails.items()),
        "},",
        '"chunks": {',
        ",\n".join(
            f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in chunks.items()
        ),
        "}",
        "}",
    ]
    return "\n".join(lines) + "\n"


# the tails tried after a word or a number: each character, the runs ``bound`` leaves of one, a
# few pairs, and each of these after "'s" or "'" ("neck's," "hours'")
_PUNCT = [*".,;:!?)", "..", "...", "!!", "!!!", "??", "???", "?!", "!?", ").", "),", ".)", ",)", ");", "):"]
TAILS = [*_PUNCT, *(q + p for q in ("'s", "'S", "'") for p in ["", *_PUNCT])]


def tail_heads(lemmas: dict[str, str], special: list[str]) -> dict[str, list[str]]:
    """Words and numbers to try each tail after (fixed: the same each run): every 400th word of
    ASCII letters of the lemma table in three casings, some short words, none a special case;
    and numbers of 1 to 40 digits."""
    import random

    plain = sorted(w for w in lemmas if re.fullmatch(r"[a-z]{2,40}", w))[::400]
    words = [f(w) for w in plain for f in (str.lower, str.title, str.upper)]
    words += ["no", "NO", "No", "am", "pm", "vs", "dr", "Dr", "mr", "st", "co", "eg", "ie", "etc", "Mrs", "ok", "OK"]
    rng = random.Random(5)
    numbers = [str(k) for k in range(120)]
    numbers += ["".join(rng.choices("0123456789", k=rng.randint(1, 40))) for _ in range(200)]
    return {"letters": [w for w in words if w not in special], "digits": numbers}


def _tails(
    nlp: Any, special: list[str], lemmas: dict[str, str]
) -> tuple[dict[str, dict[str, list[list[Any]]]], list[str]]:
    """For words (two or more ASCII letters) and numbers: each of ``TAILS`` (and, for numbers, no
    tail) that spaCy splits off the same way after every one tried, the head staying one token,
    with the tail's tokens; and the special cases of that shape ("Dr." "etc."), left to spaCy,
    as are the letter special cases followed by a tail ("Im." is "I" "m.")."""
    from nape.intake.tokens import TAILED

    rules = nlp.tokenizer.rules
    special_tailed = sorted(k for k in rules if TAILED.fullmatch(k))
    out: dict[str, dict[str, list[list[Any]]]] = {}
    for kind, heads in tail_heads(lemmas, special).items():
        out[kind] = {}
        for tail in ([""] if kind == "digits" else []) + TAILS:
            want: list[list[Any]] | None = None
            tried = 0
            for w in heads:
                if any(w + tail[:k] in special_tailed for k in range(len(tail) + 1)):
                    continue
                doc = nlp.make_doc(w + tail)
                got = [[t.idx - len(w), t.text, t.is_punct, t.like_num] for t in doc[1:]]
                if doc[0].text != w or doc[0].is_punct or (want is not None and got != want):
                    want = None
                    break
                want, tried = got, tried + 1
            if want is not None and tried:
                out[kind][tail] = want
    return out, special_tailed


def main(argv: list[str]) -> int:
    from nape.intake.tokens import GENERATED

    text = generate()
    if "--check" in argv:
        current = GENERATED.read_text(encoding="utf-8") if GENERATED.exists() else ""
        if current != text:
            print(f"{GENERATED} is stale: run uv run python scripts/gen_spacy_tokens.py", file=sys.stderr)
            return 1
        return 0
    if GENERATED.exists() and GENERATED.read_text(encoding="utf-8") == text:
        return 0  # already current
    GENERATED.write_text(text, encoding="utf-8")
    if "--quiet" not in argv:
        print(f"wrote {GENERATED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
