"""Numbers with units: temperatures (°C and °F) and a clinician's laboratory values.

Token based (no regular expression over the whole text): a number is a temperature when a
unit follows it ("39C", "101.3 F", "38.5°") or a temperature word stands a few tokens before it
("temp 36.8", "a temp of 39"), and its value is plausible for a body; at or above the fever
threshold (resources/numbers.yaml) it gives fever present, below it fever absent. A test name
followed within a few tokens by a number gives the test's finding present outside the reference
range and absent inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise

from nape.intake.schema import (
    Alcohol,
    ComaScale,
    Gestation,
    Lab,
    Residual,
    StiffnessLength,
    Temperature,
    VaccineCover,
    VomitCount,
    WeightChange,
    numbers_file,
)
from nape.intake.tokens import Tok

# a number, with thousands grouped by commas or not ("45,000", "45000"), an optional decimal
# part (a decimal comma too: "38,5") and an optional unit glued to it; a full stop the
# tokeniser left on ("102.2F.") is dropped
_NUM_UNIT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d{1,6})([.,]\d{1,3})?(°?[cfCF]|°)?\.?$")
_DEGREE = frozenset({"°", "°c", "°f", "c", "f", "degrees", "degree", "deg", "celsius", "centigrade", "fahrenheit"})


@dataclass(frozen=True)
class NumberHit:
    finding: str
    present: bool
    start: int  # token index
    end: int
    # the words name a thing, not the finding: they only take a present reading of them away
    thing: bool = False
    # the length's own words hold a denial that is part of what it says ("doesn't loosen up
    # until lunchtime" is stiffness until lunchtime): the denial is not read over it
    own_negation: bool = False


def _value(t: Tok) -> tuple[float, str | None] | None:
    m = _NUM_UNIT.match(t.text)
    if not m:
        return None
    unit = (m.group(3) or "").lower().strip("°") or None
    return float(m.group(1).replace(",", "") + (m.group(2) or "").replace(",", ".")), unit


_FORTIETHS = re.compile(r"^(\d{1,2})(?:\+\d)?/40$")


def _month_count(word: str, numbers: dict[str, int], ordinals: dict[str, int]) -> tuple[int, bool] | None:
    """How many months a word says, and whether it is the month one is in ("seventh")."""
    if word.isdigit() and len(word) == 1:
        return int(word), False
    if word in numbers:
        return numbers[word], False
    if word in ordinals:
        return ordinals[word], True
    return None


@dataclass(frozen=True)
class _Phrases:
    """Phrases matched on the text of the tokens, not on a tokenisation of the phrases (which
    would need spaCy): "i'm" is the tokens "i" and "'m" with no space between them."""

    texts: frozenset[str]
    heads: frozenset[str]  # every start of a phrase's first word: a token a phrase may begin with
    most: int  # the most tokens a phrase may take


@cache
def _words_of(phrases: tuple[str, ...]) -> _Phrases:
    texts = frozenset(" ".join(p.lower().split()) for p in phrases if p.strip())
    heads = frozenset(w[:j] for p in texts for w in [p.split(" ")[0]] for j in range(1, len(w) + 1))
    most = max((len(re.findall(r"\w+|[^\w\s]", p)) for p in texts), default=0)
    return _Phrases(texts, heads, most)


def _phrase_len(toks: Sequence[Tok], i: int, phrases: _Phrases) -> int:
    """How many tokens the longest of ``phrases`` starting at token ``i`` takes, or 0."""
    if i >= len(toks) or toks[i].lower not in phrases.heads:
        return 0
    text, best = toks[i].lower, 0
    for k in range(i, min(len(toks), i + phrases.most)):
        if k > i:
            text += (" " if toks[k].start > toks[k - 1].end else "") + toks[k].lower
        if text in phrases.texts:
            best = k - i + 1
    return best


def _phrase_ending(toks: Sequence[Tok], end: int, phrases: _Phrases) -> int | None:
    """The start of one of ``phrases`` that ends just before token ``end``, or None."""
    for a in range(max(0, end - phrases.most), end):
        if toks[a].lower in phrases.heads and _ends_at(toks, a, end, phrases):
            return a
    return None


def _ends_at(toks: Sequence[Tok], a: int, end: int, phrases: _Phrases) -> bool:
    text = toks[a].lower
    for k in range(a + 1, end):
        text += (" " if toks[k].start > toks[k - 1].end else "") + toks[k].lower
    return text in phrases.texts


_GLUED_WEEKS = re.compile(r"^(\d{1,2})([a-z]+)$")
_SENTENCE_BREAK = frozenset({".", "!", "?", "\n", ";", "...", ":"})


@dataclass(frozen=True)
class _BareWeeks:
    """A weeks count with no pregnancy word beside it, and how it is said."""

    weeks: int
    start: int
    end: int  # the token after the count (and its unit)
    kind: str  # "count" ("30 weeks"), "plus" ("29+4") or "week" ("week 33")


def _bare_counts(
    toks: Sequence[Tok], units: frozenset[str], week_words: frozenset[str], max_days: int
) -> list[_BareWeeks]:
    """Every weeks count: "30 weeks", "34wks", "29+4" (and "29+4 weeks"), "week 33"."""
    n = len(toks)
    out: list[_BareWeeks] = []
    i = 0
    while i < n:
        t = toks[i]
        low = t.lower
        glued = _GLUED_WEEKS.match(low)
        if glued and glued.group(2) in units:
            out.append(_BareWeeks(int(glued.group(1)), i, i + 1, "count"))
        elif low.isdigit() and len(low) <= 2:
            prev = toks[i - 1].lower if i else ""
            if prev in ("+", "/", "-", ".") or prev.isdigit():
                i += 1
                continue  # the days of "29+4", a range's end
            if (
                i + 2 < n
                and toks[i + 1].lower == "+"
                and toks[i + 2].lower.isdigit()
                and int(toks[i + 2].lower) <= max_days
                and len(toks[i + 2].lower) == 1
            ):
                end = i + 3
                if end < n and toks[end].lower in units:
                    end += 1
                if end < n and toks[end].lower.startswith("/"):
                    i = end
                    continue  # "29+4/40" is read with the pregnancy words
                out.append(_BareWeeks(int(low), i, end, "plus"))
                i = end
                continue
            if i + 1 < n and toks[i + 1].lower in units:
                out.append(_BareWeeks(int(low), i, i + 2, "count"))
            elif prev in week_words:
                out.append(_BareWeeks(int(low), i - 1, i + 1, "week"))
        i += 1
    return out


_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def read_gestation(
    toks: Sequence[Tok], sex: str | None = None, age: int | None = None, context: bool = False
) -> list[NumberHit]:
    """Weeks of pregnancy as findings: "34/40" or "32 weeks pregnant" -> pregnant, in the
    second half (20 weeks or more) and preterm (before 37 weeks); "39 weeks pregnant" is not
    preterm. Weeks said of the person with no pregnancy word beside them count as well (see
    numbers.yaml ``gestation``): "I'm 30 weeks", "28 weeks with twins", "29+4", a count at a
    sentence's start in a pregnancy story (``context``: a pregnancy named in the text's
    concepts). ``sex`` and ``age`` are the person's: a male person or a child has no
    gestation of their own. One pass over the tokens."""
    g = numbers_file().gestation
    if g is None:
        return []
    units, words = frozenset(g.unit_words), frozenset(g.pregnancy_words)
    # in a text that speaks of a pregnancy, "I'm 39 weeks" and "she's 34 weeks" are its weeks too
    if any(t.lower.startswith("pregnan") for t in toks):
        words = words | {"i'm", "im", "'m", "am", "she's", "at"}
    months = frozenset(g.month_words)
    approx = frozenset(g.approx_words)
    n = len(toks)
    out: list[NumberHit] = []
    taken: set[int] = set()

    def before(i: int) -> list[str]:
        """The two words before a count, rough-count words passed over ("pregnant, approx 22 wks")."""
        k = i
        while k > 0 and toks[k - 1].lower in approx:
            k -= 1
        return [x.lower for x in toks[max(0, k - 2) : i]]

    def emit(weeks: int, i: int, end: int) -> None:
        later = weeks >= g.later_from_weeks
        out.append(NumberHit("pregnant", True, i, end))
        out.append(NumberHit("later_pregnancy", later, i, end))
        out.append(NumberHit("preterm_pregnancy", later and weeks < g.term_from_weeks, i, end))
        taken.update(range(i, end))

    for i, t in enumerate(toks):
        # every form read starts with a digit, or stands before a month word ("seven months")
        if not t.text[:1].isdigit() and not (months and i + 1 < n and toks[i + 1].lower in months):
            continue
        weeks: int | None = None
        end = i + 1
        m = _FORTIETHS.match(t.text)
        if m:
            weeks = int(m.group(1))
        elif t.text.isdigit() and i + 2 < len(toks) and toks[i + 1].text == "+" and _FORTIETHS.match(toks[i + 2].text):
            weeks, end = int(t.text), i + 3  # "38+2/40"
        elif t.text.isdigit() and len(t.text) <= 2 and i + 1 < len(toks) and toks[i + 1].lower in units:
            near = before(i) + [x.lower for x in toks[i + 2 : i + 4]]
            if any(w in words for w in near):
                weeks, end = int(t.text), i + 2
        elif (o := _ORDINAL.match(t.lower)) and i + 1 < n and toks[i + 1].lower in units:
            # "in my 33rd week of pregnancy": the 33rd week is 32 weeks and some days
            near = before(i) + [x.lower for x in toks[i + 2 : i + 5]]
            if any(w in words for w in near):
                weeks, end = int(o.group(1)) - 1, i + 2
        elif months and i + 1 < n and toks[i + 1].lower in months:
            count = _month_count(t.lower, g.number_words, g.ordinal_words)
            near = [x.lower for x in toks[max(0, i - 2) : i]] + [x.lower for x in toks[i + 2 : i + 4]]
            if count is not None and any(w in words for w in near):
                whole, ordinal = count
                weeks, end = int((whole - 0.5 if ordinal else whole) * g.weeks_per_month), i + 2
        if weeks is None or not g.plausible_weeks[0] <= weeks <= g.plausible_weeks[1]:
            continue
        emit(weeks, i, end)
    if g.bare_weeks is None or sex == "male" or (age is not None and age < g.bare_min_age):
        return out
    # whether a pregnancy story's word is in the text: looked for once, when first needed
    said: list[bool] = [context] if context else []
    for b in _bare_counts(toks, units, frozenset(g.week_words), g.max_days):
        if b.start in taken or not g.bare_weeks[0] <= b.weeks <= g.bare_weeks[1]:
            continue
        if not said:
            said.append(_context_said(toks, g))
        if _bare_is_gestation(toks, b, context, said[0]):
            emit(b.weeks, b.start, b.end)
    return out


def _bare_is_gestation(toks: Sequence[Tok], b: _BareWeeks, context: bool, said: bool) -> bool:
    """Whether a weeks count with no pregnancy word beside it is said of the person's pregnancy:
    a frame of the person before it ("I'm", "she's"), a sentence's start, or "with" and a count
    of the pregnancy after it; a permitted word after it; and for a count at a sentence's start
    (or "week 33"), a pregnancy story (``said``: a word of one in the text, looked for once per
    text by the caller). See numbers.yaml ``gestation``."""
    g = numbers_file().gestation
    assert g is not None
    n = len(toks)
    if _at_sentence_start(toks, b.start - 1) and toks[b.start - 1].lower == "at":
        # "At 38 weeks my back aches ...": a point in a pregnancy story, whatever follows
        return context or said
    # what follows: the end, or one of the permitted words ("with" only before a count)
    with_count = False
    j = b.end
    if j < n:
        word = toks[j].lower
        if word not in g.follow_words:
            return False
        if word == "with":
            k = j + 1
            while (
                k < n
                and toks[k].lower in g.with_determiners
                and not _phrase_len(toks, k, _words_of(tuple(g.with_counts)))
            ):
                k += 1
            if not _phrase_len(toks, k, _words_of(tuple(g.with_counts))):
                return False
            with_count = True
        after = _words_of(tuple(g.duration_after))
        if any(_phrase_len(toks, k, after) for k in range(j, min(n, j + 1 + g.duration_after_window))) or any(
            toks[k].lower in g.duration_next for k in range(j, min(n, j + 2))
        ):
            return False  # "8 weeks and still no better", "12 weeks and counting": how long
    # what stands before: the person and a verb of being, or the start of a sentence
    k = b.start
    while k > 0 and toks[k - 1].lower in g.frame_adverbs:
        k -= 1
    if _phrase_ending(toks, k, _words_of(tuple(g.past_frames))) is not None:
        return False  # "I was 30 weeks with my first when ...": an earlier pregnancy
    if _phrase_ending(toks, k, _words_of(tuple(g.self_frames))) is not None:
        return True
    if _after_code_frame(toks, k, g):
        return True  # "G2P1 at 24 wks": a woman named by her obstetric history
    if _phrase_ending(toks, k, _words_of(tuple(g.pronoun_frames))) is not None:
        return b.weeks >= g.later_from_weeks or context or said
    prev = toks[b.start - 1].lower if b.start else ""
    first = toks[k - 1].lower if k else ""  # before the adverbs ("Only 16 weeks, ...")
    if b.kind != "week" and prev in g.duration_before:
        return False  # "for 30 weeks", "the last 12 weeks"
    if with_count:
        return True  # "34 wks with my first", "at 28 weeks with twins"
    at_start = not first or first in _SENTENCE_BREAK
    if b.kind == "plus" and (at_start or prev in ("at", "now", ",")):
        return True  # "29+4 and ...": the weeks+days notation is a gestation's own
    if not (at_start or (b.kind == "week" and prev in ("at", "in", ","))):
        return False
    if context or b.weeks >= g.later_from_weeks or (b.kind == "week" and b.weeks >= g.bare_week_min_alone):
        return True  # "36 weeks and my back ...": a length so long is not said at a sentence's start
    return said


@cache
def _code_frames(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


def _code_frame(patterns: list[str]) -> re.Pattern[str]:
    """One pattern for the gestation's code frames (numbers.yaml ``gestation.code_frames``)."""
    return _code_frames(tuple(patterns))


