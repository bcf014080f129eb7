"""What kind of question is asked, recognised from data (``question_types`` in rules.yaml).

Example::

    >>> question_type("What diseases cause back spasms?")
    'what_causes'
    >>> question_type("I was rear-ended - do I need an x-ray?")
    'test'
    >>> question_type("Can a chiropractor help?")
    'can_does'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nape.answers.rules import AnswerRules, QuestionType, rules
from nape.answers.text import stems, words

_CONTRACTION = re.compile(r"\b(what|it|that|there|who|where|how)['’]s\b", re.IGNORECASE)
SLACK = 3


def _stems(text: str) -> list[str]:
    return stems(words(_CONTRACTION.sub(r"\1 is", text)))


def cue_position(seq: Sequence[str], cue: str) -> int | None:
    """Where a cue's stems all occur, in any order, within its length plus a little slack
    (the position of the earliest), or None. Example: 'could be' in 'what could this thing be'."""
    wanted = _stems(cue)
    if not wanted:
        return None
    span = len(wanted) + SLACK + (1 if len(wanted) > 1 else 0)
    for i, s in enumerate(seq):
        if s != wanted[0]:
            continue
        window = range(max(0, i - span + 1), min(len(seq), i + span))
        places = [next((j for j in window if seq[j] == w), None) for w in wanted[1:]]
        if all(p is not None for p in places):
            return min([i, *(p for p in places if p is not None)])
    return None


def _first(seq: Sequence[str], cues: Sequence[str]) -> int | None:
    found = [p for p in (cue_position(seq, c) for c in cues) if p is not None]
    return min(found) if found else None


def question_type(question: str, answer_rules: AnswerRules | None = None) -> QuestionType:
    """The question's type: the lowest stage with a matching rule; the earliest cue within it."""
    r = answer_rules or rules()
    seq = _stems(question)
    ws = words(question)
    offers_choice = r.yes_no.alternative_word in ws
    best: tuple[int, int, QuestionType] | None = None
    for rule in r.question_types:
        if rule.starts:
            at = 0 if ws and ws[0] in rule.starts and not offers_choice else None
        else:
            at = _first(seq, rule.cues)
            if at is not None and rule.with_ and _first(seq, rule.with_) is None:
                at = None
        if at is not None and (best is None or (rule.stage, at) < best[:2]):
            best = (rule.stage, at, rule.type)
    return best[2] if best else "general"
