"""The tokenizer data kept beside the rules (resources/spacy_tokens.json) is what the installed
spaCy says today, and with it the rules are built and plain texts read without importing spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_every_rule_phrase_chunk_is_in_the_generated_data() -> None:
    """The quick form of the check below: a chunk of a rule phrase that is not plain letters
    (a new phrase such as "x-ray") must be in the file, or the build imports spaCy again."""
    from nape.intake.pipeline import build
    from nape.intake.tokens import _PLAIN_WORD, PHRASES, spacy_data

    build()
    data = spacy_data()
    assert data is not None
    chunks = {c for p in PHRASES for c in p.lower().split(" ")}
    plain = {c for c in chunks if _PLAIN_WORD.fullmatch(c) and c not in data.special}
    missing = sorted(c for c in chunks - plain if c not in data.chunks)
    assert missing == [], "run: uv run python scripts/gen_spacy_tokens.py"


@pytest.mark.slow
def test_generated_tokenizer_data_is_current() -> None:
    """Fails when a phrase, a word list or spaCy changed and the file was not written again:
    run ``uv run python scripts/gen_spacy_tokens.py``."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/gen_spacy_tokens.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_generated_tokenizer_data_is_in_use() -> None:
    from importlib import metadata

    from nape.intake.tokens import spacy_data

    data = spacy_data()
    assert data is not None, "resources/spacy_tokens.json is missing or from another spaCy version"
    assert metadata.version("spacy") in (ROOT / "src/nape/intake/resources/spacy_tokens.json").read_text()
    assert {"cannot", "Cannot", "dont"} <= data.special
    assert {"one", "third", "twenty"} <= data.number_words


def test_start_up_and_a_plain_text_do_not_import_spacy() -> None:
    code = (
        "import sys, nape.intake\n"
        "from nape.intake.pipeline import build\n"
        "build()\n"
        "r = nape.intake.parse('My neck is stiff and I cannot turn it, no fever.')\n"
        "assert r.mentions\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_words_and_numbers_with_punctuation_are_tokenised_as_spacy_does() -> None:
    """The tails of the generated data ("pain," "neck's..." "38.") give spaCy's tokens after
    words and numbers the generator did not try (it tries a sample)."""
    import random

    from nape.intake.tokens import _LETTERS, TAILED, _nlp, _spacy_chunk, lemma_table, spacy_data

    data = spacy_data()
    assert data is not None
    nlp = _nlp()
    rng = random.Random(29)
    words = sorted(w for w in lemma_table() if _LETTERS.fullmatch(w))
    heads = [rng.choice((str.lower, str.title, str.upper))(w) for w in rng.sample(words, 4000)]
    heads += ["".join(rng.choices("0123456789", k=rng.randint(1, 12))) for _ in range(600)]
    heads += [*sorted(data.special)[:60], "Dr", "etc", "Mr", "a", "I", "e", "No"]
    tails = sorted({*data.tails["letters"], *data.tails["digits"], "", ".", "'", "'t", "-"})
    tried = 0
    for head in heads:
        for tail in rng.sample(tails, 6):
            chunk = head + tail
            if not TAILED.fullmatch(chunk) or chunk in data.chunks:
                continue
            want = tuple((t.idx, t.text, t.lower_, t.is_punct, t.like_num) for t in nlp.make_doc(chunk))
            assert _spacy_chunk(chunk) == want, chunk
            tried += 1
    assert tried > 20_000
