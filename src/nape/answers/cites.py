"""Citations: one per quoted statement, so each citation's passage is the statement carrying
its marker, and a statement is quoted once.

Example: quoting "Use a heat pad on a low setting ..." (sources ``seed_002``, ``nice_ng59``)
gives "Use a heat pad on a low setting ... [1]" and citation 1 with source ``nice_ng59`` (a
guideline is preferred over a seed) and that sentence as its passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from nape.answers.passages import Passage
from nape.answers.rules import AnswerRules
from nape.knowledge.loader import KnowledgeBase


class Citation(BaseModel):
    """Source ``n`` of an answer: its id, title and the passage quoted from it."""

    model_config = ConfigDict(frozen=True)

    n: int
    source_id: str
    title: str
    passage: str


@dataclass
class Cites:
    """Numbers statements in order of first use; each statement is quoted at most once."""

    kb: KnowledgeBase
    answer_rules: AnswerRules
    citations: list[Citation] = field(default_factory=list)
    quoted: set[str] = field(default_factory=set)

    def best_source(self, p: Passage) -> str:
        """The statement's source to show: the first of the preferred kind (guideline first)."""
        order = self.answer_rules.compose.source_preference

        def rank(sid: str) -> int:
            src = self.kb.sources.get(sid)
            return order.index(src.kind) if src and src.kind in order else len(order)

        return min(p.source_ids, key=rank)

    def sentence(self, p: Passage) -> str | None:
        """'<statement> [n]', or None when the statement was already quoted in this answer."""
        key = p.text.strip().lower()
        if key in self.quoted:
            return None
        self.quoted.add(key)
        if not p.source_ids:
            return p.text
        sid = self.best_source(p)
        src = self.kb.sources.get(sid)
        title = src.title if src else (p.source_title or sid)
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, source_id=sid, title=title, passage=p.text))
        return f"{p.text} [{n}]"

    def lines(self, passages: list[Passage]) -> list[str]:
        """The quoted sentences of several statements, skipping repeats."""
        return [s for s in (self.sentence(p) for p in passages) if s]
