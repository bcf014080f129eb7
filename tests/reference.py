"""A plain, slow reference implementation of the differential, for property tests.

It loops over causes and findings in pure Python with no matrices or shared code paths.
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
    logs: dict[str, float] = {}
    for cid, cond in kb.conditions.items():
        like = {lk.finding: lk.p for lk in cond.findings}
        total = math.log(cond.prior.base)
        if band:
            total += math.log(cond.prior.age.get(band, 1.0))  # type: ignore[call-overload]
        if sex in ("female", "male"):
            total += math.log(cond.prior.sex.get(sex, 1.0))  # type: ignore[call-overload]
        for fid, present in findings.items():
            p = like.get(fid, kb.findings[fid].base_rate)
            total += math.log(p if present else 1.0 - p)
        logs[cid] = total
    top = max(logs.values())
    z = sum(math.exp(v - top) for v in logs.values())
    return {cid: math.exp(v - top) / z for cid, v in logs.items()}
