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
from functools import cache

from nape.intake.concepts import GROUP, ancestors
from nape.intake.folding import Folded
from nape.intake.matcher import Match
from nape.intake.pipeline import ABSENT
from nape.intake.schema import concept_file
from nape.intake.tokens import Tok
from nape.intake.wordlists import alternation, attributes_file


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


@cache
def _numbers() -> dict[str, int]:
    return attributes_file().time.numbers


@cache
def _duration_rx() -> re.Pattern[str]:
    num = rf"(\d+(?:\.\d+)?|{alternation(_numbers())})"
    return re.compile(
        rf"\b(for|past|last|over\s+the\s+(?:last|past)|since|x|×|about|around|almost|nearly|lasts?|lasting|lasted|each|every)?\s*"
        rf"(?:(?:about|around|roughly|approx\.?|approximately|almost|nearly|over|under|the|a|maybe|only|just|up\s+to)\s+)?"
        rf"{num}(?:\s*(?:-|to|or)\s*(\d+))?\s*{_UNIT}\b(\s+ago|\s+now)?",
        re.I,
    )


@cache
def _duration_fold() -> Folded:
    return Folded(_duration_rx())


_UNIT = r"(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|d|wks?|weeks?|months?|mths?|mo|years?|yrs?)"
_DAYS = {"s": 1 / 86400, "m": 1 / 1440, "h": 1 / 24, "d": 1, "w": 7, "mo": 30, "y": 365}


def _num(token: str) -> float:
    token = token.lower()
    return float(token) if token[0].isdigit() else float(_numbers().get(token, 1))


def _unit_days(unit: str) -> float:
    u = unit.lower()
    if u.startswith("mo") or u.startswith("mth"):
        return _DAYS["mo"]
    if u.startswith("mi"):
        return _DAYS["m"]
    return _DAYS.get(u[0], 1.0)


# ----------------------------------------------------------------------------- durations
_POST = re.compile(r"\s?(?:post|after|since|following)\b", re.I)
_CLINICAL = re.compile(r"(?<![\d/.])(\d{1,2})/(7|52|12)\b(?![/\d])")
# "for the past month", "over the last week": one unit with no number
_THE_PAST = re.compile(r"\b(?:for|over|in)\s+the\s+(?:past|last)\s+(week|fortnight|month|year)\b", re.I)
_UNIT_WORD_DAYS = {"week": 7, "fortnight": 14, "month": 30, "year": 365}
# what someone did for ten minutes ("after walking for ten minutes") is not a spasm
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:walk|walking|walked|stand|standing|stood|sit|sitting|sat|run|running|ran|exercis\w*|cycling|driving|drove|reading|typing)\s+$",
    re.I,
)
_SENTENCE_PUNCT = re.compile(r"[.!?]")
_OF_HISTORY = re.compile(r"\s*(?:of|history)")
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


_THE_PAST_FOLD, _RECENT_WORDS_FOLD, _LONG_FOLD = Folded(_THE_PAST), Folded(_RECENT_WORDS), Folded(_LONG)


def _band(days: float) -> str:
    if days < 7:
        return "duration_under_1_week"
    if days <= 42:
        return "duration_1_to_6_weeks"
    return "duration_over_6_weeks"


def read_durations(text: str, keep: Callable[[Hit], bool] | None = None) -> list[Hit]:
    """Duration of the problem (one band, the longest stated) and brief episodes. ``keep``
    (see ``governed``) drops the durations that govern something other than the problem."""
    bands: list[tuple[float, Hit]] = []
    episodes: list[Hit] = []
    ends: list[int] | None = None
    for m in _duration_fold().finditer(text):
        lead = (m.group(1) or "").lower()
        unit = m.group(4)
        days = _num(m.group(2)) * _unit_days(unit)
        if m.group(3):
            days = max(days, float(m.group(3)) * _unit_days(unit))
        short = _unit_days(unit) < 1 / 24 - 1e-9  # seconds or minutes
        tail = (m.group(5) or "").lower().strip()
        span = Hit("", True, m.start(), m.end(), text[m.start() : m.end()].strip())
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
            if ends is None:  # where each sentence ends, found once (not once per match)
                ends = [e.start() for e in _SENTENCE_PUNCT.finditer(text)]
            k = bisect_left(ends, m.end())
            rest = text[m.end() : ends[k] if k < len(ends) else m.end() + 120]
            if _SINCE_SETTLED.search(rest) or _SINCE_SETTLED.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            window = text[max(0, m.start() - 60) : m.end() + 100]
            if not _START_WORDS.search(window):
                continue
        elif not lead and tail != "now" and not _OF_HISTORY.match(text, m.end()):
            # a bare "3 weeks" counts only when clearly about how long
            before = text[max(0, m.start() - 25) : m.start()].lower()
            if not re.search(r"(for|past|last|since|x|been|over)\s*$", before):
                bands.append((days, Hit(_band(days), True, span.start, span.end, span.text, bare=True)))
                continue
        if lead == "every" or lead == "each":
            continue
        bands.append((days, Hit(_band(days), True, span.start, span.end, span.text, point=tail == "ago")))
    for m in _THE_PAST_FOLD.finditer(text):
        days = _UNIT_WORD_DAYS[m.group(1).lower()]
        bands.append((days, Hit(_band(days), True, m.start(), m.end(), text[m.start() : m.end()])))
    for m in _CLINICAL.finditer(text):
        n, base = int(m.group(1)), m.group(2)
        days = n * {"7": 1, "52": 7, "12": 30}[base]
        point = _POST.match(text, m.end()) is not None  # "18/12 post TBI": the date of the event
        bands.append((days, Hit(_band(days), True, m.start(), m.end(), m.group(0), point=point)))
    for m in _LONG_FOLD.finditer(text):
        bands.append((365, Hit("duration_over_6_weeks", True, m.start(), m.end(), text[m.start() : m.end()])))
    bands = [b for b in bands if (keep(b[1]) if keep is not None else not b[1].bare)]
    if not bands:
        for m in _RECENT_WORDS_FOLD.finditer(text):
            # "yesterday" dates an event ("given prochlorperazine yesterday"); "since Saturday" is a length
            point = not m.group(0).lower().startswith("since")
            recent = Hit("duration_under_1_week", True, m.start(), m.end(), text[m.start() : m.end()], point=point)
            if keep is None or keep(recent):
                bands.append((1, recent))
            break
    out: list[Hit] = []
    if bands:
        out.append(max(bands, key=lambda b: b[0])[1])
    out += episodes[:1]
    return out


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


