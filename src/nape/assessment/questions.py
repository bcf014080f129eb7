"""Choose the next most useful question.

1. Red-flag screening: each red flag relevant to the presentation is asked about (its
   ``screen`` findings) until answered, most urgent flags first, up to a budget.
2. Otherwise the askable finding with the largest expected information gain (in bits) over
   the differential.
3. Stop when the leading cause is likely enough, nothing is worth asking, or the budget ends.

Example: "stiff neck" with nothing else -> first asks about fever (meningitis screen).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np

from nape.reasoning.evidence import Evidence
from nape.reasoning.model import Array, Model
from nape.triage.engine import rank
from nape.triage.rules import relevant

Why = Literal["red_flag_screen", "information_gain"]


@dataclass(frozen=True)
class Question:
    finding: str
    text: str
    why_ask: str
    answers: list[str]
    reason: Why
    red_flag: str | None = None
    information_gain: float = 0.0


def _entropy(p: Array, axis: int = 0) -> Array:
    q = np.clip(p, 1e-12, 1.0)
    return -(p * np.log2(q)).sum(axis=axis)  # type: ignore[no-any-return]


def information_gain(model: Model, posterior: Array) -> Array:
    """Expected entropy reduction for asking each finding (yes/no), over all findings.

    Vectorised: ``model.p`` is [causes, findings]; returns one value per finding.
    """
    p_yes = posterior @ model.p  # [F]
    joint_yes = posterior[:, None] * model.p  # [C, F]
    joint_no = posterior[:, None] * (1.0 - model.p)
    post_yes = joint_yes / np.clip(p_yes, 1e-12, None)
    post_no = joint_no / np.clip(1.0 - p_yes, 1e-12, None)
    h_now = float(_entropy(posterior))
    expected = p_yes * _entropy(post_yes) + (1.0 - p_yes) * _entropy(post_no)
    return h_now - expected  # type: ignore[no-any-return,unused-ignore]


@cache
def _askable_mask(model: Model) -> Array:
    return np.array([model.kb.findings[f].askable for f in model.findings], dtype=bool)


def _make(model: Model, fid: str, reason: Why, flag: str | None = None, gain: float = 0.0) -> Question:
    f = model.kb.findings[fid]
    return Question(fid, f.question, f.why_ask, list(f.answers), reason, flag, round(gain, 4))


def red_flag_question(model: Model, ev: Evidence, screened: int, fired: Collection[str]) -> Question | None:
    """The next unanswered screening question of a relevant red flag not in ``fired``."""
    if screened >= model.kb.meta.interview.max_red_flag_questions:
        return None
    flags = sorted(
        model.kb.red_flags.values(),
        key=lambda fl: (fl.relevant_when is None, rank(fl.level)),
    )
    for flag in flags:
        if flag.id in fired or not relevant(flag.relevant_when, ev):
            continue
        for fid in flag.screen:
            if fid not in ev.asked and model.kb.findings[fid].askable:
                return _make(model, fid, "red_flag_screen", flag.id)
    return None


def next_question(
    model: Model, ev: Evidence, posterior: Array, asked_count: int, screened: int, *, fired: Collection[str]
) -> Question | None:
    """The next question to ask, or None when the interview should stop.

    ``fired`` are the ids of the red flags triage found (evaluated once, by triage).
    """
    settings = model.kb.meta.interview
    if asked_count >= settings.max_questions:
        return None
    flag_q = red_flag_question(model, ev, screened, fired)
    if flag_q is not None:
        return flag_q
    if float(posterior.max()) >= settings.stop_when_top_probability:
        return None
    gain = information_gain(model, posterior)
    mask = _askable_mask(model).copy()
    for fid in ev.asked:
        mask[model.index[fid]] = False
    gain = np.where(mask, gain, -1.0)
    best = int(np.argmax(gain))
    if gain[best] < settings.min_information_gain:
        return None
    return _make(model, model.findings[best], "information_gain", gain=float(gain[best]))
