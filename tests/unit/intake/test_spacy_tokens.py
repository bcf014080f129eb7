"""The tokenizer data kept beside the rules (resources/spacy_tokens.json) is what the installed
spaCy says today, and with it the rules are built and plain texts read without importing spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


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
