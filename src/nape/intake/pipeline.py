"""The intake's rules, built once per process: the findings' phrases (with typo variants), the
token patterns of resources/patterns.yaml, the concept/site/function lexicon and the medicines,
all in one index from words to rules (see matcher.py). Nothing is downloaded: the tokenizer is
``spacy.blank("en")`` and the lemmas come from the spacy-lookups-data package.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nape.core.resources import SAFE_LOADER
from nape.intake.matcher import Index, Match, Rule, Test, compile_token, phrase_tests
from nape.knowledge.loader import KnowledgeBase, default_kb

RESOURCES = Path(__file__).parent / "resources"


@cache
def maps() -> dict[str, Any]:
    """maps.yaml as a plain mapping, validated first by its strict schema (a broken file is E110)."""
    from nape.intake.schema import maps_file

    maps_file()
    return yaml.load((RESOURCES / "maps.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # type: ignore[no-any-return]


def word_variants() -> dict[str, list[str]]:
    """Each phrase word -> the other forms it is written in: typos and clinical shorthand
    (maps.yaml ``typos`` and ``shorthand``: "signs" -> "sx")."""
    out: dict[str, list[str]] = {w: list(v) for w, v in maps()["typos"].items()}
    for word, forms in (maps().get("shorthand") or {}).items():
        out.setdefault(word, []).extend(f for f in forms if f not in out[word])
    return out


def _variants(phrase: str, typos: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    words = phrase.split(" ")
    for i, word in enumerate(words):
        for typo in typos.get(word, []):
            out.append(" ".join([*words[:i], typo, *words[i + 1 :]]))
    return out


ABSENT = "|absent"
# the kind of the assertion triggers' rules in the pipeline's index (assertion.context_rules)
CONTEXT = "context"
GENERIC = "generic:"


def acronym_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words written in capitals in the knowledge base's phrases ("EDS", "AS", "LL"), in lower
    case: an abbreviation is matched by its own form only, never by a lemma ("EDS" is no plural
    of "ED", the emergency department; "AS" is not the article "a")."""
    return frozenset(
        w.lower()
        for f in kb.findings.values()
        for p in [*f.phrases.all(), *f.phrases.absent]
        for w in re.findall(r"\b[A-Z]{2,}\b", p)
    )


