"""Who the patient is, their age and sex (word lists in resources/attributes.yaml).

Examples: "59 yo male" -> age 59, male; "55M" -> 55, male; "F, 44" -> 44, female;
"my dad is 72" -> the patient is the writer's father (72, male); "6 wk old" -> age 0 and
1 month; "a 9-month-old" -> 0 and 9 months; "toddler of 2" -> 2; "in her 80s" -> 85.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nape.intake.folding import Folded
from nape.intake.wordlists import PersonWords, alternation, attributes_file


@dataclass(frozen=True)
class Person:
    age: int | None
    sex: str | None
    proxy: str | None  # the relative word when the writer describes someone else
    proxy_span: tuple[int, int] | None = None
    # an age stated in days, weeks or months ("6 wk old"): whole months (age stays in years)
    age_months: int | None = None


@dataclass(frozen=True)
class _Rx:
    words: PersonWords
    # words every match of a pattern contains (lower case): an ASCII text holding none of them
    # cannot match, and is not searched (a search tries the pattern at every position)
    proxy_needles: tuple[str, ...]
    young_needles: tuple[str, ...]
    decade_needles: tuple[str, ...]
    proxy: Folded
    word_age: Folded
    infant_old: Folded
    infant_aged: Folded
    young_of: Folded
    decade: Folded
    newborn: Folded
    self_contrast: re.Pattern[str] | None


# an age told as the years one has, in the order of the Romance languages ("I have 41 years",
# "she has 75 years", "tengo 41 años"): the years close the statement (a pause, the sentence's
# end, "and" or "but"), so "has 3 years of back pain", "I have 10 years with this" stay lengths
_HAVE_YEARS = r"(?:has|have|having)\s+(\d{1,3})\s*(?:years?|yrs?)(?:[- ]old)?(?=\s*(?:[,;.:!?)]|$|and\b|but\b))"


@cache
def _rx() -> _Rx:
    w = attributes_file().person
    rel = alternation([*w.male, *w.female, *w.other, *w.acquaintances])
    young = alternation(w.young)
    units = alternation(w.infant_units)
    small = alternation([*w.units, *w.teens])
    num = rf"(\d{{1,2}}|{small})"
    decades = alternation(w.decades)
    qualifier = alternation(q for q in w.decade_offset if q)
    poss = alternation(w.possessives)
    return _Rx(
        w,
        tuple(x.lower() for x in [*w.male, *w.female, *w.other, *w.acquaintances]),
        tuple(x.lower() for x in w.young),
        ("0s", "0's", *(x.lower() for x in w.decades)),
        Folded(
            re.compile(
                rf"(?:\b(?:my|our)\s+|(?:^|[.!?]\s+))"
                rf"(?:(\d{{1,3}})[- ]?(?:yo|y/o|years?[- ]old|yr[- ]old)\s+)?({rel})\b"
                # the age in brackets, alone or opening a list of the relative's history ("my dad
                # (80, ex-smoker, AAA)": the list is theirs, so the relative is the patient)
                rf"(?:\s*(?:\((?:aged?\s*)?(\d{{1,3}})\s*(?:yo|y/o|yrs?|years?(?:[- ]old)?)?"
                rf"(?:\)|\s*[,;]\s*[^()\n]{{1,80}}\))"
                rf"|,\s*(\d{{1,3}})\s*(?:yrs?|years?(?:[- ]old)?)?\s*,"
                rf"|,?\s*(?:who\s+|who(?=['’]s))?(?:is|['’]s|aged?)\s+(\d{{1,3}})\b"
                # ("my wife is 30 weeks": a pregnancy's weeks, not her age)
                rf"(?!\s*(?:days?|weeks?|wks?|w\b|months?|mths?|\+\s*\d))"
                # the age right after the word, in years or bare, then a pause or the verb ("my
                # son 19 years, his neck ...", "my mum 80 has had"); not a time ("my dad 2 years
                # ago", "my son 3 weeks of pain")
                rf"|\s+(\d{{1,3}})(?:\s*(?:yrs?|years?)(?:[- ]old)?)?"
                rf"(?=\s*[,;(]|\s+(?:has|had|is|was|who|with|and|keeps|gets|woke|can'?t)\b)"
                # the years one has, as the Romance languages tell an age ("my husband has 60
                # years, ...", "my mother have 70 years and ..."): the years end the statement
                rf"|\s+{_HAVE_YEARS}))?",
                re.I,
            )
        ),
        Folded(
            re.compile(
                rf"\b(?:({alternation(w.tens)})(?:[- ]({alternation(w.units)}))?|({small}))[- ]years?[- ]old\b",
                re.I,
            )
        ),
        # "2-day-old", "4 month old", "6 wk old", "9-month-old", "3 weeks old"
        Folded(re.compile(rf"\b{num}[- ]?({units})[- ]old\b", re.I)),
        # "aged 10 months", "age 6 weeks", "baby of 7 weeks", "my son, 3 months,"
        # ... "baby is 9 months", "she's only 5 weeks", "my baby 8 month has" (a bare number
        # after the word for a baby only: "my daughter 2 weeks of pain" is not her age)
        Folded(
            re.compile(
                rf"\b(?:aged?\s|(?:{young})\s(?:of\s|aged?\s)|(?:{young}),\s?"
                rf"|(?:{young})(?:\s+is|['’]s)\s+(?:only\s+|just\s+)?|(?:he|she)(?:['’]s|\s+is)\s+(?:only\s+|just\s+)?"
                rf"|(?:baby|infant|bub|newborn|toddler|tot)(?:\s+(?:girl|boy|son|daughter))?\s+)\s*{num}\s+({units})\b(?!\s+(?:ago|pregnant|gone|along|gestation))",
                re.I,
            )
        ),
        # "toddler of 2", "child aged 4", "boy of 3 years"; any person "of N years" ("my husband
        # of 61 years", "a woman of 72 years")
        Folded(
            re.compile(
                rf"\b(?:{young})\s+(?:of|aged?)\s+(\d{{1,2}}|{small})\b(?!\s*(?:{units}|%|kg|lb)\b)"
                rf"|\b(?!(?:{alternation(w.spouses or ['-'])})\b)(?:{rel}|{alternation(w.adults)})"
                rf"\s+of\s+(\d{{1,3}})\s+(?:years?|yrs?)\b",
                re.I,
            )
        ),
        # "in her 80s", "in his early seventies", "in mid 50s"
        # only in a statement about now ("she's in her 80s", "woman in her 60s"), not "in my
        # twenties I used to ..."
        Folded(
            re.compile(
                rf"(?:\b(?:is|am|are)\s|['’](?:s|m|re)\s|\b(?:{alternation(w.adults)}|{rel})\s)\s*"
                rf"in\s+(?:({poss})\s+)?(?:({qualifier})[- ]?)?\s?(?:([1-9])0'?s|({decades}))\b",
                re.I,
            )
        ),
        Folded(re.compile(rf"\b(?:{alternation(w.newborn)})\b", re.I)),
        re.compile(rf"\b(?:{alternation(w.self_contrast)})\b", re.I) if w.self_contrast else None,
    )


_PRONOUN_AGE = Folded(
    re.compile(
        r"\b(?:she|he)(?:(?:'s|\s+is)\s+(?:only\s+|just\s+)?(\d{1,3})\b(?!\s*(?:%|kg|lb|cm|days?|weeks?|wks?\b|months?|minutes?|hours?|times?|ft\b|foot|feet|stone|st\b|\+\s*\d))"
        rf"|\s+{_HAVE_YEARS})",
        re.I,
    )
)
# the writer's own body named in the same sentence: "my mum says my shoulders look uneven"
_OWN_BODY = Folded(
    re.compile(
        r"\bmy\s+(?:\w+\s+)?(?:neck|back|head|arms?|legs?|shoulders?|spine|hips?|hands?|feet|knees?)\b"
        r"|\bi(?:'ve|'m|\s+am|\s+have|\s+get|\s+feel)\b",
        re.I,
    )
)


@cache
def _title_rx() -> re.Pattern[str] | None:
    """A title, a capitalised name (one or two words, or an initial), then perhaps an age:
    "Mrs K, 84," -> female, 84; "Mr Okafor (70)" -> male, 70; "Ms Lee aged 45" -> female, 45."""
    titles = attributes_file().person.titles
    if not titles:
        return None
    # "Mrs" or "mrs", never "MS" (multiple sclerosis in capitals: "I have MS. When I bend...")
    alt = alternation([form for t in titles for form in (t.capitalize(), t)])
    name = r"[A-Z][\w'’-]*\.?"
    return re.compile(
        rf"\b({alt})\.?\s+{name}(?:\s+{name})?"
        rf"(?:\s*,\s*(\d{{1,3}})\s*(?:[,.;:]|$|(?:yo|y/o|years?)\b)|\s*\(\s*(?i:aged?\s*)?(\d{{1,3}})\s*\)|\s+(?i:aged?|is)\s+(\d{{1,3}})\b)?"
    )


def _titled(text: str) -> tuple[int | None, str | None] | None:
    """(age or None, sex) of a person named with a title, or None when there is none."""
    rx = _title_rx()
    m = rx.search(text) if rx is not None else None
    if m is None:
        return None
    age = next((int(g) for g in m.groups()[1:] if g), None)
    return age, attributes_file().person.titles[m.group(1).lower()]


_PRONOUN = Folded(re.compile(r"\b(he|she|his|her|him|hers|he's|she's)\b", re.I))
_FIRST_PERSON = Folded(
    re.compile(
        r"\b(i\s+(?:have|had|am|get|got|woke|can'?t|cannot|feel|hurt)|i'm|i've|my\s+(?:neck|back|head|arm|leg|shoulder))\b",
        re.I,
    )
)
# an acute happening told of a relative, as the message's first news ("my son was knocked out",
# "my grandad just fainted", "my wife collapsed with back pain"): the message is about them,
# unless the writer goes on to name a part of their own body ("... My neck is stiff.")
_HAPPENING = re.compile(
    r"\s*(?:was\s+(?:sick|knocked|hit|thrown|struck|kicked|tackled|rushed|found|unconscious|drowsy|confused|vomiting|floppy)\b"
    r"|(?:has\s+|just\s+)?(?:collapsed|fainted|passed\s+out|blacked\s+out|vomited|threw\s+up|keeled\s+over)\b"
    r"|just\s+(?:fell|slipped|tripped|went|got|had\s+a\s+fall)\b)",
    re.I,
)
_OWN_PART = Folded(
    re.compile(r"\bmy\s+(?:\w+\s+)?(?:neck|back|head|arms?|legs?|shoulders?|spine|hips?|hands?|feet|knees?)\b", re.I)
)
_CONTACT = re.compile(r"\s*(?:has\s+|have\s+)?(?:had|caught|was\s+ill|was\s+sick|got\s+over)\b", re.I)
# a note's label of its patient by age and sex ("62F", "38 yo M", "71-year-old woman") before a
# relative is named: the note is about the labelled patient, and the relative is family told of
_PATIENT_LABEL = re.compile(
    r"\b\d{1,3}\s?(?:(?i:yo|y/o|yrs?|years?[- ]old|yr[- ]old|year-old)\s?)?"
    r"(?:[MF]\b|(?i:male|female|man|woman|lady|gentleman|gent)\b)"
)
# "My neighbour (80) broke a bone lifting a kettle. Could that happen to my mum?": a story told
# to ask whether it can happen to someone else is about a contact, not the patient
_HAPPEN_TO = re.compile(
    r"\b(?:could|can|might|would|will|does)\s+(?:that|this|it|the\s+same)\s+(?:\w+\s+)?happen\s+to\b", re.I
)
_NEAR_AGE = re.compile(r"[^.!?]{0,30}?\b(\d{1,3})\s*(?:yo|y/o|years?[- ]old|yrs?[- ]old|year-old)\b", re.I)
_AGE_PATTERNS = [
    re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.?|years?\s+old)\s+([mf])\b", re.I),
    re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old|-?years?-old|-?yr-old|yoa)\b", re.I),
    # "45M", "45/F", "45, F" (not a list's "2)" after a sex letter: "F 2) neck pain")
    re.compile(r"\b(\d{1,3})\s?[/,]?\s?([mf])\b", re.I),
    re.compile(r"(?<!['’])\b([mf])(?:\s*[,/]\s*|\s+)(\d{1,3})\b(?!\))", re.I),
    # "since age 19" dates an onset, not the age now
    re.compile(
        # ("I'm 34 wks", "I am 29+4": weeks of a pregnancy, not an age)
        r"(?<!since\s)(?<!from\s)\b(?:i'?m|i\s+am|aged?:?|age\s*[:=]?)\s+(?:now\s+)?(\d{1,3})\b"
        r"(?!\s*(?:days?|weeks?|wks?\b|w\b|months?|mths?\b|%|kg|lb|\+\s*\d))",
        re.I,
    ),
    # "I have 41 years, ..." (see _HAVE_YEARS)
    re.compile(rf"\bi\s+{_HAVE_YEARS}", re.I),
    # the age now beside an age in the past: "since I was 22 (now 28)", "now aged 40"
    re.compile(r"\(\s*(?:now|currently)\s+(?:aged?\s+)?(\d{1,3})\s*\)|\bnow\s+aged\s+(\d{1,3})\b", re.I),
]
_DIGIT = re.compile(r"\d")
_SEX_WORDS = [
    (re.compile(r"\b(?:sex|gender)\s*[:=]?\s*(?:m|male)\b", re.I), "male"),
    (re.compile(r"\b(?:sex|gender)\s*[:=]?\s*(?:f|female)\b", re.I), "female"),
    (re.compile(r"\b(?:male|man|guy|gentleman|bloke|gent|lad|boy)\b", re.I), "male"),
    (re.compile(r"\b(?:female|woman|lady|gal|girl|pregnant)\b", re.I), "female"),
    # "I'm a 38-year-old mum of two", "as a new dad"
    (re.compile(r"\b(?:i'?m|i\s+am|as)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:dad|father|husband)\b", re.I), "male"),
    (re.compile(r"\b(?:i'?m|i\s+am|as)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:mum|mom|mother|wife)\b", re.I), "female"),
]


_AGE_FOLDED = [Folded(p) for p in _AGE_PATTERNS]
_SEX_FOLDED = [(Folded(p), value) for p, value in _SEX_WORDS]
# words every match of each _SEX_WORDS pattern contains
_SEX_NEEDLES: list[tuple[str, ...]] = [
    ("sex", "gender"),
    ("sex", "gender"),
    ("male", "man", "guy", "gentleman", "bloke", "gent", "lad", "boy"),
    ("female", "woman", "lady", "gal", "girl", "pregnant"),
    ("dad", "father", "husband"),
    ("mum", "mom", "mother", "wife"),
]


def _sex_of(word: str) -> str | None:
    w = attributes_file().person
    low = word.lower()
    return "male" if low in w.male else "female" if low in w.female else None


def _small(token: str, w: PersonWords) -> int:
    low = token.lower()
    return int(low) if low.isdigit() else w.units.get(low) or w.teens[low]


def _may(low: str | None, needles: tuple[str, ...]) -> bool:
    """Whether a pattern needing one of ``needles`` can match: ``low`` is the lower-cased text
    when it is ASCII (case-insensitive matching is then plain lower-casing), else None (no
    shortcut: Unicode case folding has its own equivalences)."""
    return low is None or any(x in low for x in needles)


def _ascii_lower(text: str) -> str | None:
    return text.lower() if text.isascii() else None


@cache
def _clinical_age_rx() -> re.Pattern[str] | None:
    """A baby's age in a note's shorthand (``clinical_age_after``)."""
    w = attributes_file().person
    if not w.clinical_age_bases:
        return None
    young = alternation(w.clinical_age_before or ["baby"])
    bases = alternation(w.clinical_age_bases)
    after = alternation(w.clinical_age_after or ["corrected"])
    return re.compile(
        rf"\b(?:{young})\s*(?:[,:]\s*)?(\d{{1,2}})/({bases})(?![/\d])"
        rf"|(?<![\d/.])(\d{{1,2}})/({bases})\s*(?:,\s*)?(?:{after})(?!\w)",
        re.I,
    )


def clinical_ages(text: str) -> list[tuple[int, int, float]]:
    """A baby's ages told in a note's shorthand ("baby boy 6/52", "3/12 corrected"): (start,
    end, days) of the count and its base."""
    rx = _clinical_age_rx()
    if rx is None or "/" not in text:
        return []
    w = attributes_file().person
    out = []
    for m in rx.finditer(text):
        k = 1 if m.group(1) else 3
        days = int(m.group(k)) * w.clinical_age_bases[m.group(k + 1)]
        out.append((m.start(k), m.end(k + 1), days))
    return out


def young_age(text: str, low: str | None = None) -> tuple[int, int | None] | None:
    """An age given as a young child's: (years, months or None). "6 wk old" -> (0, 1)."""
    rx = _rx()
    w = rx.words
    low = _ascii_lower(text) if low is None else low
    for _, _, days in clinical_ages(text)[:1]:
        if days < 3 * 365:
            months = int(days // 30.44 + 1e-9)
            return months // 12, months
    m = (rx.infant_old.search(text) if _may(low, ("old",)) else None) or (
        rx.infant_aged.search(text) if _may(low, ("age", "he", *rx.young_needles)) else None
    )
    if m and w.pronoun_weeks_max is not None and m.group(0).lower().startswith(("he", "she")):
        days = _small(m.group(1), w) * w.infant_units[m.group(2).lower()]
        if days > w.pronoun_weeks_max * 7:
            m = None  # "she's 31 weeks": weeks so many after a pronoun are a pregnancy's, not a baby's age
    if m:
        days = _small(m.group(1), w) * w.infant_units[m.group(2).lower()]
        months = int(days // 30.44 + 1e-9)
        return months // 12, months
    m = rx.young_of.search(text) if _may(low, (*rx.young_needles, " of ")) else None
    if m:
        return _small(m.group(1) or m.group(2), w), None
    if rx.newborn.search(text):
        return 0, 0
    return None


def decade_age(text: str, low: str | None = None) -> int | None:
    """ "in her 80s" -> 85, "in his early seventies" -> 72: an age by decade, when the decade
    is someone's (a possessive) or placed within it (early, mid, late)."""
    rx = _rx()
    if not _may(_ascii_lower(text) if low is None else low, rx.decade_needles):
        return None
    for m in rx.decade.finditer(text):
        poss, qual, digit, word = m.groups()
        if not poss and not qual:
            continue
        base = int(digit) * 10 if digit else rx.words.decades[word.lower()]
        return base + rx.words.decade_offset[(qual or "").lower()]
    return None


def _plain_age(text: str, low: str | None = None) -> tuple[int | None, str | None]:
    """Age (and a sex letter) from the usual forms: "59 yo", "55M", "F, 44", "aged 67"."""
    rx = _rx()
    w = rx.words
    low = _ascii_lower(text) if low is None else low
    wm = rx.word_age.search(text) if _may(low, ("year",)) else None
    if wm:
        tens, unit, single = wm.group(1), wm.group(2), wm.group(3)
        if tens:
            return w.tens[tens.lower()] + (w.units[unit.lower()] if unit else 0), None
        return _small(single, w), None
    if _DIGIT.search(text) is None:
        return None, None  # every pattern below needs a digit
    for pat in _AGE_FOLDED:
        am = pat.search(text)
        if not am:
            continue
        groups = [g for g in am.groups() if g]
        nums = [int(g) for g in groups if g.isdigit()]
        letters = [g.lower() for g in groups if g.isalpha()]
        if nums and 0 < nums[0] <= 120:
            return nums[0], ("male" if letters[0] == "m" else "female") if letters else None
    return None, None


def self_contrast(text: str) -> bool:
    """Whether the writer turns from a relative's story to their own ("mine is just a stiff
    neck", "I just have neck pain"): attributes.yaml ``self_contrast``."""
    rx = _rx().self_contrast
    return rx is not None and rx.search(text) is not None


def _has_complaint(tail: str, w: PersonWords) -> bool:
    """Whether the words after a relative say they have a complaint: a possession verb (or "is"
    and a state: "is pregnant and has a stiff neck"), then a complaint word within a few words
    ("has neck pain", "'s got a really bad headache"), before any word of the writer's own."""
    low = " ".join(tail.lower().split())
    for verb in sorted(w.possession_verbs, key=len, reverse=True):
        if low.startswith(verb + " "):
            for word in re.findall(r"[a-z']+", low[len(verb) :])[: w.complaint_reach + 1]:
                if word in w.writer_words:
                    return False  # "my mum is worried about my back": the writer's own complaint
                if word in w.complaint_words:
                    return True
            return False
    return False


def _third_person(text: str, age: int | None, sex: str | None) -> tuple[int | None, str | None]:
    """Age and sex of a person told of in the third person with no relative word: a title and
    name ("Mrs K, 84, on warfarin") or a pronoun with an age ("she is 90 and fell") when the
    writer says nothing of their own body."""
    titled = _titled(text)
    if titled is not None:
        t_age, t_sex = titled
        return (age if age is not None else t_age), (sex or t_sex)
    if age is None and not _FIRST_PERSON.search(text):
        m = _PRONOUN_AGE.search(text)
        if m:
            age = int(m.group(1) or m.group(2))
            if sex is None:
                sex = "female" if m.group(0).lower().startswith("she") else "male"
    return age, sex


def read_person(text: str) -> Person:
    """Who the patient is and their age and sex, as far as the text says."""
    rx = _rx()
    proxy = None
    proxy_span = None
    age: int | None = None
    months: int | None = None
    sex: str | None = None
    low = _ascii_lower(text)
    text_for_age = text
    young = young_age(text, low)
    if young is not None:
        age, months = young
    m = rx.proxy.search(text) if _may(low, rx.proxy_needles) else None
    if m:
        before = text[: m.start()]
        first_sentence_end = re.search(r"[.!?\n]", text[m.end() :])
        tail = text[m.end() : m.end() + (first_sentence_end.start() if first_sentence_end else 80)]
        # the relative's part, or the part with a word said of it ("my son's wry neck", "my
        # daughter's bad back"): the message is about them, their complaint's length is theirs
        talks_about = re.match(
            r"\s*(?:['’]s\s+(?:(?!and\b|or\b|with\b)[a-z]+\s+)?(?:(?:lower|low|upper|middle|mid|left|right|whole)\s+)?(?:neck|back|head|spine|shoulders?|arms?|legs?|hands?|feet|foot|face|mouth|smile|speech|voice|fingers?|toes?|knees?|hips?|body|grip|walking|balance)|is\s+in|is\s+an?\b|(?:is|['’]s)\s+(?:\d{1,2}\s*(?:weeks?|wks?)\b|pregnant|expecting)|keeps|can'?t|cannot|woke|complains|says|fell|got\s+(?:hit|tackled|knocked|hurt|injured|kicked|thrown|bitten|stung|struck|whacked|bumped|clattered|elbowed|winded)|has\s+been|has\s+had|gets|started|was\s+started|(?:has|had)\s+(?:a\s+)?(?:stiff|sore|bad|terrible|severe|pain|fever|temperature))",
            tail,
            re.I,
        )
        happening = bool(_HAPPENING.match(tail) and not _OWN_PART.search(text[m.end() :]))
        complaint = _has_complaint(tail, rx.words) or happening
        pronoun_later = _PRONOUN.search(text[m.end() :])
        aged = m.group(1) or m.group(3) or m.group(4) or m.group(5) or m.group(6) or m.group(7)
        # (after a relative's acute happening, only a part of the writer's own body makes the
        # message theirs: "my son was knocked out, I'm so worried" is still about the son)
        own_body = not aged and (_OWN_PART.search(tail) if happening else _OWN_BODY.search(tail))
        # "My wife gets neck spasms too." opening the message: the writer has them as well
        likewise = not aged and not before.strip() and re.search(r"\b(?:too|as\s+well)\s*$", tail, re.I)
        contrast = rx.self_contrast is not None and rx.self_contrast.search(text, m.end())
        # "my roommate had flu last week", "I've got a fever too": a contact, not the patient
        contact = m.group(2).lower() in rx.words.acquaintances and bool(
            _CONTACT.match(tail) or _FIRST_PERSON.search(text[m.end() :]) or _HAPPEN_TO.search(text, m.end())
        )
        if contact and aged:
            # the age is the contact's ("my 80 year old neighbour ..."): not the patient's
            blank = " " * (m.end() - m.start())
            text_for_age = text[: m.start()] + blank + text[m.end() :]
        if (
            (aged or talks_about or complaint or pronoun_later or young is not None)
            and not _FIRST_PERSON.search(before)
            and not _PATIENT_LABEL.search(before)
            and not own_body
            and not likewise
            and not contrast
            and not contact
        ):
            proxy = m.group(2).lower()
            proxy_span = (m.start(), m.end())
            sex = _sex_of(proxy)
            if age is None:
                for g in (1, 3, 4, 5, 6, 7):
                    if m.group(g):
                        age = int(m.group(g))
            if age is None:
                later = _PRONOUN_AGE.search(text[m.end() :])
                if later:
                    age = int(later.group(1) or later.group(2))
            if age is None:
                near = _NEAR_AGE.match(tail)
                if near:
                    age = int(near.group(1))
    if proxy is None and age is None:
        age, letter_sex = _plain_age(text_for_age, _ascii_lower(text_for_age))
        sex = letter_sex
    if proxy is None:
        age, sex = _third_person(text, age, sex)
    if age is None:
        age = decade_age(text, low)
    if proxy is None and sex is None:
        for (pat, value), needles in zip(_SEX_FOLDED, _SEX_NEEDLES, strict=True):
            if _may(low, needles) and pat.search(text):
                sex = value
                break
    if age is not None and age > 120:
        age = None
    return Person(age, sex, proxy, proxy_span, months)
