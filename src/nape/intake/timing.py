"""Time: how long the problem has lasted, brief episodes, recurrence (word lists in
resources/attributes.yaml).

Examples: "2/52" -> two weeks; "lasts about 2-3 minutes" -> brief episodic spasms; "for the
past month" -> one to six weeks. A duration belongs to what it governs in its clause: "smoked
for 30 years" or "diabetic for 15 years" says nothing of how long the neck has hurt
(``attach``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from nape.intake.concepts import GROUP, ancestors, drop_hidden
from nape.intake.folding import Folded
from nape.intake.matcher import Match
from nape.intake.person import clinical_ages
from nape.intake.pipeline import ABSENT
from nape.intake.schema import concept_file
from nape.intake.tokens import Tok
from nape.intake.wordlists import alternation, attributes_file, grouped


@dataclass(frozen=True)
class Hit:
    """A value read from the text, with where it came from."""

    finding: str
    present: bool
    start: int
    end: int
    text: str
    # a number and a unit with nothing saying it is a duration ("neck pain 3 days"): it counts
    # only right after a symptom
    bare: bool = False
    # a time point ("three days ago"): the date of what it governs
    point: bool = False
    # how many days ago it began (a length or a point, the same for the problem)
    days: float = 0.0
    # counts only when a symptom's words govern it in its clause ("on Tuesday", "in March"):
    # alone it could date anything (a visit, a booking)
    weak: bool = False
    # how long a medicine has been taken only ("long-term"), never how long the problem has lasted
    owner_only: bool = False
    # a time relative to an undated event ("the next morning"): read only when the text gives no
    # other time at all
    relative: bool = False
    # dates the problem only when a symptom's words govern it ("my back started hurting this
    # week"), never through a medicine or an event ("started a new tablet this week")
    symptom_only: bool = False
    # a length of hours told of how the pain behaves ("it comes in waves for two hours"): the
    # episode's duration only when the text gives no other time at all
    last_resort: bool = False
    # a clock time with no start word ("4am behind the decks", "rang at 2am"): when the story
    # told happened today, not the date of any one complaint (no new deficit is dated by it)
    story_clock: bool = False
    # a time of the story told today (or the day before) that an activity, an illness or an
    # event holds ("sanding floors all day", "sick yesterday", "he just stood up"): with the
    # complaint told after it, the complaint is no older, read below any time said of it
    story: bool = False
    # a weekday named ("on Monday", "Saturday"): which week it falls in is not said
    weekday: bool = False


@cache
def _numbers() -> dict[str, float]:
    return attributes_file().time.numbers


@cache
def _duration_rx() -> re.Pattern[str]:
    cfg = attributes_file().time
    num = rf"(\d+(?:\.\d+)?|{alternation(_numbers())})"
    more = _spaced([w for w in cfg.more_after if w != "+"]) if cfg.more_after else "(?!)"
    hedges = rf"(?:\s+(?:{_spaced(cfg.after_hedges)})\b)?" if cfg.after_hedges else ""
    tails = _spaced([*cfg.now_words, *cfg.past_tails] or ["now"])
    return re.compile(
        rf"\b(for|past|last|over\s+the\s+(?:last|past)|(?:since|from|for|in)\s+(?:the\s+)?(?:last|past)|since|from|x|×|about|around|almost|nearly|already|lasts?|lasting|lasted|each|every|these|this|it\s+is|it['’]s)?\s*"
        # up to two words of approximation ("for well over two months", "for getting on for two months")
        rf"((?:(?:{_approx()})\s+)?(?:(?:{_approx()})\s+)?)"
        # a unit glued with a hyphen counts as well ("2-yr hx", "a 10-day history")
        # "one and a half months", "2 and half years": the half is read from the words between
        rf"{num}(?:\s+and\s+(?:a\s+)?half)?(?:\s*(?:-|–|to|or)\s*(\d+))?\+?(?:\s*|-)({alternation(cfg.unit_days)})\b"
        # a lower bound after the unit ("eight weeks plus", "4 months+", "a fortnight or more")
        rf"(\+(?![\d+])|\s*\+(?=\s*(?:[.,;:!?)]|$|now\b|and\b))|\s+(?:{more})\b(?!\s*(?:\d|a\b|an\b|another\b)))?"
        # "an hour or so ago", "a week or thereabouts", "3 year maybe"
        rf"(?:\s+or\s+(?:{_spaced(cfg.unit_hedges)})\b)?{hedges}"
        # "two days ago", "3 weeks now", "a year already", "these two months past"
        rf"(\s+ago|\s+(?:{tails})\b{_ago_back()}"
        # "only two days old" at a clause's end: the complaint's age when its sentence says so
        r"|\s+old\b(?=\s*(?:[.,;:!?)]|$)))?",
        re.I,
    )


# the groups of _duration_rx: 1 lead, 2 words of approximation, 3 number, 4 a range's end,
# 5 unit, 6 a lower bound after it, 7 tail ("ago", "now", "old")


def _approx() -> str:
    """The words of approximation that may stand between a lead and a length's number."""
    return _spaced(attributes_file().time.approximators or ["about", "over", "the", "a"])


def _more_before(lead: str, approx: str) -> bool:
    """Whether the words of approximation before a length's number make it a lower bound ("for
    more than six weeks", "well over a month"); "over" alone only after a lead ("for over two
    months"), since "built up over 3 weeks" is the spell it came on in."""
    words = " ".join(approx.lower().split())
    cfg = attributes_file().time
    if any(f" {w} " in f" {words} " for w in cfg.more_before):
        return True
    return bool(lead) and lead not in ("over the last", "over the past") and words.startswith("over")


def _apostrophes(pattern: str) -> str:
    """A pattern whose straight apostrophes match curly ones too ("it's", "it’s")."""
    return pattern.replace("'", "['’]")


@cache
def _nth_pregnancy() -> Folded:
    """A pregnancy's words, with which a count of units with no "of" is the pregnancy's."""
    return Folded(re.compile(rf"\b(?:{_spaced(attributes_file().time.nth_not_with or ['pregnant'])})", re.I))


@cache
def _nth_words() -> str:
    """Numbers written as words that count units ("day four", "week six"), not "a" or "few"."""
    nums = _numbers()
    return alternation(
        w
        for w, v in nums.items()
        if v >= 1
        and v == int(v)
        and v <= 31
        and " " not in w
        and w not in ("a", "an", "few", "some", "several", "many", "couple")
    )


def _spaced(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first, any run of spaces inside one matching
    any whitespace."""
    return grouped([r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)])


def _ago_back() -> str:
    """Words that date a length as "ago" does ("two days back"), as extra alternatives of the
    tail, each kept out before a complaint's or a body word ("3 weeks back pain")."""
    cfg = attributes_file().time
    if not cfg.ago_words:
        return ""
    stop = _spaced(cfg.ago_back_not_before)
    return rf"|\s+(?:{alternation(cfg.ago_words)})\b(?!\s*-?\s*(?:{stop})\b)(?!['’]s\b)"


@cache
def _duration_fold() -> Folded:
    return Folded(_duration_rx())


def _num(token: str) -> float:
    token = token.lower()
    return float(token) if token[0].isdigit() else float(_numbers().get(token, 1))


def _unit_days(unit: str) -> float:
    return attributes_file().time.unit_days.get(unit.lower(), 1.0)


# ----------------------------------------------------------------------------- durations
_POST = re.compile(r"\s?(?:post|after|since|following)\b", re.I)

# "for the past month", "over the last week", "the past fortnight my back ...": one unit with no
# number ("the last week of term" is a date)
_THE_PAST = re.compile(
    r"\b(?:(?:for|over|in|during)\s+)?(?:the|this)\s+(?:past|last)\s+(half\s+(?:an?\s+)?)?(hour|day|week|fortnight|month|year)\b(?!\s+(?:of|before|or\s+two\s+of)\b)",
    re.I,
)
_UNIT_WORD_DAYS = {"hour": 0.0417, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
# what someone did for ten minutes ("after walking for ten minutes") is not a spasm
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:walk|walking|walked|stand|standing|stood|sit|sitting|sat|run|running|ran|exercis\w*|cycling|driving|drove|reading|typing)\s+$",
    re.I,
)
_ACTIVITY_IN = re.compile(_ACTIVITY_BEFORE.pattern.replace(r"\s+$", r"\b"), re.I)
_SENTENCE_PUNCT = re.compile(r"[.!?]")


@cache
def _of_history() -> re.Pattern[str]:
    """Words right after a length that make it a history's length ("3 wk hx", "of pain", "8
    weeks' duration")."""
    return re.compile(rf"['’]?\s*(?:of|{alternation(attributes_file().time.length_history_words)})\b", re.I)


@cache
def _perfect() -> re.Pattern[str]:
    """The perfect tense in the words before a length ("has had pain for an hour")."""
    return re.compile(rf"(?:(?<!\w)|(?=['’]))(?:{alternation(attributes_file().time.perfect_words)})\b", re.I)


# an event "years ago" that has since settled says nothing about how long the problem has lasted
_SINCE_SETTLED = re.compile(
    # "gone" as an end ("it had gone by Friday", "gone away"), not as a change ("her arm's gone weak")
    r"\b(?:fine|gone(?=\s*(?:[.,;:!?]|$|away\b|now\b|completely\b|by\b|since\b))|resolved|settled|cleared|recovered"
    r"|stopped|ended|all[- ]clear|under\s+control)\b",
    re.I,
)
_START_WORDS = re.compile(
    r"\b(start|started|began|begun|came\s+on|since|woke|onset|first|happened|kicked\s+in|hurt|hurting|after|still)\b",
    re.I,
)
_LONG = re.compile(
    r"\b((?:for|after|over)\s+(?:many\s+)?(?:months|years|ages|a\s+long\s+time)|chronic|on\s+and\s+off\s+for\s+years|longstanding|long-standing"
    r"|since\s+(?:birth|childhood|i\s+was\s+(?:a\s+)?(?:baby|toddler|child|kid|little|young|born))"
    # "since years", "from many months" (English shaped by German, Dutch or French word order)
    r"|(?:since|from)\s+(?:many\s+|some\s+|several\s+)?(?:months|years)(?!\s+(?:ago|back|before|of|old|at|in|on|as|behind|spent|doing|working|sitting|hunched)\b)"
    # "years on olanzapine", "after years of haloperidol"
    r"|(?<!\d\s)(?:many\s+|several\s+)?years\s+(?:on|of|taking)(?=\s))\b",
    re.I,
)


# "long-term risperidone", "on it long term": how long a medicine has been taken, never the
# problem's length ("my long-term partner noticed my neck twitching")
_LONG_USE = re.compile(r"\blong[- ]term\b", re.I)

_THE_PAST_FOLD, _LONG_FOLD = Folded(_THE_PAST), Folded(_LONG)
# a spell named whole ("all week", "the whole weekend"), read as a length in the perfect tense
_ALL_SPAN = re.compile(
    r"\b(?:all|the\s+whole|the\s+entire)\s+(day|morning|afternoon|evening|weekend|week)\b(?!\s+(?:long\s+)?(?:at|on|in)\s+work)",
    re.I,
)
_ALL_SPAN_DAYS = {"day": 0.6, "morning": 0.3, "afternoon": 0.3, "evening": 0.3, "weekend": 2.5, "week": 5}


@cache
def _life_stage() -> Folded | None:
    """ "since my teens", "since I was a student", "since school": a stage of life left behind,
    years back (attributes.yaml ``life_stages``)."""
    cfg = attributes_file().time
    if not cfg.life_stages:
        return None
    was = r"(?:i|he|she|they|we)\s+(?:was|were)"
    places = rf"|{was}\s+(?:at|in)\s+(?:{_spaced(cfg.life_stage_places)})" if cfg.life_stage_places else ""
    return Folded(
        re.compile(
            rf"\b(?:ever\s+)?since\s+(?:(?:(?:my|his|her|their|our)\s+|{was}\s+(?:a\s+|an\s+|in\s+)?)?"
            rf"(?:{_spaced(cfg.life_stages)}){places})\b",
            re.I,
        )
    )


def _band(days: float) -> str:
    if days < 7:
        return "duration_under_1_week"
    if days <= 42:
        return "duration_1_to_6_weeks"
    return "duration_over_6_weeks"


@dataclass(frozen=True)
class _PointRx:
    """The point-in-time patterns, built once from resources/attributes.yaml."""

    day: Folded  # "since yesterday", "this arvo"
    week: Folded  # "this week" (an onset only with a start or change word in its clause)
    past: Folded  # "last week", "since last month", "the week before last"
    relative: Folded  # "the next morning", "the day after"
    weekday: Folded  # "since Sunday", "on Tuesday"
    month: Folded  # "since March", "back in May", and the current month ("it's June now")
    clinical: re.Pattern[str]  # "3/7", "2/52", "6/12"
    nth: Folded  # "week 3 of", "the second week of", "day 4 of"
    age_since: Folded  # "since age 30", "since I was 30"
    future: Folded  # "next", "until", "appointment": the point is ahead, not an onset
    clock: Folded  # "since 5am", "from 2 pm", "since 10:30"
    year_time: Folded  # "since the summer", "ever since Christmas", "since last spring"
    year_since: Folded  # "ever since 2021", "since his head injury in 2019"
    since_part: Folded  # "since midnight", "since the evening", "since this afternoon"
    at_point: Folded  # "started at 4am", "went weak at teatime": with a start word before it
    bare_clock: Folded  # "4am behind the decks and my neck seized", "07:31 sharp catch in my back"
    # words one of which a text must hold for each pattern to find anything (a cheap test first)
    gates: dict[str, tuple[str, ...]]