_RECURRENT_FOLD = Folded(_RECURRENT)


def read_recurrence(text: str) -> list[Hit]:
    m = _RECURRENT_FOLD.search(text)
    return [Hit("recurrent_episodes", True, m.start(), m.end(), text[m.start() : m.end()])] if m else []


# ----------------------------------------------------------------------------- what a duration governs
def governed(
    toks: Sequence[Tok], clause: Sequence[int], matches: Iterable[Match], categories: Mapping[str, str]
) -> Callable[[Hit], bool]:
    """Whether a duration governs the problem. A duration belongs to the nearest thing in its
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
    # per token: what governs a duration here: a symptom (_SYMPTOM); a medicine or a past
    # diagnosis (_EVENT: its time point can be a trigger's, "started on haloperidol two days
    # ago", "a stroke 8 months ago ... since then", but how long it has gone on is not the
    # problem's); a habit, job, jab or risk factor (_OTHER)
    gov: dict[int, int] = {}
    # tokens inside a finding's own words ("lost a stone in two months")
    inside: set[int] = set()

    def mark(start: int, end: int, what: int) -> None:
        for j in range(start, end):
            gov[j] = max(gov.get(j, _OTHER), what)  # a symptom's words win an overlap

    unread = [matches]  # what the matches govern is read at the first duration (most texts state none)

    def _mark_match(mt: Match) -> None:
        kind = mt.rule.kind
        if kind == "group":
            name = mt.rule.label[len(GROUP) :]
            if cfg.not_symptom_group in anc[name]:
                mark(mt.start, mt.end, _OTHER)
            elif cf.groups[name].kind in symptom_kinds:
                mark(mt.start, mt.end, _SYMPTOM)
        elif kind == "drug":
            mark(mt.start, mt.end, _EVENT)
        elif kind in ("phrase", "pattern"):
            label = mt.rule.label.split(":", 1)[-1]
            base = label[: -len(ABSENT)] if label.endswith(ABSENT) else label
            cat = categories.get(base)
            if cat == "medicine" or base in not_ids:
                mark(mt.start, mt.end, _EVENT)
            elif cat in not_cats:
                mark(mt.start, mt.end, _OTHER)
            elif cat in sym_cats:
                mark(mt.start, mt.end, _SYMPTOM)
            for j in range(mt.start, mt.end):
                inside.add(j)

    starts = [t.start for t in toks]

    def verdict(what: int, h: Hit) -> bool:
        return what == _SYMPTOM or (what == _EVENT and h.point)

    def keep(h: Hit) -> bool:
        if unread:
            for mt in unread.pop():
                _mark_match(mt)
        if not toks:
            return not h.bare
        i = min(len(toks) - 1, bisect_left(starts, h.start))  # its first token (spaces skipped)
        j = max(i, bisect_right(starts, h.end - 1) - 1)
        c = clause[i]
        if h.bare and i in inside:
            return False
        k = i - 1
        while k >= 0 and clause[k] == c and i - k <= _REACH and toks[k].lower not in _LIST_STOP:
            if k in gov:
                return verdict(gov[k], h) and (not h.bare or i - k <= _BARE_REACH)
            k -= 1
        if h.bare:
            return False
        k = j + 1
        while k < len(toks) and clause[k] == c and k - j <= _REACH and toks[k].lower not in _LIST_STOP:
            if k in gov:
                return verdict(gov[k], h)
            k += 1
        return True

    return keep


_OTHER, _EVENT, _SYMPTOM = 0, 1, 2
# a list's comma ends the search: "T2DM, hypothyroid, 4/12 nocturnal paraesthesia"
_LIST_STOP = frozenset({",", ";", "(", ")"})
# how far (in tokens) a duration looks for what it governs
_REACH = 12
# a bare number and unit must follow a symptom's words this closely
_BARE_REACH = 1
