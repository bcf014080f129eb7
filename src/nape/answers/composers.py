"""One composer per question type: each picks knowledge-base statements for what was asked.

Example: "What diseases cause back spasms?" is a ``what_causes`` question about the finding
``back_spasm``; the composer lists the causes that give back spasm (most likely first, leaving
out the self-limiting ones because "diseases" was asked), one cited line each.

Every sentence of an answer is a stored statement (or a condition's plain name) followed by its
citation marker; only the frames of ``rules.yaml`` surround them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from nape.answers.cites import Cites
from nape.answers.index import Index, Query, kb_index
from nape.answers.kinds import _stems, cue_position
from nape.answers.passages import Passage, short_name
from nape.answers.rules import AnswerRules, PassageKind, TestKind
from nape.answers.text import sentences, stems, words
from nape.knowledge.loader import KnowledgeBase
from nape.knowledge.schema import TRIAGE_ORDER, Condition, RedFlag, Rule

EMERGENCY_LEVELS = ("emergency_ambulance", "emergency")
Direct = Literal["yes", "no", "depends"]


@dataclass(frozen=True)
class Body:
    """What a composer gives: paragraphs, and for a yes/no kind of answer the direct word."""

    paragraphs: list[str]
    direct: Direct | None = None
    basis: str | None = None


@dataclass
class Ctx:
    question: str
    query: Query
    index: Index
    kb: KnowledgeBase
    rules: AnswerRules
    cites: Cites

    @property
    def findings(self) -> list[str]:
        return list(dict.fromkeys([*self.query.findings, *self.query.loose_findings]))

    def regions(self) -> set[str]:
        seq = _stems(self.question)
        return {
            region
            for region, ws in self.rules.compose.region_words.items()
            if any(cue_position(seq, w) is not None for w in ws)
        }

    def posterior(self) -> list[tuple[str, float]]:
        """Causes by probability given the question's findings (the base shares if none)."""
        return posterior_of(tuple(self.findings))

    def subject(self, *, always: bool = False) -> Condition | None:
        """The condition asked about: one named (the most common if several), else the cause
        the question's findings point to (if clear enough, or ``always``)."""
        named = [self.kb.conditions[c] for c in self.query.conditions]
        if named:
            return max(named, key=lambda c: c.prior.base)
        regions = self.regions()
        ranked = [(c, p) for c, p in self.posterior() if _in_region(self.kb.conditions[c], regions)]
        if not ranked:
            return None
        cid, share = ranked[0]
        if always or (self.findings and share >= self.rules.compose.infer_min_share):
            return self.kb.conditions[cid]
        return None


@cache
def posterior_of(findings: tuple[str, ...]) -> list[tuple[str, float]]:
    from nape.reasoning.evidence import Evidence
    from nape.reasoning.model import default_model

    model = default_model()
    post = model.posterior(Evidence.build(model.kb, dict.fromkeys(findings, True)))
    return sorted(zip(model.conditions, (float(p) for p in post), strict=True), key=lambda cp: -cp[1])


def _in_region(cond: Condition, regions: set[str]) -> bool:
    return not regions or "both" in cond.region or bool(regions & set(cond.region))


def _list(intro: str, lines: list[str]) -> str:
    return "\n".join([intro, *(f"- {line}" for line in lines)])


def _statements(cond: Condition, kinds: Iterable[PassageKind]) -> list[Passage]:
    wanted = set(kinds)
    return [p for p in kb_index().passages if p.condition == cond.id and p.kind in wanted]


# --------------------------------------------------------------------------- what is X
def identity(cond: Condition) -> Passage:
    """What a condition is, in its plain name with its name after it: 'A squeezed nerve at the
    wrist causing numb, tingling fingers, often at night (carpal tunnel syndrome).'"""
    text = f"{cond.plain_name.rstrip('.')} ({short_name(cond)})."
    return Passage(f"{cond.id}/plain_name", text, tuple(cond.sources), "summary", cond.id)


def what_is(ctx: Ctx) -> Body | None:
    """What it is (the plain name), its main feature (the plain summary) and who gets it (the
    risk factors); for a symptom rather than a condition, what it usually means and its causes."""
    cond = ctx.subject()
    if cond is None:
        return _what_symptom_means(ctx)
    n = ctx.rules.compose.what_is_sentences
    own = tuple(cond.sources)
    parts = [identity(cond)] + [
        Passage(f"{cond.id}/summary/{i}", s, own, "summary", cond.id)
        for i, s in enumerate(sentences(cond.summary.person)[: n - 1])
    ]
    if cond.prior.risk_factors:
        factors = "; ".join(f[0].lower() + f[1:] for f in cond.prior.risk_factors)
        parts.append(Passage(f"{cond.id}/risk", f"{ctx.rules.frames.who_gets_it} {factors}.", own, "summary", cond.id))
    return Body([" ".join(ctx.cites.lines(parts))])


