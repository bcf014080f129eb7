"""Compose a cited, extractive answer: every sentence of the body is a stored statement.

Example::

    >>> a = ask("Is Botox used for spasmodic torticollis?")
    >>> a.direct, a.answer.split()[0]
    ('yes', 'Yes.')

The question's type (``kinds.question_type``) picks a composer (``composers``); a question of no
recognised type gets the best statements of a BM25 search. The body quotes knowledge-base
statements (or ingested paragraphs), each followed by one ``[n]`` marker whose citation holds
that statement; only fixed frames from ``rules.yaml`` (the direct word, list introductions, the
emergency lead, the "not covered" reply) and the knowledge base's own texts surround them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from nape.answers import composers
from nape.answers.cites import Citation, Cites
from nape.answers.composers import Body, Ctx
from nape.answers.index import Hit, Index, Query, build_index, coverage, kb_index, read_query
from nape.answers.ingest import document_passages, load_store, store_path
from nape.answers.kinds import question_type
from nape.answers.passages import Passage, kb_passages
from nape.answers.rules import AnswerRules, rules
from nape.answers.text import sentences, stems, words
from nape.core.config import get_settings
from nape.errors import QuestionError
from nape.intake import parse
from nape.knowledge.loader import KnowledgeBase, default_kb
from nape.knowledge.schema import EMERGENCY_LEVELS
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model
from nape.text import as_text, control_count
from nape.triage.engine import fired_red_flags

Direct = Literal["yes", "no", "depends"]


class Answer(BaseModel):
    """An answer with its citations; ``kind``, ``direct`` and ``basis`` explain how it was made."""

    answer: str
    citations: list[Citation]
    kind: Literal["answer", "emergency", "not_covered"] = "answer"
    direct: Direct | None = None
    basis: str | None = None

    def to_json_dict(self) -> dict[str, object]:
        """Exactly ``{"answer": ..., "citations": [{"n", "source_id", "title", "passage"}]}``."""
        return {"answer": self.answer, "citations": [c.model_dump() for c in self.citations]}


# --------------------------------------------------------------------------- input
def check_question(question: object, answer_rules: AnswerRules | None = None) -> str:
    """Reject what is not a usable question with a numbered message (E401).

    Example: ``check_question("")`` raises ``E401 the question is empty ...``.
    """
    limits = (answer_rules or rules()).question
    question = as_text(question, QuestionError, "question")
    if not question.strip():
        raise QuestionError("the question is empty; ask something like 'When should I see a doctor?'")
    if len(question) > limits.max_chars:
        raise QuestionError(f"the question is {len(question):,} characters; the limit is {limits.max_chars:,}")
    if "\x00" in question or control_count(question) > limits.max_non_printable_share * len(question):
        raise QuestionError("the question looks like binary data rather than written text")
    if not words(question):
        raise QuestionError("the question has no words in it")
    return unicodedata.normalize("NFKC", question).strip()


# --------------------------------------------------------------------------- index
@lru_cache(maxsize=8)
def _combined(store_file: Path, stamp: tuple[int, int]) -> Index:
    del stamp  # part of the cache key only: a new ingest changes it
    docs = document_passages(load_store(store_file.parent.parent))
    return build_index([*kb_passages(default_kb()), *docs])


def index_for(data_dir: Path | None) -> Index:
    """The knowledge-base index, joined by the ingested documents of ``data_dir`` if any."""
    path = store_path(data_dir or get_settings().data_dir)
    if not path.exists():
        return kb_index()
    st = path.stat()
    return _combined(path, (st.st_mtime_ns, st.st_size))


# --------------------------------------------------------------------------- choosing
def choose(hits: list[Hit], answer_rules: AnswerRules) -> list[Hit]:
    """The best passages: within a share of the top score, no repeats, few per condition."""
    r = answer_rules.retrieval
    if not hits:
        return []
    floor = hits[0].score * r.min_relative_score
    out: list[Hit] = []
    seen: set[str] = set()
    per_condition: dict[str, int] = {}
    for h in hits:
        if h.score < floor or len(out) >= r.max_passages:
            break
        key = h.passage.text.lower()
        cond = h.passage.condition or h.passage.id
        if key in seen or per_condition.get(cond, 0) >= r.max_per_condition:
            continue
        seen.add(key)
        per_condition[cond] = per_condition.get(cond, 0) + 1
        out.append(h)
    return out


def is_yes_no(question: str, answer_rules: AnswerRules) -> bool:
    """'Can a pinched nerve cause spasms?' is; 'Heat or ice?' and 'What causes it?' are not."""
    ws = words(question)
    yn = answer_rules.yes_no
    return bool(ws) and ws[0] in yn.starters and yn.alternative_word not in ws


def polarity(text: str, answer_rules: AnswerRules) -> Direct:
    """How a sentence answers: a condition word ('unless', 'only') -> depends; a negation -> no.

    Example: "A soft collar is not advised because it slows recovery." -> "no".
    """
    ws = f" {' '.join(words(text))} "
    yn = answer_rules.yes_no
    if any(f" {' '.join(words(cue))} " in ws for cue in yn.conditional_cues):
        return "depends"
    if any(f" {' '.join(words(cue))} " in ws for cue in yn.negative_cues):
        return "no"
    return "yes"


_CLAUSE = re.compile(r";|:|, but | but |, while |, whereas ")


def _claim(p: Passage, query: Query, index: Index, ignore: frozenset[str]) -> tuple[str, str]:
    """The sentence and clause of a passage that cover the question best (the first of equals), so that
    "Keep moving ...; bed rest slows recovery." answers "Is bed rest good?" with its second
    clause, and a caveat elsewhere in the statement does not turn a "yes" into a "no"."""
    parts = [(s, c.strip()) for s in sentences(p.text) for c in _CLAUSE.split(s) if c.strip()]
    if not parts:
        return p.text, p.text
    scores = [coverage(query, frozenset(stems(words(c))), index.idf, ignore) for _, c in parts]
    return parts[scores.index(max(scores))]


def claim_polarity(sentence: str, clause: str, answer_rules: AnswerRules) -> Direct:
    """A condition word anywhere in the sentence ('only alongside exercise') makes it "it
    depends"; otherwise the clause that answers the question decides ("bed rest slows
    recovery" -> "no", whatever caveat another clause carries)."""
    if polarity(sentence, answer_rules) == "depends":
        return "depends"
    return polarity(clause, answer_rules)