def _after_code_frame(toks: Sequence[Tok], k: int, g: Gestation) -> bool:
    """Whether an obstetric code ends just before token ``k`` (numbers.yaml ``gestation.code_frames``:
    "G2P1", "primip"), its count of losses ("G2P1+1") and a comma after it allowed."""
    if k > 0 and toks[k - 1].lower == ",":
        k -= 1
    if k > 2 and toks[k - 1].lower.isdigit() and toks[k - 2].lower == "+":
        k -= 2
    return k > 0 and _code_frame(g.code_frames).fullmatch(toks[k - 1].lower) is not None


def _at_sentence_start(toks: Sequence[Tok], i: int) -> bool:
    """Whether token ``i`` opens its sentence (the text's start or after a sentence break)."""
    return i == 0 or (i > 0 and toks[i - 1].lower in _SENTENCE_BREAK)


def _context_said(toks: Sequence[Tok], g: Gestation) -> bool:
    """Whether a word of a pregnancy story (numbers.yaml ``gestation.context_words``) is in the text."""
    ctx = _words_of(tuple(g.context_words))
    return any(_phrase_len(toks, q, ctx) for q in range(len(toks)))


_ABOUT = re.compile(r"^[~≈<>]?(\d{1,3})(mph|kph|kmh)?$", re.I)


def read_speeds(toks: Sequence[Tok]) -> list[NumberHit]:
    """Crash speeds below the high-speed threshold, as spans that take the dangerous mechanism
    away from the speed word: "rear-ended at ~20 mph" is not a high-energy crash. (A speed at
    or above it needs no number: "at speed", "mph" already read as high energy.)"""
    sp = numbers_file().speed
    if sp is None:
        return []
    units = {u.lower(): k for u, k in sp.units.items()}
    riders = frozenset(w.lower() for w in sp.not_with)
    out: list[NumberHit] = []
    n = len(toks)
    for i, t in enumerate(toks):
        m = _ABOUT.match(t.text) if t.text[:1].isdigit() or t.text[:1] in "~≈<>" else None
        if not m:
            continue
        unit, end = (m.group(2) or "").lower(), i + 1
        if not unit:
            for width in (3, 2, 1):  # "km / h", "miles an hour", "mph"
                if i + width < n:
                    words = [x.lower for x in toks[i + 1 : i + 1 + width]]
                    for cand in (" ".join(words), "".join(words)):
                        if cand in units:
                            unit, end = cand, i + 1 + width
                            break
                if unit:
                    break
        if unit in units and float(m.group(1)) * units[unit] < sp.high_at_or_above_kmh:
            if riders and _in_sentence(toks, i, riders):
                continue  # a bike's crash is dangerous at any speed
            out.append(NumberHit("dangerous_mechanism", False, i, end))
    return out


def _in_sentence(toks: Sequence[Tok], i: int, words: frozenset[str], reach: int = 30) -> bool:
    """Whether a word of ``words`` stands in the sentence around ``i`` (at most ``reach`` tokens
    each way)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(toks) and abs(j - i) <= reach:
            if toks[j].lower in (".", "!", "?", "\n"):
                break
            if toks[j].lower in words or toks[j].lemma in words:
                return True
            j += step
    return False


def _bare_temperature(toks: Sequence[Tok], i: int, value: float, temp: Temperature) -> float | None:
    """A number with one decimal and no unit read as a temperature (in °C), or None: "38.4
    tonight" is one, "BMI 38.5", "38.5 kg" and a lab's value are not."""
    text = toks[i].text.rstrip(".")
    if ("." not in text and "," not in text) or len(text.replace(",", ".").split(".")[1]) != 1:
        return None
    before = {t.lower for t in toks[max(0, i - 2) : i]}
    after = toks[i + 1].lower if i + 1 < len(toks) else ""
    if before & set(temp.not_before) or after in temp.not_after:
        return None
    if temp.bare_c is not None and temp.bare_c[0] <= value <= temp.bare_c[1]:
        return value
    if temp.bare_f is not None and temp.bare_f[0] <= value <= temp.bare_f[1]:
        return (value - 32) * 5 / 9
    return None


_NUM_GLUED_UNIT = re.compile(r"^(\d{1,3})([a-z]+)$")


def read_alcohol_units(toks: Sequence[Tok]) -> list[NumberHit]:
    """Units of alcohol a week ("EtOH 60 u/wk", "30 units a week", "6 units per day") against the
    low-risk limit: above it alcohol excess present, at or under it absent. An alcohol word must
    stand within the window before the number or right after the period. One pass."""
    a = numbers_file().alcohol
    if a is None:
        return []
    units, periods = frozenset(a.unit_words), a.period_words
    links, drink = frozenset(a.linking_words), frozenset(a.alcohol_words)
    out: list[NumberHit] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not (t.lower[:1].isdigit() or t.lower[:1] in "~≈>+"):
            continue  # a count starts with a digit, after these marks
        j = i + 1
        word = t.lower.lstrip("~≈>+")  # "~40 units", ">30 units"
        glued = _NUM_GLUED_UNIT.match(word)
        if glued and glued.group(2) in units:  # "20u/wk"
            count = float(glued.group(1))
        elif word.isdigit() and len(word) <= 3 and j < n and toks[j].lower in units:
            count, j = float(word), j + 1
        else:
            continue
        unit_end = j
        # the links, and what the units are of, between them and the period ("30 units of alcohol
        # a week", "10 units alcohol/day")
        while j < n and (toks[j].lower in links or toks[j].lower == "of" or toks[j].lower in drink) and j - i < 7:
            j += 1
        if j >= n or toks[j].lower not in periods:
            continue
        near = [x.lower for x in toks[max(0, i - a.window) : i]] + [x.lower for x in toks[unit_end:j]]
        near += [x.lower for x in toks[j + 1 : j + 3]]
        if not any(w in drink for w in near):
            continue
        weekly = count * periods[toks[j].lower]
        out.append(NumberHit("alcohol_excess", weekly > a.limit_units_per_week, i, j + 1))
    return out + _drinks_by_measure(toks, a)


def _drinks_by_measure(toks: Sequence[Tok], a: Alcohol) -> list[NumberHit]:
    """Drinks counted by their measure and the sessions of a week they are drunk in ("8 pints
    on a Saturday and a Sunday", "ten cans a day"), at the least units a measure holds: over
    the weekly limit is alcohol excess. Not a measure of something else ("pints of water"); at
    or under the limit says nothing (the rest of the week is not told)."""
    drink = frozenset(a.alcohol_words)
    out: list[NumberHit] = []
    n = len(toks)
    for i, t in enumerate(toks):
        word = t.lower
        count = a.count_words.get(word) or (int(word) if word.isdigit() and len(word) <= 2 else 0)
        if word in ("a", "one"):
            count = 1
        k = i + 2 if i + 2 < n and toks[i + 1].lower == "of" else i + 1  # "a couple of bottles"
        if not count or k >= n:
            continue
        measure = toks[k].lower
        j = k + 1
        size = a.size_words.get(measure)
        if size is not None and k + 1 < n:  # "3 large glasses of wine", "5 double vodkas"
            k += 1
            measure, j = toks[k].lower, k + 1
        if measure in a.bottle_words:  # "two bottles of red": by what the bottle holds
            of = j < n and toks[j].lower == "of"
            held = a.bottle_units.get(toks[j + 1 if of else j].lower, 0.0) if j + 1 < n else 0.0
            if not held:
                continue  # "a bottle of beer", "a bottle of water": no reading
            per, j = held, j + (2 if of else 1)  # "2 bottles wine/day" too
        elif measure in a.measure_units:
            per = a.measure_units[measure] * (size or 1)
            if measure in a.drink_named_measures and not (
                j + 1 < n and toks[j].lower == "of" and toks[j + 1].lower in drink
            ):
                continue  # a glass or a shot of what is not said ("a glass with dinner")
        else:
            continue
        if (
            j + 1 < n
            and toks[j].lower == "of"
            and toks[j + 1].lower not in drink
            and toks[j + 1].lower not in ("strong", "cheap", "the")
        ):
            continue  # "pints of water", "cans of coke"
        sessions: set[str] = set()
        per_week = 0
        for x in toks[j : j + 8]:
            if x.lower in _SENTENCE_END:
                break
            times = a.session_words.get(x.lower)
            if times is not None and x.lower not in sessions:
                sessions.add(x.lower)
                per_week = max(per_week, times) if times == 7 else per_week + times
        if per_week and count * per * per_week > a.limit_units_per_week:
            out.append(NumberHit("alcohol_excess", True, i, k + 1))
    return out