@cache
def _points_rx() -> _PointRx:
    cfg = attributes_file().time
    units = alternation(cfg.nth_units)
    clinical = "|".join(re.escape(b) for b in sorted(cfg.clinical_bases, key=len, reverse=True))
    return _PointRx(
        day=Folded(re.compile(rf"\b(since\s+)?({alternation(cfg.day_points)})\b", re.I)),
        week=Folded(re.compile(rf"\b(?:{alternation(cfg.week_points)})\b", re.I)),
        past=Folded(
            re.compile(
                rf"\b(since\s+|from\s+)?(?<!the\s)(?<!this\s)({_spaced(cfg.past_points or {'last week': 7})})\b", re.I
            )
        ),
        relative=Folded(re.compile(rf"\b(?:{alternation(cfg.relative_points)})\b", re.I)),
        weekday=Folded(
            re.compile(rf"\b(?:(since|from|on|last|this\s+past)\s+)?({alternation(cfg.weekdays)})\b(?!')", re.I)
        ),
        month=Folded(
            re.compile(
                rf"\b(?:({alternation([*cfg.month_leads, 'in'])})\s+)?(?:the\s+)?({alternation(cfg.months)})\b", re.I
            )
        ),
        clinical=re.compile(rf"(?<![\d/.])(\d{{1,2}})/({clinical})\b(?![/\d])"),
        nth=Folded(
            re.compile(
                rf"\b(?:({_apostrophes(_spaced(cfg.nth_frames or ['this is']))})\s+(?:(?:the|my|our)\s+)?)?"
                rf"(?:({units})\s+(\d{{1,2}}|{_nth_words()})|(\d{{1,2}})(?:st|nd|rd|th)\s+({units})|({alternation(cfg.ordinals)})\s+({units}))"
                # "of this", "into it"; or the words after it, for a count with no "of" ("this is
                # the third week my neck has hurt", "day five now")
                r"(?:\s+(?:of|into)\s+(\w+)|(?=\s*([\w'’-]+(?:\s+[\w'’-]+)?)))?",
                re.I,
            )
        ),
        age_since=Folded(
            re.compile(
                rf"\b(?:{alternation([*cfg.age_since, *cfg.age_when])})\s+(?:about\s+|around\s+|only\s+)?(\d{{1,3}})\b"
                # "I was 40 when it started": the age first, an onset's word after "when"
                r"|\b(?:i|he|she|they)\s+(?:was|were)\s+(?:about\s+|around\s+|only\s+)?(\d{1,2})\s+when\b(?=[^.!?;]{0,60}?"
                r"\b(?:start\w*|began|begun|came\s+on|kicked\s+in)\b)",
                re.I,
            )
        ),
        future=Folded(re.compile(rf"\b(?:{alternation(cfg.future_words)})\b", re.I)),
        clock=Folded(
            re.compile(
                rf"\b(?:{alternation(cfg.clock_leads or ['since'])})\s+(?:about\s+|around\s+|roughly\s+|approx\.?\s+)?"
                # (or a 24-hour time written with a leading nought: "since 0200")
                rf"(\d{{1,2}})(?:([:.]|(?<=\b0\d))(\d{{2}}))?"
                rf"(?:\s*({alternation(cfg.clock_suffixes or ['am'])}))?(?![\w:])",
                re.I,
            )
        ),
        bare_clock=Folded(
            re.compile(
                rf"(?<![\w:/.])(?:(\d{{1,2}})(?:[:.](\d{{2}}))?\s*(?:{alternation(cfg.clock_suffixes or ['am'])})"
                r"|(\d{1,2}):(\d{2}))(?![\w:/])",
                re.I,
            )
        ),
        year_time=Folded(
            re.compile(
                rf"\b(?:{alternation(cfg.year_time_leads or ['since'])})\s+(?:(the|last|this\s+past)\s+)?"
                rf"(?:(start|beginning|end|middle)\s+of\s+(?:the\s+)?)?({alternation(cfg.year_times or ['summer'])})\b",
                re.I,
            )
        ),
        year_since=Folded(
            re.compile(
                rf"\b(?:ever\s+)?(?:since|from)\b((?:\s+(?!(?:19|20)\d\d\b|to\b|until\b|till\b)[^\s.,;!?]+){{0,{cfg.year_since_reach}}}?)\s+"
                r"(?:in\s+|of\s+|back\s+in\s+)?((?:19|20)\d\d\b(?!\s*(?:-|–|to|until|till)\s*\d)"
                # or a past year or time of the year told by "last" ("since my crash last year",
                # "ever since the fall I had last winter")
                rf"|(?:last|this\s+past)\s+(?:(year)|({alternation(cfg.year_times or ['summer'])}))\b)",
                re.I,
            )
        ),
        since_part=Folded(
            re.compile(
                rf"\bsince\s+(?:(?:{_spaced(cfg.since_day_articles or ['the'])})\s+)?"
                rf"({_spaced(cfg.since_day_parts or {'midnight': 0.5})})\b(?!\s+(?:of|on|before)\b)",
                re.I,
            )
        ),
        at_point=Folded(
            re.compile(
                rf"\b(?:{_spaced(cfg.at_point_leads or ['at'])})\s+(?:(\d{{1,2}})(?:([:.])(\d{{2}}))?"
                rf"(?:\s*({alternation(cfg.clock_suffixes or ['am'])}))?(?![\w:])"
                rf"|({_spaced(cfg.at_day_parts or {'teatime': 0.2})})\b)",
                re.I,
            )
        ),
        gates={
            "since_part": ("since",),
            "day": tuple(w.split()[-1] for w in cfg.day_points),
            "week": ("week",),
            "past": tuple({w.split()[1] for w in cfg.past_points if len(w.split()) > 1}),
            "relative": tuple({w.split()[-1] for w in cfg.relative_points}),
            "weekday": ("day",),
            "month": tuple(cfg.months),
            "clinical": ("/",),
            "nth": tuple(cfg.nth_units),
            "age_since": tuple({*(w.split()[0] for w in [*cfg.age_since, *cfg.age_when]), "was", "were"}),
            "clock": tuple(w.split()[0] for w in cfg.clock_leads),
            "year_time": tuple(cfg.year_times),
            "year_since": ("since", "from"),
            "at_point": tuple({w.split()[0] for w in cfg.at_point_leads}),
            "bare_clock": (*cfg.clock_suffixes, ":"),
        },
    )


# an onset's word before an age in the past ("it began when I was 30")
_ONSET_BEFORE = re.compile(r"\b(?:start\w*|began|begun|begin\w*|came\s+on|first|onset|kicked\s+in|since)\b", re.I)

# how a pain behaves, said before a length of hours ("it comes in waves for two hours")
_BEHAVES = re.compile(
    r"\b(?:waves?|surges?|bursts?|comes?|goes|spasms?|spasming|cramps?|cramping|grips?|gripping|tightens?|throbs?|locks?|seizes?)\b",
    re.I,
)


def _behaves_before(text: str, start: int) -> bool:
    """Whether the clause before ``start`` tells how a pain behaves, with no activity in it
    ("the spasms come in waves", not "after jogging" or "sitting at a desk")."""
    before = _sentence_before(text, start, 60)
    before = before[before.rfind(",") + 1 :]
    return (
        _BEHAVES.search(before) is not None
        and _ACTIVITY_IN.search(before) is None
        and not re.search(r"ing\s*$", before)
    )


_WEEKDAY_ONSET = re.compile(
    r"\b(?:came\s+on|comes\s+on|started|began|begun|kicked\s+(?:in|off)|flared(?:\s+up)?|set\s+in|went|gone|happened)\s+(?:on\s+|last\s+|this\s+past\s+)?$",
    re.I,
)


def _sentence_before(text: str, start: int, reach: int = 40) -> str:
    """The text before ``start`` back to the sentence's start (at most ``reach`` characters)."""
    before = text[max(0, start - reach) : start]
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind(";"))
    return before[cut + 1 :]


def _clause_around(text: str, start: int, end: int) -> str:
    """The words around ``start``..``end`` up to the nearest clause punctuation (at most 60
    characters before and 100 after)."""
    before = _sentence_before(text, start, 60)
    cut = before.rfind(",")
    after = text[end : end + 100]
    stop = min((i for i in (after.find(p) for p in ".,;!?") if i >= 0), default=len(after))
    return before[cut + 1 :] + text[start:end] + after[:stop]


def _current_month(text: str) -> int | None:
    """The month the text says it is now ("it's June now", "now it's June"), if any."""
    cfg = attributes_file().time
    before_words = tuple(" " + w for w in cfg.now_before)
    for m in _points_rx().month.finditer(text):
        if m.group(1):
            continue  # "since June" is the start, not now
        before = " " + " ".join(text[max(0, m.start() - 16) : m.start()].lower().split())
        after = text[m.end() : m.end() + 12].lower().lstrip(" ,")
        if before.endswith(before_words) or any(
            after.startswith(w) and after[len(w) : len(w) + 1] in ("", " ", ".", ",", "!", "?") for w in cfg.now_after
        ):
            return attributes_file().time.months.get(" ".join(m.group(2).lower().split()))
    return None


def _year_time_elapsed(
    span: tuple[tuple[int, int], tuple[int, int]], today: date, last: bool, part: str
) -> tuple[float, float] | None:
    """The fewest and the most days since a named time of the year ([month, day] to [month,
    day]; "start of" or "end of" narrows it to its first or last day): its most recent
    occurrence that has begun by ``today`` (with ``last``, one that has ended). One still going on
    may also be the one before it ("since the winter" said on the second day of December is
    more likely last winter than a day), so its most reaches back to that one's first day.

    >>> _year_time_elapsed(((12, 1), (2, 28)), date(2026, 12, 2), False, "")
    (0.0, 366.0)
    """
    (m1, d1), (m2, d2) = span
    for year in (today.year, today.year - 1, today.year - 2):
        start = date(year, m1, d1)
        end = date(year + 1 if (m2, d2) < (m1, d1) else year, m2, d2)
        if part in ("start", "beginning"):
            end = start
        elif part == "end":
            start = end
        if start > today or (last and end >= today):
            continue
        if end >= today and start < end:
            start = date(year - 1, m1, d1)
        return float(max(0, (today - end).days)), float((today - start).days)
    return None


