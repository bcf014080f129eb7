"""Age, sex, who the patient is, durations, episodes and side — read with regular expressions.

Examples: "59 yo male" -> age 59, male; "55M" -> 55, male; "F, 44" -> 44, female;
"my dad is 72" -> the patient is the writer's father (72, male); "2/52" -> two weeks;
"lasts about 2-3 minutes" -> brief episodic spasms; "R neck pain" -> one side (right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "few": 3,
    "couple of": 2,
    "couple": 2,
    "several": 4,
    "many": 6,
}
_NUM = r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|sixty|ninety|few|couple of|couple|several|many)"
_UNIT = r"(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|d|wks?|weeks?|months?|mths?|mo|years?|yrs?)"
_DAYS = {"s": 1 / 86400, "m": 1 / 1440, "h": 1 / 24, "d": 1, "w": 7, "mo": 30, "y": 365}

_MALE = {
    "son",
    "dad",
    "father",
    "husband",
    "boy",
    "grandfather",
    "grandpa",
    "grandad",
    "granddad",
    "brother",
    "boyfriend",
    "grandson",
    "nephew",
    "uncle",
}
_FEMALE = {
    "daughter",
    "mum",
    "mom",
    "mother",
    "wife",
    "girl",
    "grandmother",
    "grandma",
    "nan",
    "gran",
    "granny",
    "sister",
    "girlfriend",
    "granddaughter",
    "niece",
    "aunt",
}
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
    rf"(?:\s*(?:\((?:aged?\s*)?(\d{{1,3}})\)|,\s*(\d{{1,3}})\s*,|,?\s*(?:who\s+)?(?:is|'s|aged?)\s+(\d{{1,3}})\b))?",
    re.I,
)
# "she's 66", "he is 17" anywhere after the relative is named
_PRONOUN_AGE = re.compile(
    r"\b(?:she|he)(?:'s|\s+is)\s+(?:only\s+|just\s+)?(\d{1,3})\b(?!\s*(?:%|kg|lb|cm|days?|weeks?|months?|minutes?|hours?|times?))",
    re.I,
)
# the writer's own body named in the same sentence: "my mum says my shoulders look uneven"
_OWN_BODY = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:neck|back|head|arms?|legs?|shoulders?|spine|hips?|hands?|feet|knees?)\b"
    r"|\bi(?:'ve|'m|\s+am|\s+have|\s+get|\s+feel)\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(he|she|his|her|him|hers|he's|she's)\b", re.I)
_FIRST_PERSON = re.compile(
    r"\b(i\s+(?:have|had|am|get|got|woke|can'?t|cannot|feel|hurt)|i'm|i've|my\s+(?:neck|back|head|arm|leg|shoulder))\b",
    re.I,
)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_WORD_AGE = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS)}))?|({'|'.join(_TEENS)}|{'|'.join(_UNITS)}))[- ]years?[- ]old\b",
    re.I,
)
_AGE_PATTERNS = [
    re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.?|years?\s+old)\s+([mf])\b", re.I),
    re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old|-?years?-old|-?yr-old|yoa)\b", re.I),
    re.compile(r"\b(\d{1,3})\s?/?\s?([mf])\b", re.I),
    re.compile(r"(?<!['’])\b([mf])(?:\s*[,/]\s*|\s+)(\d{1,3})\b", re.I),
    re.compile(r"\b(?:i'?m|i\s+am|aged?:?|age\s*[:=]?)\s+(\d{1,3})\b(?!\s*(?:days?|weeks?|months?|%|kg|lb))", re.I),
]
_SEX_WORDS = [
    (re.compile(r"\b(?:sex|gender)\s*[:=]?\s*(?:m|male)\b", re.I), "male"),
    (re.compile(r"\b(?:sex|gender)\s*[:=]?\s*(?:f|female)\b", re.I), "female"),
    (re.compile(r"\b(?:male|man|guy|gentleman|bloke|gent|lad|boy)\b", re.I), "male"),
    (re.compile(r"\b(?:female|woman|lady|gal|girl|pregnant)\b", re.I), "female"),
    # "I'm a 38-year-old mum of two", "as a new dad"
    (re.compile(r"\b(?:i'?m|i\s+am|as)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:dad|father|husband)\b", re.I), "male"),
    (re.compile(r"\b(?:i'?m|i\s+am|as)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:mum|mom|mother|wife)\b", re.I), "female"),
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
        first_sentence_end = re.search(r"[.!?\n]", text[m.end() :])
        tail = text[m.end() : m.end() + (first_sentence_end.start() if first_sentence_end else 80)]
        talks_about = re.match(
            r"\s*(?:'s\s+(?:neck|back|head)|is\s+in|keeps|can'?t|cannot|woke|complains|says|fell|has\s+been|has\s+had|gets|started|was\s+started|(?:has|had)\s+(?:a\s+)?(?:stiff|sore|bad|terrible|severe|pain|fever|temperature))",
            tail,
            re.I,
        )
        pronoun_later = _PRONOUN.search(text[m.end() :])
        aged = m.group(1) or m.group(3) or m.group(4) or m.group(5)
        own_body = not aged and _OWN_BODY.search(tail)
        # "My wife gets neck spasms too." opening the message: the writer has them as well
        likewise = not aged and not before.strip() and re.search(r"\b(?:too|as\s+well)\s*$", tail, re.I)
        if (
            (aged or talks_about or pronoun_later)
            and not _FIRST_PERSON.search(before)
            and not own_body
            and not likewise
        ):
            proxy = m.group(2).lower()
            proxy_span = (m.start(), m.end())
            sex = _sex_of(proxy)
            for g in (1, 3, 4, 5):
                if m.group(g):
                    age = int(m.group(g))
            if age is None:
                later = _PRONOUN_AGE.search(text[m.end() :])
                if later:
                    age = int(later.group(1))
            if age is None:
                near = re.match(r"[^.!?]{0,30}?\b(\d{1,3})\s*(?:yo|y/o|years?|yrs?|year-old|months?)", tail, re.I)
                if near:
                    age = int(near.group(1)) if "month" not in near.group(0).lower() else 0
    if proxy is None:
        wm = _WORD_AGE.search(text)
        if wm:
            tens, unit, single = wm.group(1), wm.group(2), wm.group(3)
            if tens:
                age = _TENS[tens.lower()] + (_UNITS[unit.lower()] if unit else 0)
            else:
                age = _TEENS.get(single.lower()) or _UNITS[single.lower()]
        for pat in [] if age is not None else _AGE_PATTERNS:
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
    rf"(?:(?:about|around|roughly|approx\.?|approximately|almost|nearly|over|under|the|a|maybe|only|just|up\s+to)\s+)?"
    rf"{_NUM}\s*(?:(?:-|to|or)\s*(\d+)\s*)?\s*{_UNIT}\b(\s+ago|\s+now)?",
    re.I,
)
_CLINICAL = re.compile(r"(?<![\d/.])(\d{1,2})/(7|52|12)\b(?![/\d])")
# "for the past month", "over the last week": one unit with no number
_THE_PAST = re.compile(r"\b(?:for|over|in)\s+the\s+(?:past|last)\s+(week|fortnight|month|year)\b", re.I)
_UNIT_WORD_DAYS = {"week": 7, "fortnight": 14, "month": 30, "year": 365}
# what someone did for ten minutes ("after walking for ten minutes") is not a spasm
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:walk|walking|walked|stand|standing|stood|sit|sitting|sat|run|running|ran|exercis\w*|cycling|driving|drove|reading|typing)\s+$",
    re.I,
)
# an event "years ago" that has since settled says nothing about how long the problem has lasted
_SINCE_SETTLED = re.compile(
    r"\b(?:fine|gone|resolved|settled|cleared|recovered|stopped|ended|all[- ]clear|under\s+control)\b", re.I
)
_RECENT_WORDS = re.compile(
    r"\b(since\s+(?:yesterday|last\s+night|this\s+morning|today|the\s+weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|yesterday|last\s+night|this\s+morning|earlier\s+today|overnight|tonight|this\s+afternoon|today)\b",
    re.I,
)
_START_WORDS = re.compile(
    r"\b(start|started|began|begun|came\s+on|since|woke|onset|first|happened|kicked\s+in|hurt|hurting|after|still)\b",
    re.I,
)
_LONG = re.compile(
    r"\b(for\s+(?:months|years|ages|a\s+long\s+time)|chronic|on\s+and\s+off\s+for\s+years|longstanding|long-standing"
    r"|since\s+(?:birth|childhood|i\s+was\s+(?:a\s+)?(?:baby|toddler|child|kid|little|young|born)))\b",
    re.I,
)


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
        short = _unit_days(unit) < 1 / 24 - 1e-9  # seconds or minutes
        tail = (m.group(5) or "").lower().strip()
        span = Hit("", True, m.start(), m.end(), m.group(0).strip())
        if unit.lower() == "d" and not m.group(2)[0].isdigit():
            continue  # "and" is not "a" + "d"
        if short:
            if _ACTIVITY_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
                continue
            if lead in ("last", "lasts", "lasting", "lasted", "for", "about", "around", "each", "almost", "nearly"):
                episodes.append(Hit("brief_episodic_spasms", True, span.start, span.end, span.text))
            continue
        if days < 0.5:
            continue  # an hour or two: how long something lasts, not how long the problem has gone on
        if tail == "ago":
            sentence_end = re.search(r"[.!?]", text[m.end() :])
            rest = text[m.end() : m.end() + (sentence_end.start() if sentence_end else 120)]
            if _SINCE_SETTLED.search(rest) or _SINCE_SETTLED.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            window = text[max(0, m.start() - 60) : m.end() + 100]
            if not _START_WORDS.search(window):
                continue
        elif not lead and tail != "now" and not re.match(r"\s*(?:of|history)", text[m.end() :]):
            # a bare "3 weeks" counts only when clearly about how long
            before = text[max(0, m.start() - 25) : m.start()].lower()
            if not re.search(r"(for|past|last|since|x|been|over)\s*$", before):
                continue
        if lead == "every" or lead == "each":
            continue
        bands.append((days, Hit(_band(days), True, span.start, span.end, span.text)))
    for m in _THE_PAST.finditer(text):
        days = _UNIT_WORD_DAYS[m.group(1).lower()]
        bands.append((days, Hit(_band(days), True, m.start(), m.end(), m.group(0))))
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
# Episodes that come back. A count alone ("sick twice", "dialysis three times a week") or a
# routine ("tablets every morning", "daily") is not a recurring problem.
_RECURRENT = re.compile(
    r"\b((?:happened|happens|occurred|occurs|had\s+(?:it|this|them|one))\s+(?:about\s+|maybe\s+|already\s+)?"
    r"(?:twice|(?:\d+|two|three|four|five|six|several|a\s+few|few|many|multiple)\s+times)"
    r"|(?:several|a\s+few|few|many|multiple|numerous)\s+times\s+(?:a|per|each|every|this)\s+(?:day|week|month)"
    r"|(?:\d+|two|three|four|five|six|several)\s+times\s+this\s+(?:week|month)"
    r"|ev(?:e)?ry\s+(?:day|few\s+days|so\s+often)|from\s+time\s+to\s+time|now\s+and\s+(?:again|then)"
    r"|keeps?\s+(?:coming\s+back|happening|returning|recurring|going\s+into|getting(?!\s+(?:worse|better|weaker|stronger|more|bigger)))"
    r"|comes?\s+and\s+go(?:es)?|on\s+and\s+off|again\s+and\s+again|recurr\w*|episodes|attacks"
    r"|(?:happened|went|gone|going|flared(?:\s+up)?|back|started|into\s+spasm)\s+again)\b",
    re.I,
)
_SIDE = re.compile(
    r"\b(right|left|rt|lt|r|l|rite)(?:\s*[- ]?\s*(?:side|sided|hand\s+side))?\b(?!\s+(?:now|away|after|before|alone|over|me|my|work|home|it|him|her|us|them|the\s+house|school|there|here))",
    re.I,
)
# The complaint itself on both sides ("spasm on both sides of my neck"); "both legs" or
# "hyperreflexia bilaterally" describe other findings, not where the pain is.
_BOTH = re.compile(r"\b(on\s+both\s+sides|both\s+sides\s+of\s+(?:my|the|his|her)\s+(?:neck|back|head|spine))\b", re.I)
_SIDE_CONTEXT = re.compile(
    r"\b(neck|side|shoulder|arm|hand|thumb|finger|leg|foot|back|buttock|hip|trap|scm|sided|c\d|l\d|s1|head|ear|eye|jaw|sciatica"
    r"|knee|ankle|elbow|wrist|jerk|reflex|biceps|triceps|slr|spurling|horner|pupil|turn|look|tilt|rotat|drop)",
    re.I,
)


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
        if word == "right" and re.match(
            r"\s+(?:on|at|through|up|down|into|in\s+the\s+middle|across|round|behind|under|above|below|between|by|next)\b",
            text[m.end() :],
            re.I,
        ):
            continue  # "tender right on the bone": an adverb, not a side
        window = text[max(0, m.start() - 25) : m.end() + 30]
        if not _SIDE_CONTEXT.search(window) and not re.search(r"side", m.group(0), re.I):
            continue
        side = "right" if word in ("right", "rt", "r", "rite") else "left"
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
