"""A fall's height or its count of stairs, against the Canadian C-Spine Rule's threshold.

"fell about 2 feet off a stool", "down the last three steps", "fell 6 ft from a ladder": the
number and its unit (resources/numbers.yaml ``fall_height``) are read near a fall word. Below
the threshold the words take the dangerous mechanism away from the fall (a "wall" or "steps"
said with a small height or count is no high fall); at or above it, a fall told by its height
alone is a dangerous mechanism. Token based; linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nape.intake.numbers import NumberHit
from nape.intake.schema import FallHeight, numbers_file
from nape.intake.tokens import Tok

_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)$")
_FINDING = "dangerous_mechanism"


def _value(t: Tok, cfg: FallHeight) -> float | None:
    m = _NUMBER.match(t.text)
    if m:
        return float(m.group(1))
    return cfg.count_words.get(t.lower)


def _unit_at(toks: Sequence[Tok], j: int, cfg: FallHeight) -> tuple[str, float | None, int] | None:
    """The unit (a height's metres per unit, or None for stairs) starting at ``j`` and its end."""
    for width in (3, 2, 1):
        if j + width > len(toks):
            continue
        words = " ".join(t.lower for t in toks[j : j + width])
        if words in cfg.units:
            return words, cfg.units[words], j + width
        if words in cfg.stair_words:
            return words, None, j + width
    return None


def _age_sex(toks: Sequence[Tok], i: int, j: int, cfg: FallHeight) -> bool:
    """Whether the number at ``i`` and the capital letter joined to it at ``j`` are an age and
    sex in shorthand ("72M, fall from standing"), not a height in metres."""
    return j == i + 1 and toks[j].text in cfg.age_sex_letters and toks[j].start == toks[i].end


def _fall_before(toks: Sequence[Tok], i: int, cfg: FallHeight, falls: frozenset[str]) -> int | None:
    """The index of the nearest fall word before ``i`` within the window, or None."""
    for j in range(i - 1, max(-1, i - 1 - cfg.window), -1):
        if toks[j].lower in (".", "!", "?", ";"):
            return None
        if toks[j].lower in falls or (j + 1 < len(toks) and f"{toks[j].lower} {toks[j + 1].lower}" in falls):
            return j
    return None


def _fall_after(toks: Sequence[Tok], end: int, cfg: FallHeight, falls: frozenset[str]) -> bool:
    for j in range(end, min(len(toks), end + cfg.window)):
        if toks[j].lower in (".", "!", "?", ";"):
            return False
        if toks[j].lower in falls:
            return True
    return False


def _names_a_climb(toks: Sequence[Tok], i: int, climbed: frozenset[str]) -> bool:
    """Whether the sentence around ``i`` names a thing climbed (a ladder, a loft hatch): its end
    step may be its top, so no count of one is read. Bounded to 30 tokens each way."""
    for j in range(i - 1, max(-1, i - 31), -1):
        if toks[j].lower in (".", "!", "?", ";"):
            break
        if toks[j].lower in climbed or toks[j].lemma in climbed:
            return True
    for j in range(i + 1, min(len(toks), i + 31)):
        if toks[j].lower in (".", "!", "?", ";"):
            break
        if toks[j].lower in climbed or toks[j].lemma in climbed:
            return True
    return False


def _range_to(toks: Sequence[Tok], end: int, cfg: FallHeight) -> int:
    """Where a range ends when a height is its first end ("from 800 m to about 200 m": an amount
    that changed, such as a walking distance, not how far someone fell), else 0."""
    if end >= len(toks) or toks[end].lower not in ("to", "-", "–") or end < 3 or toks[end - 3].lower != "from":
        return 0
    k = end + 1
    while k < len(toks) and toks[k].lower in cfg.approx_words and k - end <= 2:
        k += 1
    if k >= len(toks) or _value(toks[k], cfg) is None:
        return 0
    unit = _unit_at(toks, k + 1, cfg)
    return unit[2] if unit is not None else k + 1


def read_fall_heights(toks: Sequence[Tok]) -> list[NumberHit]:
    """The dangerous mechanism a fall's height or stair count says: absent below the
    threshold (a span from the fall word to the unit, taking the mechanism away from the words
    in it), present at or above it."""
    cfg = numbers_file().fall_height
    if cfg is None:
        return []
    falls = frozenset(cfg.fall_words)
    fillers = frozenset(cfg.fillers)
    end_steps = frozenset(cfg.end_step_words)
    climbed = frozenset(cfg.end_step_not_with)
    out: list[NumberHit] = []
    i, n = 0, len(toks)
    while i < n:
        value = _value(toks[i], cfg)
        end_step = value is None and toks[i].lower in end_steps
        if end_step and not _names_a_climb(toks, i, climbed):
            value = 1.0
        if (
            value is not None
            and toks[i].lower in cfg.weak_counts
            and not (i > 0 and toks[i - 1].lower in cfg.approx_words)
        ):
            value = None
        if value is None:
            i += 1
            continue
        j = i + 1
        while j < n and toks[j].lower in fillers and j - i <= 3:
            j += 1
        unit = _unit_at(toks, j, cfg)
        if unit is None or _age_sex(toks, i, j, cfg):
            i += 1
            continue
        _, per, end = unit
        if end_step and per is not None:
            i += 1  # "the last foot" is no step
            continue
        past = _range_to(toks, end, cfg)
        if past:
            i = past  # "has fallen from 800 m to 200 m": an amount that went down, not a fall
            continue
        lo = _fall_before(toks, i, cfg, falls)
        if lo is None and not _fall_after(toks, end, cfg, falls):
            i = end
            continue
        start = i if lo is None else lo
        if per is None:
            dangerous = value >= cfg.dangerous_at_or_above_stairs
        else:
            dangerous = value * per >= cfg.dangerous_at_or_above_m
        out.append(NumberHit(_FINDING, dangerous, start, end))
        i = end
    return out
