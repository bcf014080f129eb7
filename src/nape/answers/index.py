"""BM25 search over passages, with query expansion from the knowledge base's own words.

Example: "Is Botox used for wry neck?" is expanded with the synonym 'botulinum toxin' (from
``rules.yaml``), the finding phrase 'wry neck' adds the finding's label words, and the alias
'wry neck' of acute torticollis boosts that condition's passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import bm25s  # type: ignore[import-untyped]  # bm25s ships no type information
import numpy as np

from nape.answers.passages import Passage, kb_passages
from nape.answers.rules import AnswerRules, PassageKind, RetrievalRules, rules
from nape.answers.text import stems, words
from nape.knowledge.loader import KnowledgeBase, default_kb

Gram = tuple[str, ...]
MAX_GRAM = 8


def _gram(text: str) -> Gram:
    return tuple(stems(words(text)))


def _aliases(name: str) -> list[str]:
    """'Acute torticollis (acute wry neck)' -> ['Acute torticollis', 'acute wry neck'];
    'Kidney failure / chronic kidney disease (with cramps)' also gives each side of the '/'."""
    main, _, rest = name.partition(" (")
    out = [main.strip(), *(part.strip() for part in re.split(r" / | and ", main))]
    if rest:
        out.append(rest.rstrip(")").strip())
    return [a for a in out if a]


@dataclass(frozen=True)
class Lexicon:
    """Phrases (as stem tuples) that name findings, conditions or synonyms, with what they add."""

    findings: dict[Gram, list[str]]
    conditions: dict[Gram, list[str]]
    synonyms: dict[Gram, list[str]]
    finding_terms: dict[str, list[str]]


def _add(table: dict[Gram, list[str]], gram: Gram, value: str) -> None:
    if gram and value not in table.setdefault(gram, []):
        table[gram].append(value)


def _condition_grams(name: str, modifiers: frozenset[str]) -> Iterable[Gram]:
    for alias in _aliases(name):
        gram = _gram(alias)
        yield gram
        trimmed = gram
        while trimmed and trimmed[0] in modifiers:
            trimmed = trimmed[1:]
        if len(trimmed) < len(gram):
            yield trimmed


@cache
def lexicon(kb: KnowledgeBase | None = None, answer_rules: AnswerRules | None = None) -> Lexicon:
    """Build the phrase tables once: findings' lay/clinical phrases, condition names, synonyms."""
    kb = kb or default_kb()
    r = answer_rules or rules()
    findings: dict[Gram, list[str]] = {}
    conditions: dict[Gram, list[str]] = {}
    synonyms: dict[Gram, list[str]] = {}
    terms: dict[str, list[str]] = {}
    for f in kb.findings.values():
        terms[f.id] = list(_gram(f.label))
        for phrase in f.phrases.all():
            _add(findings, _gram(phrase), f.id)
    modifiers = frozenset(stems(r.scope.name_modifiers))
    for c in kb.conditions.values():
        for gram in _condition_grams(c.name, modifiers):
            _add(conditions, gram, c.id)
    for phrase, extra in r.synonyms.items():
        for term in _gram(" ".join(extra)):
            _add(synonyms, _gram(phrase), term)
    return Lexicon(findings, conditions, synonyms, terms)


def _grams(seq: Sequence[str]) -> Iterable[Gram]:
    for _, gram in _placed_grams(seq):
        yield gram


def _placed_grams(seq: Sequence[str]) -> Iterable[tuple[range, Gram]]:
    """Every run of up to ``MAX_GRAM`` items with its positions, longest first."""
    for n in range(min(MAX_GRAM, len(seq)), 0, -1):
        for i in range(len(seq) - n + 1):
            yield range(i, i + n), tuple(seq[i : i + n])


def _names(seq: Sequence[str], lex: Lexicon) -> Iterable[tuple[Gram, list[str]]]:
    """Condition names in a stem sequence, longest first; a name inside a longer one is skipped
    ("spasmodic torticollis" names cervical dystonia, not also acute torticollis)."""
    used: set[int] = set()
    for where, gram in _placed_grams(seq):
        matched = lex.conditions.get(gram, [])
        if matched and not used & set(where):
            used |= set(where)
            yield gram, matched


@dataclass(frozen=True)
class Query:
    """A question read for search: its own stems, what expansion added, and what it names."""

    own: list[str]
    expansion: list[str]
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    kinds: list[PassageKind] = field(default_factory=list)
    naming: frozenset[str] = frozenset()

    def tokens(self, own_weight: int) -> list[str]:
        return self.own * own_weight + self.expansion


