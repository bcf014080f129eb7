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
    r"\b(neck|side|loin|flank|rib|kidney|shoulder|arm|hand|thumb|finger|leg|foot|back|buttock|hip|trap|scm|sided|c\d|l\d|s1|head|ear|eye|jaw|sciatica"
    r"|knee|ankle|elbow|wrist|jerk|reflex|biceps|triceps|slr|spurling|horner|pupil|turn|look|tilt|rotat|drop|tremor)",
    re.I,
)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
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


@cache
def _not_symptom_rx() -> tuple[re.Pattern[str], ...]:
    """(adverb after "right", movement or posture just before a side, a thing that is not a
    symptom, a symptom word), from attributes.yaml ``side``."""
    w = attributes_file().side
    adverb = re.compile(
        rf"\s+(?:{alternation(w.adverb_before)})\b(?=\s*(?:$|[^\w\s]|(?:{alternation(w.adverb_enders)})\b))", re.I
    )
    gap = rf"(?:\s+[\w']+){{0,{w.movement_gap}}}?"
    direction = rf"\s+(?:{alternation(w.direction_words)})\s+(?:(?:the|my|his|her|their)\s+)?"
    # "look left and right": the second side goes with the first
    pair = r"(?:(?:right|left|r|l)\s+(?:and|or|&|/)\s+(?:the\s+|to\s+the\s+)?)?"
    stems = alternation(w.movement_stems)
    movement = re.compile(rf"\b(?:{stems})\w*(?:{gap}{direction}|\s+(?:the\s+)?){pair}$", re.I)
    # ... or before one ("L lateral tilt", "R rotation"): the direction of the movement
    movement_after = re.compile(rf"[- ]?(?:lateral\s+|sided?\s+)?(?:{stems})", re.I)
    thing = re.compile(rf"\b(?:{alternation(w.thing_words)})\b", re.I)
    symptom = re.compile(rf"\b(?:{alternation(w.symptom_words)})\b", re.I)
    return adverb, movement, movement_after, thing, symptom


# what a side may qualify just after it: a body part named ("turns to the left arm" is unusual;
# "radiates to the left arm" is a site), so a direction is a side with none of these after it
_CLAUSE_END = re.compile(r"[.,;:\n!?()]")


def _clause(text: str, start: int, end: int) -> str:
    lo = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)), default=max(0, start - 80))
    hi = _CLAUSE_END.search(text, end, end + 80)
    return text[lo : hi.start() if hi else min(len(text), end + 80)]


def _not_a_symptom_side(text: str, m: re.Match[str]) -> bool:
    """Whether a side word names a direction of movement or posture ("head tilted to the left",
    "can't look left") or the side of a thing that is not a symptom ("an open L tibia
    fracture"): a side makes one-sided symptoms only when it says where a symptom is."""
    _adverb, movement, movement_after, thing, symptom = _not_symptom_rx()
    before = text[max(0, m.start() - 60) : m.start()]
    if movement.search(before) and not _SIDE_CONTEXT_AFTER.match(text, m.end()):
        return True
    if movement_after.match(text, m.end()):
        return True
    parts = _parts_after(text, m.end())
    if not _side_parts()[0].isdisjoint(parts):
        return True  # "my left eye", "the right side of my tummy": not the complaint's part
    clause = _clause(text, m.start(), m.end())
    if not _side_parts()[1].isdisjoint(parts) and thing.search(clause) is not None:
        return True  # "right wrist swollen and deformed, very sore": the injury's side
    # a blood pressure read in one arm ("right 120/80") is the side of a measurement too
    measured = thing.search(clause) is not None or _BP_READING.search(clause) is not None
    return measured and symptom.search(clause) is None


# the part a side names just after it: "left eye", "the left side of her tummy", "R upper
# eyelid" (the first two words after the side and its "side of my")
_PART_AFTER = re.compile(
    r"(?:[- ]?(?:sided?|hand\s+side))?(?:\s+of)?(?:\s+(?:my|his|her|their|the|your))?\s+([a-z]+)(?:\s+([a-z]+))?", re.I
)


def _parts_after(text: str, end: int) -> set[str]:
    m = _PART_AFTER.match(text, end)
    return {g.lower() for g in m.groups() if g} if m else set()


@cache
def _side_parts() -> tuple[frozenset[str], frozenset[str]]:
    w = attributes_file().side
    return frozenset(w.other_parts), frozenset(w.injury_parts)


_BP_READING = re.compile(r"(?<![\d/])(?:\d{3}|[5-9]\d)/\d{2,3}(?![\d/])")


# a body part just after a side ("to the left arm", "to the right side of my neck"): a site
_SIDE_CONTEXT_AFTER = re.compile(
    r"(?:[- ]?(?:sided?|hand\s+side))?\s+(?:of\b|(?:upper|lower|little|index|middle|ring|big)\s+)?\s*"
    r"(?:arm|hand|thumb|finger|leg|foot|feet|toe|shoulder|buttock|hip|knee|ankle|elbow|wrist|calf|thigh"
    r"|forearm|shin|chest|flank|loin|trap|scm|neck|back|jaw|ear|eye|face|cheek|temple|groin)",
    re.I,
)


def read_side(text: str) -> tuple[str | None, list[Hit]]:
    """'right', 'left', 'both' or None, and a one-side finding when a single side is named."""
    sides: dict[str, Hit] = {}
    for m in _side_fold().finditer(text):
        word = m.group(1).lower()
        if word in ("r", "l") and not text[m.start()].isupper():
            continue
        # after "the" it is the side as a noun ("sore on the right under the ribs"), never an adverb
        noun = _THE_BEFORE.search(text, max(0, m.start() - 5), m.start()) is not None
        if (
            word == "right"
            and not noun
            and (_ADVERB_AFTER.match(text, m.end()) or _not_symptom_rx()[0].match(text, m.end()))
        ):
            continue  # "tender right on the bone", "bent right back": an adverb, not a side
        if _not_a_symptom_side(text, m):
            continue
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