_SENTENCE_END = frozenset({".", "!", "?", "\n", ";"})

# a volume, with its unit glued on or not ("620", "50ml", "1.2L", "1,200mls", ">999ml", "~450cc")
_VOLUME = re.compile(r"^[~>≈<]?(\d{1,3}(?:,\d{3})+|\d{1,4})(\.\d{1,2})?([a-z]+)?$")


def _volume_at(toks: Sequence[Tok], i: int, units: dict[str, float]) -> tuple[float, int] | None:
    """The volume in ml told at token ``i`` and the token after its unit, or None: "450ml",
    "620 mL", "1.2 L" are volumes; "450" with no unit, or "3 cm", are not."""
    m = _VOLUME.match(toks[i].lower)
    if not m:
        return None
    value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
    if m.group(3):
        per = units.get(m.group(3))
        return (value * per, i + 1) if per else None
    if i + 1 < len(toks) and toks[i + 1].lower in units:
        return value * units[toks[i + 1].lower], i + 2
    return None


def _words_near(toks: Sequence[Tok], lo: int, hi: int, phrases: _Phrases) -> bool:
    """Whether a phrase of ``phrases`` starts within tokens lo..hi before a stop ("PVR 40 ml"
    yes; "bladder fine. 40 ml" no: the caller starts ``lo`` after the last stop before)."""
    for k in range(max(0, lo), min(len(toks), hi)):
        if toks[k].lower in _SENTENCE_END:
            return False
        if _phrase_len(toks, k, phrases):
            return True
    return False


_X_TIMES = re.compile(r"^(?:[x×](\d{1,2})|(\d{1,2})[x×])$")


def _count_at(toks: Sequence[Tok], k: int, v: VomitCount) -> int | None:
    """A count of times at token ``k`` ("x4", "4x", "x 4", "4 times", "several times"), or None."""
    if not 0 <= k < len(toks):
        return None
    w = toks[k].lower
    m = _X_TIMES.match(w)
    if m:
        return int(m.group(1) or m.group(2))
    nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
    if w in ("x", "×") and nxt.isdigit() and len(nxt) <= 2:
        return int(nxt)
    number = int(w) if w.isdigit() and len(w) <= 2 else v.count_words.get(w)
    if number is not None and nxt in v.times_words:
        return number
    return None


def read_vomit_count(toks: Sequence[Tok]) -> list[NumberHit]:
    """Vomiting told by a count near its word ("vomited x4", "vomiting x3 overnight", "3x vomits",
    "sick 6 times since midnight"): at or over the count of resources/numbers.yaml, the repeated
    vomiting is a loss of fluid. A bounded look each way from each vomit word."""
    v: VomitCount | None = numbers_file().vomit_count
    if v is None:
        return []
    words = _words_of(tuple(v.vomit_words))
    out: list[NumberHit] = []
    for i in range(len(toks)):
        size = _phrase_len(toks, i, words)
        if not size:
            continue
        end = i + size
        n, k = _vomit_count_near(toks, i, end, v)
        if n is not None and n >= v.min_count:
            out.append(NumberHit(v.finding, True, min(i, k), max(end, k + 1)))
    return out


_CLAUSE_MARKS = frozenset({".", "!", "?", "\n", ";", ",", ":", "(", ")"})


def _vomit_count_near(toks: Sequence[Tok], i: int, end: int, v: VomitCount) -> tuple[int | None, int]:
    """The count told of the vomit word at tokens i..end and where it stands: after the word
    within the window ("vomited x4", "vomiting x 3 overnight"), or right before it ("3x vomits"),
    never past a clause's mark ("fell x4, vomited once" counts no vomits)."""
    for k in range(end, min(len(toks), end + v.window + 1)):
        if toks[k].lower in _CLAUSE_MARKS:
            break
        if (n := _count_at(toks, k, v)) is not None:
            return n, k
    for k in range(i - 1, max(-1, i - 3), -1):
        if toks[k].lower in _CLAUSE_MARKS:
            break
        if (n := _count_at(toks, k, v)) is not None:
            return n, k
    return None, i


def read_residual(toks: Sequence[Tok]) -> list[NumberHit]:
    """A bladder's residual volume or a bladder scan's ("PVR 50 ml", "bladder scan 620 mL
    residual", "residual 400cc after voiding") against the thresholds of resources/numbers.yaml:
    at or over the retention line, bladder trouble present; at or under the normal line, absent
    (only beside a residual or scan word); between, nothing. One pass, a bounded look each way."""
    r: Residual | None = numbers_file().residual
    if r is None:
        return []
    named, drained = _words_of(tuple(r.residual_words)), _words_of(tuple(r.drained_words))
    out: list[NumberHit] = []
    for i, t in enumerate(toks):
        if not t.lower[:1].isdigit() and t.lower[:1] not in "~>≈<":
            continue
        got = _volume_at(toks, i, r.volume_units)
        if got is None:
            continue
        ml, end = got
        before = [k for k in range(i - 1, max(-1, i - 1 - r.window), -1) if toks[k].lower in _SENTENCE_END]
        lo = before[0] + 1 if before else i - r.window
        after = end + r.after_window
        by_name = _words_near(toks, lo, i, named) or _words_near(toks, end, after, named)
        if ml >= r.retention_from_ml and (
            by_name or _words_near(toks, lo, i, drained) or _words_near(toks, end, after, drained)
        ):
            out.append(NumberHit(r.finding, True, i, end))
        elif ml <= r.normal_up_to_ml and by_name:
            out.append(NumberHit(r.finding, False, i, end))
    return out


def _air(toks: Sequence[Tok], i: int, j: int, temp: Temperature) -> bool:
    """Whether an air word stands within the window of a reading (tokens i..j), in its sentence."""
    words = frozenset(temp.air_words)
    lo = i
    while lo > max(0, i - temp.air_window) and toks[lo - 1].lower not in _SENTENCE_END:
        lo -= 1
    hi = j
    while hi < min(len(toks), j + temp.air_window) and toks[hi].lower not in _SENTENCE_END:
        hi += 1
    near = [t.lower for t in (*toks[lo:i], *toks[j:hi])]
    return any(w in words for w in near) or any(f"{a} {b}" in words for a, b in pairwise(near))


