"""The rule tries are trees: each node hangs under one word of one node. The matcher relies on
it (``matcher._advance`` lists the nodes a token reaches without looking for repeats)."""

from __future__ import annotations

from pathlib import Path

from nape.evaluation.runner import load_cases
from nape.intake import clean, matcher
from nape.intake.assertion import context_index
from nape.intake.matcher import Index, Rule, _advance, _Node
from nape.intake.pipeline import CONTEXT, build, split
from nape.intake.tokens import Tok, tokenise

ROOT = Path(__file__).resolve().parents[3]


def _count_nodes(root: _Node) -> tuple[int, int]:
    seen: set[int] = set()
    visits = 0
    stack = [root]
    while stack:
        node = stack.pop()
        visits += 1
        seen.add(id(node))
        stack.extend(node.children.values())
        stack.extend(node.exact.values())
        stack.extend(node.gaps.values())
    return visits, len(seen)


def test_the_rule_tries_are_trees() -> None:
    for index in (build().index, context_index()):
        visits, distinct = _count_nodes(index.trie)
        assert visits == distinct > 1


def test_a_token_reaches_each_node_once() -> None:
    idx = Index()
    word = matcher.Test(frozenset({"necks", "neck"}))
    exact = matcher.Test(frozenset({"necks"}), lemma=False)
    idx.add(Rule("a", (word, word)))
    idx.add(Rule("b", (exact, word)))
    frontier = _advance((idx.trie,), "necks", "neck")
    assert len(frontier) == len({id(n) for n in frontier}) == 3
    after = _advance(frontier, "necks", "neck")
    assert len(after) == len({id(n) for n in after}) == 6


def _toks(text: str) -> list[Tok]:
    return tokenise(clean(text))


def test_one_pass_finds_what_two_indexes_find() -> None:
    """The assertion triggers share the pipeline's index: split apart, each list of matches is
    what an index of those rules alone finds, in the same order (shared first words, a shared
    gap, an exact-form word, a trigger found by its word rather than by the trie)."""
    word = matcher.Test(frozenset({"necks", "neck"}))
    pain = matcher.Test(frozenset({"pain"}))
    no = matcher.Test(frozenset({"no"}), lemma=False)
    gap = matcher.Test(not_words=frozenset({"but"}), lo=0, hi=3)
    plain = matcher.Test(is_punct=False)
    a_rules = [Rule("neck pain", (word, pain)), Rule("neck", (word,)), Rule("neck..pain", (word, gap, pain), "pattern")]
    b_rules = [
        Rule("no", (no,), CONTEXT, ("NEGATED_EXISTENCE", "FORWARD", None)),
        Rule("no neck", (no, word), CONTEXT, ("NEGATED_EXISTENCE", "FORWARD", None)),
        Rule("neck..pain", (word, gap, pain), CONTEXT, ("PSEUDO", "FORWARD", None)),
        Rule("pain x", (pain, plain), CONTEXT, ("HISTORICAL", "BACKWARD", None)),
    ]
    one, a, b = Index(), Index(), Index()
    one.extend([*a_rules, *b_rules])
    a.extend(a_rules)
    b.extend(b_rules)
    for text in ("no neck pain", "my necks are sore, no pain but neck pain here", "neck neck pain pain no"):
        toks = _toks(text)
        assert split(one.match(toks)) == (a.match(toks), b.match(toks)), text


def test_the_pipeline_finds_the_triggers_of_the_context_index() -> None:
    texts = [*(c.text for c in load_cases(ROOT / "data/cases/dev.jsonl")), "No fever, never had this before."]
    for text in texts:
        toks = _toks(text)
        main, triggers = split(build().index.match(toks))
        # (the pipeline's copies of the rules have their own kind)
        assert [(m.rule.label, m.rule.tests, m.rule.data, m.start, m.end) for m in triggers] == [
            (m.rule.label, m.rule.tests, m.rule.data, m.start, m.end) for m in context_index().match(toks)
        ], text
        assert all(m.rule.kind != CONTEXT for m in main)
