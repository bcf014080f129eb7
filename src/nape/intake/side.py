"""Side: "R neck pain" -> one side (right); "on both sides of my neck" -> both."""

from __future__ import annotations

import re
from functools import cache

from nape.intake.folding import Folded
from nape.intake.timing import Hit
from nape.intake.wordlists import alternation, attributes_file


@cache
def _side_rx() -> re.Pattern[str]:
    not_after = alternation(attributes_file().side.not_after_right)
    return re.compile(
        rf"\b(right|left|rt|lt|r|l|rite)(?:[- ]?(?:side|sided|hand\s+side))?\b(?!\s+(?:{not_after}|the\s+house)\b)",
        re.I,
    )


@cache
def _side_fold() -> Folded:
    return Folded(_side_rx())


# The complaint itself on both sides ("spasm on both sides of my neck"); "both legs" or
# "hyperreflexia bilaterally" describe other findings, not where the pain is.
_BOTH = re.compile(r"\b(on\s+both\s+sides|both\s+sides\s+of\s+(?:my|the|his|her)\s+(?:neck|back|head|spine))\b", re.I)
_SIDE_CONTEXT = re.compile(
    r"\b(neck|side|shoulder|arm|hand|thumb|finger|leg|foot|back|buttock|hip|trap|scm|sided|c\d|l\d|s1|head|ear|eye|jaw|sciatica"
    r"|knee|ankle|elbow|wrist|jerk|reflex|biceps|triceps|slr|spurling|horner|pupil|turn|look|tilt|rotat|drop)",
    re.I,
)


_ADVERB_AFTER = re.compile(
    r"\s+(?:on|at|through|up|down|into|in\s+the\s+middle|across|round|behind|under|above|below|between|by|next)\b",
    re.I,
)
# The same words matched case-sensitively on an ASCII window put in lower case (the same answer:
# the pattern is all lower case), several times faster: ``re.I`` keeps the engine from skipping
# an alternative by its first letter, and a window with no body word tries every alternative
# at every position ("R R R R ...").
_SIDE_CONTEXT_LOWER = re.compile(_SIDE_CONTEXT.pattern)


def _side_context(window: str) -> bool:
    if window.isascii():
        return _SIDE_CONTEXT_LOWER.search(window.lower()) is not None
    return _SIDE_CONTEXT.search(window) is not None


def read_side(text: str) -> tuple[str | None, list[Hit]]:
    """'right', 'left', 'both' or None, and a one-side finding when a single side is named."""
    sides: dict[str, Hit] = {}
    for m in _side_fold().finditer(text):
        word = m.group(1).lower()
        if word in ("r", "l") and not text[m.start()].isupper():
            continue
        if word == "right" and _ADVERB_AFTER.match(text, m.end()):
            continue  # "tender right on the bone": an adverb, not a side
        window = text[max(0, m.start() - 25) : m.end() + 30]
        if not _side_context(window) and not re.search(r"side", m.group(0), re.I):
            continue
        side = "right" if word in ("right", "rt", "r", "rite") else "left"
        sides.setdefault(side, Hit("unilateral_symptoms", True, m.start(), m.end(), text[m.start() : m.end()]))
    both = _BOTH.search(text)
    if both or len(sides) > 1:
        if both:
            return "both", [Hit("unilateral_symptoms", False, both.start(), both.end(), both.group(0))]
        return "both", []
    if sides:
        side, hit = next(iter(sides.items()))
        return side, [hit]
    return None, []
