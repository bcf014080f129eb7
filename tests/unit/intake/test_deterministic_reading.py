"""The same text reads the same on every run: which words a finding is shown with must not depend
on the order rules happen to be tried in (Python's string hashing changes between processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

TEXTS = [
    "This morning his eyes are stuck looking up and his head is pulled back.",
    "the muscles alongside my spine are tender to touch",
    "My legs go heavy when I walk to the shops. Leaning on the trolley eases them.",
]

CODE = (
    "import json,sys;from nape.intake import parse;"
    "print(json.dumps([parse(t).to_dict()['findings'] for t in json.loads(sys.argv[1])]))"
)


def _read(seed: str) -> object:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-c", CODE, json.dumps(TEXTS)], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_readings_and_their_words_do_not_depend_on_the_hash_seed() -> None:
    first = _read("1")
    assert first and all(first)  # every text reads something
    assert _read("2") == first
    assert _read("3") == first
