"""A fall's height or its count of stairs, against the Canadian C-Spine Rule's threshold; and
falls counted over a period, a history of falling.

"fell about 2 feet off a stool", "down the last three steps", "fell 6 ft from a ladder": the
number and its unit (resources/numbers.yaml ``fall_height``) are read near a fall word. Below
the threshold the words take the dangerous mechanism away from the fall (a "wall" or "steps"
said with a small height or count is no high fall); at or above it, a fall told by its height
alone is a dangerous mechanism. Token based; linear in the text.

"three falls in the last 6 months", "has fallen 5 times since Christmas": falls counted over a
period longer than about a week are a history of falling, not an injury now (numbers.yaml
``fall_count``, ``read_fall_counts``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nape.intake.numbers import NumberHit
from nape.intake.schema import FallCount, FallHeight, numbers_file
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


# ----------------------------------------------------------------------------- falls counted over a period
@dataclass(frozen=True)
class FallHistory:
    """Falls counted over a long period: the tokens of the count and its period, the period's
    own tokens, and the findings a present reading of those words loses."""

    start: int
    end: int
    period: tuple[int, int]
    drops: tuple[str, ...]


_X_COUNT = re.compile(r"^(?:[x×]\d{1,2}|\d{1,2}[x×])$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})
# words that end what the words before a count may say of it ("she was fine in the past year and
# fell twice": the period is the fine spell's)
_BACK_STOPS = frozenset(
    {";", "and", "but", "or", "because", "so", "when", "after", "before", "then", "until", "till", "though"}
)
_CLAUSE_OPENERS = frozenset({".", "!", "?", "\n", ";", ",", ":", "(", "-"})
# tokens a period may be looked for before the start of a sentence's words, each way
_SENTENCE_REACH = 40


def _count_of(t: Tok, cfg: FallCount) -> float | None:
    m = _NUMBER.match(t.text)
    if m:
        return float(m.group(1))
    return cfg.counts.get(t.lower)


def _unit_days(toks: Sequence[Tok], k: int, cfg: FallCount) -> tuple[float, int, bool] | None:
    """The days of one of a period's unit at ``k`` ("months", "new year"), its end and whether it
    carries its own number ("3/12": three months)."""
    w = toks[k].lower
    m = _SLASH.match(w)
    if m and m.group(2) in cfg.slash_units:
        return float(m.group(1)) * cfg.slash_units[m.group(2)], k + 1, True
    if k + 1 < len(toks) and f"{w} {toks[k + 1].lower}" in cfg.units:
        return cfg.units[f"{w} {toks[k + 1].lower}"], k + 2, False
    if w in cfg.units:
        return cfg.units[w], k + 1, False
    return None


def _periods(toks: Sequence[Tok], cfg: FallCount) -> dict[int, tuple[int, int, float]]:
    """Every period of the text by its start: a unit with the leads, fillers and counts before it
    (at most ``window`` tokens), one of them a lead ("in the past 6 months", "this year", "since
    spring", "in 3/12": a date such as "on 10/12" has none). A count before a lead is not the
    period's ("falls: 3 in the past year"). Linear: each unit looks back a bounded way."""
    leads, fillers = frozenset(cfg.period_leads), frozenset(cfg.period_fillers)
    out: dict[int, tuple[int, int, float]] = {}
    k = 0
    while k < len(toks):
        unit = _unit_days(toks, k, cfg)
        if unit is None:
            k += 1
            continue
        per, end, own = unit
        a = k
        while a > 0 and k - a < cfg.window:
            w = toks[a - 1].lower
            if w in leads or w in fillers or _count_of(toks[a - 1], cfg) is not None:
                a -= 1
                continue
            break
        num, led = 1.0, False
        for t in toks[a:k]:
            if t.lower in leads:
                led, num = True, 1.0
                if t.lower in cfg.counts:
                    num = cfg.counts[t.lower]
            elif (v := _count_of(t, cfg)) is not None:
                num = v
        if led:
            # the period starts at its first lead (a count before it is the falls')
            while a < k and toks[a].lower not in leads:
                a += 1
            out[a] = (a, end, per if own else num * per)
        k = end
    return out


def _repeat_after(toks: Sequence[Tok], j: int, cfg: FallCount) -> int | None:
    """The end of a repeat starting at ``j`` after a fall verb ("twice", "3 times", "a few
    times", "on 4 occasions", "x3", "x 3", "3x"), or None."""
    n = len(toks)
    if j < n and toks[j].lower == "on":
        j += 1
    if j >= n:
        return None
    w = toks[j].lower
    if w in cfg.repeat_words or _X_COUNT.match(w):
        return j + 1
    if w in cfg.times_words and j + 1 < n and _count_of(toks[j + 1], cfg) is not None:
        return j + 2  # "x 3"
    k = j
    while k < n and k - j < 3 and (_count_of(toks[k], cfg) is not None or toks[k].lower == "of"):
        k += 1
    if k > j and k < n and toks[k].lower in cfg.times_words:
        return k + 1
    return None


def _counts(toks: Sequence[Tok], cfg: FallCount) -> list[tuple[int, int]]:
    """The falls counted in the text, by their tokens: a plural noun, or a verb with its repeat."""
    nouns, verbs, fillers = frozenset(cfg.fall_nouns), frozenset(cfg.fall_verbs), frozenset(cfg.verb_fillers)
    out: list[tuple[int, int]] = []
    for i, t in enumerate(toks):
        if t.lower in nouns:
            out.append((i, i + 1))
        elif t.lower in verbs:
            j = i + 1
            while j < len(toks) and toks[j].lower in fillers and j - i <= 2:
                j += 1
            end = _repeat_after(toks, j, cfg)
            if end is not None:
                out.append((i, end))
    return out


def _gap_ok(toks: Sequence[Tok], a: int, b: int, cfg: FallCount) -> bool:
    """Whether the tokens between a count and its period only repeat the count ("falls x2 in
    3/12", "falls (x3) this year")."""
    if b - a > 3:
        return False
    for t in toks[a:b]:
        w = t.lower
        if not (
            _X_COUNT.match(w) or w in cfg.times_words or w in ("(", ")", ":", "-") or _count_of(t, cfg) is not None
        ):
            return False
    return True


def _period_before(
    toks: Sequence[Tok], start: int, by_end: dict[int, tuple[int, int, float]], cfg: FallCount
) -> tuple[int, int, float] | None:
    """A period that opens the clause of a count after it ("In the last two years she has fallen
    four times", "Over the winter, several falls"); a comma may stand right after the period only."""
    k = start
    while k > 0 and start - k <= cfg.window:
        p = by_end.get(k)
        if p is not None:
            before = toks[p[0] - 1].lower if p[0] > 0 else "."
            return p if before in _CLAUSE_OPENERS else None
        w = toks[k - 1].lower
        if w in _SENTENCE_ENDS or w in _BACK_STOPS or (w == "," and (k - 1) not in by_end):
            return None
        k -= 1
    return None


def _recent_in_sentence(toks: Sequence[Tok], a: int, b: int, first: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether the sentence around tokens ``a``..``b`` dates a fall within days (``recent_words``);
    looked for at most ``_SENTENCE_REACH`` tokens each way."""
    lo = a
    while lo > 0 and a - lo < _SENTENCE_REACH and toks[lo - 1].lower not in _SENTENCE_ENDS:
        lo -= 1
    hi = b
    while hi < len(toks) and hi - b < _SENTENCE_REACH and toks[hi].lower not in _SENTENCE_ENDS:
        hi += 1
    for k in range(lo, hi):
        for words in first.get(toks[k].lower, ()):
            if tuple(t.lower for t in toks[k : k + len(words)]) == words:
                return True
    return False


def read_fall_counts(toks: Sequence[Tok]) -> list[FallHistory]:
    """Falls counted over a period longer than ``history_over_days``, in a sentence that dates no
    fall within days: a history of falling, whose words read no injury now. Linear in the text."""
    cfg = numbers_file().fall_count
    if cfg is None:
        return []
    counts = _counts(toks, cfg)
    if not counts:
        return []
    by_start = _periods(toks, cfg)
    if not by_start:
        return []
    by_end = {p[1]: p for p in by_start.values()}
    first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in cfg.recent_words:
        words = tuple(phrase.lower().split())
        first.setdefault(words[0], []).append(words)
    out: list[FallHistory] = []
    for start, end in counts:
        period = None
        for b in range(end, min(len(toks), end + 4)):
            p = by_start.get(b)
            if p is not None and _gap_ok(toks, end, b, cfg):
                period = p
                break
        if period is None:
            period = _period_before(toks, start, by_end, cfg)
        if period is None or period[2] <= cfg.history_over_days:
            continue
        a, b = min(start, period[0]), max(end, period[1])
        if _recent_in_sentence(toks, a, b, first):
            continue
        out.append(FallHistory(a, b, (period[0], period[1]), tuple(cfg.not_findings)))
    return out