def _worked_in(toks: Sequence[Tok], i: int, j: int, temp: Temperature) -> bool:
    """Whether the reading at tokens i..j is the heat of a place where someone works or exerts
    themselves: "in" or "at" just before it (numbers.yaml ``place_leads``) and work, effort or
    sweat in its sentence ("twelve-hour shifts at 39C", "harvesting in 37C heat"). A person's being
    before the preposition ("he's at 38.6C after football") makes the heat the person's."""
    if i == 0 or toks[i - 1].lower not in temp.place_leads:
        return False
    if i >= 2 and toks[i - 2].lower in temp.place_lead_person:
        return False
    effort = frozenset(temp.exertion_words) | frozenset(temp.sweat_words)
    lo, hi, n = i, j, len(toks)
    while lo > 0 and toks[lo - 1].lower not in _SENTENCE_END:
        lo -= 1
    while hi < n and toks[hi].lower not in _SENTENCE_END:
        hi += 1
    words = [x.lower for x in (*toks[lo:i], *toks[j:hi])]
    return any(w in effort for w in words) or any(
        f"{a} {b} {c}" in effort for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _degree_unit(toks: Sequence[Tok], i: int, unit: str | None) -> tuple[str | None, int]:
    """A value's unit from the degree words after it, and the index just past them: "38 C",
    "101 degrees F", "35 °C" (the unit written into the number, "38.5C", is kept). A second
    degree word after "degrees" names the scale; a bare "°" there gives ""."""
    j = i + 1
    if unit is None and j < len(toks) and toks[j].lower in _DEGREE:
        unit = toks[j].lower.strip("°") or "deg"
        if unit in ("degrees", "degree", "deg") and j + 1 < len(toks) and toks[j + 1].lower in _DEGREE:
            j += 1
            unit = toks[j].lower.strip("°")
        j += 1
    return unit, j


def read_air_heat(toks: Sequence[Tok]) -> list[NumberHit]:
    """A hot air temperature said with effort in its sentence ("working all day in 35C heat",
    "laying bricks in 32C", "it was 33 °C outside and I was gardening"): heat exposure with
    exertion (numbers.yaml ``hot_air_c``). The air's, not the body's: "in"/"at" or an air word
    by it, and no body-temperature word before it ("a temperature of 38C" is the body's)."""
    temp = numbers_file().temperature
    if temp.hot_air_c is None or not temp.exertion_finding:
        return []
    leads = frozenset(temp.hot_air_leads)
    sweat = frozenset(temp.sweat_words)
    effort = frozenset(temp.exertion_words) | sweat
    strong = frozenset(temp.words) - {"was", "of", "running", "t"}
    n = len(toks)
    out: list[NumberHit] = []
    for i, t in enumerate(toks):
        v = _value(t)
        if v is None:
            continue
        value, unit = v
        unit, j = _degree_unit(toks, i, unit)
        unit = "deg" if unit == "" else unit
        if unit in ("f", "fahrenheit") or (unit in ("degrees", "degree", "deg") and value > temp.hot_air_max_c):
            c = (value - 32) * 5 / 9
        elif unit in ("c", "celsius", "centigrade", "degrees", "degree", "deg"):
            c = value
        else:
            continue
        if not temp.hot_air_c <= c <= temp.hot_air_max_c:
            continue
        before = toks[max(0, i - temp.window) : i]
        if any(b.lower in strong or b.lower in temp.body_words for b in before):
            continue  # "a temperature of 38C", "febrile 38.6": the body's
        # bare degrees with no C or F are an angle as often as the air ("SLR positive at 40
        # deg"): they count only with an air word by them ("40 degrees outside")
        bare = unit in ("degrees", "degree", "deg")
        # bare degrees after "in" are the air a person is in ("cycled 60 miles in 33 degrees"),
        # unless an angle's words follow ("in 30 degrees of flexion")
        inside = (
            bare
            and i > 0
            and toks[i - 1].lower == "in"
            and (j >= n or toks[j].lower not in ("of", "flexion", "rotation"))
        )
        lo, hi = i, j
        while lo > 0 and toks[lo - 1].lower not in _SENTENCE_END:
            lo -= 1
        while hi < n and toks[hi].lower not in _SENTENCE_END:
            hi += 1
        words = [x.lower for x in (*toks[lo:i], *toks[j:hi])]
        # bare degrees after a lead with sweat in the sentence are the air's (an angle never
        # sweats), below a body's heat only
        sweaty = (
            bare
            and i > 0
            and toks[i - 1].lower in leads
            and (j >= n or toks[j].lower not in ("of", "flexion", "rotation"))
            and c < (temp.unnamed_min_c or 36.0)
            and any(w in sweat for w in words)
        )
        # a heat in C or F below any living body's, with sweat in its sentence, is the air's too
        # ("roofer, 32C all day, sweating buckets"): no lead word is needed
        named_cool = not bare and c < (temp.unnamed_min_c or 36.0) and any(w in sweat for w in words)
        # bare degrees above any living body's heat, with no angle's word in the sentence, are
        # the air's ("on the site, 46 degree, ..."): no body is that hot
        angle = frozenset(temp.angle_words)
        beyond = (
            bare
            and c > temp.plausible_c[1]
            and not any(w in angle for w in words)
            and not any(f"{a} {b}" in angle for a, b in pairwise(words))
        )
        led = i > 0 and toks[i - 1].lower in leads and (not bare or inside)
        if led and i >= 2 and toks[i - 1].lower in temp.place_leads and toks[i - 2].lower in temp.place_lead_person:
            led = False  # "he's at 38.6C after football": the person at that heat, a body's
        if not (led or sweaty or named_cool or beyond or _air(toks, i, j, temp)):
            continue
        if any(w in effort for w in words) or any(
            f"{a} {b} {c_}" in effort for a, b, c_ in zip(words, words[1:], words[2:], strict=False)
        ):
            out.append(NumberHit(temp.exertion_finding, True, i, j))
    return out


_BP = re.compile(r"^(\d{2,3})/(\d{2,3})$")
_SYSTOLIC = re.compile(r"^(\d{2,3})$")  # a systolic pressure alone, read only where a pressure is named


def _side_words(
    toks: Sequence[Tok], i: int, step: int, reach: int, claimed: set[int], skip: frozenset[str]
) -> dict[int, int]:
    """The tokens within ``reach`` of token ``i`` one way (``step``), by their distance, the
    words of ``skip`` ("arm") not counted; a sentence's end stops the search, a claimed side
    word is passed over."""
    out: dict[int, int] = {}
    d = 0
    k = i + step
    while 0 <= k < len(toks) and toks[k].lower not in _SENTENCE_END:
        if toks[k].lower not in skip:
            d += 1
            if d > reach:
                break
            if k not in claimed:
                out[d] = k
        k += step
        if abs(k - i) > 2 * reach + 2:
            break
    return out


_NOT_SYSTOLIC_AFTER = frozenset(
    {
        "cm",
        "mm",
        "kg",
        "kgs",
        "mg",
        "ml",
        "g",
        "years",
        "year",
        "yrs",
        "yr",
        "y",
        "yo",
        "degrees",
        "°",
        "%",
        "bpm",
        "beats",
        "lbs",
        "lb",
        "mins",
        "min",
        "minutes",
        "hours",
        "hrs",
        "days",
        "weeks",
        "months",
        "times",
        "x",
        "metres",
        "meters",
        "m",
        "miles",
        "km",
        "steps",
        "percent",
        "per",
    }
)
_NOT_SYSTOLIC_BEFORE = frozenset(
    {"aged", "age", "hr", "pulse", "sats", "spo2", "rr", "rate", "weight", "weighs", "height", "diastolic", "over"}
)


def _other_measure(toks: Sequence[Tok], i: int) -> bool:
    """Whether a bare number at ``i`` is plainly some other measure: a unit or time after it
    ("170 cm", "150 bpm") or another measure's name before it ("aged 70", "pulse 130")."""
    after = toks[i + 1].lower if i + 1 < len(toks) else ""
    before = toks[i - 1].lower if i > 0 else ""
    return after in _NOT_SYSTOLIC_AFTER or before in _NOT_SYSTOLIC_BEFORE


def read_arm_pressure(toks: Sequence[Tok]) -> list[NumberHit]:
    """Blood pressure taken in both arms in one sentence (numbers.yaml ``arm_pressure``): each
    reading takes the arm named nearest it (within ``reach`` tokens, its own side first), and a
    right and a left reading whose systolic values differ by more than ``over_mmhg`` give the
    finding present, by no more than that absent."""
    cfg = numbers_file().arm_pressure
    if cfg is None:
        return []
    right, left = frozenset(cfg.right_words), frozenset(cfg.left_words)
    nouns = frozenset(cfg.arm_nouns)
    lo_ok, hi_ok = cfg.plausible_systolic
    readings: list[tuple[int, float, str]] = []  # token, systolic, arm
    claimed: set[int] = set()
    # the sentences that name a pressure: there a single whole number is a systolic reading
    pressure_sentences: set[int] = set()
    sentence: list[int] = []
    s = 0
    pressure_at = frozenset(_phrase_starts(toks, cfg.pressure_words)) if cfg.pressure_words else frozenset()
    for q, t in enumerate(toks):
        sentence.append(s)
        if q in pressure_at:
            pressure_sentences.add(s)
        if t.lower in _SENTENCE_END:
            s += 1
    for i, t in enumerate(toks):
        m = _BP.match(t.text)
        if not m and sentence[i] in pressure_sentences and _SYSTOLIC.match(t.text) and not _other_measure(toks, i):
            m = _SYSTOLIC.match(t.text)
        if not m or not lo_ok <= float(m.group(1)) <= hi_ok:
            continue
        arm = ""
        # the side words nearest the reading each way; the word "arm" does not count in the
        # distance ("right arm 150/90 left arm 142/88": each reading's side is the one before it)
        back = _side_words(toks, i, -1, cfg.reach, claimed, nouns)
        ahead = _side_words(toks, i, 1, cfg.reach, claimed, nouns)
        for d in range(1, cfg.reach + 1):
            for k in (back.get(d), ahead.get(d)):
                if arm or k is None:
                    continue  # a side word taken by the reading before is not this one's
                arm = "r" if toks[k].lower in right else "l" if toks[k].lower in left else ""
                if arm:
                    claimed.add(k)
            if arm:
                break
        if arm:
            readings.append((i, float(m.group(1)), arm))
    out: list[NumberHit] = []
    for (i, a, arm_a), (j, b, arm_b) in pairwise(readings):
        if arm_a == arm_b or any(toks[k].lower in _SENTENCE_END for k in range(i, j)):
            continue
        out.append(NumberHit(cfg.finding, abs(a - b) > cfg.over_mmhg, i, j + 1))
    return out


def read_mouth_opening(toks: Sequence[Tok]) -> list[NumberHit]:
    """The mouth's opening measured (numbers.yaml ``mouth_opening``): a length in millimetres or
    centimetres ("opens about 1 cm", "mouth opening 15mm") or a count of fingers ("a finger's
    width", "three fingers fit") in a sentence that names the mouth, jaw or teeth within
    ``window`` tokens. At or below the cut-off trismus is present, at or above a normal opening
    absent; between them nothing. One pass over the text."""
    cfg = numbers_file().mouth_opening
    if cfg is None:
        return []
    mouth, fingers = frozenset(cfg.mouth_words), frozenset(cfg.finger_words)
    opening = frozenset(cfg.open_words)
    n = len(toks)
    out: list[NumberHit] = []
    for i, t in enumerate(toks):
        low = t.lower
        mm: float | None = None
        start = i
        if low in fingers and i > 0:
            k = i - 1
            if toks[k].lower in ("the", "my", "of") and k > 0:
                k -= 1
            count = cfg.counts.get(toks[k].lower)
            if count is not None:
                mm, start = count * cfg.finger_mm, k
        elif low in cfg.units_mm and i > 0:
            v = _value(toks[i - 1]) if toks[i - 1].text[:1].isdigit() else None
            if v is not None and v[1] is None:
                mm, start = v[0] * cfg.units_mm[low], i - 1
        if mm is None or mm <= 0:
            continue
        lo, hi = max(0, start - cfg.window), min(n, i + 1 + cfg.window)
        near = [k for k in range(lo, hi) if toks[k].lower in mouth or toks[k].lower in opening]
        if not any(toks[k].lower in mouth for k in near) or not any(toks[k].lower in opening for k in near):
            continue
        if any(toks[k].lower in _SENTENCE_END for k in range(min(near[0], start), max(near[-1], i))):
            continue
        if mm <= cfg.at_most_mm:
            out.append(NumberHit(cfg.finding, True, start, i + 1))
        elif mm >= cfg.normal_from_mm:
            out.append(NumberHit(cfg.finding, False, start, i + 1))
    return out


def read_numbers(toks: Sequence[Tok]) -> list[NumberHit]:
    cfg = numbers_file()
    temp = cfg.temperature
    temp_words = frozenset(temp.words)
    not_before_words = frozenset(temp.not_before)
    strong_temp_words = temp_words - {"was", "of", "running", "t"}
    lab_not_after = frozenset(cfg.lab_not_after)
    lab_names: dict[str, tuple[str, Lab]] = {}
    for name, lab in cfg.labs.items():
        for lab_name in lab.names:
            lab_names[lab_name.lower()] = (name, lab)
    out: list[NumberHit] = []
    n = len(toks)
    for i, t in enumerate(toks):
        v = _value(t) if t.text[:1].isdigit() else None  # a value starts with a digit
        if v is None:
            continue
        value, unit = v
        unit, j = _degree_unit(toks, i, unit)
        before = _same_sentence(toks[max(0, i - temp.window) : i])
        # "No fever. Age 38", "no fever, 38 years old": the number is someone's age or a length
        after = toks[j].lower if j < n else ""
        own = {b.lower for b in before[-2:]}
        named = any(b.lower in strong_temp_words for b in before) and not (
            own & not_before_words or (unit is None and after in temp.not_after)
        )
        celsius = temp.plausible_c[0] <= value <= temp.plausible_c[1]
        fahrenheit = temp.plausible_f[0] <= value <= temp.plausible_f[1]
        is_temp = False
        if unit in ("c", "celsius", "centigrade") and celsius:
            c = value
            is_temp = True
        elif unit in ("f", "fahrenheit") and fahrenheit:
            c = (value - 32) * 5 / 9
            is_temp = True
        elif named and unit not in ("c", "f") and (celsius or fahrenheit):
            c = value if celsius else (value - 32) * 5 / 9
            is_temp = True
        elif (
            unit is None
            and not any(toks[k].lower in lab_names for k in range(max(0, i - cfg.window), i))
            and (bare := _bare_temperature(toks, i, value, temp)) is not None
        ):
            c = bare
            is_temp = True
        if is_temp:
            body = any(b.lower in temp.body_words for b in before)
            low_unnamed = not named and temp.unnamed_min_c is not None and c < temp.unnamed_min_c
            if (not body and _air(toks, i, j, temp)) or low_unnamed:
                continue  # the weather or a room ("30 degrees outside"), not the body
            if not body and not named and unit in ("c", "f", "celsius", "fahrenheit") and _worked_in(toks, i, j, temp):
                continue  # the heat of a place worked in ("twelve-hour shifts at 38C"), not the body
            out.append(NumberHit("fever", c >= temp.fever_at_or_above_c, max(0, i - 1) if named else i, j))
            continue
        # a laboratory value: the nearest test name within the window before it
        for k in range(i - 1, max(-1, i - 1 - cfg.window), -1):
            if k < i - 1 and _value(toks[k + 1]) is not None:
                break  # a test's value is the first number after its name ("CA 19-9" is no 9)
            hit = lab_names.get(toks[k].lower)
            if hit is None and k > 0:
                hit = lab_names.get(f"{toks[k - 1].lower} {toks[k].lower}")
            if hit is None:
                continue
            name, lab = hit
            if len(toks[k].lower) == 1 and "." not in t.text:
                break  # "K 3.1" is potassium, "5k 3 times" is not
            if j < n and toks[j].lower in lab_not_after:
                break  # "ca 3 years ago": a time, not a value
            x = value
            for lo, hi, factor in lab.alt_scale:
                if lo <= x <= hi:
                    x *= factor
                    break
            if lab.plausible is not None and not lab.plausible[0] <= x <= lab.plausible[1]:
                break  # "prostate ca treated 2018": a year, not a calcium
            if lab.low is not None and x < lab.low and lab.finding_low:
                out.append(NumberHit(lab.finding_low, True, k, i + 1))
            elif lab.high is not None and x > lab.high and lab.finding_high:
                out.append(NumberHit(lab.finding_high, True, k, i + 1))
            else:
                for f in {lab.finding_low, lab.finding_high} - {None}:
                    out.append(NumberHit(str(f), False, k, i + 1))
            break
    return out


_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "\n"})


