"""Age, sex, who the patient is, durations, episodes and side — read with regular expressions.

Examples: "59 yo male" -> age 59, male; "55M" -> 55, male; "F, 44" -> 44, female;
"my dad is 72" -> the patient is the writer's father (72, male); "2/52" -> two weeks;
"lasts about 2-3 minutes" -> brief episodic spasms; "R neck pain" -> one side (right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3,
    "couple of": 2, "couple": 2, "several": 4, "many": 6,
}
_NUM = r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple of|couple|several|many)"
_UNIT = r"(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|d|wks?|weeks?|months?|mths?|mo|years?|yrs?)"
_DAYS = {"s": 1 / 86400, "m": 1 / 1440, "h": 1 / 24, "d": 1, "w": 7, "mo": 30, "y": 365}

_MALE = {"son", "dad", "father", "husband", "boy", "grandfather", "grandpa", "grandad", "granddad", "brother",
         "boyfriend", "grandson", "nephew", "uncle"}
_FEMALE = {"daughter", "mum", "mom", "mother", "wife", "girl", "grandmother", "grandma", "nan", "gran", "granny",
           "sister", "girlfriend", "granddaughter", "niece", "aunt"}
_RELATIVES = _MALE | _FEMALE | {"partner", "child", "kid", "baby", "toddler", "teenager", "teen"}
_REL = "|".join(sorted(_RELATIVES, key=len, reverse=True))


@dataclass(frozen=True)
class Hit:
    """A value read from the text, with where it came from."""

    finding: str
    present: bool
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Person:
    age: int | None
    sex: str | None
    proxy: str | None  # the relative word when the writer describes someone else
    proxy_span: tuple[int, int] | None = None


def _num(token: str) -> float:
    token = token.lower()
    return float(token) if token[0].isdigit() else float(_NUM_WORDS.get(token, 1))


def _unit_days(unit: str) -> float:
    u = unit.lower()
    if u.startswith("mo") or u.startswith("mth"):
        return _DAYS["mo"]
    if u.startswith("mi"):
        return _DAYS["m"]
    return _DAYS.get(u[0], 1.0)


# ----------------------------------------------------------------------------- person
_PROXY = re.compile(
    rf"(?:\b(?:my|our)\s+|(?:^|[.!?]\s+))(?:(\d{{1,3}})[- ]?(?:yo|y/o|years?[- ]old|yr[- ]old)\s+)?({_REL})\b"
    rf"(?:\s*(?:\((\d{{1,3}})\)|,\s*(\d{{1,3}})\s*,|,?\s*(?:who\s+)?(?:is|'s|aged?)\s+(\d{{1,3}})\b))?",
    re.I,
)
_PRONOUN = re.compile(r"\b(he|she|his|her|him|hers|he's|she's)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(i\s+(?:have|had|am|get|got|woke|can'?t|cannot|feel|hurt)|i'm|i've|my\s+(?:neck|back|head|arm|leg|shoulder))\b", re.I)
_AGE_PATTERNS = [
    re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old|-?years?-old|-?yr-old|yoa)\b", re.I),
    re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.?|years?\s+old)\s+([mf])\b", re.I),
    re.compile(r"\b(\d{1,3})\s?([mf])\b", re.I),
    re.compile(r"\b([mf])\s*,\s*(\d{1,3})\b", re.I),
    re.compile(r"\b(?:i'?m|i\s+am|aged?:?|age\s*[:=]?)\s+(\d{1,3})\b(?!\s*(?:days?|weeks?|months?|%|kg|lb))", re.I),
]
_SEX_WORDS = [
    (re.compile(r"\b(?:male|man|guy|gentleman|bloke|gent)\b", re.I), "male"),
    (re.compile(r"\b(?:female|woman|lady|gal)\b", re.I), "female"),
]


def _sex_of(word: str) -> str | None:
    w = word.lower()
    return "male" if w in _MALE else "female" if w in _FEMALE else None


def read_person(text: str) -> Person:
    """Who the patient is and their age and sex, as far as the text says."""
    proxy = None
    proxy_span = None
    age: int | None = None
    sex: str | None = None
    m = _PROXY.search(text)
    if m:
        before = text[: m.start()]
        first_sentence_end = re.search(r"[.!?\n]", text[m.end():])
        tail = text[m.end(): m.end() + (first_sentence_end.start() if first_sentence_end else 80)]
        talks_about = re.match(
            r"\s*(?:'s\s+(?:neck|back|head)|is\s+in|keeps|can'?t|cannot|woke|complains|says|fell|has\s+been|has\s+had|gets|started|was\s+started|(?:has|had)\s+(?:a\s+)?(?:stiff|sore|bad|terrible|severe|pain|fever|temperature))",
            tail, re.I,
        )
        pronoun_later = _PRONOUN.search(text[m.end():])
        aged = m.group(1) or m.group(3) or m.group(4) or m.group(5)
        if (aged or talks_about or pronoun_later) and not _FIRST_PERSON.search(before):
            proxy = m.group(2).lower()
            proxy_span = (m.start(), m.end())
            sex = _sex_of(proxy)
            for g in (1, 3, 4, 5):
                if m.group(g):
                    age = int(m.group(g))
            if age is None:
                near = re.match(r"[^.!?]{0,30}?\b(\d{1,3})\s*(?:yo|y/o|years?|yrs?|year-old|months?)", tail, re.I)
                if near:
                    age = int(near.group(1)) if "month" not in near.group(0).lower() else 0
    if proxy is None:
        for pat in _AGE_PATTERNS:
            am = pat.search(text)
            if not am:
                continue
            groups = [g for g in am.groups() if g]
            nums = [int(g) for g in groups if g.isdigit()]
            letters = [g.lower() for g in groups if g.isalpha()]
            if nums and 0 < nums[0] <= 120:
                age = nums[0]
                if letters and sex is None:
                    sex = "male" if letters[0] == "m" else "female"
                break
        if sex is None:
            for pat, value in _SEX_WORDS:
                if pat.search(text):
                    sex = value
                    break
    if age is not None and age > 120:
        age = None
    return Person(age, sex, proxy, proxy_span)


# ----------------------------------------------------------------------------- durations
_DURATION = re.compile(
    rf"\b(for|past|last|over\s+the\s+(?:last|past)|since|x|×|about|around|almost|nearly|lasts?|lasting|lasted|each|every)?\s*"
    rf"(?:(?:about|around|roughly|approx\.?|almost|nearly|over|under|the|a)\s+)?"
    rf"{_NUM}\s*(?:(?:-|to|or)\s*(\d+)\s*)?\s*{_UNIT}\b(\s+ago|\s+now)?",
    re.I,
)
_CLINICAL = re.compile(r"\b(\d{1,2})/(7|52|12)\b")
_RECENT_WORDS = re.compile(
    r"\b(since\s+(?:yesterday|last\s+night|this\s+morning|today|the\s+weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|yesterday|last\s+night|this\s+morning|earlier\s+today|overnight|tonight|this\s+afternoon|today)\b",
    re.I,
)
_START_WORDS = re.compile(r"\b(start|started|began|begun|came\s+on|since|woke|onset|first|happened|kicked\s+in|hurt|hurting)\b", re.I)
_LONG = re.compile(r"\b(for\s+(?:months|years|ages|a\s+long\s+time)|chronic|on\s+and\s+off\s+for\s+years|longstanding|long-standing)\b", re.I)


def _band(days: float) -> str:
    if days < 7:
        return "duration_under_1_week"
    if days <= 42:
        return "duration_1_to_6_weeks"
    return "duration_over_6_weeks"


def read_durations(text: str) -> list[Hit]:
    """Duration of the problem (one band, the longest stated) and brief episodes."""
    bands: list[tuple[float, Hit]] = []
    episodes: list[Hit] = []
    for m in _DURATION.finditer(text):
        lead = (m.group(1) or "").lower()
        unit = m.group(4)
        days = _num(m.group(2)) * _unit_days(unit)
        if m.group(3):
            days = max(days, float(m.group(3)) * _unit_days(unit))
        short = _unit_days(unit) < 1 / 24 + 1e-9  # seconds or minutes
        tail = (m.group(5) or "").lower().strip()
        span = Hit("", True, m.start(), m.end(), m.group(0).strip())
        if short:
            if lead in ("last", "lasts", "lasting", "lasted", "for", "about", "around", "each", "almost", "nearly"):
                episodes.append(Hit("brief_episodic_spasms", True, span.start, span.end, span.text))
            continue
        if tail == "ago":
            window = text[max(0, m.start() - 60): m.end() + 40]
            if not _START_WORDS.search(window):
                continue
        elif not lead and tail != "now" and not re.match(r"\s*(?:of|history)", text[m.end():]):
            # a bare "3 weeks" counts only when clearly about how long
            before = text[max(0, m.start() - 25): m.start()].lower()
            if not re.search(r"(for|past|last|since|x|been|over)\s*$", before):
                continue
        if lead == "every" or lead == "each":
            continue
        bands.append((days, Hit(_band(days), True, span.start, span.end, span.text)))
    for m in _CLINICAL.finditer(text):
        n, base = int(m.group(1)), m.group(2)
        days = n * {"7": 1, "52": 7, "12": 30}[base]
        bands.append((days, Hit(_band(days), True, m.start(), m.end(), m.group(0))))
    for m in _LONG.finditer(text):
        bands.append((365, Hit("duration_over_6_weeks", True, m.start(), m.end(), m.group(0))))
    if not bands:
        for m in _RECENT_WORDS.finditer(text):
            bands.append((1, Hit("duration_under_1_week", True, m.start(), m.end(), m.group(0))))
            break
    out: list[Hit] = []
    if bands:
        out.append(max(bands, key=lambda b: b[0])[1])
    out += episodes[:1]
    return out


# ----------------------------------------------------------------------------- frequency and side
_RECURRENT = re.compile(
    r"\b(twice|two\s+times|three\s+times|\d+\s+times|several\s+times|few\s+times|once\s+a\s+day|every\s+(?:day|morning|night|week|few\s+days)"
    r"|keeps?\s+(?:coming\s+back|happening|returning)|comes?\s+and\s+goes?|on\s+and\s+off|again\s+and\s+again|recurr\w*|episodes|attacks|happened\s+again|daily)\b",
    re.I,
)
_SIDE = re.compile(
    r"\b(right|left|rt|lt|r|l)(?:\s*[- ]?\s*(?:side|sided|hand\s+side))?\b(?!\s+(?:now|away|after|before|alone|over|me|work|home|it|him|her|us|them|the\s+house|school|there|here))",
    re.I,
)
_BOTH = re.compile(r"\b(both\s+sides|both\s+arms|both\s+legs|bilateral(?:ly)?|either\s+side)\b", re.I)
_SIDE_CONTEXT = re.compile(r"\b(neck|side|shoulder|arm|hand|thumb|finger|leg|foot|back|buttock|hip|trap|scm|sided|c\d|l\d|s1|head|ear|eye|jaw|sciatica)", re.I)


def read_recurrence(text: str) -> list[Hit]:
    m = _RECURRENT.search(text)
    return [Hit("recurrent_episodes", True, m.start(), m.end(), m.group(0))] if m else []


def read_side(text: str) -> tuple[str | None, list[Hit]]:
    """'right', 'left', 'both' or None, and a one-side finding when a single side is named."""
    sides: dict[str, Hit] = {}
    for m in _SIDE.finditer(text):
        word = m.group(1).lower()
        if word in ("r", "l") and not text[m.start()].isupper():
            continue
        window = text[m.start(): m.end() + 30]
        if not _SIDE_CONTEXT.search(window) and not re.search(r"side", m.group(0), re.I):
            continue
        side = "right" if word in ("right", "rt", "r") else "left"
        sides.setdefault(side, Hit("unilateral_symptoms", True, m.start(), m.end(), m.group(0)))
    both = _BOTH.search(text)
    if both or len(sides) > 1:
        if both:
            return "both", [Hit("unilateral_symptoms", False, both.start(), both.end(), both.group(0))]
        return "both", []
    if sides:
        side, hit = next(iter(sides.items()))
        return side, [hit]
    return None, []
