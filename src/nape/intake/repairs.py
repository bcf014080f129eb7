"""Word repairs before reading (resources/repairs.yaml): a dictated sound-alike ("too weeks",
"write leg", "know fever") or a clinician's clipped or symbol form ("rad into the arm", "P+N")
is read as the word meant, where the words around it say it cannot be meant as written.

The repaired text is what the intake reads; :class:`Repaired` maps its offsets back to the text
as written, so a mention's words and offsets stay the person's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nape.intake.schema import Repair, repairs_file

# words (with an inner apostrophe: "rad'n"), numbers, and each other non-space character alone
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)?|\S")
# what ends or opens a clause, before a word that must begin one
_CLAUSE_OPEN = frozenset({".", ",", ";", ":", "!", "?", "(", "-", "–", "—", "and", "but", "also"})
# counts written as words, before a unit ("two ours")
_NUMBER_WORDS = frozenset(
    {
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "few",
        "couple",
        "several",
    }
)
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", ")"})


@dataclass(frozen=True)
class _Rule:
    heard: tuple[str, ...]
    spec: Repair
    next: frozenset[str]
    not_next: frozenset[str]
    after_next: frozenset[str]
    prev: frozenset[str]
    not_prev: frozenset[str]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]


@cache
def _rules() -> dict[str, tuple[_Rule, ...]]:
    """The repairs by the first word of each heard form, longest forms first."""
    f = repairs_file()

    def words(ws: list[str]) -> frozenset[str]:
        out: set[str] = set()
        for w in ws:
            out.update(f.sets[w[1:]] if w.startswith("$") else [w])
        return frozenset(x.lower() for x in out)

    by_first: dict[str, list[_Rule]] = {}
    for r in f.repairs:
        forms = {tuple(t for _, _, t in _words(h)) for h in r.heard}
        for heard in forms:
            rule = _Rule(
                heard, r, words(r.next), words(r.not_next), words(r.after_next), words(r.prev), words(r.not_prev)
            )
            by_first.setdefault(heard[0], []).append(rule)
    return {k: tuple(sorted(v, key=lambda x: -len(x.heard))) for k, v in by_first.items()}


def _gates_hold(rule: _Rule, toks: list[tuple[int, int, str]], i: int, text: str) -> bool:
    r = rule.spec
    j = i + len(rule.heard)  # the next word
    prev = toks[i - 1][2] if i > 0 else None
    nxt = toks[j][2] if j < len(toks) else None
    if rule.prev and prev not in rule.prev:
        return False
    if prev is not None and prev in rule.not_prev:
        return False
    if rule.next and nxt not in rule.next and not (r.end_ok and (nxt is None or nxt in _CLAUSE_END)):
        return False
    if nxt is not None and nxt in rule.not_next:
        return False
    if rule.after_next and (j + 1 >= len(toks) or toks[j + 1][2] not in rule.after_next):
        return False
    if r.next_number and (nxt is None or not nxt[:1].isdigit()):
        return False
    if r.prev_number and (prev is None or not (prev[:1].isdigit() or prev in _NUMBER_WORDS)):
        return False
    least = r.between_words
    if least and not (prev and nxt and min(len(prev), len(nxt)) >= least and prev.isalpha() and nxt.isalpha()):
        return False
    # a clause-start word: the text's start, a clause opener before it, or a line break
    return not r.clause_start or prev is None or prev in _CLAUSE_OPEN or "\n" in text[toks[i - 1][1] : toks[i][0]]


@dataclass(frozen=True)
class Repaired:
    """The repaired text, and for each of its offsets the offset in the text as written: ``starts``
    for a span's start, ``ends`` for its end (a repaired word's span is the whole heard form)."""

    text: str
    written: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        a = self.starts[min(max(start, 0), len(self.starts) - 1)]
        b = self.ends[min(max(end, 0), len(self.ends) - 1)]
        return a, max(a, b)


def repair(text: str) -> Repaired | None:
    """The text with its heard forms repaired, or None when there is nothing to repair."""
    rules = _rules()
    toks = _words(text)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text as written
    i = 0
    while i < len(toks):
        for rule in rules.get(toks[i][2], ()):
            n = len(rule.heard)
            if tuple(t for _, _, t in toks[i : i + n]) != rule.heard or not _gates_hold(rule, toks, i, text):
                continue
            s, e = toks[i][0], toks[i + n - 1][1]
            means = rule.spec.means
            if text[s].isupper() and means[:1].isalpha() and len(rule.heard[0]) > 1:
                means = means[0].upper() + means[1:]
            edits.append((s, e, means))
            i += n - 1
            break
        i += 1
    if not edits:
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    pos = 0
    for s, e, means in [*edits, (len(text), len(text), "")]:
        for j in range(pos, s):  # the text as written, one to one
            out.append(text[j])
            starts.append(j)
            ends.append(j + 1)
        out.append(means)
        starts.extend([s] * len(means))
        ends.extend([e] * len(means))
        pos = e
    starts.append(len(text))
    return Repaired("".join(out), text, tuple(starts), tuple(ends))