def _same_sentence(before: Sequence[Tok]) -> Sequence[Tok]:
    """The words of ``before`` after its last sentence end: "No fever. Age 38" names no
    temperature for the 38."""
    for k in range(len(before) - 1, -1, -1):
        if before[k].lower in _SENTENCE_ENDS or (before[k].text.endswith((".", "!", "?")) and len(before[k].text) > 1):
            return before[k + 1 :]
    return before


_RANGE = re.compile(r"^(\d{1,3})[-–](\d{1,3})$")
_SHORT_NUMBER = re.compile(r"\d{1,3}(\.\d)?")


def _phrase_starts(toks: Sequence[Tok], phrases: Sequence[str]) -> list[int]:
    """Positions where one of ``phrases`` starts (matched as ``_phrase_len`` matches them)."""
    words = _words_of(tuple(phrases))
    heads = words.heads  # a token no phrase begins with is passed over without a call
    return [i for i, t in enumerate(toks) if t.lower in heads and _phrase_len(toks, i, words)]


def _length_at(
    toks: Sequence[Tok], i: int, units: dict[str, float], numbers: dict[str, float]
) -> tuple[float, int] | None:
    """A length of time starting at token ``i``, in minutes, and the token after it: "10 min",
    "5mins", "10-15 minutes" (the upper end), "an hour", "a couple of minutes"."""
    n = len(toks)
    word = toks[i].lower.lstrip("~≈")  # "~90 min"
    if not word[:1].isdecimal() and word not in numbers:
        return None  # each form below opens with a digit (``\d``: a decimal digit)
    glued = _NUM_GLUED_UNIT.match(word)
    if glued and glued.group(2) in units and not _sex_mark(toks[i].text[len(glued.group(1)) :]):
        return float(glued.group(1)) * units[glued.group(2)], i + 1
    rng = _RANGE.match(word)
    if rng:
        value = float(rng.group(2))
    elif _SHORT_NUMBER.fullmatch(word):
        value = float(word)
    elif word in numbers:
        value = numbers[word]
    else:
        return None
    j = i + 1
    if j < n and toks[j].lower == "of":  # "a couple of minutes"
        j += 1
    if j < n and toks[j].lower in ("good", "full", "solid", "whole", "clear"):  # "a good hour", "two full hours"
        j += 1
    if j < n and toks[j].lower in units and not _sex_mark(toks[j].text):
        return value * units[toks[j].lower], j + 1
    return None


def _sex_mark(unit: str) -> bool:
    """A capital M or F after an age ("27M", "64 F") is the person's sex, not minutes."""
    return unit in ("M", "F")


def _combined_at(toks: Sequence[Tok], cfg: StiffnessLength, sentence: Sequence[int]) -> list[int]:
    """Where a short form saying both stiffness and the morning stands ("EMS 2 hrs"): in
    capitals, a length within ``combined_reach`` tokens after it, and no word of the ambulance
    service in its sentence."""
    words = frozenset(cfg.combined_words)
    if not words:
        return []
    out = []
    barred: set[int] | None = None  # the sentences with a word of the ambulance service, found once
    for i, t in enumerate(toks):
        if t.lower not in words or not t.text.isupper():
            continue
        if not any(
            _length_at(toks, j, cfg.unit_minutes, cfg.number_words) is not None
            for j in range(i + 1, min(len(toks), i + 1 + cfg.combined_reach))
        ):
            continue
        if barred is None:
            not_words = _words_of(tuple(cfg.combined_not))
            barred = {sentence[q] for q in range(len(toks)) if _phrase_len(toks, q, not_words)}
        if sentence[i] in barred:
            continue
        out.append(i)
    return out


def _until_lengths(
    toks: Sequence[Tok],
    cfg: StiffnessLength,
    sentence: Sequence[int],
    stiff: Sequence[int],
    morning: Sequence[int],
    loosen: Sequence[int] = (),
) -> tuple[list[NumberHit], set[int]]:
    """Stiffness in the morning that lasts "until" a time of day ("stiff every morning till
    lunchtime": long) or "until" a length has passed ("until I've been up a couple of hours": that
    length). A stiffness word within the window before the "until", a morning word in its
    sentence. A loosening denied just before the "until" ("doesn't free up till lunchtime") is
    the stiffness lasting till then: its denial is the hit's own. Returns the hits and the tokens
    where the lengths read start."""
    out: list[NumberHit] = []
    used: set[int] = set()
    until, ends = _words_of(tuple(cfg.until_words)), _words_of(tuple(cfg.clock_ends))
    if not until:
        return out, used
    n = len(toks)
    for u in range(n):
        width = _phrase_len(toks, u, until)
        if not width:
            continue
        near_stiff = [
            p
            for p in stiff
            if sentence[p] == sentence[u]
            and 0 <= u - p <= cfg.window
            and not any(toks[q].lower in cfg.until_breaks for q in range(p + 1, u))
        ]
        near_morning = [p for p in morning if sentence[p] == sentence[u]]
        if not near_stiff:
            continue
        first = min([*near_stiff, *near_morning])
        own = any(
            p in loosen and any(toks[q].lower in ("not", "n't", "nt", "never") for q in range(max(0, p - 2), p))
            for p in near_stiff
        )
        j = u + width
        while j < n and toks[j].lower in ("about", "around", "roughly", "the", "at", "least", "well", "into"):
            j += 1
        end_width = _phrase_len(toks, j, ends) if j < n else 0
        if end_width:  # "stiff until lunchtime": from waking, hours
            out.append(NumberHit(cfg.finding, True, first, j + end_width, own_negation=own))
            continue
        if not near_morning:
            continue
        for k in range(u + width, min(n, u + width + cfg.until_reach)):
            if sentence[k] != sentence[u] or toks[k].lower in (",", "but", "then"):
                break
            got = _length_at(toks, k, cfg.unit_minutes, cfg.number_words)
            if got is None:
                continue
            minutes, end = got
            if k > 0 and toks[k - 1].lower in cfg.fraction_words:
                minutes *= cfg.fraction_words[toks[k - 1].lower]
            used.add(k)
            if minutes != cfg.long_over_minutes:
                out.append(NumberHit(cfg.finding, minutes > cfg.long_over_minutes, first, end, own_negation=own))
            break
    return out, used


def _any_within(sorted_pos: Sequence[int], lo: int, hi: int, sentence: Sequence[int], sent: int) -> bool:
    """Whether a position of ``sorted_pos`` lies in ``lo..hi`` and in sentence ``sent`` (a
    binary search: the cost stays linear over the loosening words)."""
    k = bisect_left(sorted_pos, lo)
    while k < len(sorted_pos) and sorted_pos[k] <= hi:
        if sentence[sorted_pos[k]] == sent:
            return True
        k += 1
    return False


def _long_without_count(
    toks: Sequence[Tok], cfg: StiffnessLength, sentence: Sequence[int], stiff: Sequence[int], morning: Sequence[int]
) -> list[NumberHit]:
    """A long time told without a count ("stiff for ages first thing"): long, with a stiffness
    word and a morning word within the window and no break between the time and the morning."""
    out: list[NumberHit] = []
    words = _words_of(tuple(cfg.long_words))
    stiff_sorted = sorted(stiff)
    breaks = frozenset((",", ";", ".", "!", "?", "but", "and", "then"))
    for i in _phrase_starts(toks, cfg.long_words):
        end = i + _phrase_len(toks, i, words)
        lo, hi = i - cfg.window, end + cfg.window
        k = bisect_left(morning, lo)
        near_m = [p for p in morning[k : k + 2 * cfg.window] if p <= hi and sentence[p] == sentence[i]]
        # no break between the long time and its morning word
        near_m = [p for p in near_m if not any(toks[q].lower in breaks for q in range(min(p, end), max(p, i)))]
        if not near_m or not _any_within(stiff_sorted, lo, hi, sentence, sentence[i]):
            continue
        out.append(NumberHit(cfg.finding, True, min(i, *near_m), max(end, *(p + 1 for p in near_m))))
    return out


