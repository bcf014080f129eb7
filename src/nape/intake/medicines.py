"""Medicines by class (resources/drugs.yaml): a named medicine gives its class's findings, and
"started / given / switched to X" (a start word a few tokens before the name) gives the class's
findings for a recent start."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nape.intake.matcher import Match, Rule, phrase_tests
from nape.intake.schema import drugs_file
from nape.intake.tokens import Tok, phrase_words

DRUG = "drug:"


@dataclass(frozen=True)
class DrugHit:
    finding: str
    drug_class: str
    started: bool
    start: int
    end: int


def drug_rules() -> list[Rule]:
    out = []
    for name, c in drugs_file().classes.items():
        for drug in c.names:
            words = list(phrase_words(drug))
            out.append(Rule(DRUG + name, phrase_tests(words, {}, frozenset()), "drug"))
    return out


def start_rules() -> list[Rule]:
    out = []
    for w in drugs_file().start_words:
        words = list(phrase_words(w))
        out.append(Rule("start", phrase_tests(words, {}, frozenset()), "start"))
    return out


def read_medicines(toks: Sequence[Tok], matches: Iterable[Match]) -> list[DrugHit]:
    cfg = drugs_file()
    starts: list[int] = []
    drugs: list[Match] = []
    for m in matches:
        if m.rule.kind == "start":
            starts.append(m.end)
        elif m.rule.kind == "drug":
            drugs.append(m)
    starts.sort()
    out = []
    from bisect import bisect_right

    for m in drugs:
        cls = m.rule.label[len(DRUG) :]
        spec = cfg.classes[cls]
        k = bisect_right(starts, m.start)
        started = k > 0 and m.start - starts[k - 1] <= cfg.window
        begin = m.start
        if started:
            begin = max(0, starts[k - 1] - 1)
        for f in spec.started if started else spec.taking:
            out.append(DrugHit(f, cls, started, begin, m.end))
    return out
