"""The rule tries are trees: each node hangs under one word of one node. The matcher relies on
it (``matcher._advance`` lists the nodes a token reaches without looking for repeats)."""

from __future__ import annotations

from nape.intake import matcher
from nape.intake.assertion import context_index
from nape.intake.matcher import Index, Rule, _advance, _Node
from nape.intake.pipeline import build


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
