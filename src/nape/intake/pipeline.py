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
        rules.append(ConTextRule(r["literal"], r["category"], **kwargs))
    return rules


def _variants(phrase: str, typos: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    words = phrase.split(" ")
    for i, word in enumerate(words):
        for typo in typos.get(word, []):
            out.append(" ".join([*words[:i], typo, *words[i + 1 :]]))
    return out


def phrase_table(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(phrase, finding id) pairs, normalised, with typo variants, de-duplicated."""
    typos: dict[str, list[str]] = maps()["typos"]
    seen: dict[str, str] = {}
    for f in kb.findings.values():
        for phrase in f.phrases.all():
            key = re.sub(r"\s+", " ", phrase.strip().lower())
            for variant in _variants(key, typos):
                if len(variant) >= 2 and variant not in seen:
                    seen[variant] = f.id
    return sorted(seen.items())


@cache
def build(kb: KnowledgeBase | None = None) -> Any:
    """Build the pipeline once per process (about a second)."""
    import spacy
    from medspacy.target_matcher import TargetRule

    kb = kb or default_kb()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = nlp.add_pipe("medspacy_target_matcher")
    matcher.add([TargetRule(phrase, fid) for phrase, fid in phrase_table(kb)])
    context = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
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