def read_stiffness_length(toks: Sequence[Tok]) -> list[NumberHit]:
    """How long morning stiffness lasts (resources/numbers.yaml `stiffness_length`): over the
    threshold the long form is present, under it absent ("AM stiffness 10 min only", "stiff for
    two hours each morning"). A stiffness word and a morning word must stand within the window
    of the length in its sentence. A hit's span runs from the first of those words to the end
    of the length, so a denial can drop the long form's own phrase inside it. One pass."""
    cfg = numbers_file().stiffness_length
    if cfg is None:
        return []
    n = len(toks)
    stiff = _phrase_starts(toks, cfg.stiffness_words)
    sentence: list[int] = []
    s = 0
    for t in toks:
        sentence.append(s)
        if t.lower in (".", "!", "?", ";", "\n"):
            s += 1
    loosen: list[int] = []
    not_words = sorted(_phrase_starts(toks, cfg.loosen_not)) if cfg.stiff_reach else []
    if cfg.loosen_words:  # "takes an hour to loosen up in the mornings": the stiffness's own end
        if cfg.loosen_not_reach:  # a pain or a medicine near the loosening: its easing
            near_not = sorted(_phrase_starts(toks, cfg.loosen_not))
            reach = cfg.loosen_not_reach
            loosen = [
                p
                for p in _phrase_starts(toks, cfg.loosen_words)
                if not _any_within(near_not, p - reach, p + reach, sentence, sentence[p])
            ]
        else:
            other = {sentence[p] for p in _phrase_starts(toks, cfg.loosen_not)}
            loosen = [p for p in _phrase_starts(toks, cfg.loosen_words) if sentence[p] not in other]
        stiff += loosen
    combined = _combined_at(toks, cfg, sentence)
    stiff += combined
    if not stiff:  # most texts name no stiffness
        return []
    stiff_set = frozenset(stiff)
    morning = _phrase_starts(toks, cfg.morning_words) + combined
    abbrevs = frozenset(a.lower() for a in cfg.morning_abbreviations)
    morning += [
        i
        for i, t in enumerate(toks)
        # "AM stiffness", "a.m. stiffness"; not "I am stiff"
        if t.lower in abbrevs
        and (t.text.isupper() or "." in t.text or (i + 1 in stiff_set and (i == 0 or toks[i - 1].lower != "i")))
    ]
    out, used = _until_lengths(toks, cfg, sentence, stiff, morning, loosen)
    if not morning:
        return out
    morning_set = frozenset(morning)
    if cfg.long_words:
        out += _long_without_count(toks, cfg, sentence, stiff, sorted(morning))
    less = frozenset(_phrase_starts(toks, cfg.less_words))
    more = frozenset(_phrase_starts(toks, cfg.more_words))
    not_after = frozenset(_phrase_starts(toks, cfg.not_after))
    i = 0
    while i < n:
        got = _length_at(toks, i, cfg.unit_minutes, cfg.number_words)
        if got is None or i in used:
            i += 1
            continue
        minutes, end = got
        start = i
        if i > 0 and toks[i - 1].lower in cfg.fraction_words:  # "half an hour"
            minutes *= cfg.fraction_words[toks[i - 1].lower]
            start = i - 1
        i = end
        if any(p in not_after for p in range(end, end + 3)):
            continue  # "20 minutes ago", "8 hours of sleep", "10 minutes after sitting"
        near = [p for p in (*stiff, *morning) if sentence[p] == sentence[start] and abs(p - start) <= cfg.window]
        if (not any(p in stiff_set for p in near) or not any(p in morning_set for p in near)) and cfg.loosen_reach:
            # the time to loosen, told around its length ("an hour after I get out of bed before
            # my back loosens"): the loosening and the morning may stand further off
            near = [
                p for p in (*loosen, *morning) if sentence[p] == sentence[start] and abs(p - start) <= cfg.loosen_reach
            ]
            if not any(p in morning_set for p in near):
                near = []
        if cfg.stiff_reach and not any(p in stiff_set for p in near) and any(p in morning_set for p in near):
            # the stiffness named first, its sites listed before the morning and the length
            # (no pain or medicine between: "stiff neck, woke at 3am and the pain lasted two
            # hours" is the pain's length)
            stiff_before = [
                p
                for p in stiff
                if sentence[p] == sentence[start]
                and 0 < start - p <= cfg.stiff_reach
                and not _any_within(not_words, p + 1, start - 1, sentence, sentence[start])
            ]
            near = [*near, *stiff_before[-1:]]
        if not any(p in stiff_set for p in near) or not any(p in morning_set for p in near):
            continue
        bound_less = any(p in less for p in range(max(0, start - 3), start))
        bound_more = any(p in more for p in range(max(0, start - 3), start))
        limit = cfg.long_over_minutes
        if bound_less and not bound_more:
            present = None if minutes > limit else False
        elif bound_more and not bound_less:
            present = True if minutes >= limit else None
        elif bound_less or bound_more:
            present = None
        else:
            present = None if minutes == limit else minutes > limit
        if present is not None:
            out.append(NumberHit(cfg.finding, present, min(start, *near), max(end, *(p + 1 for p in near))))
    return out


def _years_back_at(toks: Sequence[Tok], j: int, cover: VaccineCover, this_year: int) -> tuple[float, int] | None:
    """How many years back the time starting at token ``j`` lies, and the token after it: a year
    ("2019"), a count of units before an "ago" word ("3 years ago", "six months back") or a time
    word of a known distance ("last year")."""
    word = toks[j].lower
    if len(word) == 4 and word.isdigit():
        year = int(word)
        if this_year - cover.year_span <= year <= this_year:
            return float(this_year - year), j + 1
        return None
    if j + 1 < len(toks):
        pair = f"{word} {toks[j + 1].lower}"
        if pair in cover.fixed_points:
            return cover.fixed_points[pair], j + 2
    if j + 2 < len(toks):
        count = cover.number_words.get(word)
        if count is None and word.replace(".", "", 1).isdigit():
            count = float(word)
        unit = cover.unit_years.get(toks[j + 1].lower)
        if count is not None and unit is not None and toks[j + 2].lower in cover.ago_words:
            return count * unit, j + 3
    return None


def read_vaccine_cover(toks: Sequence[Tok], today: date | None = None) -> list[NumberHit]:
    """When the last tetanus jab was, against today's date (numbers.yaml ``vaccine_cover``): a
    jab within the interval of cover reads the out-of-date finding absent, an older one present.
    ``today`` is the date the text is read on (the clock's when not given)."""
    cover = numbers_file().vaccine_cover
    if cover is None:
        return []
    specific, generic, stops = _cover_words()
    jabs = [i for i, t in enumerate(toks) if t.lower in specific]
    if not jabs:
        return []
    named = set(jabs)
    for i, t in enumerate(toks):
        if t.lower in generic and any(
            0 < i - k <= cover.near and not any(toks[x].lower in stops for x in range(k + 1, i)) for k in jabs
        ):
            named.add(i)  # "tetanus up to date (booster 2019)"; not "a flu jab last year, and tetanus?"
    this_year = (today or date.today()).year
    out: list[NumberHit] = []
    done = -1
    for i in sorted(named):
        if i <= done:
            continue
        found = _cover_time(toks, i, cover, stops, this_year)
        if found is None:
            continue
        years, a, b = found
        out.append(NumberHit(cover.finding, years >= cover.cover_years, min(a, i), max(b, i + 1)))
        done = max(b, i + 1)
    return out


def _cover_time(
    toks: Sequence[Tok], i: int, cover: VaccineCover, stops: frozenset[str], this_year: int
) -> tuple[float, int, int] | None:
    """The time said of the jab word at ``i``: forward first, then back, within the window and
    not across a stop word (nor, looking back, a comma). Returns (years back, first token, end token)."""
    for j in range(i + 1, min(len(toks), i + 1 + cover.window)):
        if toks[j].lower in stops:
            break
        got = _years_back_at(toks, j, cover, this_year)
        if got is not None:
            return got[0], i, got[1]
    for j in range(i - 1, max(-1, i - 1 - cover.window), -1):
        if toks[j].lower in stops or toks[j].lower in _BACK_STOPS:  # "flu jab last year, tetanus unknown"
            break  # nor across a joined clause or a denial: "a nail 10 days back and never had a tetanus jab"
        got = _years_back_at(toks, j, cover, this_year)
        if got is not None and got[1] <= i:
            return got[0], j, i + 1
    return None


# looking back from a jab word, a time beyond these is another event's (a comma, a joined
# clause) or belongs to no jab at all (a jab denied has no date)
_BACK_STOPS = frozenset({",", "and", "but", "never", "not", "n't", "no"})


@cache
def _cover_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    cover = numbers_file().vaccine_cover
    if cover is None:
        return frozenset(), frozenset(), frozenset()
    return frozenset(cover.vaccine_words), frozenset(cover.generic_words), frozenset(cover.stops)


# an angle: a number with a degree sign or short unit glued on or not ("60", "60°", "30deg")
_ANGLE = re.compile(r"^(\d{1,3})(°|º|deg|degs)?$")
_ANGLE_PAIR = re.compile(r"^(\d{2,3})/(\d{2,3})$")


@dataclass(frozen=True)
class _RotationWords:
    """The rotation section's word lists as sets (both-side phrases as word tuples)."""

    rotation: frozenset[str]
    turn: frozenset[str]
    head: frozenset[str]
    other_parts: frozenset[str]
    degree: frozenset[str]
    both: frozenset[tuple[str, ...]]
    sides: frozenset[str]
    less: frozenset[str]
    more: frozenset[str]
    not_after: frozenset[str]


@cache
def _rotation_words() -> _RotationWords | None:
    """Made once, not at every parse."""
    r = numbers_file().rotation
    if r is None:
        return None
    return _RotationWords(
        frozenset(r.rotation_words),
        frozenset(r.turn_words),
        frozenset(r.head_words),
        frozenset(r.other_parts),
        frozenset(r.degree_words),
        frozenset(tuple(p.split()) for p in r.both_words),
        frozenset(r.side_words),
        frozenset(r.less_words),
        frozenset(r.more_words),
        frozenset(r.not_after),
    )


def _phrase_at(toks: Sequence[Tok], j: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """The length of the longest phrase of ``phrases`` (up to three words) starting at token
    ``j``, or 0."""
    for width in (3, 2, 1):
        if j + width <= len(toks) and tuple(t.lower for t in toks[j : j + width]) in phrases:
            return width
    return 0


def read_rotation(toks: Sequence[Tok]) -> list[NumberHit]:
    """Head rotation given in degrees ("Rotation 60 deg bilat", "rotates 70 each way", "cervical
    rotation 60° L and 55° R", "rot L 45, R 30"): at or above the threshold to both sides (both
    said, two angles, or one angle with no side named) the finding is present; below it to
    either side it is absent; one side's angle alone at or above it reads nothing. A turning
    word other than "rotation" needs the head or neck named near it, and a joint named just
    before the word makes the rotation that joint's ("shoulder external rotation 30°"). One pass:
    each rotation word looks at most ``window`` tokens on."""
    r, rw = numbers_file().rotation, _rotation_words()
    if r is None or rw is None:
        return []
    rotation_words, turn_words, head_words, other_parts = rw.rotation, rw.turn, rw.head, rw.other_parts
    degree_words, both, sides, less, more, not_after = rw.degree, rw.both, rw.sides, rw.less, rw.more, rw.not_after
    out: list[NumberHit] = []
    n = len(toks)
    i = 0
    while i < n:
        w = toks[i].lower
        if w not in rotation_words and w not in turn_words:
            i += 1
            continue
        lo = max(0, i - 3)
        if any(t.lower in other_parts for t in toks[lo:i]):
            i += 1
            continue
        bare = w in turn_words and not any(t.lower in head_words for t in toks[max(0, i - 3) : i + 4])
        if bare and not r.bare_turn_both_in_degrees:
            i += 1
            continue
        at = i  # the rotation word
        angles: list[tuple[float, str | None]] = []  # (degrees, "less" / "more" / None)
        side_count, both_said, last, in_degrees = 0, False, i + 1, True
        j = i + 1
        while j < min(n, i + 1 + r.window) and toks[j].lower not in _SENTENCE_END:
            word = toks[j].lower
            if word in rotation_words or word in turn_words:
                break  # the next rotation statement
            width = _phrase_at(toks, j, both)
            if width:
                both_said, j, last = True, j + width, j + width
                continue
            m = _ANGLE.match(word)
            if m is None:
                if word in sides:
                    side_count += 1
                j += 1
                continue
            k = j + 1
            unit = bool(m.group(2))
            if not unit and k < n and toks[k].lower in degree_words:
                unit, k = True, k + 1
            after = toks[k].lower if k < n else ""
            # a bare number is an angle right after the word, after a side ("L 45") or before one
            near = j - at <= 2 or toks[j - 1].lower in sides or after in sides or _phrase_at(toks, k, both) > 0
            value = float(m.group(1))
            if after in not_after or not (unit or near) or value > r.max_degrees:
                j = k
                continue
            before = {t.lower for t in toks[max(at + 1, j - 2) : j]}
            angles.append((value, "less" if before & less else "more" if before & more else None))
            in_degrees = in_degrees and unit
            j = last = k
        i = j if j > i else i + 1
        if not angles or (bare and not (both_said and in_degrees)):
            continue
        low = r.at_or_above_degrees
        # below the threshold to a side: "< 45" or "30"; an open bound across it says nothing
        below = any((b != "more" and v < low) or (b == "less" and v <= low) for v, b in angles)
        unsure = any((b == "less" and v > low) or (b == "more" and v < low) for v, b in angles)
        if below:
            out.append(NumberHit(r.finding, False, at, last))
        elif not unsure and (both_said or len(angles) >= 2 or side_count == 0):
            out.append(NumberHit(r.finding, True, at, last))
    return out


@dataclass(frozen=True)
class _LegRaiseWords:
    names: frozenset[tuple[str, ...]]
    degree: frozenset[str]
    sides: frozenset[str]
    positive: frozenset[tuple[str, ...]]
    not_after: frozenset[str]
    longest: int


@cache
def _leg_raise_words() -> _LegRaiseWords | None:
    """Made once, not at every parse: the names and positive words as token tuples (a hyphen
    is a token of its own, as the tokenizer splits "straight-leg")."""
    r = numbers_file().leg_raise
    if r is None:
        return None
    names = frozenset(_hyphen_split(n) for n in r.names)
    positive = frozenset(_hyphen_split(w) for w in r.positive_words)
    longest = max(len(p) for p in (*names, *positive))
    return _LegRaiseWords(
        names, frozenset(r.degree_words), frozenset(r.side_words), positive, frozenset(r.not_after), longest
    )


@cache
def _first_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)


