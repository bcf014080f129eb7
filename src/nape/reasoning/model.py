"""The differential: Bayes over one main cause, vectorised over every condition and finding.

P(cause | evidence) ∝ prior(cause, age, sex) · Π P(finding = stated value | cause).
A condition that does not list a finding uses the finding's general ``base_rate`` (neutral), except
that a benign cause (base level self_care or consultation) uses the finding's ``benign_rate`` when
one is set: serious symptoms such as weight loss, vomiting or confusion count against it. A finding
a cause lists with at least ``common_finding_p`` is one it commonly produces, so when present it
never counts against that cause (its likelihood is raised to the base rate if lower). A cause
that exists only with a medicine or an injury (``exists_only_with``) is weighed by
``unstated_cause_factor`` when the story states none of them, present or absent: a dystonic
reaction to a drug in a story that names no drug stays possible but no longer leads on the
pattern of the spasm alone.

Each finding's weight for a cause is its log-likelihood ratio against that base rate, so a
positive weight raised the cause and a negative one lowered it. Example: fever present gives
meningitis log(0.85 / 0.03) ≈ +3.3 and a muscle strain log(0.02 / 0.03) ≈ -0.4.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from nape.knowledge.loader import KnowledgeBase, default_kb
from nape.knowledge.schema import AGE_BANDS
from nape.reasoning.evidence import Evidence, age_band

Array = npt.NDArray[np.float64]

#: Causes at these base levels are "benign" for a finding's ``benign_rate``.
BENIGN_LEVELS = ("self_care", "consultation")


@dataclass(frozen=True)
class Weight:
    """How much one stated finding moved one cause (natural-log likelihood ratio)."""

    finding: str
    present: bool
    weight: float


@dataclass(frozen=True, eq=False)  # hashed by identity (used as a cache key)
class Model:
    """Matrices built once from the knowledge base; assessments only index into them."""

    kb: KnowledgeBase
    conditions: tuple[str, ...]
    findings: tuple[str, ...]
    index: dict[str, int]
    p: Array  # [C, F] P(present | cause)
    log_present: Array  # [C, F]
    log_absent: Array  # [C, F]
    llr_present: Array  # [C, F] log(p / base)
    llr_absent: Array  # [C, F] log((1-p) / (1-base))
    log_prior: Array  # [C]
    log_age: Array  # [C, bands]
    log_sex: Array  # [C, 2]
    # finding index -> the indices of the broader findings it specialises (nearest first)
    broader: dict[int, tuple[int, ...]]
    # cause index -> the finding indices one of which it cannot exist without (exists_only_with)
    needs: tuple[tuple[int, frozenset[int]], ...]
    log_unstated: float

    @staticmethod
    def build(kb: KnowledgeBase) -> Model:
        conds = tuple(sorted(kb.conditions))
        finds = tuple(sorted(kb.findings))
        index = {f: i for i, f in enumerate(finds)}
        base = np.array([kb.findings[f].base_rate for f in finds])
        p = np.tile(base, (len(conds), 1))
        benign = np.array([kb.findings[f].benign_rate or kb.findings[f].base_rate for f in finds])
        listed = np.zeros_like(p, dtype=bool)
        log_prior = np.zeros(len(conds))
        log_age = np.zeros((len(conds), len(AGE_BANDS)))
        log_sex = np.zeros((len(conds), 2))
        for ci, cid in enumerate(conds):
            cond = kb.conditions[cid]
            if cond.triage.base in BENIGN_LEVELS:
                p[ci] = benign
            for lk in cond.findings:
                p[ci, index[lk.finding]] = lk.p
                listed[ci, index[lk.finding]] = True
            log_prior[ci] = np.log(cond.prior.base)
            for bi, band in enumerate(AGE_BANDS):
                fallback = cond.prior.age.get("0-15", 1.0) if band == "0-4" else 1.0
                log_age[ci, bi] = np.log(cond.prior.age.get(band, fallback))
            log_sex[ci, 0] = np.log(cond.prior.sex.get("female", 1.0))
            log_sex[ci, 1] = np.log(cond.prior.sex.get("male", 1.0))
        # A finding a cause commonly produces never counts against it when present.
        common = listed & (p >= kb.meta.reasoning.common_finding_p)
        p_present = np.where(common, np.maximum(p, base), p)
        return Model(
            kb=kb,
            conditions=conds,
            findings=finds,
            index=index,
            p=p,
            log_present=np.log(p_present),
            log_absent=np.log1p(-p),
            llr_present=np.log(p_present / base),
            llr_absent=np.log1p(-p) - np.log1p(-base),
            log_prior=log_prior,
            log_age=log_age,
            log_sex=log_sex,
            broader=_broader(kb, index),
            needs=tuple(
                (ci, frozenset(index[f] for f in kb.conditions[cid].exists_only_with))
                for ci, cid in enumerate(conds)
                if kb.conditions[cid].exists_only_with
            ),
            log_unstated=float(np.log(kb.meta.reasoning.unstated_cause_factor)),
        )

    # ------------------------------------------------------------------ inference
    def log_prior_for(self, age: int | None, sex: str | None) -> Array:
        """Log prior per cause for this age and sex (unknowns leave the base prior)."""
        out = self.log_prior.copy()
        band = age_band(age)
        if band is not None:
            out += self.log_age[:, AGE_BANDS.index(band)]  # type: ignore[arg-type,unused-ignore]
        if sex == "female":
            out += self.log_sex[:, 0]
        elif sex == "male":
            out += self.log_sex[:, 1]
        return out

    def split(self, ev: Evidence) -> tuple[list[int], list[int]]:
        """Column indices of the findings stated present and absent, each fact counted once.

        A narrower finding present already says its broader one is (``specialises``):
        P(later pregnancy and pregnant | cause) = P(later pregnancy | cause), so "pregnant" is
        not counted again. Likewise a broader finding absent already says the narrower one is.
        Example: later_pregnancy, preterm_pregnancy and pregnant all present count as
        later_pregnancy and preterm_pregnancy, not three times over."""
        pos = [self.index[f] for f, v in ev.findings.items() if v]
        neg = [self.index[f] for f, v in ev.findings.items() if not v]
        if self.broader:
            implied = {b for i in pos for b in self.broader.get(i, ())}
            denied = set(neg)
            pos = [i for i in pos if i not in implied]
            neg = [i for i in neg if not denied.intersection(self.broader.get(i, ()))]
        return pos, neg

    def log_joint(self, ev: Evidence) -> Array:
        pos, neg = self.split(ev)
        score = self.log_prior_for(ev.age, ev.sex)
        if pos:
            score = score + self.log_present[:, pos].sum(axis=1)
        if neg:
            score = score + self.log_absent[:, neg].sum(axis=1)
        return self._unstated(score, ev)

    def _unstated(self, score: Array, ev: Evidence) -> Array:
        """Weigh down each cause whose defining medicine or injury the story leaves unsaid.

        Example: "my neck suddenly twisted to one side" names no drug, so a drug-induced
        dystonic reaction is weighed by the unstated factor; "no new medicines" is stated
        (absent) and counts through its own likelihood instead."""
        stated = {self.index[f] for f in ev.findings}
        for ci, need in self.needs:
            if stated.isdisjoint(need):
                score[ci] += self.log_unstated
        return score

    def posterior(self, ev: Evidence) -> Array:
        """Probability of each cause in ``self.conditions`` order; sums to 1."""
        score = self.log_joint(ev)
        score = score - score.max()
        prob = np.exp(score)
        return prob / prob.sum()  # type: ignore[no-any-return]

    def weights(self, ev: Evidence, condition: str) -> list[Weight]:
        """Every stated finding's weight for one cause, strongest first."""
        ci = self.conditions.index(condition)
        pos, neg = self.split(ev)
        counted = set(pos) | set(neg)
        out = []
        for fid, present in ev.findings.items():
            fi = self.index[fid]
            if fi not in counted:
                continue  # said already by a narrower or broader finding
            w = self.llr_present[ci, fi] if present else self.llr_absent[ci, fi]
            if abs(w) >= 0.05:
                out.append(Weight(fid, present, round(float(w), 3)))
        return sorted(out, key=lambda x: -abs(x.weight))


def _broader(kb: KnowledgeBase, index: dict[str, int]) -> dict[int, tuple[int, ...]]:
    """Finding index -> indices of every finding it specialises, directly or through a chain."""
    out: dict[int, tuple[int, ...]] = {}
    for fid, f in kb.findings.items():
        chain: list[int] = []
        parent = f.specialises
        while parent is not None:
            chain.append(index[parent])
            parent = kb.findings[parent].specialises
        if chain:
            out[index[fid]] = tuple(chain)
    return out


@cache
def default_model() -> Model:
    return Model.build(default_kb())