def phrase_table(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(phrase, label) pairs, normalised, with typo variants, de-duplicated.

    The label is a finding id, ``id|absent`` for words meaning it is absent ("afebrile"),
    or ``generic:numbness`` for a word whose limb is read from the sentence.
    """
    typos = word_variants()
    seen: dict[str, str] = {}
    for name, spec in maps()["generic"].items():
        for word in spec["words"]:
            seen[word] = GENERIC + name
    for f in kb.findings.values():
        labelled = [(p, f.id) for p in f.phrases.all()] + [(p, f.id + ABSENT) for p in f.phrases.absent]
        for phrase, label in labelled:
            key = re.sub(r"\s+", " ", phrase.strip().lower())
            for variant in _variants(key, typos):
                if len(variant) >= 2 and variant not in seen:
                    seen[variant] = label
    # a condition's two-word name in the order of the Romance languages, the noun before its
    # adjective ("sclerosis multiple", "arthritis rheumatoid"): maps.yaml ``reversed_names``
    rev = maps().get("reversed_names")
    if rev:
        heads, not_first = frozenset(rev["heads"]), frozenset(rev["not_first"])
        for key, label in list(seen.items()):
            words = key.split(" ")
            if label.endswith(ABSENT) or label.startswith(GENERIC) or len(words) != 2:
                continue
            first, head = words
            if head in heads and first.isalpha() and len(first) >= 3 and first not in not_first:
                seen.setdefault(f"{head} {first}", label)
    return sorted(seen.items())


def _region(words: list[str], two_word: list[list[str]]) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = [[{"LOWER": {"IN": words}}]]
    for a, b in two_word:
        out.append([{"LOWER": a}, {"LOWER": b}])
    return out


def token_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    """(finding, token pattern) pairs from resources/patterns.yaml, both word orders (the
    region's first only, for a pattern marked ``forward``)."""
    data = yaml.load((RESOURCES / "patterns.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    sets, two = data["word_sets"], data.get("two_word_regions", {})
    stop = ["but", "and", "no", "not", "n't", "never", "without", "nothing", "nor"]
    gap: dict[str, Any] = {"IS_PUNCT": False, "LOWER": {"NOT_IN": stop}, "OP": f"{{0,{data['gap']}}}"}
    out = []
    for p in data["patterns"]:
        complaint = [{"LOWER": {"IN": sets[p["complaint"]]}}]
        for region in _region(sets[p["region"]], two.get(p["region"], [])):
            out.append((p["finding"], [*region, gap, *complaint]))
            if not p.get("forward"):
                out.append((p["finding"], [*complaint, gap, *region]))
    return out


Insertion = tuple[frozenset[str], frozenset[str], Test | None, list[tuple[Test, ...]]]


def _insertions() -> list[Insertion]:
    """Per entry of maps.yaml ``phrase_insertions``: the links after which a phrase's last word
    may follow one of the entry's words, the last words it may not, the gap test that reads a
    one-word entry through (their own forms; walked at the link's node, no trie branch each), and
    the tests of each longer entry ("a bit": two tests, in the trie)."""
    out: list[Insertion] = []
    for spec in maps().get("phrase_insertions") or []:
        single = frozenset(w for w in spec["words"] if " " not in w)
        gap = Test(single, lemma=False, lo=0, hi=1) if single else None
        longer = [tuple(Test(frozenset({p}), lemma=False) for p in w.split(" ")) for w in spec["words"] if " " in w]
        out.append((frozenset(spec["links"]), frozenset(spec.get("not_before") or ()), gap, longer))
    return out


Owners = tuple[frozenset[str], frozenset[str]]


def _owners() -> Owners | None:
    """maps.yaml ``phrase_owners``: the owner words, and the prepositions after which one may be
    left out (made once per build, not per phrase)."""
    spec = maps().get("phrase_owners")
    return (frozenset(spec["owners"]), frozenset(spec.get("drop_after") or ())) if spec else None


def _owner_variants(
    words: list[str], tests: tuple[Test, ...], spec: Owners | None
) -> list[tuple[tuple[Test, ...], int | None]]:
    """The phrase's tests with its owner word taking any owner (maps.yaml ``phrase_owners``), or,
    when the owner stands after a preposition (not the phrase's first word: "to my middle
    finger" is a pain's reach only as told), with any owner or none, as a gap of at most one
    owner word at that place (the second item: the gap's index, for ``Index.add_gapped``).
    Empty when the phrase has no owner word."""
    if spec is None:
        return []
    owners, after = spec
    at = [k for k, w in enumerate(words) if w in owners]
    if not at:
        return []
    droppable = [k for k in at if k > 1 and words[k - 1] in after and k < len(words) - 1]
    if len(at) == 1 and droppable:
        gap = Test(owners, lemma=False, lo=0, hi=1)
        return [(tuple(gap if k == at[0] else t for k, t in enumerate(tests)), at[0])]
    anyone = Test(owners, lemma=False)
    return [(tuple(anyone if k in at else t for k, t in enumerate(tests)), None)]


def split(found: list[Match]) -> tuple[list[Match], list[Match]]:
    """The matches of one pass of the pipeline's index: those of the findings' words, groups and
    medicines, and those of the assertion triggers (kind ``CONTEXT``), each in the order found.

    The triggers share the index's trie, and a trie walk reaches the nodes of one rule set in
    the same order with or without the other's nodes beside them, so each list is what an
    index of its rules alone gives (tests/unit/intake/test_trie.py compares)."""
    main: list[Match] = []
    triggers: list[Match] = []
    for mt in found:
        (triggers if mt[0].kind == CONTEXT else main).append(mt)
    return main, triggers


@dataclass(frozen=True)
class Pipeline:
    index: Index
    known_words: frozenset[str]  # every word of every phrase: never "corrected"
    # cut-short clinical words -> the lexicon words they stand for ("bilat" -> "bilateral")
    truncations: dict[str, tuple[str, str]]  # (form, lemma): see concepts.truncation_table


@cache
def build(kb: KnowledgeBase | None = None) -> Pipeline:
    """Build the rules once per process.

    The cyclic garbage collector is paused meanwhile: the build makes some hundred thousand
    long-lived objects and no cycles to collect, and each full collection would walk every
    object made so far (spaCy's, the lemma table, the knowledge base); it took most of the
    build's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(kb)
    finally:
        gc.freeze()  # the rules live as long as the process: no collection need walk them again
        if enabled:
            gc.enable()


def _build(kb: KnowledgeBase | None) -> Pipeline:
    from nape.intake.assertion import context_rules
    from nape.intake.concepts import group_rules, truncation_table
    from nape.intake.medicines import drug_rules, start_rules
    from nape.intake.schema import concept_file
    from nape.intake.tokens import capital_phrase_words, lemma_table, phrase_words

    kb = kb or default_kb()
    lemmas = lemma_table()
    exact = frozenset(concept_file().lemma_exact) | acronym_words(kb)
    idx = Index()
    known: set[str] = set()
    insertions = _insertions()
    owners = _owners()
    for phrase, label in phrase_table(kb):
        words = list(phrase_words(phrase))
        if not words:
            continue
        known.update(words)
        tests = phrase_tests(words, lemmas, exact)
        idx.add(Rule(label, tests, "phrase"))
        for other, gap_at in _owner_variants(words, tests, owners):
            if gap_at is None:
                idx.add(Rule(label, other, "phrase"))
            else:
                idx.add_gapped(Rule(label, other, "phrase"), gap_at)
        for links, not_before, gap, longer in insertions if len(words) >= 2 else ():
            if words[-2] in links and words[-1] not in not_before:
                # "jaw feels tight" told "her jaw feels really tight": the phrase with a word between its last two
                if gap is not None:
                    idx.add_gapped(Rule(label, (*tests[:-1], gap, tests[-1]), "phrase"), len(tests) - 1)
                for between in longer:
                    idx.add(Rule(label, (*tests[:-1], *between, tests[-1]), "phrase"))
        # an abbreviation with a digit written in capitals may tokenise otherwise ("T2DM")
        capital = capital_phrase_words(phrase)
        if capital:
            idx.add(Rule(label, phrase_tests(capital, lemmas, exact), "phrase"))
    for fid, pat in token_patterns():
        idx.add(Rule(fid, tuple(compile_token(t, lemmas) for t in pat), "pattern"))
    idx.extend(group_rules(word_variants()))
    # the concept lexicon's own words are never "corrected" into another word ("tender on
    # palpation" is not palpitations)
    for g in concept_file().groups.values():
        for phrase in g.words:
            known.update(w for w in phrase_words(phrase) if w.isalpha())
    idx.extend(drug_rules())
    idx.extend(start_rules())
    # the assertion triggers too, under their own kind: one pass finds both (see ``split``)
    idx.extend(Rule(r.label, r.tests, CONTEXT, r.data) for r in context_rules())
    # clinicians cut their own words short: the clinical and "absent" phrases are the lexicon
    spelt = [p for f in kb.findings.values() for p in (*f.phrases.clinical, *f.phrases.absent)]
    usage = [p for f in kb.findings.values() for p in f.phrases.lay]
    usage += [w for g in concept_file().groups.values() for w in g.words]
    frozen = frozenset(known)
    return Pipeline(idx, frozen, truncation_table(spelt, frozen, usage))
