"""Case-insensitive patterns run on an ASCII text put in lower case, without the flag.

Python's ``re`` under IGNORECASE cannot rule out an alternative by its first character, so a
pattern such as ``\\b(for|past|last|...)`` tries every alternative at every word of a text. On
an ASCII text put in lower case, the same pattern compiled without the flag (its letters put in
lower case too) finds the same matches at the same offsets (ASCII lower-casing keeps every
offset) several times faster. Only the groups differ: they hold lower-case text, so callers
take what they show from the original text by offsets (``text[m.start() : m.end()]``).

A pattern whose meaning lower-casing could change (an escape such as ``\\S`` or ``\\x41``, a
character that folds to an ASCII letter such as the long s) is always run as it is, and so is
any text that is not ASCII. tests/unit/intake/test_folding.py compares both ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# escapes whose meaning changes when put in lower case (\S, \D, \W, \B, \A, \Z), or that name a
# character by its code (\x41, \u0041, \N{...}, octal)
_CASED_ESCAPES = frozenset("SDWBAZxuUN0")


def _folded(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    src = rx.pattern
    if not rx.flags & re.IGNORECASE:
        return None
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            nxt = src[i + 1 : i + 2]
            if nxt in _CASED_ESCAPES or re.match(r"[1-7][0-7]{2}", src[i + 1 : i + 4]):
                return None
            i += 2
            continue
        if not ch.isascii() and any(c.isascii() for c in (ch.lower(), ch.upper(), ch.casefold())):
            return None  # folds to an ASCII letter under IGNORECASE (the long s, the Kelvin sign)
        i += 1
    if re.search(r"[A-Z]-[a-z]", src):
        return None  # a range from upper to lower case ("[A-z]") means other things in lower case
    return re.compile(src.lower(), rx.flags & ~re.IGNORECASE)


class Folded:
    """A case-insensitive pattern with its lower-case twin for ASCII texts."""

    __slots__ = ("lower", "rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.lower = _folded(rx)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        if self.lower is not None and text.isascii():
            return self.lower, text.lower()
        return self.rx, text

    def search(self, text: str) -> re.Match[str] | None:
        rx, s = self._pick(text)
        return rx.search(s)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        rx, s = self._pick(text)
        return rx.finditer(s)