def _hyphen_split(phrase: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\s-]+|-", phrase.lower()))


def _run_len(toks: Sequence[Tok], j: int, phrases: frozenset[tuple[str, ...]], longest: int) -> int:
    if toks[j].lower not in _first_words(phrases):
        return 0  # no phrase begins with this word (most tokens)
    for width in range(longest, 0, -1):
        if j + width <= len(toks) and tuple(t.lower for t in toks[j : j + width]) in phrases:
            return width
    return 0


def read_leg_raise(toks: Sequence[Tok]) -> list[NumberHit]:
    """The straight-leg raise told by its angle ("SLR to 85 deg bilat, no pain", "straight-leg
    raise reaches 80 degrees each side"): every angle at or past the threshold, and no word of a
    positive result from the three words before the name to the end of its statement, is a
    negative test (the finding absent). A lower angle reads nothing here."""
    r, lw = numbers_file().leg_raise, _leg_raise_words()
    if r is None or lw is None:
        return []
    out: list[NumberHit] = []
    n = len(toks)
    i = 0
    while i < n:
        width = _run_len(toks, i, lw.names, lw.longest)
        if not width:
            i += 1
            continue
        at, j = i, i + width
        angles: list[float] = []
        last, positive = j, False
        k0 = max(0, at - 3)
        positive = any(_run_len(toks, k, lw.positive, lw.longest) for k in range(k0, at))
        while j < min(n, at + width + r.window) and toks[j].lower not in _SENTENCE_END:
            if _run_len(toks, j, lw.names, lw.longest):
                break  # the next statement of the test
            if _run_len(toks, j, lw.positive, lw.longest):
                positive = True
            pair = _ANGLE_PAIR.match(toks[j].lower)  # "85/85": each leg's angle
            if pair is not None:
                angles += [float(pair.group(1)), float(pair.group(2))]
                j = last = j + 1
                continue
            m = _ANGLE.match(toks[j].lower)
            if m is not None:
                k = j + 1
                unit = bool(m.group(2))
                if not unit and k < n and toks[k].lower in lw.degree:
                    unit, k = True, k + 1
                after = toks[k].lower if k < n else ""
                value = float(m.group(1))
                near = j - at - width <= 1 or toks[j - 1].lower in lw.sides or after in lw.sides
                if (unit or near) and after not in lw.not_after and value <= r.max_degrees:
                    angles.append(value)
                    last = k
                j = k
                continue
            j += 1
        i = max(j, i + 1)
        if angles and not positive and all(v >= r.negative_from_degrees for v in angles):
            out.append(NumberHit(r.finding, False, at, last))
    return out


_GCS_PARTS = re.compile(r"^e([1-6])v([1-6]|t)m([1-6])(?:=(\d{1,2}))?$")
_GCS_PART = re.compile(r"^([evm])([1-6]|t)$")
_GCS_SCORE = re.compile(r"^(\d{1,2})(?:/15)?$")


def _parts_score(e: str, v: str, m: str, cfg: ComaScale) -> int | None:
    """The sum of the three parts ("t": intubated, no verbal score, so not the full score), or
    None when a part is out of its range."""
    if int(e) > cfg.eye or int(m) > cfg.motor or (v != "t" and int(v) > cfg.verbal):
        return None
    return int(e) + int(m) + (int(v) if v != "t" else 1)


def read_coma_scale(toks: Sequence[Tok]) -> list[NumberHit]:
    """The Glasgow Coma Scale as a number (resources/numbers.yaml ``coma_scale``): "GCS 14/15",
    "GCS of 12", "gcs=13", "E4V5M6", "E3 V4 M6". The full score gives the finding absent, a
    lower one present. One pass over the tokens."""
    cfg = numbers_file().coma_scale
    if cfg is None:
        return []
    names = frozenset(cfg.names)
    firsts = frozenset(x.split(" ", 1)[0] for x in names)
    between = frozenset(cfg.between)
    # the first letters a score's words can start with ("e4v5m6", "gcs", a name's first word)
    leads = frozenset({"e", "g"} | {x[:1] for x in names | firsts})
    n = len(toks)
    out: list[NumberHit] = []
    for i, t in enumerate(toks):
        low = t.lower
        if low[:1] not in leads:
            continue
        score: int | None = None
        end = i + 1
        glued = _GCS_PARTS.match(low)
        if glued:
            score = _parts_score(glued.group(1), glued.group(2), glued.group(3), cfg)
        elif low[:1] == "e" and i + 2 < n and (p0 := _GCS_PART.match(low)):
            p1, p2 = _GCS_PART.match(toks[i + 1].lower), _GCS_PART.match(toks[i + 2].lower)
            if p0.group(1) == "e" and p1 and p1.group(1) == "v" and p2 and p2.group(1) == "m":
                score, end = _parts_score(p0.group(2), p1.group(2), p2.group(2), cfg), i + 3
        elif low.startswith("gcs") and low[3:4] in ("=", ":") and (m := _GCS_SCORE.match(low[4:])):
            score = int(m.group(1))  # "gcs=13"
        elif low in names or low in firsts:
            long = i + 2 < n and f"{low} {toks[i + 1].lower} {toks[i + 2].lower}" in names
            if not long and low not in names:
                continue
            j = i + (3 if long else 1)
            while j < n and j - i <= 4 and toks[j].lower in between:
                j += 1
            if j < n and (m := _GCS_SCORE.match(toks[j].lower)):
                score, end = int(m.group(1)), j + 1
        if score is None or not cfg.lowest <= score <= cfg.full:
            continue
        out.append(NumberHit(cfg.finding, score < cfg.full, i, end))
    return out


_WEIGHT_AMOUNT = re.compile(r"^[~≈]?(\d{1,3}(?:\.\d)?)(?:-\d{1,3})?([a-z]*)$")


def _weight_amount(toks: Sequence[Tok], j: int, w: WeightChange) -> tuple[float, int] | None:
    """An amount of weight starting at token ``j`` in kg, and the token after it: "6 kg", "2st",
    "half a stone", "a stone and a half", "a couple of stone", "10 lbs"."""
    n = len(toks)
    if toks[j].lower in ("a", "an") and j + 1 < n and _WEIGHT_AMOUNT.match(toks[j + 1].lower):
        j += 1  # "a 10kg weight"
    word = toks[j].lower
    scale = 1.0
    if word in w.fraction_words:  # "half a stone"
        scale = w.fraction_words[word]
        j += 1
        if j < n and toks[j].lower in ("a", "an"):
            j += 1
        count = 1.0
    elif (m := _WEIGHT_AMOUNT.match(word)) is not None:
        count = float(m.group(1))
        if m.group(2):
            if m.group(2) not in w.unit_kg:
                return None
            return count * w.unit_kg[m.group(2)], j + 1  # "6kg", "2st"
        j += 1
    elif word in w.number_words:
        count = w.number_words[word]
        j += 1
        if j < n and toks[j].lower in w.number_words and toks[j].lower not in ("a", "an"):
            count = w.number_words[toks[j].lower]  # "a couple of stone", "a few pounds"
            j += 1
        if j < n and toks[j].lower == "of":
            j += 1
    else:
        return None
    if j >= n or toks[j].lower not in w.unit_kg:
        return None
    kg = count * scale * w.unit_kg[toks[j].lower]
    j += 1
    if j + 2 < n and toks[j].lower == "and" and toks[j + 1].lower in ("a", "an") and toks[j + 2].lower == "half":
        kg += 0.5 * w.unit_kg[toks[j - 1].lower]  # "a stone and a half"
        j += 3
    return kg, j


def _weight_told(toks: Sequence[Tok], j: int, w: WeightChange) -> tuple[float, float | None, int] | None:
    """A weight told as a number with or without its unit, starting at token ``j``: its count,
    the unit's kg (None when no unit follows) and the token after it ("80 kg", "12 stone", "64")."""
    n = len(toks)
    if j >= n or (m := _WEIGHT_AMOUNT.match(toks[j].lower)) is None:
        return None
    count = float(m.group(1))
    unit: float | None = None
    if m.group(2):
        if m.group(2) not in w.unit_kg:
            return None
        unit, j = w.unit_kg[m.group(2)], j + 1
    elif j + 1 < n and toks[j + 1].lower in w.unit_kg:
        unit, j = w.unit_kg[toks[j + 1].lower], j + 2
    else:
        j += 1
    if j + 2 < n and toks[j].lower == "and" and toks[j + 1].lower in ("a", "an") and toks[j + 2].lower == "half":
        count, j = count + 0.5, j + 3  # "10 and a half", "9 stone and a half"
    return count, unit, j