@cache
def _month_day_rx() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The start ("on the 3rd") and today ("it's now the 14th") as days of the month."""
    cfg = attributes_file().time
    if not cfg.month_day_leads or not cfg.month_day_now:
        return None
    day = r"the\s+(\d{1,2})(?:st|nd|rd|th)\b"
    lead = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(cfg.month_day_leads, key=len, reverse=True))
    now = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(cfg.month_day_now, key=len, reverse=True))
    return (
        re.compile(rf"\b(?:{lead})\s+{day}(?!\s+of\s+\w+\s+\d)", re.I),
        re.compile(rf"(?<![\w'])(?:{now})\s+{day}", re.I),
    )


def read_month_days(text: str) -> list[Hit]:
    """A start told as a day of the month with today told the same way ("back went on the 3rd,
    it's now the 14th"): the days between them, like a weekday's arithmetic; a start later in the
    month than today is in the month before. Nothing without today's day."""
    rx = _month_day_rx()
    if rx is None or "the " not in text.lower():
        return []
    start_rx, now_rx = rx
    now_m = now_rx.search(text)
    if now_m is None or not 1 <= int(now_m.group(1)) <= 31:
        return []
    today = int(now_m.group(1))
    out: list[Hit] = []
    for m in start_rx.finditer(text):
        if now_m.start() <= m.start() < now_m.end():
            continue
        first = int(m.group(1))
        if not 1 <= first <= 31 or first == today:
            continue
        days = float(today - first if today > first else today + 30 - first)
        if _points_rx().future.search(_sentence_before(text, m.start())):
            continue  # "seeing the physio on the 20th"
        # "on the 3rd" dates whatever governs it (a visit too), unless an onset verb comes just
        # before it ("it started on the 3rd"); "since the 3rd" is a length
        since = m.group(0).split()[0].lower() in ("since", "from")
        before = " " + " ".join(text[max(0, m.start() - 16) : m.start()].lower().split())
        onset = since or before.endswith(tuple(" " + w for w in attributes_file().time.month_day_onset))
        out.append(Hit(_band(days), True, m.start(), m.end(), m.group(0), point=not since, days=days, weak=not onset))
    return out


def _symptom_point(m: re.Match[str], days: float, relative: bool = False) -> Hit:
    """A point that dates the problem only when a symptom's words govern it ("it started last
    month", "the next morning my neck locked")."""
    return Hit(
        _band(days),
        True,
        m.start(),
        m.end(),
        m.group(0),
        point=True,
        days=days,
        weak=True,
        relative=relative,
        symptom_only=True,
    )


# the complaint told "now" after a time, in its sentence or opening the next ("Roofing all day.
# Now my calves cramp", "since 6, and now my back ...")
_NOW_AFTER = re.compile(r"[^.!?]{0,80}?\bnow\b|[^.!?]{0,80}[.!?]+\s*(?:and\s+|but\s+|so\s+)?now\b", re.I)


@cache
def _since_then_rx() -> re.Pattern[str]:
    """The words after an event's date that tie the trouble to it ("ever since", "since then")."""
    return re.compile(rf"\b(?:{_spaced(attributes_file().time.since_then or ['since then'])})\b", re.I)


# a year told as when something happened ("in 2019", "back in 2021")
_YEAR_IN = re.compile(r"\b(?:back\s+)?in\s+((?:19|20)\d\d)\b(?!\s*(?:-|–|to|until|till)\s*\d)", re.I)
_JUST = re.compile(r"just\b", re.I)
# the complaint said to follow an activity ("aching after digging the allotment")
_AFTER_DOING = re.compile(r"\bafter\s+(?:\w+\s+)?\w+ing\b", re.I)
# an activity in the perfect ("been stacking shelves", "I've been driving")
_BEEN_DOING = re.compile(r"\bbeen\s+\w+ing\b", re.I)
# words that make a stretch of the day a routine ("I sit at a desk all day every day")
_ROUTINE = re.compile(
    r"\b(?:every|usually|always|normally|generally|most|each|daily|often|whenever|job|gets?|goes|go|tends?|finds?"
    r"|worse|better|easier|aches|hurts|work|shift|i\s+(?:work|sit|stand|drive))\b",
    re.I,
)
# a past or an "-ing" fragment before a stretch of the day ("tiling a bathroom floor all day",
# "dug the allotment all weekend", "was on the ladder all day")
_PAST_DOING = re.compile(r"^\s*[a-z]+ing\b|\b(?:was|were|spent|did|had|[a-z]{2,}ed)\b", re.I)


@cache
def _just_rx() -> re.Pattern[str]:
    """ "just" and the word after it (and "just now" before that): a past verb there is a
    moment ago."""
    return re.compile(r"\bjust\s+(?:now\s+)?([a-z]+)\b", re.I)


@cache
def _clock_word_rx() -> re.Pattern[str]:
    """ "since" and an hour with no am or pm ("since 6", "since half nine", "since quarter past
    eight"), not before a unit, an age's word or a clock's minutes."""
    cfg = attributes_file().time
    words = alternation(cfg.clock_word_hours or {"six": 6})
    units = alternation(cfg.unit_days)
    return re.compile(
        rf"\bsince\s+(?:about\s+|around\s+)?(?:(half|quarter)\s+(?:past\s+|to\s+)?)?(\d{{1,2}}|{words})\b"
        rf"(?![:.]\d)(?!\s*(?:%|-|(?:{units})\b|(?:years?\s+)?old\b|am\b|pm\b|a\.m|p\.m|o['’]?clock))",
        re.I,
    )


def _no_change_before(text: str, start: int, span: bool = False) -> bool:
    """Whether a denial of change comes just before ``start`` in its clause ("nothing new
    today", "no different this morning"; with ``span``, only the words that deny a change over a
    stretch: "no change in the last fortnight")."""
    cfg = attributes_file().time
    words = cfg.no_change_span_words if span else cfg.no_change_words
    if not words:
        return False
    before = _sentence_before(text, start, 50)
    before = before[before.rfind(",") + 1 :]
    return (
        re.search(rf"\b(?:nothing|no|not\s+any)\s+(?:{alternation(words)})\b[^.,;!?]{{0,25}}$", before, re.I)
        is not None
    )


@cache
def _dated_test_rx() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A test's noun after a day point's possessive, and one just before a day point (see
    ``dated_test_nouns``)."""
    nouns = attributes_file().time.dated_test_nouns
    if not nouns:
        return None
    alt = alternation(nouns)
    return (
        re.compile(rf"['’]s\s+(?:[\w-]+\s+)?(?:{alt})\b", re.I),
        re.compile(rf"\b(?:{alt})\s+(?:(?:taken|done|sent|repeated|checked)\s+)?$", re.I),
    )


def _test_dated(text: str, start: int, end: int) -> bool:
    """Whether the day point at ``start``-``end`` dates a test or its result ("on this morning's
    bloods", "x-ray today showed"): the day of the test, not when the complaint began."""
    rx = _dated_test_rx()
    return rx is not None and (
        rx[0].match(text, end) is not None or rx[1].search(text[max(0, start - 30) : start]) is not None
    )


def read_points(text: str, age: int | None = None, today: date | None = None) -> list[Hit]:
    """Points in time that give how long ago the problem began: a part of the day or the week
    ("since yesterday", "this arvo", "the other day"), a weekday ("since Sunday": the most recent
    one, so under a week), a month with the current month stated ("since March ... it's June
    now"), clinical shorthand ("3/7", "2/52", "6/12"), "week 3 of this", "since age 30" with a
    known age. A weekday or month alone ("on Tuesday", "in March") is ``weak``: it counts only
    when a symptom governs it."""
    cfg = attributes_file().time
    rx = _points_rx()
    out: list[Hit] = []
    low = text.lower()

    def may(kind: str) -> bool:
        return any(w in low for w in rx.gates[kind])

    said_now: list[int | None] = []  # the month the text says it is now, read once

    def current_month() -> int | None:
        if not said_now:
            said_now.append(_current_month(text))
        return said_now[0]

    def future(start: int) -> bool:
        return rx.future.search(_sentence_before(text, start)) is not None

    told_pregnancy: list[bool] = []  # whether the text tells of a pregnancy, read once

    def pregnancy() -> bool:
        if not told_pregnancy:
            told_pregnancy.append(_nth_pregnancy().search(text) is not None)
        return told_pregnancy[0]

    taken: set[int] = set()  # where a day point's words include "this week" ("earlier this week")
    clocks: list[tuple[int, int, float]] = []  # clock times with no start word: weak points
    for m in rx.day.finditer(text) if may("day") else ():
        taken.update(range(m.start(), m.end()))
        word = " ".join(m.group(2).lower().split())
        days = cfg.day_points.get(word)
        if days is None:
            continue  # a case-insensitive match that is no listed word once put in lower case
        since = bool(m.group(1)) or word.startswith("since")
        # "yesterday" dates an event ("given prochlorperazine yesterday"); "since Saturday" is a length
        if not since and word in ("tonight", "today", "this week") and future(m.start()):
            continue
        if not since and _no_change_before(text, m.start()):
            continue  # "nothing different this morning": no onset is dated
        if not since and _test_dated(text, m.start(), m.end()):
            continue  # "yesterday's scan": the test's day, not the onset
        out.append(
            Hit(
                _band(days),
                True,
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                point=not since,
                days=days,
                # (not "today", which is as often the day of the visit: "on my couch today")
                story=not since and days <= 2 and word != "today",
            )
        )
    # "she just keeled over", "I've just stood up and my back locked": a moment ago, as a weak
    # point of the story told (a symptom's words make it the complaint's onset)
    for m in _just_rx().finditer(text) if "just" in low else ():
        verb = m.group(1).lower()
        if verb in cfg.just_not_verbs or not (verb.endswith("ed") or verb in cfg.just_past_verbs):
            continue
        days = cfg.just_days
        out.append(
            Hit(
                _band(days),
                True,
                m.start(),
                m.end(),
                m.group(0),
                point=True,
                days=days,
                weak=True,
                story=True,
                last_resort=True,  # any other time said is the complaint's
            )
        )
    # "been stacking shelves since 6. Now ...", "since half nine": a clock time told with no am
    # or pm, earlier today when the complaint is told now after it
    for m in _clock_word_rx().finditer(text) if "since" in low else ():
        part, hour = m.group(1), m.group(2).lower()
        n = int(hour) if hour.isdigit() else cfg.clock_word_hours.get(hour, 0)
        if not 1 <= n <= 12 or future(m.start()) or not _NOW_AFTER.match(text, m.end()):
            continue
        if not part and not _BEEN_DOING.search(_sentence_before(text, m.start(), 80)):
            continue  # "since 6" alone may be an age; with an activity in the perfect, an hour
        days = cfg.clock_days
        out.append(Hit(_band(days), True, m.start(), m.end(), m.group(0), days=days, story=True))
    for m in rx.since_part.finditer(text) if may("since_part") else ():
        if any(i in taken for i in range(m.start(), m.end())):
            continue  # "since the weekend", "since lunch": read as a day point already
        days = cfg.since_day_parts.get(" ".join(m.group(1).lower().split()))
        if days is None:
            continue
        taken.update(range(m.start(), m.end()))
        out.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
    for m in rx.week.finditer(text) if may("week") else ():
        if m.start() in taken or future(m.start()) or not _week_onset(text, m.start(), m.end()):
            continue
        out.append(_symptom_point(m, cfg.week_point_days))
    for m in rx.past.finditer(text) if may("past") else ():
        days = cfg.past_points.get(" ".join(m.group(2).lower().split()))
        if days is None or future(m.start()):
            continue
        if m.group(1):  # "since last week": how long, whatever its clause says
            out.append(Hit(_band(days), True, m.start(), m.end(), m.group(0), days=days))
        elif _week_onset(text, m.start(), m.end(), complaint=False, since_ok=False):
            # "it started last month", "my back went last week": an onset told by its clause's
            # start or change word ("last month I had a sore throat" is an earlier complaint's
            # date, not this one's; a "since" in its clause is another time's: "stiff since this
            # morning after a cold last week"); never under a week
            out.append(_symptom_point(m, days))
    for m in rx.relative.finditer(text) if may("relative") else ():
        if future(m.start()):
            continue
        days = cfg.relative_points.get(" ".join(m.group(0).lower().split()), 1.0)
        out.append(_symptom_point(m, days, relative=True))
    for m in rx.weekday.finditer(text) if may("weekday") else ():
        lead = " ".join((m.group(1) or "").lower().split())
        if future(m.start()):
            continue  # "seeing the physio on Friday", "off work until Monday"
        since = lead in ("since", "from")
        # "it came on Monday", "started on Tuesday": an onset told by its verb dates the
        # complaint whatever else its clause names
        told = _WEEKDAY_ONSET.search(text[max(0, m.start(2) - 25) : m.start(2)]) is not None
        out.append(
            Hit(
                _band(3),
                True,
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                point=not since,
                days=3,
                weak=not (since or told),
                weekday=True,
            )
        )
    now = None
    for m in rx.month.finditer(text) if may("month") else ():
        lead = " ".join((m.group(1) or "").lower().split())
        if not lead:
            continue
        if now is None:
            now = current_month() or 0
        if not now:
            break  # no current month stated: no length can be known (see attributes.yaml)
        start = cfg.months.get(" ".join(m.group(2).lower().split()))
        if start is None:
            continue
        months = (now - start) % 12
        if months == 0:
            continue
        days = months * 30.44
        out.append(
            Hit(
                _band(days),
                True,
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                point=lead != "since",
                days=days,
                weak=lead == "in",
            )
        )
    ages = {a for a, _, _ in clinical_ages(text)} if may("clinical") else set()
    for m in rx.clinical.finditer(text) if may("clinical") else ():
        if m.start() in ages:
            continue  # "baby boy 6/52", "8/52 corrected": the baby's age, not how long
        days = int(m.group(1)) * cfg.clinical_bases[m.group(2)]
        sign = text[m.start() - 1 : m.start()]
        days += {"<": -0.5, ">": 0.5}.get(sign, 0)  # "<1/52": under a week; ">6/52": over six weeks
        if text[m.end() : m.end() + 1] == "+":
            days *= cfg.more_factor  # "6/52+": a lower bound, as "six weeks plus"
        point = _POST.match(text, m.end()) is not None  # "18/12 post TBI": the date of the event
        out.append(Hit(_band(days), True, m.start(), m.end(), m.group(0), point=point, days=days))
    for m in rx.nth.finditer(text) if may("nth") else ():
        frame, of_word, after = m.group(1), m.group(8), " ".join((m.group(9) or "").lower().split())
        if of_word and (
            of_word.lower() in cfg.months or (cfg.nth_of_words and of_word.lower() not in cfg.nth_of_words)
        ):
            continue  # "the first week of March" is a date, "week 3 of physio" a course's
        unit = (m.group(2) or m.group(5) or m.group(7)).lower()
        count = m.group(3) or m.group(4) or ""
        n = int(_num(count)) if count else cfg.ordinals.get(m.group(6).lower(), 0)
        per = cfg.nth_units.get(unit, 0)
        if not n or not per:
            continue
        if not of_word:
            # a count with no "of": after a frame that says it is now, or before a word that
            # counts on; never before an event's word ("day 3 post-op") nor a pregnancy's week
            counts_on = any(f"{after} ".startswith(f"{w} ") for w in cfg.nth_after)
            if not counts_on and (not frame or after.split(" ")[0] in cfg.nth_not_before):
                continue
            if per == 7 and n > cfg.nth_frame_max_weeks:
                continue  # "we're in week 30 now": a pregnancy's week
        if per >= 7 and pregnancy():
            continue  # "it is the fourth month", "week 30 of my pregnancy": the pregnancy's
        days = n if per == 1 else (n - 1) * per + 1  # in its Nth week: at least N-1 weeks and a day
        end = m.end() - len(of_word) if of_word else m.end()
        # the frame is the span's ("I'm on day 4 of this": not a medicine taken "on")
        start = m.start() if frame else m.start(2) if m.group(2) else m.start(4) if m.group(4) else m.start(6)
        out.append(Hit(_band(days), True, start, end, text[start:end].strip(), days=days))
    if age is not None and may("age_since"):
        for m in rx.age_since.finditer(text):
            if m.group(0).lower().startswith(tuple(cfg.age_when)) and not _ONSET_BEFORE.search(
                _sentence_before(text, m.start(), 80)
            ):
                continue  # "when I was 20 I broke my leg": an age in the past, no onset at it
            years = age - int(m.group(1) or m.group(2))
            if years >= 1:
                days = years * 365.0
                out.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
    for m in rx.clock.finditer(text) if may("clock") else ():
        hour, minutes, suffix = int(m.group(1)), m.group(3), m.group(4)
        military = minutes is not None and m.group(2) == "" and int(minutes) < 60  # "since 0200"
        if hour > 24 or not (suffix or (minutes and m.group(2) == ":") or military) or future(m.start()):
            continue  # "since 2" is no clock time; "since 10:30" is
        if re.match(r"\s*(?:till|til|until|to|-|–)\s*\d", text[m.end() : m.end() + 8], re.I):
            continue  # "from 6am to 4pm": a spell of the day, not an onset
        days = cfg.clock_days
        out.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
    for m in rx.at_point.finditer(text) if may("at_point") else ():
        if m.group(5):
            days = cfg.at_day_parts.get(" ".join(m.group(5).lower().split()), cfg.clock_days)
        elif int(m.group(1)) <= 24 and (m.group(4) or (m.group(3) and m.group(2) == ":")):
            days = cfg.clock_days
        else:
            continue  # "at 2" is no clock time
        if future(m.start()):
            continue
        if not _at_onset(text, m.start(), m.end()):
            if not _clock_routine(text, m.start(), m.end()):
                # "called the desk at 2am, a sudden pain", "fell off the wall at 14:10, now neck
                # pain": no start word, so a time of the story told today, read as a last resort
                clocks.append((m.start(), m.end(), days))
            continue
        out.append(
            Hit(
                _band(days),
                True,
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                point=True,
                days=days,
                weak=True,
                symptom_only=True,
            )
        )
    clock_ends = {b for _, b, _ in clocks}  # read after "at" above
    for m in rx.bare_clock.finditer(text) if may("bare_clock") else ():
        hour = int(m.group(1) or m.group(3))
        minutes = m.group(2) or m.group(4)
        if hour > 24 or (minutes is not None and int(minutes) > 59) or m.end() in clock_ends:
            continue
        if m.group(3) and not _clock_item_start(text, m.start()):
            continue  # "14:10" alone is a clock time only where a note's item starts ("07:31 sharp catch")
        if re.search(
            r"\b(?:at|since|from|by|until|till|to)\s*$|[-–]\s*$", text[max(0, m.start() - 8) : m.start()], re.I
        ):
            continue  # read above, or a spell of the day ("from 6am to 4pm")
        if future(m.start()) or _clock_routine(text, m.start(), m.end()):
            continue
        clocks.append((m.start(), m.end(), cfg.clock_days))
    for a, b, days in clocks:
        out.append(Hit(_band(days), True, a, b, text[a:b], point=True, days=days, weak=True, story_clock=True))
    on = today or date.today()
    if cfg.year_times and may("year_time") and current_month() is None:
        for m in rx.year_time.finditer(text):
            name = " ".join(m.group(3).lower().split())
            span = cfg.year_times.get(name)
            if span is None or future(m.start()):
                continue
            got = _year_time_elapsed(span, on, (m.group(1) or "").lower() == "last", (m.group(2) or "").lower())
            if got is None or _band(got[0]) != _band(got[1]):
                continue  # "since the summer" in early September: a week or three months
            days = (got[0] + got[1]) / 2
            out.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
    # "her bleed on the brain in 2017, and ever since ...", "knocked off my bike back in 2021;
    # since then ...": the
    # year dates the trouble that has gone on since (the event's or the symptom's year)
    for m in _YEAR_IN.finditer(text) if may("year_since") else ():
        tie = _since_then_rx().search(text, m.end(), m.end() + 80)
        if tie is None or future(m.start()):
            continue
        if _SINCE_SETTLED.search(_clause_around(text, tie.start(), tie.end())) or re.search(
            r"\b(?:no|not|never|nothing|without)\b", _sentence_before(text, tie.start(), 40)[-25:], re.I
        ):
            continue  # "fine ever since", "no trouble since then": nothing has gone on
        year = int(m.group(1))
        if not on.year - cfg.year_span <= year < on.year:
            continue
        fewest, most = (on - date(year, 12, 31)).days, (on - date(year, 1, 1)).days
        if _band(fewest) != _band(most):
            continue
        days = float(fewest + most) / 2
        # read at the words that tie it on ("ever since"): what they govern is what has gone on
        out.append(Hit(_band(days), True, tie.start(), tie.end(), tie.group(0), days=days))
    for m in rx.year_since.finditer(text) if may("year_since") else ():
        if (m.group(3) or m.group(4)) and m.group(0)[:4].lower() == "from":
            continue  # "whiplash from a crash last year": the cause, not when the trouble began
        if m.group(4):  # "since my fall last winter": that time of the year, the last one before now
            span = cfg.year_times.get(" ".join(m.group(4).lower().split()))
            got = None if span is None else _year_time_elapsed(span, on, True, "")
            if got is None or _band(got[0]) != _band(got[1]):
                continue
            days = (got[0] + got[1]) / 2
            out.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
            continue
        year = on.year - 1 if m.group(3) else int(m.group(2))
        if not on.year - cfg.year_span <= year < on.year:
            continue
        fewest, most = (on - date(year, 12, 31)).days, (on - date(year, 1, 1)).days
        if _band(fewest) != _band(most):
            continue  # "since 2025" in the first days of 2026
        days = float(fewest + most) / 2
        out.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
    return out


def _bare_hours(text: str, end: int) -> bool:
    """Whether a bare number of hours ending at ``end`` may be how long the problem has gone on:
    no word after it that makes it a rate, a routine or another event's time ("2 hrs a day",
    "1h after lifting", "3 hours sleep")."""
    nxt = re.match(r"\s*([\w'’/]+)", text[end : end + 20])
    return nxt is None or nxt.group(1).lower() not in attributes_file().time.bare_hours_not_after


def _week_onset(text: str, start: int, end: int, complaint: bool = True, since_ok: bool = True) -> bool:
    """Whether "this week" at ``start``..``end`` dates an onset: a start or change word in its
    clause ("this week my legs got stiffer", "it came on this week"), no better or worse spell
    ("easier this week"), and no count just before it ("twice this week", "two spasms this week")."""
    cfg = attributes_file().time
    words = re.findall(r"[\w'’]+", _clause_around(text, start, end).lower())
    clause = " " + " ".join(words) + " "
    before = re.findall(r"[\w'’]+", text[max(0, start - 30) : start].lower())[-3:]
    if any(w in cfg.week_count_words or w.isdigit() for w in before):
        return False
    if any(f" {w} " in clause for w in cfg.week_not_words):
        return False
    onset = cfg.week_onset_words if since_ok else [w for w in cfg.week_onset_words if w != "since"]
    return any(f" {w} " in clause for w in (*onset, *(cfg.week_complaint_words if complaint else ())))


def _complaint_noun_before(text: str, start: int) -> bool:
    """Whether the word just before ``start`` is a complaint's noun ("neck pain for 3 hours"), not
    a state gone into ("goes into spasm for 2 hours": how long a spasm lasts)."""
    before = re.findall(r"[\w'’]+", text[max(0, start - 30) : start].lower())
    return (
        bool(before)
        and before[-1] in attributes_file().time.length_after_nouns
        and (len(before) < 2 or before[-2] not in ("into", "in"))
    )


def _at_onset(text: str, start: int, end: int) -> bool:
    """Whether a clock time or a part of the day after "at" dates an onset ("it started at 4am",
    "his arm went weak at teatime"): a start or change word in its clause before it, and no
    routine or count in the clause ("wakes me at 4am most nights", "every day at lunch")."""
    cfg = attributes_file().time
    before = _sentence_before(text, start, 60)
    before = " " + " ".join(re.findall(r"[\w'’]+", before[before.rfind(",") + 1 :].lower())) + " "
    clause = " " + " ".join(re.findall(r"[\w'’]+", _clause_around(text, start, end).lower())) + " "
    if any(f" {w} " in clause for w in (*cfg.week_count_words, *cfg.week_not_words)):
        return False
    return any(f" {w} " in before for w in cfg.week_onset_words)


def _clock_routine(text: str, start: int, end: int) -> bool:
    """Whether the clause of a clock time tells a routine, a count or a change rather than a
    time today ("wakes me at 4am most nights", "stiff when I get up at 7am", "worse at 6pm")."""
    cfg = attributes_file().time
    clause = " " + " ".join(re.findall(r"[\w'’]+", _clause_around(text, start, end).lower())) + " "
    return any(f" {w} " in clause for w in (*cfg.week_count_words, *cfg.week_not_words, *cfg.clock_routine_words))


def _clock_item_start(text: str, start: int) -> bool:
    """Whether ``start`` begins the text, a line, a sentence or a list item."""
    before = text[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] in ".;:!?\n,("


def _of_complaint(text: str, end: int) -> bool:
    """Whether "of" after a length ending at ``end`` leads to a complaint's noun within a few
    words ("3 hrs of bad neck pain"), with no activity before it ("an hour of sitting")."""
    m = re.match(r"\s*of\s+([^.,;:!?\n]{0,50})", text[end : end + 60], re.I)
    if m is None:
        return False
    cfg = attributes_file().time
    nouns = cfg.length_after_nouns
    for word in re.findall(r"[\w'’-]+", m.group(1).lower())[:5]:
        if _ACTIVITY_IN.fullmatch(word) or (
            word.endswith("ing")
            and word not in nouns
            and word not in (*cfg.of_complaint_gerunds, *cfg.of_ing_not_activity)
        ):
            return False
        if word in nouns:
            return True
    return False


def _after_lower_bound(text: str, start: int, end: int) -> bool:
    """Whether "after" right before a length starting at ``start`` says the complaint has gone on
    at least so long: a word of ``after_persists`` ("still", "even", "no better") in its clause."""
    if not re.search(r"\bafter\s*$", text[max(0, start - 10) : start], re.I):
        return False
    clause = " " + " ".join(re.findall(r"[\w'’]+", _clause_around(text, start, end).lower())) + " "
    return any(f" {w} " in clause for w in attributes_file().time.after_persists)


def _of_activity(text: str, end: int) -> bool:
    """Whether "of" after a length ending at ``end`` leads to an activity, a job or a hobby told
    by its "-ing" word within a few words ("15 years of competitive running", "in 12 years of
    nursing"): that activity's length, not the complaint's (a complaint's word first keeps it:
    "3 weeks of throbbing", "of neck pain", "of morning stiffness")."""
    m = re.match(r"['’]?\s*of\s+([^.,;:!?\n]{0,50})", text[end : end + 60], re.I)
    if m is None:
        return False
    cfg = attributes_file().time
    keep = {*cfg.length_after_nouns, *cfg.of_complaint_gerunds, *attributes_file().person.complaint_words}
    parts = frozenset(cfg.of_moving_parts)
    words = re.findall(r"[\w'’-]+", m.group(1).lower())[:3]
    for k, word in enumerate(words):
        if word in parts and k + 1 < len(words) and words[k + 1].endswith("ing"):
            return False  # "of neck twisting": a body part's movement is the complaint
        if word in keep or word in _OWNERS:
            return False  # a complaint's word, or a possessive: "of his head drifting" is the complaint
        if word.endswith("ing") and len(word) > 5 and word not in cfg.of_ing_not_activity:
            return True
    return False


_OWNERS = frozenset({"my", "his", "her", "their", "your", "our", "the"})


def _role_before(text: str, start: int) -> bool:
    """Whether a person's being or working as something stands right before "for" and a length
    ("I've been a plumber for", "she worked as a carer for"): the role's length, unless a
    complaint's word is what they have been ("I've been a bit stiff for")."""
    m = _ROLE.search(text[max(0, start - 60) : start])
    if m is None:
        return False
    keep = {*attributes_file().time.length_after_nouns, *attributes_file().person.complaint_words}
    return not keep.intersection(re.findall(r"[\w'’-]+", m.group(1).lower()))


def held_before(text: str, start: int) -> bool:
    """Whether a vague long length led by "for" follows a held posture or a stretch of activity
    ("sitting for a long time", "after standing for ages"): the posture's length, not the
    problem's."""
    if not re.match(r"for\b", text[start : start + 4], re.I):
        return False
    cfg = attributes_file().time
    # the posture word right before, or a few words before with its place between ("stood at the
    # bus stop for ages"), no complaint's word and no clause mark between
    before = re.split(r"[.,;:!?\n]", text[max(0, start - 60) : start])[-1]
    words = re.findall(r"[\w'’-]+", before.lower())
    if {*cfg.length_after_nouns, *cfg.of_complaint_gerunds} & set(words):
        return False  # "neck pain standing up for ages": the complaint's length may be meant
    if words and words[-1] in cfg.held_before_length:
        return True
    return any(w in cfg.held_posture_words for w in words[-5:])


def _doing_before(text: str, start: int) -> bool:
    """Whether an activity's "-ing" word after "been" stands before "for" and a length ("I've
    been riding for 20 years", "she's been lifting weights for years"): its length, unless the
    "-ing" word or a word after it is a complaint's ("been aching for", "been getting spasms for")."""
    cfg = attributes_file().time
    m = _DOING.search(text[max(0, start - 60) : start]) or _done_rx().search(text[max(0, start - 60) : start])
    if m is None:
        return False
    keep = {*cfg.length_after_nouns, *cfg.of_complaint_gerunds, *cfg.of_ing_not_activity}
    keep |= set(attributes_file().person.complaint_words)
    return m.group(1).lower() not in keep and not keep.intersection(re.findall(r"[\w'’-]+", m.group(2).lower()))


# "been" + an "-ing" word and at most two more words before "for" and a length
# with a person for subject ("I've been riding", not "my back's been killing me"), no person
# after it ("been bothering me") and no "up" ("been playing up")
_DOING = re.compile(
    r"(?:\b(?:i|we|they)(?:['’]ve|\s+have|\s+had)|\b(?:he|she)(?:['’]s|\s+has|\s+had))\s+been\s+([a-z]{3,}ing)"
    r"((?:\s+(?!(?:me|him|her|them|us|up)\b)[\w'’-]+){0,2}?)\s+for\s*$",
    re.I,
)


@cache
def _done_rx() -> re.Pattern[str]:
    """A person's perfect of an activity's verb (``habit_participles``: "I've driven lorries for",
    "she has taught for") before "for" and a length, shaped as ``_DOING``."""
    verbs = alternation(attributes_file().time.habit_participles or ["-"])
    return re.compile(
        r"(?:\b(?:i|we|they)(?:['’]ve|\s+have)|\b(?:he|she)(?:['’]s|\s+has))\s+(?:been\s+)?(" + verbs + r")"
        r"((?:\s+(?!(?:me|him|her|them|us|up)\b)[\w'’-]+){0,2}?)\s+for\s*$",
        re.I,
    )


# a person in a role before "for" and a length: a be-verb with a person for subject and "a" or
# "an", or "worked as"
_ROLE = re.compile(
    r"(?:\b(?:i['’]ve\s+been|i\s+have\s+been|i\s+was|i\s+am|i['’]m|(?:he|she|they|we)\s+(?:has|have)\s+been"
    r"|(?:he|she)['’]s\s+been|(?:he|she)\s+(?:was|is))\s+an?|\bwork(?:s|ed|ing)?\s+as(?:\s+an?)?)"
    r"((?:\s+(?!(?:and|but|so|then|or|since)\b)[\w'’-]+){1,3})\s+for\s*$",
    re.I,
)


def _perfect_before(text: str, start: int) -> bool:
    """Whether the clause before ``start`` is in the perfect tense ("has had pain in his back",
    "my back's been aching") with no activity in it ("been sitting at my desk")."""
    before = _sentence_before(text, start, 60)
    before = before[before.rfind(",") + 1 :]
    return _perfect().search(before) is not None and _ACTIVITY_IN.search(before) is None


# leads of a number and a unit of minutes or hours that say how long ago the problem began
# ("x 2 hrs", "for the past 40 minutes"), not how long an episode lasts ("lasts 2 minutes")
_FROM_PLACE = re.compile(r"\s+(?:away|off|out|of|in|on|walk|drive|ride|before|after|later|earlier)\b", re.I)
# "been like this 3 months", "these three weeks my neck ...": a length after "this" or "these"
# that ends its clause or opens the next words' subject is how long (not "this 2 weeks holiday")
_THIS_LENGTH_ENDS = re.compile(r"\s*(?:$|[.,;:!?)\n]|(?:and|but|so|then|now|my|i|it|he|she|the)\b)", re.I)
# a length said as what the trouble's time now is ("this is 3 weeks", "now is two months") or
# after a vague length it makes exact ("a long time now, four months", "a while, maybe 6 weeks")
_NOW_FRAME = re.compile(
    r"(?:\b(?:this|it|now|that)\s+(?:is|are)\s+(?:already\s+|now\s+)?"
    r"|\b(?:long\s+time|(?:good\s+|long\s+|little\s+)?while|ages)(?:\s+now|\s+already)?\s*[,:–-]\s*)$",
    re.I,
)
# "before" a length that closes its clause, as another language says "ago" ("vor einem Monat",
# "il y a"): "my back went before two weeks."
_BEFORE_AGO = re.compile(r"\bbefore\s+$", re.I)
# "from 3 months" in English shaped by another language ("depuis", "seit", "desde") is "since"
_AND_HALF = re.compile(r"\s+and\s+(?:a\s+)?half\b", re.I)
_ONSET_LEADS = frozenset({"x", "×", "since", "from", "past", "over the last", "over the past"})


def read_durations(
    text: str, keep: Callable[[Hit], int | None] | None = None, age: int | None = None, today: date | None = None
) -> list[Hit]:
    """Duration of the problem (one band) and brief episodes. ``keep`` (see ``governed``) ranks
    each time by what it governs (a symptom first, then a trigger or nothing said, then an
    event's recent date that bounds the onset) and drops the ones that govern something else; the longest of the best
    rank is taken. ``today`` is the date the text is read on (the clock's when not given)."""
    bands, episodes = read_times(text, age, today)
    return choose_duration(bands, keep) + episodes[:1]


def choose_duration(bands: Iterable[Hit], keep: Callable[[Hit], int | None] | None = None, text: str = "") -> list[Hit]:
    """The problem's duration among the times read: the longest of the best rank (see
    ``read_durations``). Given the ``text``, a length of an episode told as over ("I had back
    pain for months after my son was born", "sciatica that lasted a year") yields to any time
    told of the present one ("this neck pain is two days old")."""
    ranked: list[tuple[int, float, Hit]] = []
    bands = list(bands)
    others = any(not (h.relative or h.last_resort) for h in bands)
    for h in bands:
        if h.owner_only or ((h.relative or h.last_resort) and others):
            continue
        r = keep(h) if keep is not None else (None if h.bare or h.weak else 1)
        if r is not None:
            ranked.append((r, h.days, h))
    if (
        text
        and len(ranked) > 1
        and (now := [b for b in ranked if _NOW_LENGTH.search(text[max(0, b[2].start - 20) : b[2].start])])
    ):
        # "... then it cleared. Now nine days of neck pain": the length told now is the
        # complaint's; a time in a sentence told as past or over is another episode's
        ranked = [b for b in ranked if b in now or not _past_sentence(text, b[2])]
    if text and len(ranked) > 1:
        past = [b for b in ranked if _past_length(text, b[2])]
        top = max((b[0] for b in past), default=None)
        # only a time of the same or a better rank takes over (a symptom's, not a visit's date)
        if top is not None and any(b[0] >= top and b not in past for b in ranked):
            ranked = [b for b in ranked if b not in past]
    return [max(ranked, key=lambda b: (b[0], b[1]))[2]] if ranked else []


_PAST_TOLD = re.compile(r"\b(?:(?<!have\s)(?<!['’]ve\s)(?<!has\s)had|lasted|lasting|suffered)\b", re.I)
_NOW_TOLD = re.compile(r"\b(?:since|still|now|ever|ongoing|continuing)\b", re.I)
# what puts an episode in the past in its sentence: a past anchor or its end
_PAST_ANCHOR = re.compile(
    r"\b(?:years?\s+ago|(?:back\s+)?in\s+(?:19|20)\d\d|back\s+in|was\s+born|when\s+i\s+was|as\s+a\s+(?:child|kid|teenager|student)"
    r"|last\s+year|in\s+the\s+past|previously|once\s+before|went\s+away|cleared(?:\s+up)?|got\s+better|settled|resolved|recovered"
    r"|gone|fine\s+after|all\s+better)\b",
    re.I,
)


# "now" right before a length ("now 9 days of ...", "it's now for two weeks")
_NOW_LENGTH = re.compile(r"\bnow\s*,?\s*(?:(?:for|about|around|nearly|almost|over)\s+)?$", re.I)


def _past_sentence(text: str, h: Hit) -> bool:
    """Whether the sentence of ``h`` is told as past or over (a past anchor or an end in it:
    "years ago", "last year", "it went away")."""
    before = _sentence_before(text, h.start, 120)
    after = text[h.end : h.end + 120]
    stop = min((i for i in (after.find(p) for p in ".;!?") if i >= 0), default=len(after))
    return _PAST_ANCHOR.search(before + text[h.start : h.end] + after[:stop]) is not None


def _past_length(text: str, h: Hit) -> bool:
    """Whether a length is told of an episode that is over: a past "had", "lasted",
    "lasting" or "suffered" before it in its clause (not "have had"), nothing in the clause
    saying it goes on ("since", "still", "now"), a past anchor or an end in its sentence
    ("years ago", "in 2015", "after my son was born", "it cleared up"), and no onset's date."""
    if h.point:
        return False
    sentence = _sentence_before(text, h.start, 80)
    before = sentence[sentence.rfind(",") + 1 :]
    if _PAST_TOLD.search(before) is None or _NOW_TOLD.search(_clause_around(text, h.start, h.end)):
        return False
    after = text[h.end : h.end + 80]
    stop = min((i for i in (after.find(p) for p in ".;!?") if i >= 0), default=len(after))
    return _PAST_ANCHOR.search(sentence + text[h.start : h.end] + after[:stop]) is not None


def _complaint_age(text: str, start: int) -> bool:
    """Whether a length ending in "old" at ``start`` is a complaint's age: a word of
    ``old_subjects`` before it in its sentence and no person's word (``old_not_subjects``)."""
    cfg = attributes_file().time
    before = set(re.findall(r"[\w'’-]+", _sentence_before(text, start, 80).lower()))
    return not before.isdisjoint(cfg.old_subjects) and before.isdisjoint(cfg.old_not_subjects)


@cache
def _person_after() -> re.Pattern[str]:
    """A person's word right after an age ("a 72-year-old lady", "58 years old man"): the length
    is that person's age, whatever word before it made it look like a complaint's."""
    p = attributes_file().person
    who = alternation([*p.male, *p.female, *p.other, *p.adults])
    return re.compile(rf"\s+(?:{who})\b", re.I)


@cache
def _person_of() -> re.Pattern[str]:
    """A person's word just before a length in years, alone or with "of", a comma or "(who) is":
    "my son of 17 years", "my daughter 17 years", "patient, 63 years", "my grandson who is 12
    years", or "aged" before it: an age (the attributes' relatives and adults), not how long
    anything has gone on."""
    p = attributes_file().person
    who = alternation([*p.male, *p.female, *p.other, *p.adults])
    return re.compile(
        rf"(?:\b(?:{who})(?:\s+of|\s*,|,?\s+(?:who\s+)?(?:is|was)|,?\s+who['’]s|['’]s)?|\baged?|\b(?:i\s+am|i['’]m))\s*$",
        re.I,
    )


# hours or minutes "a day", "per shift", "each night": an amount done in each, not how long anything has gone on
_AMOUNT_BEFORE = re.compile(r"\b(?:hours?|hrs?|minutes?|mins?)\s*$", re.I)
_AMOUNT_UNIT_LEN = len("minutes")  # the longest unit the pattern names


def _amount_before(text: str, end: int) -> bool:
    """Whether an amount's unit, then spaces only, ends the text before ``end`` ("eight hours a
    day"). The search starts at the unit's longest length before the spaces (``\\b`` still sees
    the letter before it): searched from the text's start, each "an" + "d" of "... and ... and"
    cost the whole text before it, quadratic in a list joined by "and"."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return _AMOUNT_BEFORE.search(text, max(0, k - _AMOUNT_UNIT_LEN), end) is not None


_DAILY_AMOUNT = re.compile(
    r"\s+(?:a|per|each|every|an?\s+average)\s+(?:day|night|shift|evening|session|working\s+day|workday)\b", re.I
)

# "58 years old and ...", "50 years of age": an age, whatever comes before it
_AGE_AFTER = re.compile(r"(?:\s*|-)old\b|\s+of\s+age\b", re.I)


def read_times(text: str, age: int | None = None, today: date | None = None) -> tuple[list[Hit], list[Hit]]:
    """Every time that may be how long something has gone on (lengths and points), and brief
    episodes ("lasts about 2 minutes"). ``today`` dates "since the summer" and "since 2019"."""
    bands: list[Hit] = []
    episodes: list[Hit] = []
    ends: list[int] | None = None
    for m in _duration_fold().finditer(text):
        cfg = attributes_file().time
        lead = " ".join((m.group(1) or "").lower().split())
        if lead.endswith((" last", " past")) and lead.split()[0] in ("since", "from", "for", "in"):
            # "since last 3 weeks", "from past 10 days", "for the last two days" (the lead is one:
            # the words before the length belong to it, not to a clause before)
            lead = "over the last"
        unit = m.group(5)
        days = _num(m.group(3)) * _unit_days(unit)
        if _AND_HALF.match(text, m.end(3)):
            days += 0.5 * _unit_days(unit)  # "one and a half months"
        if m.group(4):
            days = max(days, float(m.group(4)) * _unit_days(unit))
        short = _unit_days(unit) < 1 / 48  # seconds or minutes
        tail = " ".join((m.group(7) or "").lower().split())
        if tail in cfg.ago_words:
            tail = "ago"  # "two days back"
        elif tail == "old":
            if not _complaint_age(text, m.start()):
                continue  # "my son is 3 weeks old": an age, not a length
            tail = "now"  # "this neck pain is two days old": how long it has gone on
        elif tail in cfg.now_words:
            tail = "now"  # "a year already", "three weeks so far"
        elif tail in cfg.past_tails:
            # "these two months gone", "for three weeks past": a length told as past, up to now,
            # only after such a lead ("I'm five months gone" is a pregnancy)
            tail = "now" if lead in cfg.past_tail_leads else ""
        if not lead and not tail and _THIS_LENGTH_ENDS.match(text, m.end()):
            pre = text[max(0, m.start(2) - 40) : m.start(2)]
            if _NOW_FRAME.search(pre):
                tail = "now"  # "this is 5 weeks", "a while already, eight months": up to now
            elif _BEFORE_AGO.search(pre):
                tail = "ago"  # "started before one month." in English shaped by another language
        if lead in ("this", "these") and not tail and not _THIS_LENGTH_ENDS.match(text, m.end()):
            lead = ""  # "this 2 weeks holiday": a noun's length, bare (counts only beside a symptom)
        if (
            m.group(3).lower() in cfg.lead_only_numbers
            and not (
                tail
                or (lead and lead not in ("for", "about", "around"))
                or (lead == "for" and _perfect_before(text, m.start()))
                # "neck pain for some months": a complaint's noun right before, as for any number
                or (lead == "for" and _complaint_noun_before(text, m.start()))
                # "crept on over some months": the spell it came on in, up to now
                or (not lead and m.group(2).lower().split()[-1:] == ["over"])
            )
        ):
            continue  # "some days it is worse", "was painful for some weeks": no length up to now
        if m.group(6) or "+" in text[m.end(3) : m.start(5)] or _more_before(lead, m.group(2)):
            days *= cfg.more_factor  # "six weeks plus", "for more than six weeks": past the edge
        span = Hit("", True, m.start(), m.end(), text[m.start() : m.end()].strip())
        if not lead and not tail and days >= 1 and _after_lower_bound(text, m.start(2), m.end()):
            # "still stiff after 10 weeks", "even after 9 weeks": it has gone on at least so long
            # (whatever was done in them: "still sore after 3 months of stretching")
            bands.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()].strip(), days=days))
            continue
        if not tail and days < 1 and _DAILY_AMOUNT.match(text, m.end()):
            continue  # "eight hours a day", "ten hours each shift": an amount done daily, not a length
        if not lead and m.group(3).lower() in ("a", "an") and _amount_before(text, m.start()):
            continue  # the "a day" of "eight hours a day": the unit an amount is counted in
        if not tail and _of_activity(text, m.end()):
            continue  # "in 15 years of running", "after 2 hours of driving": the activity's length
        if lead == "for" and (_role_before(text, m.start(2)) or _doing_before(text, m.start(2))):
            continue  # "I've been a plumber for 18 years", "been riding for 20": the job's or hobby's
        if lead == "from" and _FROM_PLACE.match(text, m.end()):
            continue  # "from 10 minutes away", "from 2 hours of driving": a distance or a cause
        if unit.lower() == "d" and not m.group(3)[0].isdigit():
            continue  # "and" is not "a" + "d"
        if (
            _unit_days(unit) >= 365
            and not lead
            and _person_of().search(text[max(0, m.start(2) - 40) : m.start(2)])
            and not _of_complaint(text, m.end())
        ):
            continue  # "my son of 17 years", "my daughter 17 years", "patient, 63 years": an age
        if not tail and (age_m := _AGE_AFTER.match(text, m.end())):
            if not _complaint_age(text, m.start()) or _person_after().match(text, age_m.end()):
                continue  # "I am 58 years old and ...", "50 years of age": an age
            tail = "now"  # "this back pain is 2 years old and getting worse": how long it has gone on
        if lead == "last" and text[max(0, m.start() - 4) : m.start()].lower().endswith("the "):
            lead = "past"  # "for the last 40 minutes" is how long, not "spasms last 40 minutes"
        # a quarter of an hour or more told in minutes ("for 45 mins") is how long as hours are;
        # a few minutes is how long a spasm lasts ("spasms for 2 minutes")
        clock = not short or days >= cfg.onset_min_days
        onset = _unit_days(unit) > 1 / 2000 and (  # minutes or more, not seconds
            tail in ("ago", "now")
            or lead in _ONSET_LEADS
            # "he has had neck pain for an hour", "my back's been aching for two hours": how long
            # the problem has gone on, unless an activity is what went on ("been sitting for an hour")
            or (lead == "for" and _perfect_before(text, m.start()))
            # "lower back pain for 3 hrs": a complaint's noun right before, nothing after that
            # makes it a routine or an episode's length ("spasms for 2 hours at a time")
            or (clock and lead == "for" and _complaint_noun_before(text, m.start()) and _bare_hours(text, m.end()))
            # "4 hrs of throbbing neck pain": a complaint's noun after "of", not an activity
            # ("2 hours of driving")
            or (clock and not lead and days < 0.5 and _of_complaint(text, m.end()))
        )
        if (
            clock
            and days < 0.5
            and not onset
            and not lead
            and not tail
            and _bare_hours(text, m.end())
            and not _ACTIVITY_BEFORE.search(text[max(0, m.start() - 25) : m.start(2)])
        ):
            # "LBP 1h", "stiff neck 3 hrs": counts only right after a symptom's words (``bare``)
            bands.append(Hit(_band(days), True, span.start, span.end, span.text, bare=True, days=days))
            continue
        if (short or days < 0.5) and not onset:
            if short:
                if _ACTIVITY_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
                    continue
                if lead in ("last", "lasts", "lasting", "lasted", "for", "about", "around", "each", "almost", "nearly"):
                    episodes.append(Hit("brief_episodic_spasms", True, span.start, span.end, span.text))
            elif lead == "for" and _bare_hours(text, m.end()) and _behaves_before(text, m.start()):
                # "the spasms come in waves for two hours": how the pain behaves, and the
                # episode's length when nothing else dates it
                bands.append(Hit(_band(days), True, span.start, span.end, span.text, days=days, last_resort=True))
            continue  # an hour or two: how long something lasts, not how long the problem has gone on
        if lead in ("every", "each"):
            continue
        weak = False
        if tail == "ago":
            if ends is None:  # where each sentence ends, found once (not once per match)
                ends = [e.start() for e in _SENTENCE_PUNCT.finditer(text)]
            k = bisect_left(ends, m.end())
            rest = text[m.end() : ends[k] if k < len(ends) else m.end() + 120]
            if _SINCE_SETTLED.search(rest) or _SINCE_SETTLED.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            # a start word in its own clause ("it started 2 days ago"); otherwise "saw the GP 3
            # weeks ago" counts only when a symptom governs it; "from 2 days back" (as "since")
            # is the start itself
            weak = lead not in ("since", "from") and not _START_WORDS.search(_clause_around(text, m.start(), m.end()))
        elif not lead and tail != "now" and not _of_history().match(text, m.end()):
            # a bare "3 weeks" counts only when clearly about how long
            # (the words of approximation read with it count too: "built up over 3 weeks")
            lead_rx = r"(for|past|last|since|x|been|over)\s*$"
            if not (
                re.search(lead_rx, text[max(0, m.start() - 25) : m.start()].lower())
                or re.search(lead_rx, text[max(0, m.start() - 25) : m.start(3)].lower())
            ):
                bands.append(Hit(_band(days), True, span.start, span.end, span.text, bare=True, days=days))
                continue
        bands.append(Hit(_band(days), True, span.start, span.end, span.text, point=tail == "ago", days=days, weak=weak))
    for m in _THE_PAST_FOLD.finditer(text):
        days = _UNIT_WORD_DAYS[m.group(2).lower()] * (0.5 if m.group(1) else 1)  # "the last half year"
        bands.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days))
    for m in _LONG_FOLD.finditer(text):
        if held_before(text, m.start()):
            continue  # "sitting for a long time makes it worse": the posture's length
        bands.append(Hit("duration_over_6_weeks", True, m.start(), m.end(), text[m.start() : m.end()], days=365))
    for m in _ALL_SPAN.finditer(text):
        # "my back has been in spasm all week": how long, in the perfect only ("my back aches
        # all day" may be every day's pattern)
        days = _ALL_SPAN_DAYS[m.group(1).lower()]
        if _perfect_before(text, m.start()):
            bands.append(Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()], days=days, weak=True))
        elif m.group(1).lower() != "week":
            # "laying a patio all weekend, and now my neck ...", "stiff after painting all
            # day": the stretch the story was done in, with the complaint told now after it or
            # said to follow it (not a routine: "I sit at a desk all day")
            before = _sentence_before(text, m.start(), 80)
            after_doing = _AFTER_DOING.search(before[before.rfind(",") + 1 :]) is not None
            if (
                after_doing or (_NOW_AFTER.match(text, m.end()) and _PAST_DOING.search(before))
            ) and not _ROUTINE.search(before):
                bands.append(
                    Hit(_band(days), True, m.start(), m.end(), m.group(0), point=True, days=days, weak=True, story=True)
                )
    if (stages := _life_stage()) is not None:
        for m in stages.finditer(text):
            bands.append(Hit("duration_over_6_weeks", True, m.start(), m.end(), text[m.start() : m.end()], days=365))
    for m in _LONG_USE.finditer(text):
        bands.append(Hit("duration_over_6_weeks", True, m.start(), m.end(), m.group(0), days=365, owner_only=True))
    bands += read_points(text, age, today)
    bands += read_month_days(text)
    if "since" in text.lower():
        bands = [h for h in bands if not _since_compared(text, h)]
    # "no change over the past fortnight": how long nothing has changed, not the complaint's length
    bands = [h for h in bands if h.text[:5].lower() == "since" or not _no_change_before(text, h.start, span=True)]
    return bands, episodes


# a first, a worst or an only before "since" ("the first bad spell since Easter", "worst it's
# been since 2020"): "since" dates the last time it was so, not how long this has gone on
_COMPARED_BEFORE = re.compile(r"\b(?:first|worst|best|only|longest|fewest|least|most)\b(?:\s+[\w'’]+){0,4}\s*$", re.I)


def _since_compared(text: str, h: Hit) -> bool:
    """Whether ``h`` is a "since" time after a comparison in its clause."""
    if re.match(r"(?:ever\s+)?since\b", h.text, re.I) is None:
        return False
    before = _sentence_before(text, h.start, 50)
    before = before[before.rfind(",") + 1 :]
    return _COMPARED_BEFORE.search(before) is not None


@cache
def _clock_span_rx() -> re.Pattern[str] | None:
    cfg = attributes_file().time.clock_span
    if cfg is None:
        return None
    hour = rf"(\d{{1,2}}|{alternation(cfg.hour_words)})"
    suffix = rf"(?:[:.]\d\d)?\s*({alternation(attributes_file().time.clock_suffixes or ['am'])})?"
    return re.compile(
        rf"\b(from\s+|between\s+)?{hour}{suffix}\s*(till|til|until|to|and|-|–)\s*{hour}{suffix}(?![\w:])", re.I
    )


def read_clock_spans(text: str) -> list[tuple[int, int]]:
    """Spells told by the clock ("from nine till six", "8am-8pm", "between 7 and 5") of at least
    ``clock_span.min_hours`` hours, as character spans: a working day held at a task. A span
    needs "from" or "between" before it, or am/pm on a side ("3-5" alone is a range)."""
    rx, cfg = _clock_span_rx(), attributes_file().time.clock_span
    if rx is None or cfg is None:
        return []
    out = []
    for m in rx.finditer(text):
        lead, a, sa, sep, b, sb = (m.group(i) for i in range(1, 7))
        lead = (lead or "").strip().lower()
        if not (lead or sa or sb) or (sep.lower() == "and") != (lead == "between"):
            continue  # "3-5" alone is a range; "and" joins a span only after "between"
        if re.search(r"scale|score|rate|rated", text[max(0, m.start() - 25) : m.start()], re.I):
            continue  # "on a scale from 1 to 10"
        h1 = int(a) if a.isdigit() else cfg.hour_words.get(a.lower(), 0)
        h2 = int(b) if b.isdigit() else cfg.hour_words.get(b.lower(), 0)
        if not (1 <= h1 <= 24 and 1 <= h2 <= 24):
            continue
        if sa and sa.lower().startswith("p") and h1 < 12:
            h1 += 12
        if sb and sb.lower().startswith("p") and h2 < 12:
            h2 += 12
        hours = (h2 - h1) % 24 if (sa or sb) else (h2 - h1) % 12 or 12
        if hours >= cfg.min_hours:
            out.append((m.start(), m.end()))
    return out


@cache
def _pattern_spell_rxs() -> tuple[re.Pattern[str], ...]:
    cfg = attributes_file().time.clock_span
    if cfg is None or not cfg.hour_units:
        return ()
    num = rf"(\d{{1,2}}|{alternation(cfg.hour_words)})"
    counted = re.compile(rf"\b{num}(?:\s*|-)(?:{alternation(cfg.hour_units)})\b", re.I)
    mark = alternation(cfg.day_marks)
    between = re.compile(
        rf"\b(?:from\s+)?(?:the\s+)?(?:{mark})\s+(?:till|til|until|to|through\s+to|right\s+up\s+to)\s+(?:{mark})\b",
        re.I,
    )
    hour = rf"(\d{{1,2}}|{alternation(cfg.hour_words)})"
    sufx = alternation(attributes_file().time.clock_suffixes or ["am"])
    late = re.compile(
        rf"\b(?:till|til|until|up\s+to|up\s+till|up\s+until)\s+"
        rf"(?:(?:{alternation(cfg.late_marks)})\b|{hour}(?:[:.]\d\d)?\s*(?:({sufx})(?!\w)|(?=\s*(?:{alternation(cfg.night_pattern)})\b)))",
        re.I,
    )
    whole = re.compile(rf"\b(?:{alternation(cfg.whole_words)})\s+(?:{alternation(cfg.whole_units)})\b", re.I)
    return counted, between, late, whole


def read_pattern_spells(text: str) -> list[tuple[int, int]]:
    """Long spells told by a task's pattern rather than by the clock, as character spans: a
    count of at least ``clock_span.min_hours`` hours ("ten-hour runs", "five hours each day";
    not hours ago or since, nor a dose "every 4 hours"), a span between parts of the day ("from
    breakfast till late", "dawn to dusk"), an end late at night ("till 2am", "until the small
    hours", "till 1 most nights": an evening hour or a morning one is no late end) and a whole
    working spell ("my entire shift", "a full working day"). With a task's words they are a posture held
    for hours (attributes.yaml ``clock_span``)."""
    rxs, cfg = _pattern_spell_rxs(), attributes_file().time.clock_span
    if not rxs or cfg is None:
        return []
    counted, between, late, whole = rxs
    not_after = tuple(w.lower() for w in cfg.hour_not_after)
    not_before = frozenset(w.lower() for w in cfg.hour_not_before)
    out = []
    for m in counted.finditer(text):
        a = m.group(1)
        h = int(a) if a.isdigit() else cfg.hour_words.get(a.lower(), 0)
        if h < cfg.min_hours or h > 24:
            continue
        head = re.sub(r"\s+", " ", text[max(0, m.start() - 20) : m.start()].lower()).strip()
        if any(head == w or head.endswith(" " + w) for w in not_after):
            continue  # "every 4 hours", "in the last 6 hours"
        nxt = re.match(r"[\s,]*([\w-]+)", text[m.end() :])
        if nxt and nxt.group(1).lower() in not_before:
            continue  # "six hours ago", "eight hours since the fall"
        out.append((m.start(), m.end()))
    for rx in (between, whole):
        out += [(m.start(), m.end()) for m in rx.finditer(text)]
    for m in late.finditer(text):
        a = m.group(1)
        if a is not None:
            h = int(a) if a.isdigit() else cfg.hour_words.get(a.lower(), 0)
            suffix = (m.group(2) or "").lower()
            if h not in cfg.late_hours or suffix.startswith("p"):
                continue  # "till 5pm", "until 9" are a working day's end, not the night's
        out.append((m.start(), m.end()))
    return out


# Episodes that come back. A count alone ("sick twice", "dialysis three times a week") or a
# routine ("tablets every morning", "daily") is not a recurring problem.
_RECURRENT = re.compile(
    r"\b((?:happened|happens|occurred|occurs|had\s+(?:it|this|them|one))\s+(?:about\s+|maybe\s+|already\s+)?"
    r"(?:twice|(?:\d+|two|three|four|five|six|several|a\s+few|few|many|multiple)\s+times)"
    r"|(?:several|a\s+few|few|many|multiple|numerous)\s+times\s+(?:a|per|each|every|this)\s+(?:day|week|month)"
    r"|(?:\d+|two|three|four|five|six|several)\s+times\s+this\s+(?:week|month)"
    r"|ev(?:e)?ry\s+(?:few\s+days|so\s+often)|from\s+time\s+to\s+time|now\s+and\s+(?:again|then)"
    r"|keeps?\s+(?:coming\s+back|happening|returning|recurring|going\s+into|getting(?!\s+(?:worse|better|weaker|stronger|more|bigger)))"
    r"|comes?\s+and\s+go(?:es)?|on\s+and\s+off|again\s+and\s+again|recurr\w*|(?<!panic\s)(?:episodes|attacks)"
    r"|(?:happened|went|gone|going|flared(?:\s+up)?|back|started|into\s+spasm)\s+again"
    # the spine's own verbs counted ("my back has gone three times since Christmas"), not a
    # place gone to ("gone twice to the GP")
    r"|(?:gone|locked(?:\s+up)?|seized(?:\s+up)?|flared(?:\s+up)?|done\s+(?:this|it|that)|gone\s+into\s+spasm)\s+(?:about\s+|maybe\s+)?"
    r"(?:twice|(?:\d+|two|three|four|five|six|several|a\s+few|many)\s+times)(?!\s+(?:to|with|for)\b))\b",
    re.I,
)


_RECURRENT_FOLD = Folded(_RECURRENT)


@cache
def _frequency() -> Folded | None:
    """How often something comes (attributes.yaml ``recurrence``): "every evening", "each
    winter", "every few weeks", "most weekends", "after most meals", "a few times a year",
    "twice this week", "whenever", and the adverbs ("often", "a lot", but not "a lot of")."""
    cfg = attributes_file().time.recurrence
    if cfg is None:
        return None
    units, plural = alternation(cfg.units), alternation(cfg.plurals)
    counts = alternation(cfg.counts)
    return Folded(
        re.compile(
            rf"\b(?:(?:eve?ry|each)\s+(?:(other|few|couple\s+of|\d+|two|three|four|five|six)\s+)?({units}|{plural})"
            rf"|(most|some|many)\s+({plural})"
            rf"|(?:{counts})\s+(?:a|per|every|each|this|last)\s+({units})"
            + (rf"|(?:{alternation(cfg.adverbs)})(?!\s+of\b)" if cfg.adverbs else "")
            + r"|(whenever))\b",
            re.I,
        )
    )


@cache
def _same_before() -> Folded | None:
    """The same complaint had once before, dated in the past ("I had exactly the same three
    years ago", "had this before", "had something similar last winter")."""
    cfg = attributes_file().time.recurrence
    if cfg is None or not cfg.same_verbs:
        return None
    num = rf"(?:\d+|{alternation(_numbers())})"
    return Folded(
        re.compile(
            rf"\b(?:{_spaced(cfg.same_verbs)})\s+(?:(?:exactly|just|much|pretty\s+much|almost)\s+)?(?:{_spaced(cfg.same_objects)})"
            rf"\s+(?:(?:about|around|maybe|some)\s+)?(?:{num}\s+(?:years?|yrs?|months?|weeks?)\s+(?:ago|back)"
            rf"|(?:{_spaced(cfg.same_when)}))\b",
            re.I,
        )
    )


@cache
def _within_episode() -> re.Pattern[str] | None:
    """An interval of minutes or seconds ("every 5 minutes", "a few minutes apart"): the waves
    of one episode (labour-like tightenings), not episodes that come back."""
    cfg = attributes_file().time.recurrence
    if cfg is None or not cfg.within_episode_units:
        return None
    units = alternation(cfg.within_episode_units)
    return re.compile(
        rf"\b(?:every\s+(?:(?:few|couple\s+of|\d+(?:\s*-\s*\d+)?|{alternation(_numbers())})\s+)?(?:{units})"
        rf"|(?:{units})\s+apart)\b",
        re.I,
    )


@cache
def _same_day() -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    """A span within one day ("this morning", "since lunch") and a longer span or a word of
    return ("this year", "again"): spells counted within the first are one episode's course."""
    cfg = attributes_file().time.recurrence
    if cfg is None or not cfg.same_day_spans:
        return None
    return (
        re.compile(rf"\b(?:{alternation(cfg.same_day_spans)})\b", re.I),
        re.compile(rf"\b(?:{alternation(cfg.longer_span_words)})\b", re.I) if cfg.longer_span_words else None,
    )


def within_episode(text: str, start: int, end: int, seen: dict[tuple[int, int], bool] | None = None) -> bool:
    """Whether the sentence around ``start``..``end`` gives an interval of minutes or seconds
    ("comes and goes every 5 minutes"): the waves of one episode, not a recurrence; or counts its
    spells within one day with no longer span or return told ("three spasms this morning",
    "locked up twice today"). ``seen`` keeps the answer per sentence, so a text of one long
    sentence with many frequency words is searched once, not once per word (the cost stays
    linear)."""
    waves = _within_episode()
    if waves is None:
        return False
    a = max(text.rfind(p, 0, start) for p in ".!?;") + 1
    stops = [i for i in (text.find(p, end) for p in ".!?;") if i >= 0]
    b = min(stops, default=len(text))
    if seen is not None:
        if (a, b) not in seen:
            seen[(a, b)] = _sentence_within_episode(text[a:b], waves)
        return seen[(a, b)]
    return _sentence_within_episode(text[a:b], waves)


def _sentence_within_episode(sentence: str, waves: re.Pattern[str]) -> bool:
    """``within_episode`` for one sentence's text."""
    if waves.search(sentence) is not None:
        return True
    day = _same_day()
    if day is None or day[0].search(sentence) is None or _SPELL_COUNT.search(sentence) is None:
        return False
    return day[1] is None or day[1].search(sentence) is None


# a count of spells ("twice", "3 episodes", "a few of them"): with a span of one day, one episode's course
_SPELL_COUNT = re.compile(
    r"\b(?:twice|thrice|\d+|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|a\s+couple|couple\s+of|multiple|many|numerous)\b",
    re.I,
)


def read_recurrence(text: str) -> list[Hit]:
    """Episodes that come back: the fixed wordings of ``_RECURRENT``, the same complaint had
    before and dated ("had exactly the same three years ago"), and a frequency (see
    ``_frequency``) with an episode's word in its clause ("goes into spasm every evening",
    "flares up a few times a year", "cramps whenever I'm on the machine"): a constant ache is
    there every day too ("it has ached every day since the fall" is no recurrence), a habit has
    its own frequency ("I swim every morning"), and "since" right after a frequency makes it a
    constant complaint's. Counts of minutes (pains that come every few minutes within one
    episode) are no frequency here."""
    cfg = attributes_file().time.recurrence
    seen: dict[tuple[int, int], bool] = {}
    for m in _RECURRENT_FOLD.finditer(text):
        if within_episode(text, m.start(), m.end(), seen):
            continue  # "comes and goes every 5 minutes": the waves of one episode
        return [Hit("recurrent_episodes", True, m.start(), m.end(), text[m.start() : m.end()])]
    rx = _frequency()
    if rx is None or cfg is None:
        return []
    same = _same_before()
    if same is not None and (g := same.search(text)):
        return [Hit("recurrent_episodes", True, g.start(), g.end(), text[g.start() : g.end()])]
    episode = tuple(f" {w} " for w in cfg.episode_words)
    for f in rx.finditer(text):
        if re.match(r"\s*,?\s*(?:ever\s+)?since\b", text[f.end() : f.end() + 12], re.I):
            continue  # "every day since the fall": a constant complaint
        if within_episode(text, f.start(), f.end(), seen):
            continue  # "twice this morning": one episode's spells
        clause = " " + " ".join(re.findall(r"[\w'’-]+", _clause_around(text, f.start(), f.end()).lower())) + " "
        if not any(w in clause for w in episode):
            continue
        return [Hit("recurrent_episodes", True, f.start(), f.end(), text[f.start() : f.end()])]
    return []


@dataclass(frozen=True)
class Governor:
    """What each time governs: ``rank`` (for the problem's duration: 2 a symptom, or an event
    with "since then" after it; 1 a trigger or nothing said; 0 an event's date under a week with
    the problem told after it, an upper bound on its onset; None not the problem's) and ``owner`` (the
    token of the medicine or event it governs, if any)."""

    rank: Callable[[Hit], int | None]
    owner: Callable[[Hit], int | None]
    # the token of the symptom's words a time governs ("his arm went weak two hours ago": the
    # weakness), if a symptom is what it governs
    symptom: Callable[[Hit], int | None]


_POSSESSIVE = frozenset({"my", "his", "her", "their", "your", "our", "the", "a"})


# ----------------------------------------------------------------------------- what a duration governs
def governed(
    toks: Sequence[Tok],
    clause: Sequence[int],
    matches: Iterable[Match],
    categories: Mapping[str, str],
    raw: str = "",
) -> Governor:
    """What a duration governs. A duration belongs to the nearest thing in its
    clause that it can govern, looking back first ("smoked for 30 years", "neck pain for 3
    days"), then forward ("for 2 weeks my back has hurt", "3 days of neck pain"). It is dropped
    when that is a habit, a job, a diagnosis, a jab, a medicine or a finding of a non-symptom
    category (``categories``: finding id -> category); kept when it is a symptom, a site or a
    function, or when nothing in its clause says. A bare number and unit counts only right
    after a symptom's words ("neck pain 3 days")."""
    cfg = attributes_file().time
    cf = concept_file()
    anc = ancestors()
    symptom_kinds = frozenset(cfg.symptom_group_kinds)
    not_cats, sym_cats = frozenset(cfg.not_symptom_categories), frozenset(cfg.symptom_categories)
    not_ids = frozenset(cfg.not_symptom_findings)
    illness_ids = frozenset(cfg.illness_findings)
    own_ids, own_groups = frozenset(cfg.own_length_findings), frozenset(cfg.own_length_groups)
    form_words = frozenset(cfg.medicine_form_words)
    event_groups = frozenset(cfg.event_groups)
    weak_stops = _LIST_STOP | frozenset(cfg.weak_forward_stops)
    since_then = tuple(cfg.since_then)
    post_words = tuple(w + " " for w in cfg.post_words)
    clause_starts = frozenset(cfg.clause_starts)
    trigger_cats = frozenset(cfg.trigger_categories)
    bare_stops, bare_not_after = frozenset(cfg.bare_forward_stops), frozenset(cfg.bare_not_after)
    history_words = frozenset({"of", *cfg.length_history_words})
    back_words, back_marks = frozenset(cfg.back_reference_words), frozenset(cfg.back_reference_marks)
    alone_marks = frozenset(cfg.bare_alone_marks)
    item_marks = frozenset(cfg.bare_item_marks)
    label_words = frozenset(cfg.bare_label_words)
    side_words = frozenset(cfg.bare_item_side_words)
    undated_denials = re.compile(rf"\b(?:{alternation(cfg.undated_point_denials)})\b", re.I)
    h_days = [0.0]  # the days of the length being read (for bare_alone)
    symptom_at = [0]  # where the first symptom's words start (-1: none), found at the first event date
    # per token: what governs a duration here: a symptom (_SYMPTOM); a medicine or a past
    # diagnosis (_EVENT: its time point can be a trigger's, "started on haloperidol two days
    # ago", "a stroke 8 months ago ... since then", but how long it has gone on is not the
    # problem's); a habit, job, jab or risk factor (_OTHER)
    gov: dict[int, int] = {}
    # tokens of a preceding illness's words (``illness_findings``): they govern as a habit does
    illness: set[int] = set()
    # tokens of a state whose length is its own (``own_length_groups``): they govern as a habit does
    own: set[int] = set()
    # tokens inside a finding's own words ("lost a stone in two months")
    inside: set[int] = set()
    # tokens of a symptom said as such (a finding's words or a concept's, not a word of use)
    said: set[int] = set()

    def mark(start: int, end: int, what: int) -> None:
        for j in range(start, end):
            gov[j] = max(gov.get(j, _OTHER), what)  # a symptom's words win an overlap

    unread = [matches]  # what the matches govern is read at the first duration (most texts state none)

    got = _GOVERNS.get(id(categories))
    if got is None or got[0] is not categories:
        got = _GOVERNS[id(categories)] = (categories, {})
        while len(_GOVERNS) > 4:
            del _GOVERNS[next(iter(_GOVERNS))]
    by_rule = got[1]  # (rule kind, label) -> (what it governs or None, inside a finding's words)

    def _classify(kind: str, rule_label: str) -> tuple[int | None, bool]:
        if kind == "group":
            name = rule_label[len(GROUP) :]
            if cfg.not_symptom_group in anc[name] or name in own_groups:
                return _OTHER, False
            if event_groups & anc[name]:
                return _EVENT, False
            if cf.groups[name].kind == "site":
                return _SITE, False
            return (_SYMPTOM if cf.groups[name].kind in symptom_kinds else None), False
        if kind == "drug":
            return _EVENT, False
        if kind in ("phrase", "pattern"):
            label = rule_label.split(":", 1)[-1]
            base = label[: -len(ABSENT)] if label.endswith(ABSENT) else label
            cat = categories.get(base)
            if cat == "medicine" or base in not_ids:
                return _EVENT, True
            if base in own_ids:
                return _OTHER, True  # "low in mood for months": the mood's own length
            if base in illness_ids:
                return _ILLNESS, True  # "three days of diarrhoea, now my back cramps": the bug's length
            if cat in not_cats:
                return _OTHER, True
            if cat in sym_cats:
                return _SYMPTOM, True
            return (_TRIGGER if cat in trigger_cats else None), True
        return None, False

    def _mark_match(mt: Match) -> None:
        key = (mt.rule.kind, mt.rule.label)
        what_inside = by_rule.get(key)
        if what_inside is None:
            what_inside = by_rule[key] = _classify(*key)
        what, is_inside = what_inside
        if what == _ILLNESS:
            illness.update(range(mt.start, mt.end))
            return
        if what == _OTHER and key[0] == "group" and key[1][len(GROUP) :] in own_groups:
            own.update(range(mt.start, mt.end))  # a mood's words, whatever else holds them
        if what is not None:
            mark(mt.start, mt.end, what)
            if what == _SYMPTOM and (is_inside or cf.groups[mt.rule.label[len(GROUP) :]].kind == "concept"):
                said.update(range(mt.start, mt.end))
        if is_inside:
            inside.update(range(mt.start, mt.end))

    starts = [t.start for t in toks]

    def find(h: Hit, forward: bool = False) -> tuple[int | None, int | None, bool]:
        """What governs ``h`` (kind, token) and whether ``h`` may count at all."""
        if unread:
            for mt in drop_hidden(unread.pop()):
                _mark_match(mt)
            for q in illness:
                gov[q] = _ILLNESS  # the illness's words, whatever symptom group also holds them
            for q in own:
                gov[q] = _OTHER
        if not toks:
            return None, None, not h.bare
        i = min(len(toks) - 1, bisect_left(starts, h.start))  # its first token (spaces skipped)
        j = max(i, bisect_right(starts, h.end - 1) - 1)
        c = clause[i]
        if h.bare and i in inside:
            return None, None, False
        k = i - 1 if i == 0 or toks[i - 1].lower not in clause_starts else -1  # "and for a week my back ..."
        behind: tuple[int, int] | None = None  # what a bare time too far after it would govern
        while k >= 0 and clause[k] == c and i - k <= _REACH and toks[k].lower not in _LIST_STOP:
            if h.symptom_only and gov.get(k) == _SITE:
                k -= 1  # a site alone does not date a weak point: the symptom said of it may
                continue
            if k in gov:
                if gov[k] == _SITE and (med := _indication(k, c)) is not None:
                    return _EVENT, med, not h.bare  # "on steroids for her chest for years"
                if h.bare and not forward and i - k > _BARE_REACH:
                    behind = (gov[k], k)  # "neck ache and 6wk mid back pain": look ahead first
                    break
                return gov[k], k, not h.bare or i - k <= _BARE_REACH
            k -= 1
        h_days[0] = h.days or 0.0
        if h.bare and not forward and (alone := bare_alone(i, j)) is not None:
            return _SYMPTOM, alone, True
        if h.bare and not forward:
            if (ahead := bare_ahead(i, j, c)) is not None:
                return _SYMPTOM, ahead, True
            if behind and bare_item_end(h, i, j, *behind):
                return behind[0], behind[1], True
            return (*behind, False) if behind else (None, None, False)
        k = j + 1
        stops = weak_stops if h.weak else _LIST_STOP
        while k < len(toks) and clause[k] == c and k - j <= _REACH and toks[k].lower not in stops:
            if h.symptom_only and gov.get(k) == _SITE:
                k += 1  # "on Tuesday my arms went weak": the weakness, past the arms
                continue
            if k in gov:
                if gov[k] == _OTHER and (med := _taken(k, c)) is not None:
                    return _EVENT, med, True  # "for years he has been on haloperidol"
                return gov[k], k, not h.bare or k - j <= _BARE_REACH + 1
            k += 1
        return None, None, not h.bare

    def _taken(k: int, c: int) -> int | None:
        """The medicine a habit's verb at ``k`` leads into ("been on", "taking" + a medicine):
        the verb is the medicine's, so the time is how long the medicine has been taken."""
        for q in range(k + 1, min(len(toks), k + 3)):
            if clause[q] != c or toks[q].lower in _LIST_STOP:
                return None
            if gov.get(q, _OTHER) != _OTHER:
                return q if gov[q] == _EVENT else None
        return None

    def bare_alone(i: int, j: int) -> int | None:
        """The symptom a bare length standing as a sentence of its own belongs to ("Pain under
        the shoulder blade. 4 months."): the sentence before it ends on a symptom finding's own
        words (``bare_alone_marks`` on both sides of the length; nothing else governed between)."""
        marks = alone_marks
        if not marks or i < 1 or toks[i - 1].lower not in marks | item_marks:
            return None
        item = toks[i - 1].lower in item_marks
        if item and i >= 2 and toks[i - 2].lower in label_words:
            return i - 2  # a form's field: "Duration: 5 months"
        if i < 2:
            return None
        # a note's item may close with the next item's mark ("low back, 2 days, started lifting")
        # or the next numbered item ("neck pain, 5 days 2) arm tingles")
        if (
            j + 1 < len(toks)
            and toks[j + 1].lower not in marks
            and not (item and h_days[0] >= 1 and (toks[j + 1].lower in item_marks or _list_number(j + 1)))
        ):
            return None
        b = i - 1
        while b > 0 and toks[b - 1].lower in marks:
            b -= 1  # "Lower back pain.\n8 weeks": the marks together end one sentence
        # after a comma, the item before it must end on the symptom's words (or its site, or a
        # side said of it: "neck pain L side, 4 days", "low back, 2 days")
        reach = cfg.bare_item_reach if item else _REACH
        for k in range(b - 1, max(-1, b - 1 - reach), -1):
            if toks[k].lower in marks or (item and toks[k].lower in item_marks):
                return None
            what = gov.get(k)
            if what == _SYMPTOM and k in said:
                return k  # a finding's own words, not a loose word of use ("I work nights")
            if item and what == _SITE and k == b - 1:
                return k
            if what is not None and what not in (_SITE, _SYMPTOM):
                return None  # "Night shifts. 6 months." is the job's
            if item and what is None and toks[k].lower not in side_words:
                return None
        return None

    def _list_number(k: int) -> bool:
        """Whether token ``k`` starts a numbered item ("2)", "3.")."""
        word = toks[k].lower
        item = word.isdigit() or (len(word) == 1 and word.isalpha())  # "2)", "b)"
        return item and k + 1 < len(toks) and toks[k + 1].lower in (")", ".")

    def bare_item_end(h: Hit, i: int, j: int, what: int, k: int) -> bool:
        """Whether a bare length of a day or more a few words after the complaint's words closes
        the complaint's item ("ache in the lumbar region 4 wks, temp tonight"): it ends its item
        or sentence, a symptom's own words or a site are within ``bare_back_reach`` words before
        it, and no word just before it makes it a rate or a deadline ("worse in 2 weeks")."""
        if h.days < 1 or i - k > cfg.bare_back_reach or what not in (_SITE, _SYMPTOM):
            return False
        if what == _SYMPTOM and k not in said:
            return False
        if toks[i - 1].lower in bare_not_after or toks[i - 1].lower in bare_stops:
            return False
        return j + 1 >= len(toks) or toks[j + 1].lower in _LIST_STOP | alone_marks

    def bare_ahead(i: int, j: int, c: int) -> int | None:
        """The symptom a bare length before it governs, clinicians' style ("6wk mid back pain",
        "3 yr hx of neck jerking"): a symptom's words within ``bare_forward_reach`` other words
        (a site, a history word or a hyphen not counted), no stop word between, and no word
        before it that makes it a rate or a deadline ("lost 4kg in 2 months")."""
        if (
            not cfg.bare_forward_reach
            or (i > 0 and toks[i - 1].lower in bare_not_after)
            or toks[i].lower in cfg.bare_forward_not_numbers
        ):
            return None
        n, k = 0, j + 1
        while k < len(toks) and clause[k] == c and toks[k].lower not in _LIST_STOP:
            word = toks[k].lower
            if word in bare_stops:
                return None
            what = gov.get(k)
            if what == _SYMPTOM:
                return k
            if what is not None and what != _SITE:
                return None  # "2 yrs smoking", "3 weeks physio"
            if what is None and word not in history_words and word != "-":
                n += 1
                if n > cfg.bare_forward_reach:
                    return None
            k += 1
        return None

    def _indication(k: int, c: int) -> int | None:
        """The medicine a body part names the use of ("on inhalers for my chest", "tablets for
        his heart"): "for" (and a possessive) before the site, a medicine earlier in the clause."""
        m = k - 1
        while m >= 0 and toks[m].lower in _POSSESSIVE:
            m -= 1
        if m < 0 or toks[m].lower != "for":
            return None
        for q in range(m - 1, max(-1, m - _REACH), -1):
            if clause[q] != c:
                return None
            if gov.get(q) in (_EVENT, _OTHER):  # a medicine, or a risk-factor treatment ("steroids")
                return q
        return None

    def rank(h: Hit) -> int | None:
        what, _, ok = find(h)
        if not ok:
            return None
        if h.story and h.weak and _JUST.match(h.text) and what != _SYMPTOM and not symptom_after(h.end):
            return None  # "which shelf I've just stacked": a moment ago, with no complaint told after it
        if h.story and what in (_OTHER, _ILLNESS) and h.days < 7 and (symptom_after(h.end) or h.weak):
            # "been mowing lawns since 8; now ...", "poorly with a bug yesterday; now his neck ...": the activity's
            # or the illness's time today; the complaint came after, so no older (a last resort)
            return 0
        if what == _ILLNESS:
            # a length said of the illness is its own ("3 days of diarrhoea, now cramps"); a time
            # within the day dates the acute story told ("vomiting since lunchtime, stiff neck")
            return 2 if h.days < 1 else None
        if what is None:
            if h.weak and h.point and not h.weekday and h.days < cfg.undated_point_max_days and not _denied_before(h):
                # "woke at 2am with a tearing pain", "stung 20 minutes ago. Throat closing": a time
                # of day today dates the story told; the problem is no older, unless a time said
                # of it ranks higher
                return 0
            return None if h.weak else 1
        if h.point and h.weak and h.days >= 42 and _had_before(h):
            return None  # "had a bad back 4 years ago": a past episode's date, not this one's
        if h.symptom_only and (what != _SYMPTOM or _event_in_clause(h)):
            return None  # "started a new tablet for the dizziness this week": the tablet's date
        if what == _SYMPTOM or (what == _SITE and not h.weak):
            return 2  # a site alone does not date a weak point ("an injection in my spine 3 years ago")
        if what == _SITE and h.point and h.days < 1:
            return 0  # ... unless within the day ("stung on the neck 15 minutes ago"): a last resort
        # a medicine's, a procedure's or a past diagnosis's date is not how long the problem has
        # lasted ("started rivaroxaban 2 months ago"), unless the text ties the two together
        if what == _TRIGGER:
            # "lifted a suitcase three days ago, it started hurting": the onset, unless the
            # symptom's own time is said; with no start word ("stepped on a nail ten days ago.
            # Now my jaw is stiff") the problem came some time after, so the date says no length
            if h.weak:
                if h.point and symptom_after(h.end) and _since_after(h.end):
                    return 2  # "fell two weeks ago, back pain since": the trouble dates from the event
                # a trigger dated within the day, with the symptom told after it ("fell off the
                # step 30 mins ago and now neck pain"): the problem began since, so under a week
                # (within the week: a day counted back; a weekday named alone is left to the interview)
                recent = h.days < 1 or (h.days < cfg.trigger_point_max_days and not h.weekday)
                return 0 if h.point and recent and symptom_after(h.end) else None
            return 1
        if what == _EVENT and h.point:
            after = " ".join(raw[h.end : h.end + 80].lower().split())
            if (
                any(w in after for w in since_then)
                or after.lstrip(" ,;.").startswith(post_words)
                or _since_after(h.end)
            ):
                return 2  # "a knee replacement ten days ago; since then my back has been sore", "18/12 post TBI"
            if h.days < 7 and symptom_after(h.end):
                return 0  # "started haloperidol two days ago; now my neck is twisted": under a week
        return None

    def _had_before(h: Hit) -> bool:
        """Whether ``h``'s clause tells an episode over ("had ... years ago", not "have had",
        nothing in the clause saying it goes on)."""
        before = _sentence_before(raw, h.start, 80)
        before = before[before.rfind(",") + 1 :]
        return _PAST_TOLD.search(before) is not None and not _NOW_TOLD.search(_clause_around(raw, h.start, h.end))

    def _denied_before(h: Hit) -> bool:
        """Whether a denial comes before ``h`` in its sentence ("nothing new this week")."""
        return undated_denials.search(_sentence_before(raw, h.start, 60)) is not None

    def _since_after(pos: int) -> bool:
        """Whether the sentence after ``pos`` says the trouble has lasted since ("... back pain
        since", "... ever since", "since then")."""
        after = " ".join(raw[pos : pos + 80].lower().split())
        cut = min((i for i in (after.find(p) for p in ".!?") if i >= 0), default=len(after))
        after = after[:cut]
        return any(w in after for w in since_then) or re.search(r"\bsince\s*(?:[,;]|$)", after) is not None

    def _event_in_clause(h: Hit) -> bool:
        """Whether a medicine or an event is named in the clause of ``h``."""
        c = clause[min(len(toks) - 1, bisect_left(starts, h.start))]
        return any(w == _EVENT and clause[k] == c for k, w in gov.items())

    def symptom_after(pos: int) -> bool:
        """Whether a symptom's words come after character ``pos`` (the problem followed the event)."""
        if not symptom_at[0]:
            symptom_at[0] = max((toks[k].start for k, w in gov.items() if w == _SYMPTOM), default=-1)
        return symptom_at[0] > pos

    def owner(h: Hit) -> int | None:
        # a bare time just before a medicine is how long it has been taken ("3 years on olanzapine")
        what, k, ok = find(h, forward=True)
        if ok and what == _EVENT:
            return k
        if (med := form_before(h)) is not None:
            return med
        if (med := aside_before(h)) is not None:
            return med
        return back_reference(h) if what in (None, _OTHER) else None

    def aside_before(h: Hit) -> int | None:
        """The medicine a time follows past a short aside in brackets after its name and words
        that govern nothing ("prochlorperazine (Stemetil) in A&E yesterday": its other name)."""
        if not toks:
            return None
        i = min(len(toks) - 1, bisect_left(starts, h.start))
        q = i - 1
        while q >= 0 and i - q <= _REACH and toks[q].lower != ")":
            if toks[q].lower in _LIST_STOP or toks[q].lower in (".", "!", "?") or gov.get(q) is not None:
                return None
            q -= 1
        if q < 0 or toks[q].lower != ")":
            return None
        p = q - 1
        while p >= 0 and q - p <= 4 and toks[p].lower != "(":
            p -= 1
        return p - 1 if p >= 1 and toks[p].lower == "(" and gov.get(p - 1) == _EVENT else None

    def form_before(h: Hit) -> int | None:
        """The medicine a time follows with only its form's words between ("on fluphenazine
        depot 8 yrs", "olanzapine injections for 5 years"): how long that medicine is taken."""
        if not toks or not form_words:
            return None
        i = min(len(toks) - 1, bisect_left(starts, h.start))
        q = i - 1
        if q >= 0 and toks[q].lower == "for":
            q -= 1
        n = 0
        while q >= 0 and toks[q].lower in form_words and n < 3:
            q -= 1
            n += 1
        return q if n and q >= 0 and gov.get(q) == _EVENT else None

    def back_reference(h: Hit) -> int | None:
        """The medicine a time points back to across a comma or into brackets ("takes
        quetiapine, has done for 4 years", "risperidone, which she has been on for years",
        "olanzapine (6 yrs)"): only pointing words (``back_reference_words``) between the mark
        and the time, and a medicine just before the mark."""
        if not toks:
            return None
        q = min(len(toks) - 1, bisect_left(starts, h.start)) - 1
        while q >= 0 and toks[q].lower in back_words:
            q -= 1
        if q < 1 or toks[q].lower not in back_marks:
            return None
        for r in range(q - 1, max(-1, q - 4), -1):
            if gov.get(r) == _EVENT:
                return r
            if toks[r].lower in _LIST_STOP:
                break
        return None

    def symptom(h: Hit) -> int | None:
        """The symptom's token a time governs; a site just before it leads on to it ("since I got
        up my right leg has been weak": the weakness, past "right leg")."""
        what, k, ok = find(h)
        if ok and what == _SITE and k is not None:
            while gov.get(k) == _SITE:
                k += 1
            what = gov.get(k)
        return k if ok and what == _SYMPTOM else None

    return Governor(rank, owner, symptom)


_OTHER, _EVENT, _TRIGGER, _SITE, _SYMPTOM = 0, 1, 2, 3, 4
_ILLNESS = -1  # a preceding illness's words (marked once every match is marked)
# what each rule's words govern, per finding-category table (made once per knowledge base)
_GOVERNS: dict[int, tuple[Mapping[str, str], dict[tuple[str, str], tuple[int | None, bool]]]] = {}
# a list's comma ends the search: "T2DM, hypothyroid, 4/12 nocturnal paraesthesia"
_LIST_STOP = frozenset({",", ";", "(", ")"})
# how far (in tokens) a duration looks for what it governs
_REACH = 12
# a bare number and unit must follow a symptom's words this closely
_BARE_REACH = 1