def _key_stem(ctx: Ctx) -> str | None:
    """The rarest of the question's own words that name its symptom ('spasm' in 'What is a
    muscle spasm?'), leaving out the body region."""
    domain = set(stems(ctx.rules.scope.domain_words))
    for fid in ctx.findings:
        domain |= set(stems(words(ctx.kb.findings[fid].label)))
    region = set(stems([w for ws in ctx.rules.compose.region_words.values() for w in ws]))
    keys = [s for s in ctx.query.own if s in domain and s not in region]
    return max(keys, key=lambda k: ctx.index.idf.get(k, 0.0)) if keys else None


def _what_symptom_means(ctx: Ctx) -> Body | None:
    """The likeliest cause's plain summary up to the sentence that speaks of the symptom, then
    the list of causes."""
    key = _key_stem(ctx)
    if key is None:
        return None
    regions = ctx.regions()
    lead: list[Passage] = []
    for cid, _ in ctx.posterior():
        cond = ctx.kb.conditions[cid]
        if not _in_region(cond, regions):
            continue
        sents = sentences(cond.summary.person)
        at = next((i for i, sent in enumerate(sents) if key in stems(words(sent))), None)
        if at is not None and at < ctx.rules.compose.what_is_sentences:
            own = tuple(cond.sources)
            lead = [Passage(f"{cid}/summary/{i}", sent, own, "summary", cid) for i, sent in enumerate(sents[: at + 1])]
            break
    if not lead:
        return None
    first = " ".join(ctx.cites.lines(lead))  # numbered before the list of causes
    causes = what_causes(ctx)
    return Body([first, *(causes.paragraphs if causes else [])])


# --------------------------------------------------------------------------- what causes X
def what_causes(ctx: Ctx) -> Body | None:
    """The causes of the symptoms asked about, most likely first, one cited line each."""
    findings = ctx.findings
    if not findings and ctx.query.conditions:
        return what_is(ctx)
    c = ctx.rules.compose
    disease = bool(set(words(ctx.question)) & set(c.disease_words))
    regions = ctx.regions()
    lines: list[Passage] = []
    top = 0.0
    for cid, share in ctx.posterior():
        cond = ctx.kb.conditions[cid]
        if share < top * c.min_cause_share:
            break
        likelihood = {lk.finding: lk.p for lk in cond.findings}
        if findings and max(likelihood.get(f, 0.0) for f in findings) < c.min_cause_likelihood:
            continue
        if (disease and cond.triage.base == "self_care") or not _in_region(cond, regions):
            continue
        top = top or share
        lines.append(identity(cond))
        if len(lines) >= c.max_causes:
            break
    if not lines:
        return None
    return Body([_list(ctx.rules.frames.causes_intro, ctx.cites.lines(lines))])


# --------------------------------------------------------------------------- treatment
def treatment(ctx: Ctx) -> Body | None:
    """The care ladder of the condition asked about (or the likeliest cause), self-care first."""
    cond = ctx.subject(always=True)
    if cond is None:
        return None
    c = ctx.rules.compose
    ladder: list[str] = list(c.care_ladder)
    if cond.triage.base in EMERGENCY_LEVELS:
        ladder = ["emergency", *ladder]
    steps = sorted((i, s) for i, s in enumerate(cond.care_plan) if s.kind in ladder)
    steps.sort(key=lambda item: ladder.index(item[1].kind))
    parts = [
        Passage(
            f"{cond.id}/care_step/{i}",
            f"{s.text} {s.limits}" if s.limits else s.text,
            tuple(s.sources),
            "care_step",
            cond.id,
        )
        for i, s in steps[: c.max_steps]
    ]
    f = ctx.rules.frames
    intro = f.emergency_care_intro if cond.triage.base in EMERGENCY_LEVELS else f.care_intro
    return Body([_list(intro, ctx.cites.lines(parts))])


# --------------------------------------------------------------------------- when to see
def _rule_findings(rules: Iterable[Rule | None]) -> set[str]:
    out: set[str] = set()
    for r in rules:
        if r is not None:
            out |= {*r.all, *r.any, *r.requires_any}
    return out