def _weight_now_after(
    toks: Sequence[Tok], start: int, w: WeightChange, sentence: Sequence[int], nows: _Phrases
) -> tuple[float, float | None, int, int] | None:
    """A weight said later in the sentence with "now" just after it ("..., 65 now", "and I'm 10
    and a half now"), within ten tokens of ``start``, and where it starts."""
    n = len(toks)
    for j in range(start, min(n, start + 10)):
        if sentence[j] != sentence[start - 1]:
            return None
        got = _weight_told(toks, j, w)
        if got is not None and got[2] < n and _phrase_len(toks, got[2], nows):
            return got[0], got[1], got[2], j
    return None


def _weights_compared(toks: Sequence[Tok], w: WeightChange, sentence: Sequence[int]) -> list[tuple[int, int, float]]:
    """Two weights told one after the other (numbers.yaml ``compare_*``): the start and end of
    the pair and the change in kg (less than 0 a loss): "from 80 kg to 72", "went from 12 stone
    down to 11", "was 70 kilos, now I'm 63". A unit is said with at least one of them (the other
    shares it), and both are a body's weight. A pair told with "now" is placed at the later
    weight, the one said of today ("weighed 72 kilos last year, 65 now" is no past)."""
    froms, tos = _words_of(tuple(w.compare_from)), _words_of(tuple(w.compare_to))
    nows, leads = _words_of(tuple(w.compare_now)), _words_of(tuple(w.compare_leads))
    low, high = w.body_kg
    not_units = frozenset(w.compare_not_units)
    n = len(toks)
    out: list[tuple[int, int, float]] = []
    for i in range(n):
        later: tuple[float, float | None, int] | None = None
        at = i
        if width := _phrase_len(toks, i, froms):
            first = _weight_told(toks, i + width, w)
            if first is None or not (step := _phrase_len(toks, first[2], tos)):
                continue
            later = _weight_told(toks, first[2] + step, w)
        elif (first := _weight_told(toks, i, w)) is not None and first[1] is not None:
            if i > 0 and toks[i - 1].lower in ("from", "to"):
                continue  # the pair "from ... to ..." is read at its "from"
            j = first[2]
            while j < n and j - first[2] < 4 and sentence[j] == sentence[i] and not _phrase_len(toks, j, nows):
                j += 1
            if j < n and sentence[j] == sentence[i] and (width := _phrase_len(toks, j, nows)):
                j += width
                for _ in range(2):
                    j += _phrase_len(toks, j, leads)
                later, at = _weight_told(toks, j, w), j
            if later is None and (found := _weight_now_after(toks, first[2], w, sentence, nows)) is not None:
                later, at = found[:3], found[3]
        else:
            continue
        if later is None or sentence[later[2] - 1] != sentence[i]:
            continue
        if later[1] is None and later[2] < n and toks[later[2]].lower in not_units:
            continue  # "80kg at 30, now 50 years old": another measure
        if first[1] is None and later[1] is None:
            continue  # "from 9 to 5": no weight
        unit_a = first[1] if first[1] is not None else later[1]
        unit_b = later[1] if later[1] is not None else unit_a
        assert unit_a is not None and unit_b is not None
        a, b = first[0] * unit_a, later[0] * unit_b
        if not (low <= a <= high and low <= b <= high):
            continue
        if later[2] < n and toks[later[2]].lower in w.not_after:
            continue
        out.append((at, later[2], b - a))
    return out


def _overlaps(spans: Sequence[tuple[int, int]], starts: Sequence[int], a: int, b: int) -> bool:
    """Whether a span of ``spans`` (sorted, with their ``starts``) overlaps tokens ``a`` to ``b``;
    the spans read by words are short and few overlap one another, so a look back from ``b``
    over those starting before it suffices."""
    k = bisect_left(starts, b)
    return any(spans[j][1] > a for j in range(max(0, k - 8), k))


def read_weight_change(toks: Sequence[Tok], age: int | None = None) -> list[NumberHit]:
    """A change of weight told by its amount (numbers.yaml ``weight_change``): a gain of at
    least ``min_kg`` is weight_gain present; a loss is unexplained_weight_loss present, or absent
    when its sentence gives a reason the person chose ("lost 6 kg on a diet"; a loss said with
    "weight" and no amount too). ``age`` is the person's: a small child's gain is growth. One
    pass over the tokens."""
    w = numbers_file().weight_change
    if w is None:
        return []
    gain, loss = _words_of(tuple(w.gain_words)), _words_of(tuple(w.loss_words))
    n = len(toks)
    units = frozenset(w.unit_kg)
    if not any(
        t.lower in gain.heads
        or t.lower in loss.heads
        or t.lower in units
        or ((m := _WEIGHT_AMOUNT.match(t.lower)) is not None and m.group(2) in units)
        for t in toks
    ):
        return []
    weak, frames = frozenset(w.weak_words), _words_of(tuple(w.weak_frames))
    leads, young = _words_of(tuple(w.amount_leads)), _words_of(tuple(w.young_words))
    intent, unexplained = _words_of(tuple(w.intent_words)), _words_of(tuple(w.unexplained_words))
    sentence: list[int] = []
    s = 0
    for t in toks:
        sentence.append(s)
        if t.lower in _SENTENCE_BREAK:
            s += 1
    out: list[NumberHit] = []
    by_sent: dict[int, list[int]] = {}
    for q, sq in enumerate(sentence):
        by_sent.setdefault(sq, []).append(q)
    # what a sentence says, looked at once per sentence (a long sentence of many weights costs
    # its length once, not once per weight): the first young word, a loss unexplained, a loss chosen
    flags: dict[int, tuple[int, bool, bool, bool]] = {}

    def sentence_flags(sq: int) -> tuple[int, bool, bool, bool]:
        if sq not in flags:
            sent = by_sent[sq]
            first_young = next((q for q in sent if _phrase_len(toks, q, young)), n)
            said = any(_phrase_len(toks, q, unexplained) for q in sent)
            chosen = not said and any(
                _phrase_len(toks, q, intent)
                and not any(
                    toks[d].lower in w.intent_denials for d in range(max(sent[0], q - w.intent_denial_reach), q)
                )
                for q in sent
            )
            money = any(toks[q].lower in w.money_words for q in sent)
            flags[sq] = (first_young, said, chosen, money)
        return flags[sq]

    def judge(i: int, end: int, is_gain: bool, amount_said: bool) -> None:
        """A gain or a loss of weight at tokens ``i`` to ``end``, weighed by its sentence."""
        first_young, _said, chosen, _money = sentence_flags(sentence[i])
        if is_gain:
            grower = (age is not None and age < w.growth_under_age) or first_young < i
            if grower:  # "my baby is putting on weight nicely": growth, so the gain's own words say nothing
                out.append(NumberHit("weight_gain", False, i, end, thing=True))
            elif amount_said:
                out.append(NumberHit("weight_gain", True, i, end))
        else:
            if chosen:
                out.append(NumberHit("unexplained_weight_loss", False, i, end))
            elif amount_said:
                out.append(NumberHit("unexplained_weight_loss", True, i, end))

    heads = gain.heads | loss.heads
    i = 0
    while i < n:
        if toks[i].lower not in heads:  # no gain or loss phrase starts here
            i += 1
            continue
        width = _phrase_len(toks, i, gain)
        is_gain = width > 0
        if not width:
            width = _phrase_len(toks, i, loss)
        if not width:
            i += 1
            continue
        verb = " ".join(t.lower for t in toks[i : i + width])
        if verb in weak:
            k = i
            while k > 0 and toks[k - 1].lower in ("now", "already", "about", "nearly", "almost"):
                k -= 1
            start = k == 0 or toks[k - 1].lower in _SENTENCE_BREAK or toks[k - 1].lower == ","
            if not start and _phrase_ending(toks, k, frames) is None:
                i += width
                continue
        j = i + width
        skipped = 0
        while j < n and skipped < w.window and (lead := _phrase_len(toks, j, leads)):
            j += lead
            skipped += 1
        got = _weight_amount(toks, j, w) if j < n else None
        amount_said = got is not None
        if got is None and not (j < n and toks[j].lower in w.weight_words):
            i += width
            continue
        kg, end = got if got is not None else (0.0, j + 1)
        if amount_said and end < n and toks[end].lower in w.not_after:
            if not is_gain:  # "dropped a 10kg weight on my foot": a thing's weight, no loss
                out.append(NumberHit("unexplained_weight_loss", False, i, end + 1, thing=True))
            i = end
            continue
        if amount_said and kg < w.min_kg:
            i = end
            continue
        if sentence_flags(sentence[i])[3]:
            i = end
            continue  # "the rent went up 50 pounds"
        judge(i, end, is_gain, amount_said)
        i = end
    # two weights, one after the other: a change by their difference (once per place already read)
    read = sorted((h.start, h.end) for h in out)
    starts = [r[0] for r in read]
    for a, b, change in _weights_compared(toks, w, sentence):
        if abs(change) < w.min_kg or _overlaps(read, starts, a, b):
            continue
        if sentence_flags(sentence[a])[3]:
            continue
        before = len(out)
        judge(a, b, change > 0, True)
        for h in out[before:]:
            k = bisect_left(starts, h.start)
            starts.insert(k, h.start)
            read.insert(k, (h.start, h.end))
    return out


def read_load_weights(toks: Sequence[Tok]) -> list[NumberHit]:
    """A load told by its weight (numbers.yaml ``load_weight``): a number and a weight unit
    ("25 kg", "20kg", "four-stone", "a 20-kilo") at or over ``min_kg``, with a load's noun just
    after it or a little before it in its sentence ("bales of 40 kilos"), or "of" and a thing just
    after the unit ("30 kg of slate"). One pass over the text; each look is bounded."""
    cfg = numbers_file().load_weight
    w = numbers_file().weight_change
    if cfg is None or w is None:
        return []
    nouns, body = frozenset(cfg.load_nouns), frozenset(cfg.body_words)
    n = len(toks)
    out: list[NumberHit] = []
    i = 0
    while i < n:
        low = toks[i].lower
        kg: float | None = None
        end = i + 1
        m = _WEIGHT_AMOUNT.match(low)
        if m is not None and m.group(2) in w.unit_kg:
            kg = float(m.group(1)) * w.unit_kg[m.group(2)]  # "20kg"
        elif (m is not None and not m.group(2)) or (low in w.number_words and low not in ("a", "an")):
            count = float(m.group(1)) if m is not None else float(w.number_words[low])
            j = i + 1
            if j < n and toks[j].lower in ("-", "–"):
                j += 1  # "a three-stone sack", "a 20-kilo case"
            if j < n and toks[j].lower in w.unit_kg:
                kg, end = count * w.unit_kg[toks[j].lower], j + 1
        if kg is None or kg < cfg.min_kg:
            i += 1
            continue
        after = [t.lower for t in toks[end : min(n, end + cfg.after_reach)]]
        load = any(a in nouns for a in after) or (
            len(after) > 1 and after[0] == "of" and after[1] not in body and after[1] not in _SENTENCE_END
        )
        k = i - 1
        while not load and k >= max(0, i - cfg.before_reach) and toks[k].lower not in _SENTENCE_END:
            load = toks[k].lower in nouns
            k -= 1
        if load:
            out.append(NumberHit(cfg.finding, True, i, end))
        i = end
    return out