@dataclass(frozen=True)
class Verdict:
    direct: Direct
    basis: str
    lead: Hit | None = None


def decide(query: Query, hits: list[Hit], index: Index, answer_rules: AnswerRules) -> Verdict:
    """The direct answer from the statements that cover the question's words.

    If the question names a condition, its best covering statement decides. Otherwise at least
    two statements must cover the question; each votes yes / no / depends with its score and
    the winner needs ``min_agreement`` of the votes, else "it depends".
    Example: three statements saying a straight neck on an x-ray does not prove spasm -> "no".
    """
    yn = answer_rules.yes_no
    ignore = frozenset(stems(yn.link_words))
    stem_of = {id(p): s for p, s in zip(index.passages, index.stem_sets, strict=True)}
    covering = [
        h for h in hits[: yn.pool] if coverage(query, stem_of[id(h.passage)], index.idf, ignore) >= yn.min_coverage
    ]
    votes = {id(h): claim_polarity(*_claim(h.passage, query, index, ignore), answer_rules) for h in covering}
    named = [h for h in covering if h.passage.condition in query.conditions]
    if named:
        return Verdict(votes[id(named[0])], "the best statement about the condition named", named[0])
    if len(covering) < 2:
        return Verdict("depends", "too few statements cover the whole question")
    mass: dict[Direct, float] = {}
    for h in covering:
        mass[votes[id(h)]] = mass.get(votes[id(h)], 0.0) + h.score
    best = max(mass, key=lambda v: mass[v])
    share = mass[best] / sum(mass.values())
    if share < yn.min_agreement:
        return Verdict("depends", f"the statements found differ (the largest share, {best!r}, is {share:.0%})")
    lead = next(h for h in covering if votes[id(h)] == best)
    return Verdict(best, f"{share:.0%} of the statements found (by score) say {best!r}", lead)


# --------------------------------------------------------------------------- emergencies
def emergency_flags(question: str, query: Query) -> list[str]:
    """Red flags (most urgent first) that an emergency described in the question fires.

    Findings come from nape's intake (which knows denials) plus the finding phrases the
    question names; a finding the intake reads as denied stays absent. Only red flags whose
    level is an emergency count. Example: "fever and a stiff neck" fires ``fever_stiff_neck``.
    """
    model = default_model()
    stated = {m.finding: m.present for m in parse(question).mentions}
    for fid in query.findings:
        stated.setdefault(fid, True)
    ev = Evidence.build(model.kb, stated)
    return [f.id for f in fired_red_flags(model, ev) if f.level in EMERGENCY_LEVELS]


# --------------------------------------------------------------------------- composing
def _in_scope(query: Query, hits: list[Hit], answer_rules: AnswerRules) -> bool:
    scope = answer_rules.scope
    own = set(query.own)
    if own & set(stems(scope.domain_words)) or query.findings or query.conditions:
        return True
    if own & set(stems(scope.outside_words)):
        return False
    return bool(hits) and hits[0].score >= answer_rules.retrieval.min_score