def warning_signs(ctx: Ctx, cond: Condition | None) -> list[RedFlag]:
    """The red flags most relevant to the question: weighted by how likely the causes they
    point to are, more if built on the question's own findings or the condition asked about."""
    c = ctx.rules.compose
    post = dict(ctx.posterior())
    regions: set[str] = ctx.regions() or ({str(r) for r in cond.region} - {"both"} if cond else set())
    own = set(ctx.findings)
    scored: list[tuple[float, RedFlag]] = []
    for flag in ctx.kb.red_flags.values():
        pointed = [ctx.kb.conditions[p] for p in flag.points_to if p in ctx.kb.conditions]
        if pointed and not any(_in_region(p, regions) for p in pointed):
            continue
        weight = c.urgency_weight
        score = max((post.get(p.id, 0.0) * weight.get(p.triage.base, 1.0) for p in pointed), default=1e-6)
        if flag.relevant_when is None or own & _rule_findings([flag.relevant_when]):
            score *= c.own_finding_boost  # a sign nape screens for in this story
        if own & _rule_findings(flag.when):
            score *= c.own_finding_boost
        if cond is not None and cond.id in flag.points_to:
            score *= c.own_finding_boost
        scored.append((score, flag))
    scored.sort(key=lambda sf: -sf[0])
    chosen = [f for _, f in scored[: c.max_warning_signs]]
    return sorted(chosen, key=lambda f: TRIAGE_ORDER.index(f.level))


def when_to_see(ctx: Ctx) -> Body | None:
    """Whom to see and how soon for the condition asked about (or the likeliest cause), then
    the warning signs that need help sooner."""
    cond = ctx.subject()
    usual = cond or ctx.subject(always=True)
    paragraphs: list[str] = []
    if usual is not None:
        see = Passage(f"{usual.id}/see_whom", usual.see_whom.text, tuple(usual.see_whom.sources), "see_whom", usual.id)
        first = ctx.cites.lines([see])
        paragraphs.append(" ".join([*first, ctx.kb.meta.triage.level_text[usual.triage.base]]))
    flags = [
        Passage(f"red_flag/{f.id}/message", f.message, tuple(f.sources), "red_flag") for f in warning_signs(ctx, cond)
    ]
    lines = ctx.cites.lines(flags)
    if lines:
        paragraphs.append(_list(ctx.rules.frames.warning_intro, lines))
    return Body(paragraphs) if paragraphs else None


# --------------------------------------------------------------------------- tests
def _test_kind(ctx: Ctx) -> TestKind | None:
    seq = _stems(ctx.question)
    for kind in ctx.rules.compose.tests:
        if any(cue_position(seq, w) is not None for w in kind.words):
            return kind
    return None


def _matches(p: Passage, kind: TestKind) -> bool:
    text = p.text.lower()
    return not kind.match or any(m in text for m in kind.match)


def test_statements(ctx: Ctx, kind: TestKind) -> list[Passage]:
    """Statements about the test for the condition asked about, else for the likeliest causes."""
    cond = ctx.subject()
    if cond is not None:
        own = [p for p in _statements(cond, kind.kinds) if _matches(p, kind)]
        if own:
            if len(kind.kinds) > 1:  # one of each kind first (examination, test, imaging)
                firsts = [next(p for p in own if p.kind == k) for k in kind.kinds if any(p.kind == k for p in own)]
                own = [*firsts, *(p for p in own if p not in firsts)]
            return own
    regions = ctx.regions()
    out: list[Passage] = []
    for cid, _ in ctx.posterior():
        c = ctx.kb.conditions[cid]
        if _in_region(c, regions):
            out += [p for p in _statements(c, kind.kinds) if _matches(p, kind)][:1]
    return out


def test(ctx: Ctx, polarity: Callable[[str], Direct]) -> Body | None:
    """When a test is and is not needed: statements of both kinds when there are, with a
    direct yes / no / it depends first."""
    kind = _test_kind(ctx)
    if kind is None:
        return None
    found = test_statements(ctx, kind)
    if not found:
        return None
    most = ctx.rules.compose.max_test_statements
    chosen = [found[0]]
    other = next((p for p in found[1:] if polarity(p.text) != polarity(found[0].text)), None)
    if other is not None:
        chosen.append(other)
    chosen += [p for p in found if p not in chosen][: most - len(chosen)]
    votes = {polarity(p.text) for p in chosen}
    direct: Direct = votes.pop() if len(votes) == 1 else "depends"
    basis = "the statements on this test" + (" differ" if direct == "depends" else f" say {direct!r}")
    return Body([" ".join(ctx.cites.lines(chosen))], direct, basis)
