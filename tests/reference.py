"""A plain, slow reference implementation of the differential, for property tests.

It loops over causes and findings in pure Python with no matrices or shared code paths, and
follows the rules written in docs/knowledge (under-5 priors, benign rates, common findings, causes
that exist only with a medicine or an injury).
"""

from __future__ import annotations

import math

from nape.knowledge.loader import KnowledgeBase


def reference_posterior(
    kb: KnowledgeBase, findings: dict[str, bool], age: int | None, sex: str | None
) -> dict[str, float]:
    band = None
    if age is not None:
        band = "0-15" if age <= 15 else "16-39" if age <= 39 else "40-59" if age <= 59 else "60+"
    common = kb.meta.reasoning.common_finding_p
    logs: dict[str, float] = {}
    for cid, cond in kb.conditions.items():
        like = {lk.finding: lk.p for lk in cond.findings}
        benign = cond.triage.base in ("self_care", "consultation")
        total = math.log(cond.prior.base)
        if band:
            multiplier = cond.prior.age.get(band, 1.0)  # type: ignore[call-overload]
            if age is not None and age <= 4:
                multiplier = cond.prior.age.get("0-4", multiplier)
            total += math.log(multiplier)
        if sex in ("female", "male"):
            total += math.log(cond.prior.sex.get(sex, 1.0))  # type: ignore[call-overload]
        for fid, present in findings.items():
            finding = kb.findings[fid]
            if _said_by_another(kb, findings, fid, present):
                continue
            if fid in like:
                p = like[fid]
                if present and p >= common:
                    p = max(p, finding.base_rate)  # a common symptom never counts against its cause
            elif benign and finding.benign_rate is not None:
                p = finding.benign_rate  # a serious symptom a benign cause does not produce
            else:
                p = finding.base_rate
            total += math.log(p if present else 1.0 - p)
        if cond.exists_only_with and not any(f in findings for f in cond.exists_only_with):
            total += math.log(kb.meta.reasoning.unstated_cause_factor)  # its cause left unsaid
        logs[cid] = total
    top = max(logs.values())
    z = sum(math.exp(v - top) for v in logs.values())
    return {cid: math.exp(v - top) / z for cid, v in logs.items()}


def _ancestors(kb: KnowledgeBase, fid: str) -> list[str]:
    out = []
    parent = kb.findings[fid].specialises
    while parent is not None:
        out.append(parent)
        parent = kb.findings[parent].specialises
    return out


def _said_by_another(kb: KnowledgeBase, findings: dict[str, bool], fid: str, present: bool) -> bool:
    """A broader finding present is said by a narrower one present; a narrower finding absent is
    said by a broader one absent (``specialises``)."""
    if present:
        return any(findings.get(other) is True and fid in _ancestors(kb, other) for other in findings)
    return any(findings.get(a) is False for a in _ancestors(kb, fid))