def _not_covered(kb: KnowledgeBase, answer_rules: AnswerRules) -> Answer:
    f = answer_rules.frames
    items = "; ".join(f.can_answer)
    text = f"{f.not_covered} {f.can_answer_intro} {items}.\n\n{kb.meta.triage.disclaimer}"
    return Answer(answer=text, citations=[], kind="not_covered")


def _emergency_lead(flags: list[str], kb: KnowledgeBase, cites: Cites, answer_rules: AnswerRules) -> str:
    parts = [answer_rules.frames.emergency_lead]
    for fid in flags:
        flag = kb.red_flags[fid]
        parts += cites.lines([Passage(f"red_flag/{fid}/message", flag.message, tuple(flag.sources), "red_flag")])
    parts.append(kb.meta.triage.emergency_advice)
    return " ".join(parts)


def _searched(ctx: Ctx, hits: list[Hit], yes_no: bool) -> Body:
    """The general answer: the best statements found (the deciding one first for yes/no)."""
    r = ctx.rules
    hits = [h for h in hits if h.passage.text.strip().lower() not in ctx.cites.quoted]
    chosen = choose(hits, r)
    verdict = decide(ctx.query, hits, ctx.index, r) if chosen and yes_no else None
    if verdict is not None and verdict.lead is not None:
        chosen = [verdict.lead, *[h for h in chosen if h is not verdict.lead]][: r.retrieval.max_passages]
    passages = [h.passage for h in chosen]
    if yes_no and ctx.query.conditions and passages:  # say what the condition asked about is
        named = max((ctx.kb.conditions[c] for c in ctx.query.conditions), key=lambda c: c.prior.base)
        passages.insert(1, composers.identity(named))
    body = ctx.cites.lines(passages) or [r.frames.nothing_found]
    if verdict is None:
        return Body([" ".join(body)])
    return Body([" ".join(body)], verdict.direct, verdict.basis)


def compose(ctx: Ctx, hits: list[Hit]) -> Body:
    """The body for the question's type; a general search when the type's composer finds nothing."""
    kind = question_type(ctx.question, ctx.rules)
    body: Body | None = None
    if kind == "what_is":
        body = composers.what_is(ctx)
    elif kind == "what_causes":
        body = composers.what_causes(ctx)
    elif kind == "treatment":
        body = composers.treatment(ctx)
    elif kind == "when_to_see":
        body = composers.when_to_see(ctx)
    elif kind == "test":
        body = composers.test(ctx, lambda text: polarity(text, ctx.rules))
    if body is None:
        return _searched(ctx, hits, kind == "can_does" or is_yes_no(ctx.question, ctx.rules))
    return _with_documents(ctx, body, hits)


def _with_documents(ctx: Ctx, body: Body, hits: list[Hit]) -> Body:
    """A composed answer keeps the best passages of the person's own documents, when they are
    among the best statements found for the question."""
    if not hits:
        return body
    floor = hits[0].score * ctx.rules.retrieval.min_relative_score
    docs = [h.passage for h in hits if h.passage.kind == "document" and h.score >= floor]
    lines = ctx.cites.lines(docs[: ctx.rules.compose.max_documents])
    if not lines:
        return body
    return Body([*body.paragraphs, " ".join([ctx.rules.frames.documents_intro, *lines])], body.direct, body.basis)


def ask(question: str, *, data_dir: Path | None = None) -> Answer:
    """Answer a question from the knowledge base (and ingested documents), with citations.

    Example: "Does a straight neck on my x-ray mean spasm?" -> "No. A straight cervical spine
    on x-ray does not confirm spasm or poor posture. [1] ..."
    """
    r = rules()
    kb = default_kb()
    question = check_question(question, r)
    index = index_for(data_dir)
    query = read_query(question)
    hits = index.search(query)
    flags = emergency_flags(question, query)
    if not flags and not _in_scope(query, hits, r):
        return _not_covered(kb, r)
    cites = Cites(kb, r)
    head: list[str] = [_emergency_lead(flags, kb, cites, r)] if flags else []
    body = compose(Ctx(question, query, index, kb, r, cites), hits)
    paragraphs = list(body.paragraphs)
    if body.direct is not None:
        paragraphs[0] = f"{getattr(r.frames.direct, body.direct)} {paragraphs[0]}"
    paragraphs = [*head, *paragraphs, kb.meta.triage.disclaimer]
    return Answer(
        answer="\n\n".join(paragraphs),
        citations=cites.citations,
        kind="emergency" if flags else "answer",
        direct=body.direct,
        basis=body.basis,
    )
