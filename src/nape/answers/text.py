"""Words and stems shared by the index, the query and the answer rules.

Example::

    >>> words("Can a pinched nerve cause muscle spasms?")
    ['can', 'a', 'pinched', 'nerve', 'cause', 'muscle', 'spasms']
    >>> stems(["pinched", "spasms"])
    ['pinch', 'spasm']
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type information

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case words ('x-ray' gives 'x', 'ray'; "can't" stays one word)."""
    return _WORD.findall(text.lower())


def stems(tokens: list[str]) -> list[str]:
    """English (Snowball) stems, so 'spasms' and 'spasm' meet."""
    return list(_stemmer().stemWords(tokens))


def sentences(text: str) -> list[str]:
    """Split prose into sentences at '.', '!' or '?' followed by a capital or digit."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]