def read_query(question: str, lex: Lexicon | None = None, answer_rules: AnswerRules | None = None) -> Query:
    """Stem the question, drop stopwords, and expand it with synonyms, finding labels and names.

    Example: "pinched nerve" adds 'radiculopathy' (a synonym) and the finding
    ``history_of_disc_or_nerve``'s label words.
    """
    lex = lex or lexicon()
    r = answer_rules or rules()
    all_stems = _gram(question)
    stop = frozenset(stems(r.stopwords))
    own = [s for s in all_stems if s not in stop]
    found_f: list[str] = []
    found_c: list[str] = []
    expansion: list[str] = []
    alternatives: dict[str, list[str]] = {}
    for gram in _grams(all_stems):
        for term in lex.synonyms.get(gram, []):
            expansion.append(term)
            for stem in gram:
                alternatives.setdefault(stem, []).append(term)
        for fid in lex.findings.get(gram, []):
            if fid not in found_f:
                found_f.append(fid)
                expansion += lex.finding_terms[fid]
    naming: set[str] = set()
    for gram, matched in _names(all_stems, lex):
        found_c += [cid for cid in matched if cid not in found_c]
        naming |= set(gram)
    for gram, matched in _names(expansion, lex):
        found_c += [cid for cid in matched if cid not in found_c]
        naming |= {s for s, alts in alternatives.items() if set(alts) & set(gram)}
    expansion = [t for t in expansion if t not in stop]
    asked = set(all_stems)
    kinds: list[PassageKind] = [kind for kind, ws in r.retrieval.kind_words.items() if asked & set(stems(ws))]
    return Query(own, expansion, alternatives, found_f, found_c, kinds, frozenset(naming))


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float


@dataclass(frozen=True, eq=False)
class Index:
    """Passages with their BM25 index, each passage's own stems and each stem's rarity (for
    coverage checks), and each condition's base share (to rank common causes first)."""

    passages: list[Passage]
    bm25: bm25s.BM25
    stem_sets: list[frozenset[str]]
    priors: dict[str, float]
    idf: dict[str, float]

    def search(self, query: Query, answer_rules: AnswerRules | None = None) -> list[Hit]:
        """Passages by score, best first; condition, kind and prior boosts applied; zeros dropped."""
        r = (answer_rules or rules()).retrieval
        tokens = [t for t in query.tokens(r.own_word_weight) if t in self.bm25.vocab_dict]
        if not tokens:
            return []
        scores = np.asarray(self.bm25.get_scores(tokens), dtype=float)
        for i in np.flatnonzero(scores > 0):
            scores[i] *= self._boost(self.passages[i], query, r)
        order = np.argsort(-scores, kind="stable")
        return [Hit(self.passages[i], float(scores[i])) for i in order if scores[i] > 0]

    def _boost(self, p: Passage, query: Query, r: RetrievalRules) -> float:
        factor = r.kind_boost if p.kind in query.kinds else 1.0
        if p.kind == "document":
            return r.document_boost
        if p.condition is None:
            return factor
        if query.conditions:
            return factor * (r.condition_boost if p.condition in query.conditions else 1.0)
        return factor * (1.0 + r.prior_weight * self.priors.get(p.condition, 0.0))


def coverage(
    query: Query, stem_set: frozenset[str], idf: Mapping[str, float], ignore: frozenset[str] = frozenset()
) -> float:
    """Share of the question's own words (less ``ignore`` and the words that named a condition)
    found in a passage, directly or through a synonym, each word weighted by its rarity (IDF),
    so a rare word ('chiropractor') counts for more than a common one ('neck').

    Example: for "Is Botox used for spasmodic torticollis?" the words 'spasmodic torticollis'
    named cervical dystonia, so a passage covers the question if it speaks of 'botulinum toxin'
    (a synonym of 'botox') and of use.
    """
    wanted = [s for s in query.own if s not in query.naming and s not in ignore]
    if not wanted:
        return 1.0
    top = max(idf.values(), default=1.0)
    weight = {s: idf.get(s, top) for s in wanted}
    found = sum(weight[s] for s in wanted if s in stem_set or any(a in stem_set for a in query.alternatives.get(s, [])))
    return found / sum(weight.values())


def _passage_stems(p: Passage, stop: frozenset[str]) -> list[str]:
    return [s for s in _gram(f"{p.context} {p.text}") if s not in stop]


def _coverage_stems(p: Passage) -> frozenset[str]:
    """What a passage itself says (its label and context are not counted)."""
    return frozenset(_gram(p.text))


def build_index(passages: list[Passage], answer_rules: AnswerRules | None = None) -> Index:
    """Tokenise (stem, drop stopwords) and index passages with BM25 (no progress bars)."""
    stop = frozenset(stems((answer_rules or rules()).stopwords))
    bm25 = bm25s.BM25()
    bm25.index([_passage_stems(p, stop) for p in passages], show_progress=False)
    kb = default_kb()
    priors = {cid: c.prior.base for cid, c in kb.conditions.items()}
    sets = [_coverage_stems(p) for p in passages]
    return Index(passages, bm25, sets, priors, _idf(sets))


def _idf(sets: list[frozenset[str]]) -> dict[str, float]:
    """BM25's inverse document frequency of each stem over the passages' own words."""
    df = Counter(s for st in sets for s in st)
    n = len(sets)
    return {s: math.log((n - k + 0.5) / (k + 0.5) + 1.0) for s, k in df.items()}


@cache
def kb_index() -> Index:
    """The knowledge base's passages, indexed once per process."""
    return build_index(kb_passages(default_kb()))
