"""The medspaCy pipeline: blank English tokenizer, rule-based sentencizer, target rules
generated from the knowledge base's finding phrases, and ConText with nape's own rules.

Nothing is downloaded: ``spacy.blank("en")`` needs no model package.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nape.knowledge.loader import KnowledgeBase, default_kb

RESOURCES = Path(__file__).parent / "resources"


@cache
def maps() -> dict[str, Any]:
    return yaml.safe_load((RESOURCES / "maps.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _context_rules() -> list[Any]:
    from medspacy.context import ConTextRule

    data = yaml.safe_load((RESOURCES / "context_rules.yaml").read_text(encoding="utf-8"))
    rules = []
    for r in data["rules"]:
        kwargs: dict[str, Any] = {"direction": r["direction"]}
        if "pattern" in r:
            kwargs["pattern"] = r["pattern"]
        if r["category"] == "HISTORICAL" and r["direction"] == "BACKWARD":
            kwargs["max_scope"] = 8
        if r["category"] == "NEGATED_EXISTENCE":
            kwargs["max_scope"] = 12 if r["direction"] != "BACKWARD" else 4
        if r["category"] == "FAMILY":
            kwargs["max_scope"] = 10
        if r["category"] == "TERMINATE":
            # medspaCy 1.3.1 only cuts a scope when the terminator's scope does not contain it;
            # a one-token scope makes "but", ";" and friends end negation reliably.
            kwargs["max_scope"] = 1
        rules.append(ConTextRule(r["literal"], r["category"], **kwargs))
    return rules


def _variants(phrase: str, typos: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    words = phrase.split(" ")
    for i, word in enumerate(words):
        for typo in typos.get(word, []):
            out.append(" ".join([*words[:i], typo, *words[i + 1 :]]))
    return out


ABSENT = "|absent"
GENERIC = "generic:"


def phrase_table(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(phrase, label) pairs, normalised, with typo variants, de-duplicated.

    The label is a finding id, ``id|absent`` for words meaning it is absent ("afebrile"),
    or ``generic:numbness`` for a word whose limb is read from the sentence.
    """
    typos: dict[str, list[str]] = maps()["typos"]
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
    return sorted(seen.items())


def _region(words: list[str], two_word: list[list[str]]) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = [[{"LOWER": {"IN": words}}]]
    for a, b in two_word:
        out.append([{"LOWER": a}, {"LOWER": b}])
    return out


def token_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    """(finding, spaCy token pattern) pairs from resources/patterns.yaml, both word orders."""
    data = yaml.safe_load((RESOURCES / "patterns.yaml").read_text(encoding="utf-8"))
    sets, two = data["word_sets"], data.get("two_word_regions", {})
    stop = ["but", "and", "no", "not", "n't", "never", "without", "nothing", "nor"]
    gap: dict[str, Any] = {"IS_PUNCT": False, "LOWER": {"NOT_IN": stop}, "OP": f"{{0,{data['gap']}}}"}
    out = []
    for p in data["patterns"]:
        complaint = [{"LOWER": {"IN": sets[p["complaint"]]}}]
        for region in _region(sets[p["region"]], two.get(p["region"], [])):
            out.append((p["finding"], [*region, gap, *complaint]))
            out.append((p["finding"], [*complaint, gap, *region]))
    return out


@cache
def build(kb: KnowledgeBase | None = None) -> Any:
    """Build the pipeline once per process (about a second)."""
    import spacy
    from medspacy.target_matcher import TargetRule

    kb = kb or default_kb()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher: Any = nlp.add_pipe("medspacy_target_matcher", config={"result_type": "group", "prune": False})
    rules = [TargetRule(phrase, fid) for phrase, fid in phrase_table(kb)]
    rules += [TargetRule(f"{fid} pattern", fid, pattern=pat) for fid, pat in token_patterns()]
    matcher.add(rules)
    context: Any = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
            "input_span_type": "group",
            "span_attrs": {
                "NEGATED_EXISTENCE": {"is_negated": True},
                "HISTORICAL": {"is_historical": True},
                "HYPOTHETICAL": {"is_hypothetical": True},
                "FAMILY": {"is_family": True},
            },
        },
    )
    context.add(_context_rules())
    return nlp
