"""Free-text intake: read what a person or a clinician writes into findings.

Example::

    >>> r = parse("55M, 2/52 R neck pain radiating to the thumb, no fever")
    >>> (r.age, r.sex), sorted((m.finding, m.present) for m in r.mentions)[:2]
    ((55, 'male'), [('duration_1_to_6_weeks', True), ('fever', False)])
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any

from nape.core.config import get_settings
from nape.errors import TextInputError
from nape.intake.assertion import Context, Status, answered_questions
from nape.intake.concepts import (
    GROUP,
    compose,
    correct,
    cut_site_phrases,
    group_hits,
    list_results,
    qualified_sites,
    qualified_spans,
    resolve_object_pronouns,
    sentence_index,
)
from nape.intake.falls import read_fall_counts, read_fall_heights
from nape.intake.matcher import Match, longest_phrases
from nape.intake.medicines import read_medicines
from nape.intake.numbers import (
    read_air_heat,
    read_alcohol_units,
    read_arm_pressure,
    read_coma_scale,
    read_gestation,
    read_leg_raise,
    read_load_weights,
    read_mouth_opening,
    read_numbers,
    read_residual,
    read_rotation,
    read_speeds,
    read_stiffness_length,
    read_vaccine_cover,
    read_vomit_count,
    read_weight_change,
)
from nape.intake.person import clinical_ages, read_person, self_contrast
from nape.intake.pipeline import ABSENT, GENERIC, build, maps, split
from nape.intake.records import Mention
from nape.intake.repairs import Repaired, repair
from nape.intake.schema import concept_file, numbers_file
from nape.intake.side import read_side
from nape.intake.timing import (
    Hit,
    choose_duration,
    governed,
    held_before,
    read_clock_spans,
    read_pattern_spells,
    read_recurrence,
    read_times,
    within_episode,
)
from nape.intake.tokens import Tok, bound, tokenise
from nape.intake.wordlists import attributes_file
from nape.knowledge.loader import default_kb
from nape.text import as_text

NOTHING_FOUND = (
    "I couldn't find any symptoms in that. Could you describe what you feel, where it is, "
    "how long it has lasted and what brought it on?"
)


@dataclass(frozen=True)
class ParseResult:
    mentions: tuple[Mention, ...]
    age: int | None
    sex: str | None
    side: str | None
    about_someone_else: bool
    notes: list[str] = field(default_factory=list)
    # symptom-like words (from the concept lexicon) that gave no finding: what nape could not read
    unrecognised: tuple[str, ...] = ()
    # an age stated in days, weeks or months ("6 wk old" -> 1): whole months, so a 6-week-old
    # can be told from a 10-month-old (``age`` stays in whole years, 0 for an infant)
    age_months: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "age": self.age,
            "sex": self.sex,
            "side": self.side,
            "about_someone_else": self.about_someone_else,
            "findings": [
                {
                    "id": m.finding,
                    "status": "present" if m.present else "absent",
                    "source_text": m.source_text,
                    "start": m.start,
                    "end": m.end,
                }
                for m in self.mentions
            ],
            "notes": self.notes,
            "unrecognised": list(self.unrecognised),
        }


# the ASCII characters nape.text.is_control counts: controls other than tab and line breaks
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# every character nape.text.is_control counts: the controls above and U+0080-U+009F (Cc),
# surrogates (Cs) and the private-use planes (Co); tests/unit/intake compares all code points
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def clean(text: object) -> str:
    """Reject what cannot be text; strip control characters; normalise (NFKC); enforce the
    length limit on the normalised text (NFKC can grow a text 18-fold: U+FDFA); bound runs of
    punctuation, symbols and whitespace."""
    text = as_text(text, TextInputError, "input")
    limit = get_settings().max_text_chars
    if len(text) > limit:
        raise TextInputError(f"the text is {len(text):,} characters; the limit is {limit:,} (NAPE_MAX_TEXT_CHARS)")
    if not text.strip():
        raise TextInputError("the text is empty; describe what is happening in a few words")
    controls = _ASCII_CONTROL if text.isascii() else _CONTROL  # is_control without a look-up per character
    if len(controls.findall(text)) > max(3, len(text) // 20):
        raise TextInputError("the input looks binary rather than written text")
    text = controls.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)
    if len(text) > limit:
        raise TextInputError(
            f"the text is {len(text):,} characters once normalised; the limit is {limit:,} (NAPE_MAX_TEXT_CHARS)"
        )
    return bound(text)


@dataclass
class _Acc:
    best: dict[str, Mention] = field(default_factory=dict)
    # the findings of several parts (knowledge ``parts``) -> the parts their denials named
    parts: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)
    denied_parts: dict[str, set[str]] = field(default_factory=dict)
    # per finding, its parts whose denial alone stands when the other parts go unsaid
    alone: dict[str, frozenset[str]] = field(default_factory=dict)
    # per finding, its parts that may go unsaid when every other part is denied
    unsaid_ok: dict[str, frozenset[str]] = field(default_factory=dict)
    raw: str = ""
    # whether the writer speaks of a body part or complaint of their own (found once per text)
    writer_body: bool | None = None
    # the character offsets of the words a denial covers: a part named only there is denied, not
    # said (``_stands_alone``)
    denied_at: frozenset[int] = frozenset()
    # per finding, its latest denial in the text
    last_denial: dict[str, Mention] = field(default_factory=dict)

    def add(self, m: Mention) -> None:
        # A finding stated present anywhere stays present (safer than letting a denial win);
        # between mentions of one status the earliest, then the longest, is kept, whatever order
        # the rules found them in (the reading's words are the same on every run)
        if not m.present and m.start is not None:
            last = self.last_denial.get(m.finding)
            if last is None or (last.start or 0) < m.start:
                self.last_denial[m.finding] = m  # the latest denial (a later statement: ``_withdrawn``)
        old = self.best.get(m.finding)
        if old is None or (m.present and not old.present) or (m.present == old.present and _before(m, old)):
            self.best[m.finding] = m
        if not m.present and m.finding in self.parts:
            self.denied_parts.setdefault(m.finding, set()).update(self._named(m))

    def _named(self, m: Mention) -> set[str]:
        """The parts a denial names: all when its own words are general ("no focal deficit");
        else those its sentence names ("no headache, jaw pain or scalp tenderness": all three;
        "no jaw pain when eating": only the jaw)."""
        parts = self.parts[m.finding]
        if not _parts_named(m.source_text, parts) or m.start is None:
            return {name for name, _ in parts}
        a, b = _sentence(self.raw, m.start, m.end or m.start)
        return _parts_named(self.raw[a:b], parts)

    def drop_partial_denials(self) -> None:
        """A denial of only some parts of a finding is not its denial: "no jaw pain when eating"
        leaves a temple headache unknown, so giant cell arteritis is still asked about. A part
        that stands alone (knowledge ``alone_if_others_unsaid``) denies the finding when no word
        of the other parts is in the text at all: "her face looks normal" in a text that says
        nothing of weakness or numbness."""
        for fid, named in self.denied_parts.items():
            m = self.best.get(fid)
            if m is not None and not m.present and len(named) < len(self.parts[fid]):
                if self._stands_alone(fid, named) or self._rest_may_go_unsaid(fid, named):
                    continue
                del self.best[fid]

    def _rest_may_go_unsaid(self, fid: str, named: set[str]) -> bool:
        """Whether the parts a denial left out may all go unsaid (knowledge
        ``unsaid_if_others_denied``) and the parts named are told only under a denial: "no
        headache, no jaw claudication" denies the arteritis finding though the scalp went unasked;
        "new headache, no jaw claudication" does not."""
        ok = self.unsaid_ok.get(fid, frozenset())
        left = {name for name, _ in self.parts[fid]} - named
        if not ok or not left <= ok:
            return False
        said = " ".join(w.group(0) for w in _WORD.finditer(self.raw.lower()) if w.start() not in self.denied_at)
        # the parts named must be told only under a denial ("new headache, no jaw claudication"
        # tells the headache); a left-out part's words told elsewhere (the hair in a task of the
        # raised arms) are read on their own, and a sore scalp read present wins anyway
        return not _parts_named(said, tuple((n, st) for n, st in self.parts[fid] if n not in left))

    def _stands_alone(self, fid: str, named: set[str]) -> bool:
        alone = self.alone.get(fid, frozenset())
        if not named & alone:
            return False
        standing = named & alone  # the parts denied that may stand alone; every other part must be unsaid
        others = tuple((name, stems) for name, stems in self.parts[fid] if name not in standing)
        # ... or said only under a denial ("denies any sagging of the mouth or arm weakness":
        # the weakness is denied too, not told); a part told anywhere keeps the finding open
        said = " ".join(w.group(0) for w in _WORD.finditer(self.raw.lower()) if w.start() not in self.denied_at)
        return not _parts_named(said, others)


def _before(a: Mention, b: Mention) -> bool:
    """Whether mention ``a`` comes first: the earlier start, then the longer span (a mention
    without offsets comes last)."""
    return (a.start is None, a.start or 0, -(a.end or 0)) < (b.start is None, b.start or 0, -(b.end or 0))


_WORD = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(raw: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``start``..``end`` (looking at most 400 characters either way)."""
    lo = max(0, start - 400)
    ends = [e.end() for e in _SENTENCE_END.finditer(raw, lo, start)]
    after = _SENTENCE_END.search(raw, end, end + 400)
    return (ends[-1] if ends else lo), (after.start() if after else min(len(raw), end + 400))


def _parts_named(words: str, parts: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    """The parts whose stems start a word of ``words``.

    Example: "no jaw pain when eating" -> {"jaw_claudication"}."""
    found = _WORD.findall(words.lower())
    return {name for name, stems in parts if any(w.startswith(stems) for w in found)}


_PARTS: dict[int, tuple[Any, dict[str, tuple[tuple[str, tuple[str, ...]], ...]]]] = {}
_FLAGGED: dict[tuple[int, str], tuple[Any, dict[str, frozenset[str]]]] = {}


def _flagged_parts(kb: Any, flag: str) -> dict[str, frozenset[str]]:
    """Finding id -> the names of its parts whose knowledge flag ``flag`` is set; made once per
    knowledge base and flag."""
    got = _FLAGGED.get((id(kb), flag))
    if got is None or got[0] is not kb:
        table = {
            fid: frozenset(p.name for p in f.parts if getattr(p, flag))
            for fid, f in kb.findings.items()
            if any(getattr(p, flag) for p in f.parts)
        }
        got = _FLAGGED[(id(kb), flag)] = (kb, table)
        while len(_FLAGGED) > 8:
            del _FLAGGED[next(iter(_FLAGGED))]
    return got[1]


def _alone_parts(kb: Any) -> dict[str, frozenset[str]]:
    """Parts whose denial stands alone when the other parts are unsaid (knowledge
    ``alone_if_others_unsaid``)."""
    return _flagged_parts(kb, "alone_if_others_unsaid")


def _unsaid_parts(kb: Any) -> dict[str, frozenset[str]]:
    """Parts that may go unsaid when every other part is denied (knowledge
    ``unsaid_if_others_denied``)."""
    return _flagged_parts(kb, "unsaid_if_others_denied")


def _finding_parts(kb: Any) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Finding id -> its parts as (name, stems), for the findings that have parts; made once per
    knowledge base."""
    got = _PARTS.get(id(kb))
    if got is None or got[0] is not kb:
        table = {fid: tuple((p.name, tuple(p.stems)) for p in f.parts) for fid, f in kb.findings.items() if f.parts}
        got = _PARTS[id(kb)] = (kb, table)
        while len(_PARTS) > 4:
            del _PARTS[next(iter(_PARTS))]
    return got[1]


def _since_before(toks: Sequence[Tok], start: int) -> bool:
    return any(t.lower == "since" for t in toks[max(0, start - 6) : start])


_CLAUSE_ENDS = frozenset({",", ";", ".", "!", "?", "\n", ":", "(", ")"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _long_ago_after_since(toks: Sequence[Tok], start: int, words: Sequence[str]) -> bool:
    """Whether the event after "since" is dated years back ("since a fall 6 yrs ago", "since a
    crash in 2015", "since I fell as a child"): a word of ``words`` or a year in its clause."""
    k = max(i for i in range(max(0, start - 6), start) if toks[i].lower == "since")
    wanted = frozenset(words)
    for t in toks[k + 1 : k + 14]:
        if t.lower in _CLAUSE_ENDS:
            return False
        if t.lower in wanted or _YEAR.match(t.lower):
            return True
    return False


def _names_one_of(toks: Sequence[Tok], start: int, end: int, words: Sequence[str] | None, own: bool = False) -> bool:
    """Whether the clause around tokens ``start``..``end`` (with ``own``, those tokens only)
    holds one of ``words`` (None: no words are needed)."""
    if words is None:
        return True
    wanted = frozenset(words)
    if own:
        return any(t.lower in wanted or t.lemma in wanted for t in toks[start:end])
    a = start
    while a > 0 and toks[a - 1].lower not in _CLAUSE_ENDS:
        a -= 1
    b = end
    while b < len(toks) and toks[b].lower not in _CLAUSE_ENDS:
        b += 1
    return any(t.lower in wanted or t.lemma in wanted for t in toks[a:b])


class _LimbIndex:
    """A text's limb words (``_limb_words``: (token, kind), sorted by token) with what ``_limb``
    looks up in them, made at most once per parse: the set of them, the next word that is no
    other site's, the run of list words (``_SITE_LIST``) around each token, the sentences' bounds
    and whether the text names the low back. Looked up so, ``_limb`` costs the same for every
    generic word of a long list ("numbness in arms legs hands feet face and ..."), where walking
    the limb words and the tokens between them at each made such a list quadratic."""

    def __init__(self, toks: Sequence[Tok], limbs: list[tuple[int, str]], sent: list[int], text: str) -> None:
        self.toks = toks
        self.limbs = limbs
        self.sent = sent
        self.text = text
        self._members: frozenset[tuple[int, str]] | None = None
        self._runs: tuple[list[int], list[int]] | None = None
        self._next: tuple[list[int], list[int]] | None = None
        self._low_back: bool | None = None

    def has(self, limb: tuple[int, str]) -> bool:
        if self._members is None:
            self._members = frozenset(self.limbs)
        return limb in self._members

    def first_listed(self, site: int, start: int) -> str | None:
        """The kind of the first limb word (not another site's, in ``limbs``' order) in the
        sentence of token ``start`` with only list words between it and token ``site``; None
        when there is none ("numb face, arm and leg": the arm)."""
        if self._runs is None:
            toks = self.toks
            n = len(toks)
            left = list(range(n))  # left[i]: the first token of the run of list words ending before i
            for i in range(1, n):
                if toks[i - 1].lower in _SITE_LIST:
                    left[i] = left[i - 1]
            right = list(range(n))  # right[i]: the last token of the run of list words starting after i
            for i in range(n - 2, -1, -1):
                if toks[i + 1].lower in _SITE_LIST:
                    right[i] = right[i + 1]
            self._runs = (left, right)
        if self._next is None:
            positions = [k for k, _ in self.limbs]
            nxt = [len(self.limbs)] * (len(self.limbs) + 1)  # the next index whose kind is a limb's
            for j in range(len(self.limbs) - 1, -1, -1):
                nxt[j] = j if self.limbs[j][1] != _NOT_LIMB else nxt[j + 1]
            self._next = (positions, nxt)
        left, right = self._runs
        positions, nxt = self._next
        sent = self.sent
        # a word k is listed with the site when every token strictly between them is a list word:
        # k from the token before the run ending at the site to the one after the run after it
        lo = max(left[site] - 1, bisect.bisect_left(sent, sent[start]))
        hi = min(right[site] + 1, bisect.bisect_right(sent, sent[start]) - 1)
        j = nxt[bisect.bisect_left(positions, lo)]
        if j < len(positions) and positions[j] <= hi:
            return self.limbs[j][1]
        return None

    def low_back(self) -> bool:
        if self._low_back is None:
            lower = self.text.lower()
            self._low_back = any(w in lower for w in ("lower back", "low back", "sciatica", "lbp"))
        return self._low_back


def _limb(start: int, index: _LimbIndex, clause: list[int], reach: int) -> str | None:
    """'leg' or 'arm' for a generic word, from the nearest limb word in its sentence; None when
    the nearest site of its own clause is not a limb ("my pee stream is weak", "a tingle over my
    ribs"): the word is then about that site, not a limb (maps.yaml ``non_limb_words``); '' when
    the nearest limb word belongs to another site ("numb between the legs" is the saddle's)."""
    toks, limbs, sent = index.toks, index.limbs, index.sent
    i = bisect.bisect_left(limbs, (start, ""))
    best: tuple[int, str] | None = None
    nearest: tuple[int, str] | None = None
    for j in (i - 2, i - 1, i, i + 1):
        if 0 <= j < len(limbs) and sent[limbs[j][0]] == sent[start]:
            d = abs(limbs[j][0] - start)
            if nearest is None or d < nearest[0]:
                nearest = (d, limbs[j][1])
            # (at equal distance a claimed word wins: a numbness left unread, not misplaced)
            if limbs[j][1] != _NOT_LIMB and (best is None or d < best[0] or (d == best[0] and not limbs[j][1])):
                best = (d, limbs[j][1])
    if nearest and nearest[1] == _NOT_LIMB and nearest[0] <= reach:
        site = start - nearest[0] if index.has((start - nearest[0], _NOT_LIMB)) else start + nearest[0]
        lo, hi = min(site, start), max(site, start)
        # the site and the word in one stretch of words (not items of a list: "no numbness, no
        # urine infection"), and no limb listed with the site ("numb face, arm and leg")
        if clause[site] == clause[start] and not any(t.lower == "," for t in toks[lo:hi]):
            return index.first_listed(site, start)
    if best:
        return best[1]  # '' for a limb word another site claims
    return "leg" if index.low_back() else "arm"


def _claimed_limb_words(matches: Sequence[Match]) -> dict[int, int]:
    """Token positions inside a site that claims a limb's words (concepts.yaml: a site whose
    `overrides` name a group of limb words, as the saddle's "between my legs" or "inner thighs"
    do), each with the position where that site's words start. The site's own words are its
    too: "bum" or "back passage" (leg words of the maps, for a numbness near them) name the
    saddle, so "numb round my bum" is no leg's numbness."""
    claimers = _site_claims()
    claims: dict[str, list[tuple[int, int]]] = {}  # limb group -> spans of the sites that claim it
    out: dict[int, int] = {}
    for mt in matches:
        rule = mt[0]
        over = claimers.get(rule.label)
        if over is not None and rule.kind == "group":
            for o in over:
                claims.setdefault(o, []).append((mt[1], mt[2]))
            for j in range(mt[1], mt[2]):
                out[j] = min(mt[1], out.get(j, mt[1]))
    if not claims:  # most texts name no such site
        return out
    for mt in matches:
        for a, b in claims.get(mt.rule.label, ()) if mt.rule.kind == "group" else ():
            if a <= mt.start and mt.end <= b and (b - a) > (mt.end - mt.start):
                for j in range(mt.start, mt.end):
                    out[j] = min(a, out.get(j, a))
    return out


@cache
def _site_claims() -> dict[str, tuple[str, ...]]:
    """Group rule label of a site -> the labels of the limb groups it overrides (claims)."""
    return {
        GROUP + name: tuple(GROUP + o for o in g.overrides)
        for name, g in concept_file().groups.items()
        if g.kind == "site" and g.overrides
    }


_NOT_LIMB = "none"
# a word naming the limbs in general ("no weakness in any limb"): the arms and the legs
_BOTH_LIMBS = "both"
_BOTH_LIMB_SETS: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}
# words that join sites into one list ("face, arm and leg")
_SITE_LIST = frozenset({",", "and", "or", "&", "/", "my", "the", "his", "her", "their", "both"})


def _limb_words(toks: Sequence[Tok], m: dict[str, Any], claimed: dict[int, int] | None = None) -> list[tuple[int, str]]:
    legs, arms, pair_firsts, others = _limb_sets(id(m), m)
    both = _BOTH_LIMB_SETS.get(id(m))
    if both is None or both[0] is not m:
        both = _BOTH_LIMB_SETS[id(m)] = (m, frozenset(m.get("both_limb_words", ())))
        while len(_BOTH_LIMB_SETS) > 4:
            del _BOTH_LIMB_SETS[next(iter(_BOTH_LIMB_SETS))]
    general = both[1]
    out = []
    n = len(toks)
    skip = -1
    for i, t in enumerate(toks):
        if i == skip:
            continue  # the second word of a two-word limb ("upper limbs")
        lower = t.lower
        # a two-word limb phrase ("lower limb") is looked up only after its first word (a
        # token holds no space, so "a b" is a phrase only if "a" is its first word)
        pair = f"{lower} {toks[i + 1].lower}" if lower in pair_firsts and i + 1 < n else ""
        if pair and (pair in legs or pair in arms):
            skip = i + 1
        kind = (
            "leg"
            if lower in legs or pair in legs
            else "arm"
            if lower in arms or pair in arms
            else _NOT_LIMB
            if lower in others
            else _BOTH_LIMBS
            if lower in general
            else None
        )
        if kind:
            # a limb word inside another site ("between my legs") names that site, not a limb:
            # it stands where the site's words start
            out.append((claimed[i], "") if claimed and i in claimed and kind != _NOT_LIMB else (i, kind))
    return sorted(out) if claimed else out


_LIMB_SETS: dict[int, tuple[dict[str, Any], tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]] = {}


@cache
def _site_group_words(names: tuple[str, ...]) -> frozenset[str]:
    """The words of these concept groups and of the groups they include, of one or two words
    (maps.yaml ``leg_groups``, ``arm_groups``): a limb's muscles and movements ("dorsiflexion",
    "hip flexion") are that limb's words for a generic weakness or numbness."""
    groups = concept_file().groups
    out: set[str] = set()
    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        out.update(w.lower() for w in groups[name].words if len(w.split()) <= 2)
        todo.extend(groups[name].includes)
    return frozenset(out)


def _limb_sets(key: int, m: dict[str, Any]) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The leg and arm words of the maps, the first words of two-word leg phrases and the
    sites that are not limbs: made once per maps (not at every parse)."""
    got = _LIMB_SETS.get(key)
    if got is None or got[0] is not m:
        legs = frozenset(m["leg_words"]) | _site_group_words(tuple(m.get("leg_groups", ())))
        arms = frozenset(m["arm_words"]) | _site_group_words(tuple(m.get("arm_groups", ())))
        sets = (
            legs,
            arms,
            frozenset(w.split(" ", 1)[0] for w in legs | arms if " " in w),
            frozenset(m.get("non_limb_words", [])),
        )
        _LIMB_SETS.clear()
        _LIMB_SETS[key] = got = (m, sets)
    return got[1]


def _sentences(toks: Sequence[Tok]) -> list[int]:
    """The sentence number of each token; a question and the answer after it ("Numb? Yes, the
    left foot") are one sentence."""
    out, s = [], 0
    answered = answered_questions(toks) if "?" in (t.lower for t in toks) else None
    for i, t in enumerate(toks):
        out.append(s)
        if t.lower in (".", "!", "?", "\n") and not (answered and answered[i]):
            s += 1
    return out


@dataclass(frozen=True)
class _Cand:
    finding: str
    present: bool
    start: int  # token
    end: int
    status: Status | None
    category: str  # "phrase", "compose", ...
    suppresses: tuple[str, ...] = ()
    # a default reading: it yields to its finding read absent in other words, and is read absent
    # when one of these findings is read present (concepts.yaml ``yields_to``)
    yields_to: tuple[str, ...] = ()


def _risk_opened(cands: Sequence[_Cand], meds: Sequence[Any], ctx: Any, m: dict[str, Any]) -> frozenset[str]:
    """The findings gated by age (maps ``risk_gated``) whose risk of another kind the text says of
    the person already: a phrase read so far ("osteoporosis", "on long-term steroids") or a
    medicine taken long ("prednisolone for years"), not denied, supposed or a relative's. Their
    rules with a ``min_age`` speak for a younger person, or one of no stated age, too (session 20)."""
    gates: dict[str, Any] = m.get("risk_gated", {})
    if not gates:
        return frozenset()
    said: set[str] = set()
    for c in cands:
        st = c.status
        if c.present and c.category != "suppress" and not (st and (st.negated or st.hypothetical or st.family_words)):
            said.add(c.finding)
    for d in meds:
        if d.drops or not d.present:
            continue
        st = ctx.status([(d.start, d.end)])
        if not (st.negated or st.hypothetical or st.family_words):
            said.add(d.finding)
    return frozenset(fid for fid, gate in gates.items() if said.intersection(gate.get("or_findings", ())))


def _apply(c: _Cand, toks: Sequence[Tok], raw: str, acc: _Acc, m: dict[str, Any], person: Any, kb: Any) -> None:
    start, end = toks[c.start].start, toks[c.end - 1].end
    source = raw[start:end]
    st = c.status
    fid, affirmed = c.finding, c.present
    if st is None:
        acc.add(Mention(fid, affirmed, source, start, end))
        return
    if st.hypothetical:
        return
    if st.family_words:
        if person.proxy and all(person.proxy in w for w in st.family_words):
            pass  # the relative is the patient
        elif fid in m["family_to"] and not st.negated:
            acc.add(Mention(m["family_to"][fid], True, source, start, end))
            return
        elif fid in m["family_to"] and _whole_family(st.family_words, m["family_general"]):
            # "no FHx of AS", "nobody in my family has had dystonia": the family's history denied
            acc.add(Mention(m["family_to"][fid], False, source, start, end))
            return
        elif fid in m["family_to"].values():
            # a family-history finding's own words name the relative ("my uncle has dystonia")
            acc.add(Mention(fid, affirmed and not st.negated, source, start, end))
            return
        elif not (
            affirmed
            and not st.negated
            and kb.findings[fid].category in ("symptom", "sign")
            and not st.historical
            and _relative_has_now(toks, c.start, c.end, m["relative_subjects"])
            and not _writer_body(acc, toks, m["relative_subjects"])
        ):
            return
        # else "my dad has a droopy face", "Mum's got slurred speech": a relative's symptom now
        # (no family history of it): the message is about the relative, who is the patient
    if (
        fid in m["family_to"]
        and affirmed
        and not st.negated
        and not person.proxy
        and _relative_subject(toks, c.start, m["relative_subjects"])
    ):
        # "Mother has psoriasis.": a relative's condition is the family's history, not the person's
        acc.add(Mention(m["family_to"][fid], True, source, start, end))
        return
    finding = kb.findings[fid]
    moment = m.get("moment_denial")
    if (
        st.negated
        and st.moment
        and moment
        and affirmed
        and finding.category in ("symptom", "sign")
        and fid not in moment["keep"]
    ):
        # "the neck wasn't painful to begin with", "no ache at the scene": a denial of an earlier
        # moment says nothing of now (a later statement may tell it: ``_moment_reversals``)
        return
    past = attributes_file().time.past_events
    if st.historical and not st.negated and _since_before(toks, c.start):
        # "since a fall off a roof 6 years ago my shoulder is stiff": the event set off the
        # problem, but years ago: the findings that say recent are not present
        if fid in past.recent_only and _long_ago_after_since(toks, c.start, past.long_ago_words):
            history = _history_finding(fid, toks, c, m, past)
            if history is not None:
                acc.add(Mention(history, True, source, start, end))
            return
    elif st.historical and not st.negated:
        if fid in m["historical_to"] or fid in past.history_own_words:
            # an old injury is a previous neck injury only when its clause names the neck ("hit
            # my head skiing years ago" is not: it is a past head injury)
            history = _history_finding(fid, toks, c, m, past)
            if history is not None:
                acc.add(Mention(history, True, source, start, end))
            return
        if finding.category in ("symptom", "sign") or fid in m["past_events_dropped"]:
            return
    if st.historical and st.negated and affirmed and fid in past.history_own_words:
        # "never in my life a head injury": no past head injury (an injury denied by the neck
        # reads as before)
        history = _history_finding(fid, toks, c, m, past)
        if history is not None and history not in m["historical_to"].values():
            acc.add(Mention(history, False, source, start, end))
            return
    if st.historical and st.negated and finding.category in ("symptom", "sign") and not _since_before(toks, c.start):
        # a denied past ("no previous sciatica", "no prior neuro hx") says nothing of now: the
        # past history finding it maps to is absent, the present symptom is left unread
        if fid in m["historical_to"] and affirmed:
            acc.add(Mention(m["historical_to"][fid], False, source, start, end))
        return
    if fid in m["long_standing"]["findings"] and _long_standing_near(raw, toks, c, m["long_standing"]):
        # "on olanzapine for years" is not a recent start, and a denial does not turn that round
        # ("no new tablets, the same ones for years" is no new medicine either)
        acc.add(Mention(fid, False, source, start, end))
        return
    acc.add(Mention(fid, affirmed != st.negated, source, start, end))


def _site_bound(
    kept: list[Match], hits: Sequence[Any], clause: Sequence[int], spec: dict[str, Any], toks: Sequence[Tok]
) -> list[Match]:
    """The phrase matches less those of a finding whose phrase leaves its site unsaid, in a
    clause naming another body site and none of the finding's own (maps.yaml ``site_bound``):
    "my back cramps at night" is no leg cramp; "night cramps in my calves" is, and so are
    "muscle cramps" anywhere (a phrase naming muscles in general). The groups each clause names
    are gathered once (gathered for each phrase, a long text of cramps and sites was quadratic)."""
    bound = [x for x in kept if x.rule.kind == "phrase" and x.rule.label in spec]
    if not bound:
        return kept
    drop: set[int] = set()
    named_in: dict[int, set[str]] | None = None
    for x in bound:
        bs = spec[x.rule.label]
        if any(t.lower in bs.get("general", ()) for t in toks[x.start : x.end]):
            continue
        own, other = GROUP + bs["own"], GROUP + bs["other"]
        c = clause[x.start]
        if named_in is None:
            named_in = {}
            for h in hits:
                named_in.setdefault(clause[h.start], set()).add(GROUP + h.group)
        named = named_in.get(c, set())
        if other in named and own not in named:
            drop.add(id(x))
    return [x for x in kept if id(x) not in drop] if drop else kept


def _complaint_bound(kept: list[Match], hits: Sequence[Any], toks: Sequence[Tok], spec: dict[str, str]) -> list[Match]:
    """The phrase matches less those of a finding whose sentence names none of its complaint's
    words (maps.yaml ``complaint_bound``): "both legs" with stiffness, cramp or pain in its
    sentence ("I can move both legs but they hurt") is the legs' symptoms; "purple spots on both
    legs" or "moving both legs" is no symptom of them. The sentences naming each group are
    gathered once: linear."""
    bound = [x for x in kept if x.rule.kind == "phrase" and x.rule.label in spec]
    if not bound:
        return kept
    sentence = sentence_index(toks)
    wanted = frozenset(GROUP + g for g in spec.values())
    named_in: dict[int, set[str]] = {}
    for h in hits:
        g = GROUP + h.group
        if g in wanted:
            named_in.setdefault(sentence[h.start], set()).add(g)
    drop = {id(x) for x in bound if GROUP + spec[x.rule.label] not in named_in.get(sentence[x.start], set())}
    return [x for x in kept if id(x) not in drop] if drop else kept


def _history_finding(fid: str, toks: Sequence[Tok], c: _Cand, m: dict[str, Any], past: Any) -> str | None:
    """The history finding a past mention of ``fid`` stands for. Its own words naming the neck
    ("whiplash years ago") give maps.yaml ``historical_to``; else a head named in them or in the
    few words of its clause before them gives attributes.yaml ``history_own_words`` ("since his
    head injury in 2019", "a head injury in a car crash ten years ago": a past head injury, not a
    neck's); else ``historical_to`` when its clause holds the words it needs (``history_needs``)."""
    needs = past.history_needs.get(fid)
    to = m["historical_to"].get(fid)
    if to is not None and needs is not None and _names_one_of(toks, c.start, c.end, needs, own=True):
        return str(to)
    a = c.start
    while a > max(0, c.start - _OWN_REACH) and toks[a - 1].lower not in _CLAUSE_ENDS:
        a -= 1
    for history, words in past.history_own_words.get(fid, {}).items():
        wanted = frozenset(words)
        if any(t.lower in wanted or t.lemma in wanted for t in toks[a : c.end]):
            return str(history)
    if to is not None and _names_one_of(toks, c.start, c.end, needs):
        return str(to)
    return None


# how many words of its clause before a past event's own words may tell what was injured ("a bad
# head injury in a car crash")
_OWN_REACH = 6


def _apply_default(c: _Cand, toks: Sequence[Tok], raw: str, acc: _Acc, m: dict[str, Any], person: Any, kb: Any) -> None:
    """A default reading (concepts.yaml ``yields_to``), once the rest of the story is read: its
    finding read absent in other words stands ("rear-ended by a bus"); a finding it yields to,
    read present anywhere, makes it absent ("rear-ended ... the car flipped": not a simple
    rear-end collision). Said under a denial, a supposition or of someone else, it then says
    nothing."""
    old = acc.best.get(c.finding)
    if old is not None and not old.present:
        return
    if any((x := acc.best.get(f)) is not None and x.present for f in c.yields_to):
        st = c.status
        if st is not None and (st.negated or st.hypothetical or st.family_words):
            return
        c = replace(c, present=not c.present)
    _apply(c, toks, raw, acc, m, person, kb)


def _other_subject(raw: str, hit: Any, acc: _Acc, spec: dict[str, Any]) -> bool:
    """Whether the sentence of a brief episode names something read present that is no spasm
    (a noise, a pain, a lump) and names none of ``spec["spasm"]``: the episode is then that
    thing's length, not a spasm's (maps.yaml ``brief_episode``). Findings of ``spec["pattern"]``
    (an onset, a length, a side) tell how or when and name no subject of their own."""
    lo = max((raw.rfind(c, 0, hit.start) for c in ".!?\n"), default=-1) + 1
    ends = [e for e in (raw.find(c, hit.end) for c in ".!?\n") if e >= 0]
    hi = min(ends) if ends else len(raw)
    skip = {*spec["findings"], *spec.get("pattern", ())}
    spasms = set(spec["spasm"])
    said = [
        f for f, x in acc.best.items() if f not in skip and x.present and x.start is not None and lo <= x.start < hi
    ]
    return bool(said) and spasms.isdisjoint(said)


def _whole_family(family_words: Sequence[str], general: Sequence[str]) -> bool:
    """Whether a family trigger speaks of the family as a whole ("no FHx", "nobody in the
    family"), not of one relative ("my mum doesn't have psoriasis" says nothing of the rest)."""
    words = {w.strip(":-").lower() for text in family_words for w in text.split()}
    return not words.isdisjoint(general)


def _long_standing_near(raw: str, toks: Sequence[Tok], c: _Cand, spec: dict[str, Any]) -> bool:
    """Whether words of long use (maps.yaml ``long_standing``) stand within ``reach`` tokens of
    the candidate in its own sentence ("no new tablets, the same dose for years"; not "... for
    years. I started a new tablet last week")."""
    reach = spec.get("reach", 12)
    a = c.start
    while a > max(0, c.start - reach) and toks[a - 1].lower not in _SENTENCE_MARKS:
        a -= 1
    b = c.end
    while b < min(len(toks), c.end + reach) and toks[b].lower not in _SENTENCE_MARKS:
        b += 1
    text = raw[toks[a].start : toks[b - 1].end].lower()
    if not any(w in text for w in spec["words"]):
        return False
    recent, marks = spec.get("recent_words", ()), frozenset(spec.get("clause_marks", ()))
    if recent:
        # the candidate's own clause within that span: a start it tells as recent is not turned
        # round by long use told in another clause ("on aspirin for years, recently started X")
        ca = c.start
        while ca > a and toks[ca - 1].lower not in marks:
            ca -= 1
        cb = c.end
        while cb < b and toks[cb].lower not in marks:
            cb += 1
        own = " " + raw[toks[ca].start : toks[cb - 1].end].lower() + " "
        if any(f" {w} " in own for w in recent) and not any(w in own for w in spec["words"]):
            return False
    return True


_SENTENCE_MARKS = frozenset({".", "!", "?", ";", "\n"})


def _writer_body(acc: _Acc, toks: Sequence[Tok], spec: dict[str, Any]) -> bool:
    """Whether the writer names a body part or a complaint of their own ("my back problem",
    "I've just got the stiffness"): a relative's symptom is then the relative's, not the
    patient's. One pass per text, kept on the accumulator."""
    if acc.writer_body is None:
        body = frozenset(spec.get("writer_body_words", ()))
        relatives = frozenset(spec["relatives"])
        own = frozenset(spec.get("writer_own", ()))
        found = self_contrast(acc.raw)
        for i, t in enumerate(toks if not found else ()):
            if t.lower in own:
                found = True
                break
            near = toks[i + 1 : i + 3]
            if t.lower == "my" and not any(x.lower in relatives for x in near) and any(x.lower in body for x in near):
                found = True
                break
        acc.writer_body = found
    return acc.writer_body


def _relative_has_now(toks: Sequence[Tok], start: int, end: int, spec: dict[str, Any]) -> bool:
    """Whether a relative just before a symptom's words has it now: a verb of having in the
    present between them and none in the past ("my dad has a droopy face", "Mum's got slurred
    speech"; not "my dad had a droopy face after his stroke"), with no word of the writer between
    (maps.yaml ``relative_subjects``: ``present_verbs``, ``past_verbs``)."""
    relatives = frozenset(spec["relatives"])
    present = frozenset(spec.get("present_verbs", ()))
    past = frozenset(spec.get("past_verbs", ()))
    stops = frozenset(spec["stops"])
    k = start - 1
    while k > max(-1, start - 1 - spec.get("present_reach", 10)):
        w = toks[k].lower
        if w in stops or w in (".", "!", "?", "\n", ";"):
            return False
        if w in relatives:
            # the verb may follow a possessed body part ("my daughter's eye keeps turning")
            words = [t.lower for t in toks[k + 1 : min(len(toks), end + 1)]]
            between = set(words)
            # "'s" is "has"/"is" before a participle ("Mum's got", "Dad's been"), else an owner's
            # ("my aunt's head")
            has_now = bool(between & present) or any(
                a == "'s" and b in spec.get("clitic_next", ()) for a, b in itertools.pairwise(words)
            )
            return has_now and not between & past
        k -= 1
    return False


def _relative_subject(toks: Sequence[Tok], start: int, spec: dict[str, Any]) -> bool:
    """Whether a relative is the subject just before a condition's words ("grandma had lupus",
    "Mother has psoriasis", "his brother was diagnosed with Crohn's"), with no word of the writer
    between them (maps.yaml ``relative_subjects``)."""
    relatives = frozenset(spec["relatives"])
    verbs = frozenset(spec["verbs"])
    stops = frozenset(spec["stops"])
    naming = frozenset(spec.get("naming", ()))
    limit = start - 1 - spec["reach"]
    k = start - 1
    while k > max(-1, limit):
        w = toks[k].lower
        if w in stops or w in (".", "!", "?", "\n", ";"):
            return False
        if w in relatives:
            return any(t.lower in verbs for t in toks[k + 1 : start])
        if w in naming:
            # "..., they named it dystonia": the naming goes back to whose condition it is
            limit = min(limit, k - 1 - spec.get("naming_reach", 0))
        k -= 1
    return False


def _movement_targets(toks: Sequence[Tok], spec: dict[str, Any]) -> frozenset[int]:
    """The tokens of body parts another part is moved to: a mover ("chin", "knees", "heel"), a
    prep ("to", "onto", "up to") and an owner word at most, then the target ("chin to chest",
    "knees up to my chest", "heel to the buttock"); maps.yaml ``movement_target``."""
    movers = frozenset(spec["movers"])
    preps = [tuple(p.split()) for p in spec["preps"]]
    owners = frozenset(spec.get("owners", ()))
    out: set[int] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower not in movers:
            continue
        for p in preps:
            k = i + 1
            if tuple(x.lower for x in toks[k : k + len(p)]) != p:
                continue
            k += len(p)
            if k < n and toks[k].lower in owners:
                k += 1
            if k < n:
                out.add(k)
            break
    return frozenset(out)


def _conditioned_denial(c: _Cand, toks: Sequence[Tok], spec: dict[str, Any]) -> str:
    """Whether ``c`` reads a site's pain absent from a denial limited by a condition right after
    its words: "" (no), "drop" (the pain is named only under the denial: "neck spasm, no pain
    when lying down") or "present" (the pain is said, and a denial after it limits it: "lower
    back pain, none when I lie flat")."""
    if c.finding not in spec["findings"] or c.category == "suppress":
        return ""
    if c.present and not (c.status and c.status.negated):
        return ""
    skip = frozenset(spec.get("skip", ()))
    after = frozenset(spec.get("after_denials", ()))
    j = c.end
    denied_after = False
    while j < len(toks) and toks[j].lower in skip:
        denied_after = denied_after or toks[j].lower in after
        j += 1
    if j >= len(toks):
        return ""
    pair = " ".join(t.lower for t in toks[j : j + 2])
    if toks[j].lower in spec["words"] or pair in spec.get("pairs", ()) or toks[j].lower in spec.get("pairs", ()):
        return "present" if denied_after else "drop"
    return ""


def _family_same(toks: Sequence[Tok], spec: dict[str, Any], relatives: Sequence[str]) -> tuple[int, int] | None:
    """The token span of words saying the person's own complaint is a relative's too: a relative
    followed closely by a word of sameness ("my aunt had the same", "my cousin had this very
    thing"), or the complaint running in the family ("it runs in the family"; not "diabetes runs
    in the family", which names another condition). None if no such words. A writer's word
    between the relative and the sameness ends the look ("my mum said I have the same" is the
    writer's)."""
    rel = frozenset(relatives)
    same = frozenset(spec["same_words"])
    pointers = frozenset(spec.get("pointers", ()))
    things = frozenset(spec.get("things", ()))
    runs = frozenset(spec.get("run_words", ()))
    preps = frozenset(spec.get("run_preps", ()))
    nouns = frozenset(spec.get("family_nouns", ()))
    stops = frozenset(spec.get("stops", ())) | {".", "!", "?", "\n", ";"}
    # what runs in the family is the complaint itself: "it", "this", "the same thing"
    subjects = frozenset(spec.get("run_subjects", ())) | pointers | things | same
    n = len(toks)
    for i, t in enumerate(toks):
        w = t.lower
        if (
            w in runs
            and 0 < i < n - 1
            and toks[i + 1].lower in preps
            and toks[i - 1].lower in subjects
            and any(toks[j].lower in nouns for j in range(i + 2, min(n, i + 4)))
        ):
            return i, min(n, i + 4)
        if w not in rel:
            continue
        for j in range(i + 1, min(n, i + 1 + spec["reach"])):
            x = toks[j].lower
            if x in stops:
                break
            if x in same or (x in pointers and any(toks[k].lower in things for k in range(j + 1, min(n, j + 3)))):
                return i, j + 1
    return None


# a hit's group and a match's rule kind, read in C over a parse's hundreds of hits and matches
_GROUP_OF = itemgetter(0)
_KIND_OF = attrgetter("rule.kind")


def parse(text: object, counter: list[int] | None = None, today: date | None = None) -> ParseResult:
    """Read findings, age, sex, side and who is meant from free text.

    ``counter``, when given, counts the matcher's steps (for the cost tests); ``today`` is the
    date the text is read on, for dates said in it ("a tetanus booster in 2019"; the clock's
    date when not given)."""
    raw = clean(text)
    # dictated sound-alikes and clipped forms read as the words meant ("too weeks", "rad into");
    # the mentions' offsets are given back in the text as written (see the end)
    repaired = repair(raw)
    if repaired is not None:
        raw = repaired.text
    kb = default_kb()
    pipe = build()
    m = maps()
    toks = _pair_as_possessive(correct(tokenise(raw), pipe.known_words, pipe.truncations), m)
    if counter is not None:
        counter[0] += len(toks)
    # one pass finds the findings' words and the assertion triggers
    matches, triggers = split(pipe.index.match(toks, counter))
    matches = qualified_sites(matches, toks)
    ctx = Context(toks, counter, triggers)
    person = read_person(raw)
    sent = _sentences(toks)
    limbs = _limb_words(toks, m, _claimed_limb_words(matches))
    limb_index = _LimbIndex(toks, limbs, sent, raw)
    cands: list[_Cand] = []
    # 1. the findings' phrases and token patterns
    kept = _unhidden(_longest_keeping_parts(matches, m), matches)
    kept = cut_site_phrases(kept, matches)
    hits = resolve_object_pronouns(list_results(group_hits(matches), toks), toks)
    if m.get("movement_target"):
        # "tucks his chin onto his chest": the chest is where the chin goes, no site of a symptom
        targets = _movement_targets(toks, m["movement_target"])
        if targets:
            groups = concept_file().groups
            hits = [h for h in hits if not (h.start in targets and groups[h.group].kind == "site")]
            kept = [x for x in kept if x.start not in targets]  # "knees to chest hurts"
    if m.get("site_bound"):
        kept = _site_bound(kept, hits, ctx.clause, m["site_bound"], toks)
    if m.get("complaint_bound"):
        kept = _complaint_bound(kept, hits, toks, m["complaint_bound"])
    # a part's composite (leg numbness -> symptoms in both legs), and the words saying both limbs
    both_of = {p: c for c, ps in m.get("composite_phrases", {}).items() for p in ps}
    both_words = frozenset((m.get("pair_words") or {}).get("both_limbs", ()))
    # reach[i]: the furthest end of a phrase starting at or before token i; part_reach: the same
    # without the phrases of a composite finding, which hide none of the symptoms they name
    composites: dict[str, list[str]] = {**m.get("composite_phrases", {}), **m.get("phrase_parts", {})}
    parts_of = frozenset(p for ps in composites.values() for p in ps)
    reach = [0] * (len(toks) + 1)
    part_reach = [0] * (len(toks) + 1)
    for x in kept:
        if x.rule.kind == "phrase":
            reach[x.start] = max(reach[x.start], x.end)
            if x.rule.label not in composites:
                part_reach[x.start] = max(part_reach[x.start], x.end)
    for i in range(1, len(reach)):
        reach[i] = max(reach[i], reach[i - 1])
        part_reach[i] = max(part_reach[i], part_reach[i - 1])
    half_groups = frozenset(m.get("half_body_groups", ()))
    half_clauses = {ctx.clause[h.start] for h in hits if h.group in half_groups} if half_groups else set()
    for mt in kept:
        label = mt.rule.label
        present = True
        if label.endswith(ABSENT):
            label, present = label[: -len(ABSENT)], False
        elif label.startswith(GENERIC):
            if half_clauses and ctx.clause[mt.start] in half_clauses and ctx.status([(mt.start, mt.end)]).negated:
                continue  # "no weakness down one side": a one-sided weakness denied, no limb's
            limb = _limb(mt.start, limb_index, ctx.clause, m.get("non_limb_reach", 0))
            if not limb:
                # the nearest site is not a limb ("my pee stream is weak"; "numb between the legs"
                # is the saddle's)
                continue
            word = m["generic"][label[len(GENERIC) :]]
            if limb == _BOTH_LIMBS:  # "weakness in all limbs": the arms' and the legs'
                gst = ctx.status([(mt.start, mt.end)])
                cands.append(_Cand(word["arm"], True, mt.start, mt.end, gst, mt.rule.kind))
                label = word["leg"]
            else:
                label = word[limb]
        st = ctx.status([(mt.start, mt.end)])
        if not present:
            # a phrase that says the finding is absent ("no heavy lifting", "afebrile") is not
            # flipped back by a negation from a list it stands in ("no injury, no lifting")
            st = replace(st, negated=False)
        cands.append(_Cand(label, present, mt.start, mt.end, st, mt.rule.kind))
        if present and label in both_of and _said_of_both(toks, mt.start, mt.end, both_words):
            # "aching down each leg": a leg's symptom said of both legs is the symptoms in both
            cands.append(_Cand(both_of[label], True, mt.start, mt.end, st, mt.rule.kind))
    # 2. concepts x sites, functions, mechanisms
    in_text = frozenset(map(_GROUP_OF, hits))
    # a medicine's class named anywhere is a setting too ("drug:dopamine_blocker": a neck that
    # twists after an antipsychotic or an anti-sickness drug is the drug's dystonia)
    if "drug" in map(_KIND_OF, matches):
        in_text = in_text | {x.rule.label for x in matches if x.rule.kind == "drug"}
    # weeks of pregnancy, read before the concepts: a gestation said without a pregnancy word
    # ("I'm 30 weeks and my waters have gone") is a pregnancy story for the rules that need one
    gest_cfg = numbers_file().gestation
    gest_group = gest_cfg.context_group if gest_cfg is not None else None
    gestation = read_gestation(toks, person.sex, person.age, context=gest_group in in_text)
    if gest_group and any(nh.finding == "pregnant" and nh.present for nh in gestation):
        in_text = in_text | {gest_group}
    denied_objects: list[tuple[int, int, str]] = []
    # medicines by class are read here (their candidates are added after the concepts'): a risk
    # they say ("prednisolone for years") opens the rules an age opens otherwise
    gv = governed(toks, ctx.clause, matches, _categories(kb), raw)
    times, episodes = read_times(raw, person.age, today)
    has_drug = "drug" in map(_KIND_OF, matches)
    drug_times = [(k, h.days) for h in times if (k := gv.owner(h)) is not None] if has_drug else []
    meds = list(read_medicines(toks, matches, drug_times))
    risk_open = _risk_opened(cands, meds, ctx, m)
    for comp in compose(hits, ctx):
        r = comp.rule
        if r.min_age is not None and (person.age is None or person.age < r.min_age) and r.finding not in risk_open:
            continue  # said of someone younger, or of no stated age (and no risk of their own said)
        if r.in_text and in_text.isdisjoint(r.in_text):
            continue  # not in the setting that gives the words their meaning (a pregnancy)
        if (
            r.present
            and not r.only_denied
            and not r.alongside_phrases
            and (part_reach if r.finding in parts_of else reach)[comp.start] >= comp.end
        ):
            continue  # inside a finding's own, more specific phrase ("after a sore throat")
        spans = comp.spans
        if r.assert_on:  # spans follow the rule's groups in order
            spans = tuple(s for g, s in zip(r.all, comp.spans, strict=False) if g in r.assert_on) or spans
        cst = None if r.assertion == "none" else ctx.status(spans)
        if comp.denied and cst is not None and not cst.negated:
            cst = replace(cst, negated=True)  # "... but his legs aren't": the auxiliary denies it
        if r.past_ok and cst is not None and cst.historical:
            cst = replace(cst, historical=False)  # a past episode is this finding's own meaning
        if r.only_denied and (cst is None or not cst.negated):
            continue  # "leg symptoms" alone does not say which
        if not r.deniable and cst is not None and cst.negated:
            continue  # "no weakness down one side" says nothing of both legs
        if not r.present and cst is not None and not cst.negated and ctx.verb_denied(spans):
            # "he doesn't walk well": the normal state denied by its own verb is the trouble;
            # a rule whose denial says nothing says nothing ("can't remember it all" is no clear
            # memory, though "can't" keeps its denial from what follows)
            if r.when_denied == "present":
                cands.append(_Cand(r.finding, True, comp.start, comp.end, cst, "compose"))
            continue
        if not r.present and cst is not None and cst.negated:
            if r.when_denied != "present":
                continue  # "bladder not fine" says nothing normal
            if ctx.denied_directly(spans):  # "the rash won't fade": the denial is the finding
                cands.append(_Cand(r.finding, True, comp.start, comp.end, replace(cst, negated=False), "compose"))
                continue
            # "no headache, alert": the denial is the list's, the state is said plainly
            cst = replace(cst, negated=False)
        kind = "compose" if r.emit else "suppress"
        if r.emit and r.present and cst is not None and cst.negated and (comp.denied or ctx.denied_directly(spans)):
            # "nil trouble with his waterworks": a function word that is its trouble's lay name
            # alone, inside a trouble denied by its own word, is the trouble's object: its own
            # present reading goes with the denial
            denied_objects.extend((s, e, r.finding) for s, e in comp.spans)
        cands.append(
            _Cand(r.finding, r.present, comp.start, comp.end, cst, kind, tuple(r.suppresses), tuple(r.yields_to))
        )
        if r.emit and r.present and r.finding in both_of and _said_of_both(toks, comp.start, comp.end, both_words):
            cands.append(_Cand(both_of[r.finding], True, comp.start, comp.end, cst, kind))
    if denied_objects:
        # per token and finding, the furthest end of a denied part's words over it (a part's
        # words are a few tokens: the pass stays linear)
        denied_to: dict[tuple[int, str], int] = {}
        for a, b, fid in denied_objects:
            for j in range(a, b):
                denied_to[(j, fid)] = max(denied_to.get((j, fid), 0), b)
        cands = [c for c in cands if not _object_of_denial(c, denied_to)]
    cands = _onset_modifiers(cands, hits, toks, ctx, m, kb)
    # 3. medicines by class, with how long each has been taken ("on haloperidol for 8 years")
    for d in meds:
        if d.drops:  # "on risperidone for 4 years": not a recent start, whatever its name's phrase says
            cands.append(_Cand(d.drops[0], True, d.start, d.end, None, "suppress", d.drops))
        else:
            cands.append(_Cand(d.finding, d.present, d.start, d.end, ctx.status([(d.start, d.end)]), "drug"))
    # 4. numbers with units
    for nh in read_numbers(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, None, "number"))
    # blood pressure taken in both arms: a systolic difference over the threshold is the sign
    for nh in read_arm_pressure(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, None, "number"))
    # the mouth's opening measured ("opens 1 cm", "a finger's width"): trismus by its cut-off,
    # in its context ("if it opens less than 2 cm" supposes it)
    for nh in read_mouth_opening(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    # a load told by its weight ("a 30 kg crate", "bags of 40 kilos"): heavy lifting, in its
    # context ("if I lift a 20 kg bag" supposes it)
    for nh in read_load_weights(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    # a hot day's air with effort in its sentence ("laying bricks in 32C"): heat exposure, in
    # its context ("if I work in 35C heat" supposes it)
    for nh in read_air_heat(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    # the Glasgow Coma Scale as a number: below the full score, consciousness is altered
    for nh in read_coma_scale(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, None, "number"))
    # a crash's speed below the high-speed threshold: the speed word is not a dangerous mechanism
    for nh in read_speeds(toks):
        cands.append(_Cand(nh.finding, False, nh.start, nh.end, None, "suppress", ("dangerous_mechanism",)))
    # a fall's height or count of stairs against the threshold: below it the fall's words are no
    # dangerous mechanism ("fell down 3 steps"); at or above it a height alone is one ("fell 6 ft")
    for nh in read_fall_heights(toks):
        if nh.present:
            cands.append(_Cand(nh.finding, True, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
        else:
            cands.append(_Cand(nh.finding, True, nh.start, nh.end, None, "suppress", (nh.finding,)))
    # falls counted over a long period ("three falls in the last 6 months"): a history of falling,
    # whose words read no injury now, and whose period is neither the complaint's length nor a
    # recurrence of it
    fall_history: list[tuple[int, int]] = []
    for fc in read_fall_counts(toks):
        cands.append(_Cand(fc.drops[0], True, fc.start, fc.end, None, "suppress", fc.drops))
        fall_history.append((toks[fc.start].start, toks[fc.end - 1].end))
        a, b = toks[fc.period[0]].start, toks[fc.period[1] - 1].end
        times = [h for h in times if not (h.start < b and a < h.end)]
    # a bladder's residual or scanned volume against its thresholds ("PVR 450 ml", "bladder scan
    # 60 ml"), in its context ("if the residual is over 200 ml" supposes it)
    for nh in read_residual(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    # vomiting told by a count at or over the line of repeated vomiting ("vomited x5 overnight"):
    # a loss of fluid, in the vomiting's context ("no vomiting x4" is none)
    for nh in read_vomit_count(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    # units of alcohol a week keep their assertion ("used to drink 50 units a week")
    for nh in read_alcohol_units(toks):
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    # a change of weight by its amount keeps its assertion ("I haven't put on 2 stone"); a loss
    # with a reason the person chose drops the present reading of its own words ("lost 6 kg
    # dieting")
    weight_cfg = numbers_file().weight_change
    for nh in read_weight_change(toks, person.age):
        # "up 6 kg since spring", "gained 2 stone in a year": the time is the change's, not the problem's
        after = toks[nh.end - 1].end
        times = [
            h for h in times if not (0 <= h.start - after <= 25 and not re.search(r"[,.;!?]", raw[after : h.start]))
        ]
        if weight_cfg is not None and weight_cfg.not_findings:
            masked = tuple(weight_cfg.not_findings)
            cands.append(_Cand(masked[0], True, nh.start, nh.end, None, "suppress", masked))
        chosen = (nh.finding,) if not nh.present else ()
        if nh.thing:  # "dropped a 10kg weight on my foot": a present reading of these words is dropped
            cands.append(_Cand(nh.finding, True, nh.start, nh.end, None, "suppress", chosen))
            continue
        cands.append(
            _Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number", chosen)
        )
    # head rotation in degrees keeps its assertion ("rotation 60 deg bilat"); an angle short of
    # the threshold also drops a present reading of its own words ("can turn my head < 45 deg":
    # a rotation overstated would spare an x-ray the Canadian C-Spine Rule asks for)
    for nh in read_rotation(toks):
        short = () if nh.present else (nh.finding,)
        rst = ctx.status([(nh.start, nh.end)])
        if rst.negated and not ctx.denied_directly([(nh.start, nh.end)]):
            # "no midline tenderness, rotation 60 degrees each way": a list's denial ends at the
            # comma before the measured angle, which is then said plainly
            rst = replace(rst, negated=False)
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, rst, "number", short))
    # the straight-leg raise by its angle: far enough with no positive word is a negative test;
    # said of someone else, supposed or in the past, it reads nothing (its own words' readings stand)
    for nh in read_leg_raise(toks):
        lst = ctx.status([(nh.start, nh.end)])
        if not (lst.hypothetical or lst.family_words or lst.historical):
            cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, None, "number"))
    # how long morning stiffness lasts: a short length denies the long form, and drops its own
    # phrase inside the span ("morning stiffness gone in 5 minutes"); said under a denial, a
    # supposition or of someone else, it reads nothing
    for nh in read_stiffness_length(toks):
        # "stiff for 10 minutes after getting up": the length is the stiffness's, not a brief spasm's
        a, b = toks[nh.start].start, toks[nh.end - 1].end
        episodes = [e for e in episodes if not (a < e.end and e.start < b)]
        times = [h for h in times if h.end != b]  # "... until I've been moving for two hours": not the problem's length
        sst = ctx.status([(nh.start, nh.end)])
        if (sst.negated and not nh.own_negation) or sst.hypothetical or sst.family_words or sst.historical:
            continue
        if not nh.present:
            cands.append(_Cand(nh.finding, True, nh.start, nh.end, None, "suppress", (nh.finding,)))
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, None, "number"))
    # when the last tetanus jab was, against today's date: a dated jab drops the out-of-date
    # reading its words would give alone ("tetanus jab 3 years ago" is not "years ago" long ago)
    for nh in read_vaccine_cover(toks, today):
        if not nh.present:
            cands.append(_Cand(nh.finding, True, nh.start, nh.end, None, "suppress", (nh.finding,)))
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, None, "number"))
    # weeks of pregnancy keep their assertion ("my last baby came at 33 weeks, 3 years ago"), and
    # are not how long the problem has lasted ("I am pregnant 10 week, pain in my back")
    for nh in gestation:
        cands.append(_Cand(nh.finding, nh.present, nh.start, nh.end, ctx.status([(nh.start, nh.end)]), "number"))
    if gestation:
        weeks = [(toks[nh.start].start, toks[nh.end - 1].end) for nh in gestation]
        times = [h for h in times if not any(a < h.end and h.start < b for a, b in weeks)]
    # a duration said in a finding's own words ("for years", "chronic") is ranked with the other
    # times by what it governs: "on warfarin for years" is not how long the back has hurt
    band_days = attributes_file().time.band_days
    timed = {j for h in times for j in range(h.start, h.end)}  # a time read with its length wins
    # a baby's age in a note's shorthand ("infant 3/52") is no length, whatever phrase holds it
    aged = {j for a, b, _ in clinical_ages(raw) for j in range(a, b)}
    kept_cands: list[_Cand] = []
    for c in cands:
        if c.finding in band_days and (toks[c.start].start in timed or toks[c.start].start in aged):
            continue
        if (
            c.finding in band_days
            and c.present
            and c.category in ("phrase", "pattern")
            and not (c.status and c.status.negated)
        ):
            a, b = toks[c.start].start, toks[c.end - 1].end
            if not held_before(raw, a):  # "sitting for ages makes it worse": the posture's length
                times.append(Hit(c.finding, True, a, b, raw[a:b], days=band_days[c.finding]))
        else:
            kept_cands.append(c)
    cands = kept_cands
    # a finding that is another as well ("RTC" is an injury): the other is read from the same
    # words, in the same context (a crash long ago is no recent injury)
    implies: dict[str, list[str]] = m.get("implies", {})
    if implies:
        cands += [
            replace(c, finding=other)
            for c in cands
            if c.present and c.category != "suppress" and not (c.status and c.status.negated)
            for other in implies.get(c.finding, ())
        ]
    # a denial with its condition after it ("no pain when lying down") denies the site's pain only
    # then: the absent reading of the site's pain is dropped (maps.yaml ``conditioned_denial``)
    cond_cfg = m.get("conditioned_denial")
    conditioned: set[str] = set()
    if cond_cfg:
        kept_cond: list[_Cand] = []
        for c in cands:
            how = _conditioned_denial(c, toks, cond_cfg)
            if how == "":
                kept_cond.append(c)
                continue
            conditioned.add(c.finding)
            if how == "present" and c.present and c.status is not None:
                # "lower back pain, none when I lie flat": the pain is said, then limited
                kept_cond.append(replace(c, status=replace(c.status, negated=False)))
        cands = kept_cond
    # the complaint said to be a relative's as well ("my aunt had the same", "it runs in the
    # family"): the family history of what the complaint suggests (maps.yaml ``family_same``)
    same_cfg = m.get("family_same")
    if same_cfg:
        ref = _family_same(toks, same_cfg, m["relative_subjects"]["relatives"])
        if ref is not None:
            cands += [
                _Cand(same_cfg["findings"][c.finding], True, ref[0], ref[1], None, "compose")
                for c in cands
                if c.present
                and c.finding in same_cfg["findings"]
                and c.category != "suppress"
                and not (c.status and (c.status.negated or c.status.hypothetical or c.status.family_words))
            ]
    # a pattern that explains its own words: a symptom read inside it is part of the pattern,
    # not a finding of its own ("legs go heavy after 100 m, better sitting" is claudication, not
    # a fixed weakness of the legs)
    absorbs: dict[str, list[str]] = m.get("absorbs", {})
    if absorbs:
        cands += [
            replace(c, category="suppress", suppresses=tuple(absorbs[c.finding]))
            for c in cands
            if c.present and c.category != "suppress" and c.finding in absorbs and not (c.status and c.status.negated)
        ]
    cands += _treated_reasons(cands, toks, matches, ctx.clause, m.get("treated_reason"))
    # a function said to be normal, or overexertion, drops overlapping present mentions
    # (a suppressing span is at most a compose window long; per token, the spans covering it)
    blocked: dict[tuple[int, str], bool] = {}
    for c in cands:
        for j in range(c.start, c.end):
            for fid in c.suppresses:
                blocked[(j, fid)] = True
    cands += _slow_onsets(cands, hits, times, toks, sent, ctx, m.get("slow_onset_denies"))
    cands += _new_deficits(times, gv, cands, toks, ctx.clause)
    cands += _clock_spells(raw, toks, hits, ctx)
    # "comes and goes every 5 minutes": the waves of one episode, no recurrence (each sentence
    # searched once)
    episode_seen: dict[tuple[int, int], bool] = {}
    cands = [
        c
        for c in cands
        if not (
            c.finding == "recurrent_episodes"
            and c.present
            and within_episode(raw, toks[c.start].start, toks[c.end - 1].end, episode_seen)
        )
    ]
    cands += _moment_reversals(cands, hits, toks, ctx, m.get("moment_denial"), kb)
    acc = _Acc(
        parts=_finding_parts(kb),
        alone=_alone_parts(kb),
        unsaid_ok=_unsaid_parts(kb),
        raw=raw,
        denied_at=_denied_words(toks, ctx),
    )
    defaults: list[_Cand] = []
    for c in cands:
        if c.category == "suppress":
            continue
        if (
            c.present
            and not c.suppresses
            and any(blocked.get((j, c.finding), False) for j in range(c.start, min(c.end, c.start + 40)))
        ):
            continue
        if c.yields_to:
            defaults.append(c)  # read once the rest of the story is known
            continue
        _apply(c, toks, raw, acc, m, person, kb)
    for c in defaults:
        _apply_default(c, toks, raw, acc, m, person, kb)
    narrowed = [(toks[a].start, toks[b - 1].end) for a, b in qualified_spans(matches)]
    _region_fallback(raw, acc, m, toks, ctx, person, frozenset(conditioned), narrowed)
    _denied_spread(hits, toks, raw, acc, m, ctx)
    # 5. durations, episodes and side
    starts = [t.start for t in toks]
    # the problem's duration is chosen among the times said of it now: a length in a past,
    # settled episode ("sciatica for months back in 2009, long settled") is passed over, and
    # the current episode's time ("this time it started two days ago") is the one read
    durations = (
        choose_duration(
            [h for h in times if _plainly_said(h.start, h.end, starts, ctx, person, denial=False)], gv.rank, raw
        )
        + episodes[:1]
    )
    recurrences = [h for h in read_recurrence(raw) if not any(a < h.end and h.start < b for a, b in fall_history)]
    for hit in [*durations, *recurrences]:
        # "I had back pain for months after my son was born", "my father kept getting bad
        # backs": a time said of a past, supposed or someone else's episode is not this one's
        # an episode pattern denied is no pattern ("it doesn't come and go, it's there all the time")
        if hit.finding not in acc.best and _plainly_said(
            hit.start, hit.end, starts, ctx, person, denial=hit in recurrences, past=hit not in recurrences
        ):
            acc.add(Mention(hit.finding, hit.present, hit.text, hit.start, hit.end))
    for fid in m["brief_episode"]["findings"]:
        ep = acc.best.get(fid)
        if ep is not None and ep.present and ep.start is not None and _other_subject(raw, ep, acc, m["brief_episode"]):
            del acc.best[fid]  # "it crunches for a second when I turn": the noise's length, not a spasm's
    side, side_hits = read_side(raw)
    for hit in side_hits:
        if hit.finding not in acc.best:
            acc.add(Mention(hit.finding, hit.present, hit.text, hit.start, hit.end))
    acc.drop_partial_denials()
    _withdrawn(acc, raw, m)
    _risk_gate(acc, m, person.age)
    _add_composites(acc, raw, person.age, kb)
    mentions = tuple(sorted(acc.best.values(), key=lambda x: (x.start or 0, x.finding)))
    if repaired is not None:
        mentions = tuple(_as_written(x, repaired) for x in mentions)
    notes = [] if mentions else [NOTHING_FOUND]
    if person.proxy:
        notes.append(f"Read as a description of your {person.proxy}; age and sex are theirs.")
    unrecognised = _unrecognised(toks, matches, cands)
    sex = person.sex
    if sex is None and (preg := acc.best.get("pregnant")) is not None and preg.present:
        sex = "female"  # "I'm 30 weeks and ...": a pregnancy is a woman's
    return ParseResult(
        mentions, person.age, sex, side, person.proxy is not None, notes, unrecognised, person.age_months
    )


def _denied_words(toks: Sequence[Tok], ctx: Context) -> frozenset[int]:
    """The character starts of the words a denial covers (not one inside a pseudo-trigger), for
    the parts of a finding said only under a denial (``_Acc._stands_alone``)."""
    out: set[int] = set()
    for j, ks in enumerate(ctx.scope):
        if ks and any(ctx.triggers[k].category == "NEGATED_EXISTENCE" and k not in ctx.blocked_by for k in ks):
            out.add(toks[j].start)
    return frozenset(out)


def _moment_reversals(
    cands: Sequence[_Cand], hits: Sequence[Any], toks: Sequence[Tok], ctx: Context, spec: dict[str, Any] | None, kb: Any
) -> list[_Cand]:
    """A complaint denied at an earlier moment and then told later with no name of its own: "no
    neck pain initially, now severe", "no ache at the scene, by teatime hurting a lot". The later
    statement opens within ``spec["reach"]`` tokens after the denied words with a later time (a
    LATER trigger) or a word of now, and runs to its clause's end; it holds no denial or
    supposition, a word of the presence groups (a pain, a degree), and no complaint read present
    of its own ("..., now my head aches" tells the head). The denied finding is then read
    present there (maps.yaml ``moment_denial``). Each denial looks at most ``reach`` tokens ahead
    and its clause (bounded by the same reach) once: linear in the text."""
    if not spec:
        return []
    keep = frozenset(spec["keep"])

    def complaint(fid: str) -> bool:
        f = kb.findings.get(fid)
        return f is not None and f.category in ("symptom", "sign") and fid not in keep

    denied = [
        c
        for c in cands
        if c.present
        and c.category != "suppress"
        and c.status is not None
        and c.status.negated
        and c.status.moment
        and not c.status.hypothetical
        and not c.status.family_words
        and complaint(c.finding)
    ]
    if not denied:
        return []
    n = len(toks)
    groups = frozenset(spec["presence_groups"])
    presence = [False] * n
    for h in hits:
        if h.group in groups:
            for j in range(h.start, min(h.end, n)):
                presence[j] = True
    now_words = frozenset(spec["now_words"])
    reach = int(spec["reach"])
    # the starts of the denials and suppositions said (not those inside a pseudo-trigger)
    stated = frozenset(
        t.start
        for k, t in enumerate(ctx.triggers)
        if t.category in ("NEGATED_EXISTENCE", "HYPOTHETICAL") and k not in ctx.blocked_by
    )
    told = [
        c
        for c in cands
        if c.present
        and c.category != "suppress"
        and not (c.status and (c.status.negated or c.status.hypothetical or c.status.family_words))
        and complaint(c.finding)
    ]
    out: list[_Cand] = []
    done: set[str] = set()
    for c in denied:
        if c.finding in done:
            continue
        a = next(
            (j for j in range(c.end, min(n, c.end + reach)) if j in ctx.later or toks[j].lower in now_words),
            -1,
        )
        if a < 0:
            continue
        b = a + 1
        while b < n and b < a + reach and not ctx.hard[b]:
            b += 1
        if any(j in stated for j in range(a, b)) or not any(presence[a:b]):
            continue
        if any(a <= x.start < b for x in told):
            continue  # the later statement names its own complaint
        done.add(c.finding)
        out.append(_Cand(c.finding, True, a, b, None, "compose"))
    return out


def _object_of_denial(c: _Cand, denied_to: dict[tuple[int, str], int]) -> bool:
    """Whether ``c`` is a finding's own phrase read present, said plainly, that lies wholly
    inside the words of one part of a denied composition of the same finding (the bare
    "waterworks" of "nil trouble with the waterworks"); ``denied_to`` gives, per token and
    finding, the furthest end of such a part's words over the token."""
    if not c.present or c.category not in ("phrase", "pattern") or (c.status is not None and c.status.negated):
        return False
    return c.end <= denied_to.get((c.start, c.finding), -1)


def _as_written(m: Mention, repaired: Repaired) -> Mention:
    """A mention read from the repaired text, with its offsets and words in the text as written."""
    if m.start is None or m.end is None:
        return m
    a, b = repaired.span(m.start, m.end)
    if m.source_text == repaired.text[m.start : m.end]:
        return replace(m, source_text=repaired.written[a:b], start=a, end=b)
    # words told apart from their offsets (a time's words): found again near them
    at = repaired.text.find(m.source_text, max(0, m.start - len(m.source_text)))
    if m.source_text and at >= 0:
        wa, wb = repaired.span(at, at + len(m.source_text))
        return replace(m, source_text=repaired.written[wa:wb], start=a, end=b)
    return replace(m, start=a, end=b)


def _pair_as_possessive(toks: list[Tok], m: dict[str, Any]) -> list[Tok]:
    """The tokens with a word counting a pair of limbs (maps.yaml ``pair_words``: "both",
    "each") just before a limb word given "my" as its lemma, so that the limb's own phrases are
    found through it ("pain down both arms" as "pain down my arms"). Its own form is kept: the
    words that say "both sides" still read it."""
    spec = m.get("pair_words")
    if not spec:
        return toks
    pair = frozenset(spec["possessive"])
    legs, arms, pair_firsts, _ = _limb_sets(id(m), m)
    out = toks
    for i in range(len(toks) - 1):
        if toks[i].lower not in pair:
            continue
        nxt = toks[i + 1].lower
        if nxt in legs or nxt in arms or nxt in pair_firsts:
            if out is toks:
                out = list(toks)
            out[i] = toks[i]._replace(lemma="my")
    return out


_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d\d)?(?:am|pm)?$")


def _treated_reasons(
    cands: Sequence[_Cand],
    toks: Sequence[Tok],
    matches: Sequence[Match],
    clause: Sequence[int],
    cfg: dict[str, Any] | None,
) -> list[_Cand]:
    """The reason a medicine was given, dated in the past after it ("given an injection for the
    sickness last night"): the symptom is the occasion of a treatment gone by, not said to be
    here now (maps.yaml ``treated_reason``); a clock time after "at" dates it too. Its present
    readings of the ``findings`` (sickness) between the link word and the time are dropped
    (suppressing candidates); a reason said without a past time ("I take ibuprofen for my
    back"), a lasting complaint (a pain treated goes on) or a fever (paracetamol may only mask
    it) is left as it is."""
    if not cfg:
        return []
    verbs, meds, links = frozenset(cfg["verbs"]), frozenset(cfg["medicines"]), frozenset(cfg["links"])
    times = [tuple(t.split()) for t in cfg["times"]]
    findings = frozenset(cfg["findings"])
    drugs = {j for x in matches if x.rule.kind == "drug" for j in range(x.start, x.end)}
    out: list[_Cand] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower not in links:
            continue
        back = range(max(0, i - cfg["reach"]), i)
        if not any(clause[k] == clause[i] and (toks[k].lower in meds or k in drugs) for k in back):
            continue
        if not any(clause[k] == clause[i] and toks[k].lower in verbs for k in back):
            continue
        end = None
        for j in range(i + 1, min(n, i + 1 + cfg["reach"])):
            if clause[j] != clause[i]:
                break
            if any(tuple(w.lower for w in toks[j : j + len(tw)]) == tw for tw in times) or (
                toks[j].lower == "at" and j + 1 < n and _CLOCK.match(toks[j + 1].lower)
            ):
                end = j
                break
        if end is None:
            continue
        for c in cands:
            if c.present and c.finding in findings and c.category != "suppress" and i < c.start and c.end <= end:
                out.append(_Cand(c.finding, True, c.start, c.end, None, "suppress", (c.finding,)))
    return out


def _slow_onsets(
    cands: Sequence[_Cand],
    hits: Sequence[Any],
    times: Sequence[Hit],
    toks: Sequence[Tok],
    sent: Sequence[int],
    ctx: Context,
    specs: Sequence[dict[str, Any]] | None,
) -> list[_Cand]:
    """A symptom told with a slow onset in its sentence is not one that peaks at once (maps.yaml
    ``slow_onset_denies``): a headache that "crept up over the morning" (a gradual onset read
    there) or "grew over a couple of hours" (a verb of onset or growth just before a span of at
    least ``min_days``) is no thunderclap headache. The denial is read beside the onset's words;
    a thunderclap read present anywhere stays present, and a sentence that also tells a sudden
    onset (not denied: "the headache was sudden; the neck ache crept up") is left alone."""
    out: list[_Cand] = []
    for spec in specs or ():
        where = {sent[h.start] for h in hits if h.group in spec["with"]}
        where -= {
            sent[h.start]
            for h in hits
            if h.group in spec.get("unless", ()) and not ctx.status([(h.start, h.end)]).negated
        }
        if not where:
            continue
        spans: list[tuple[int, int]] = []
        for c in cands:
            st = c.status
            if (
                c.finding == spec["onset"]
                and c.present
                and c.category != "suppress"
                and not (st and (st.negated or st.hypothetical or st.family_words or st.historical))
            ):
                spans.append((c.start, c.end))
        verbs = [h for h in hits if h.group in spec["span_verbs"]]
        for t in times:
            if t.days is None or t.days < spec["min_days"] or not t.text.lower().startswith("over "):
                continue
            at = next((i for i, k in enumerate(toks) if k.start >= t.start), None)
            if at is None or any(w in t.text.lower() for w in spec["not_spans"]):
                continue
            # the onset or growth verb ends just before the span ("grew over", "came on over")
            if any(0 <= at - h.end <= spec["verb_gap"] and sent[h.start] == sent[at] for h in verbs):
                end = next((i for i, k in enumerate(toks) if k.end >= t.end), at)
                spans.append((at, end + 1))
        for a, b in spans:
            if sent[a] in where:
                out.append(_Cand(spec["finding"], False, a, b, None, "compose"))
    return out


def _onset_modifiers(
    cands: Sequence[_Cand], hits: Sequence[Any], toks: Sequence[Tok], ctx: Context, m: dict[str, Any], kb: Any
) -> list[_Cand]:
    """An onset word modifying a symptom read from the words after it (maps.yaml
    ``onset_modifiers``): "an abrupt, crushing feeling in the chest" began suddenly, though
    its words read chest pain and no pattern of the onset's. The onset is asserted as the
    onset word and the symptom's words together ("no sudden crushing pain" denies both). The
    candidates are returned with these added, less a pattern's reading of the onset across a
    word of ``not_before`` ("sudden movements make the pain worse")."""
    specs = m.get("onset_modifiers") or ()
    if not specs:
        return list(cands)
    out: list[_Cand] = list(cands)
    categories = _categories(kb)
    for spec in specs:
        words = frozenset(spec["words"])
        at = [i for i, t in enumerate(toks) if t.lower in words]
        if not at:
            continue
        other = [h.start for h in hits if h.group == spec.get("not_before")]
        measure = frozenset(spec.get("measure_links", ()))
        if other:
            out = [
                c
                for c in out
                if not (
                    c.finding == spec["finding"]
                    and c.category == "pattern"
                    and toks[c.start].lower in words
                    and any(
                        c.start < o < c.end - 1 and not (toks[o + 1].lower in measure and c.end == o + 3) for o in other
                    )  # ("a sudden jolt of pain": the jolt is the pain's; "a sudden twist of my back" is not)
                )
            ]
        for i in at:
            reach = i + spec["reach"]
            for c in cands:
                if not (i < c.start <= reach) or not c.present or c.category not in ("phrase", "pattern", "compose"):
                    continue
                if c.finding == spec["finding"] or categories.get(c.finding) not in ("symptom", "sign"):
                    continue
                # (commas between adjectives are no boundary here: "a sudden, violent, ripping pain")
                if any(ctx.hard[j] and toks[j].lower != "," for j in range(i, c.start)):
                    continue
                if any(i < o <= c.start for o in other):
                    continue
                st = ctx.status([(i, i + 1), (c.start, c.end)])
                out.append(_Cand(spec["finding"], True, i, c.end, st, "compose"))
                break
    return out


def _said_of_both(toks: Sequence[Tok], start: int, end: int, words: frozenset[str]) -> bool:
    """Whether tokens ``start``..``end``, or the word just before them, hold a word saying both
    limbs that ``_pair_as_possessive`` read before a limb ("each leg is numb")."""
    return bool(words) and any(t.lower in words and t.lemma == "my" for t in toks[max(0, start - 1) : end])


def _longest_keeping_parts(matches: list[Match], m: dict[str, Any]) -> list[Match]:
    """The phrase and pattern matches left when a phrase inside a longer one is dropped, except
    that a composite finding's phrase (maps.yaml ``composite_phrases``: "numbness in both legs")
    keeps the phrases inside it that name one of its symptoms ("numbness"), or a limb's generic
    word, when no other longer phrase holds them."""
    found = [x for x in matches if x.rule.kind in ("phrase", "pattern")]
    kept = longest_phrases(found)
    composites: dict[str, list[str]] = {**m.get("composite_phrases", {}), **m.get("phrase_parts", {})}
    outer = [x for x in kept if x.rule.kind == "phrase" and x.rule.label in composites]
    if not outer:
        return kept
    rest = longest_phrases([x for x in found if x.rule.label not in composites])
    have = {id(x) for x in kept}
    generic: dict[str, Any] = m["generic"]
    for x in rest:
        if id(x) in have or x.rule.kind != "phrase":
            continue
        label = x.rule.label
        for o in outer:
            if o.start <= x.start and x.end <= o.end:
                parts = composites[o.rule.label]
                if label in parts or (
                    label.startswith(GENERIC) and any(v in parts for v in generic[label[len(GENERIC) :]].values())
                ):
                    kept.append(x)
                    break
    return kept


def _clock_spells(raw: str, toks: Sequence[Tok], hits: Sequence[Any], ctx: Context) -> list[_Cand]:
    """A spell told by the clock ("at the screen from nine till six") with a task's words within
    ``clock_span.reach`` tokens in its clause: the finding of attributes.yaml ``clock_span``
    (a posture held for hours), with the task's assertion."""
    cfg = attributes_file().time.clock_span
    if cfg is None or not toks:
        return []
    spans = read_clock_spans(raw) + read_pattern_spells(raw)
    if not spans:
        return []
    groups = frozenset(cfg.task_groups)
    tasks = sorted((h for h in hits if h.group in groups), key=lambda h: h.start)
    blockers = sorted((h for h in hits if h.group in frozenset(cfg.unless_groups)), key=lambda h: h.start)
    task_starts = [h.start for h in tasks]
    blocker_starts = [h.start for h in blockers]
    # the longest hit: a hit ending within reach of a spell starts at most this much before it
    longest = max((h.end - h.start for h in (*tasks, *blockers)), default=0)
    tok_starts = [t.start for t in toks]
    out: list[_Cand] = []
    for a_chr, b_chr in spans:
        a = _char_to_tok(toks, a_chr, tok_starts)
        b = _char_to_tok(toks, max(a_chr, b_chr - 1), tok_starts) + 1
        lo_at, hi_at = a - cfg.reach - longest, b + cfg.reach
        # only the hits that start near the spell can be within reach of it (linear overall)
        near_blockers = blockers[bisect.bisect_left(blocker_starts, lo_at) : bisect.bisect_right(blocker_starts, hi_at)]
        if any(
            ctx.clause[h.start] == ctx.clause[a] and max(h.start - b, a - h.end, 0) <= cfg.reach for h in near_blockers
        ):
            continue  # "years ago I did twelve-hour shifts": dated back
        # a task's words inside the spell are its own ("till" the preposition is no till)
        near = [
            h
            for h in tasks[bisect.bisect_left(task_starts, lo_at) : bisect.bisect_right(task_starts, hi_at)]
            if ctx.clause[h.start] == ctx.clause[a]
            and not (a <= h.start and h.end <= b)
            and max(h.start - b, a - h.end, 0) <= cfg.reach
        ]
        if near:
            h = min(near, key=lambda x: abs(x.start - a))
            lo, hi = min(a, h.start), max(b, h.end)
            out.append(_Cand(cfg.finding, True, lo, hi, ctx.status([(h.start, h.end)]), "compose"))
    return out


def _new_deficits(
    times: Sequence[Hit], gv: Any, cands: Sequence[_Cand], toks: Sequence[Tok], clause: Sequence[int]
) -> list[_Cand]:
    """A focal deficit that a recent time governs is new (attributes.yaml
    ``new_deficit_findings``): "his arm went weak about two hours ago", "her speech has been
    slurred since teatime". The time must govern the deficit's own words in its clause (a time
    said of a fall or a medicine does not date the deficit) and lie under ``new_deficit_days``
    days back; the deficit must be said plainly (not denied, supposed or past). The words the time
    governs may be the deficit's or stand within ``_DEFICIT_REACH`` tokens of them in its clause
    ("slurring her speech for two days": the speech). The reading takes the deficit's assertion
    (a relative's new weakness is not the writer's)."""
    cfg = attributes_file().time
    wanted = frozenset(cfg.new_deficit_findings)
    deficits = [
        c
        for c in cands
        if c.finding in wanted
        and c.present
        and c.category != "suppress"
        and not (c.status and (c.status.negated or c.status.hypothetical or c.status.historical))
    ]
    if not deficits or not toks:
        return []
    out: list[_Cand] = []
    starts = [t.start for t in toks]
    deficits.sort(key=lambda c: c.start)
    d_starts = [c.start for c in deficits]
    longest = max(c.end - c.start for c in deficits)
    for h in times:
        if h.owner_only or h.story_clock or h.days >= cfg.new_deficit_days:
            continue
        k = gv.symptom(h)
        if k is None:
            k = _onset_head(h, toks, clause, cfg.onset_heads, starts)
        # "it all started an hour ago, can't lift his arm": the complaint told after the onset
        ahead = _onset_ahead(h, toks, cfg.onset_heads, cfg.onset_subjects, starts)
        near = [
            (max(c.start - q, q - c.end + 1, 0), c)
            for q in (k, ahead)
            if q is not None
            # only the deficits that can stand within reach of q (linear cost)
            for c in deficits[
                bisect.bisect_left(d_starts, q - _DEFICIT_REACH - longest) : bisect.bisect_right(
                    d_starts, q + _DEFICIT_REACH + 1
                )
            ]
            if all(
                clause[j] == clause[q] and toks[j].lower not in (",", ";")
                for j in range(min(c.start, q), max(c.end, q + 1))
            )
        ]
        gap, c = min(near, key=lambda x: (x[0], x[1].start), default=(_DEFICIT_REACH + 1, None))
        if c is not None and gap <= _DEFICIT_REACH:
            a, b = _char_to_tok(toks, h.start, starts), _char_to_tok(toks, max(h.start, h.end - 1), starts)
            out.append(_Cand("deficit_is_new", True, min(c.start, a), max(c.end, b + 1), c.status, "compose"))
    return out


# how many tokens from a deficit's words the words a time governs may stand ("slurring her speech")
_DEFICIT_REACH = 3
# the most words of an onset clause around a time ("it all started", "onset"): the walks are bounded
_ONSET_WORDS = 8


def _onset_head(
    h: Hit, toks: Sequence[Tok], clause: Sequence[int], heads: Sequence[str], starts: Sequence[int] | None = None
) -> int | None:
    """The last token of the clause just before a time whose own clause opens with an onset word
    ("R facial droop, onset 09:30 today": the droop), as clinicians list a complaint and then its
    onset; None when the clause does not open so."""
    if not heads or not toks:
        return None
    i = _char_to_tok(toks, h.start, starts)
    if toks[i].end <= h.start and i + 1 < len(toks):
        i += 1  # the time's span may open on the space before its first word ("started 20 minutes ago")
    first = i
    while (
        first > max(0, i - _ONSET_WORDS) and clause[first - 1] == clause[i] and toks[first - 1].lower not in (",", ";")
    ):
        first -= 1  # an onset clause is a few words: the walk back is bounded (linear cost)
    words = " ".join(t.lower for t in toks[first:i])
    if not any(words == w or words.startswith(w + " ") for w in heads):
        return None
    k = first - 1
    while k >= 0 and not toks[k].lower[:1].isalnum():
        k -= 1  # the comma between them
    return k if k >= 0 else None


def _onset_ahead(
    h: Hit, toks: Sequence[Tok], heads: Sequence[str], subjects: Sequence[str], starts: Sequence[int] | None = None
) -> int | None:
    """The first word of the clause just after a time whose own clause is a subject and an onset
    head ("it all started twenty minutes back, can't lift his arm": the "ca"), as people tell when
    it began and then what it is; None when the clause does not open so or the sentence ends."""
    if not heads or not subjects or not toks:
        return None
    i = _char_to_tok(toks, h.start, starts)
    if toks[i].end <= h.start and i + 1 < len(toks):
        i += 1  # the time's span may open on the space before its first word
    first = i
    while (
        first > max(0, i - _ONSET_WORDS)
        and toks[first - 1].lower not in _AHEAD_BREAKS
        and toks[first - 1].lower not in _SENTENCE_ENDS
    ):
        first -= 1  # bounded, as in _onset_head
    words = " ".join(t.lower for t in toks[first:i])
    if not any(
        words.startswith(sj + " " + hd) and len(words) <= len(sj + " " + hd) + 12 for sj in subjects for hd in heads
    ):
        return None
    k = _char_to_tok(toks, max(h.start, h.end - 1), starts) + 1
    stop = min(len(toks), k + _ONSET_WORDS)
    while k < stop and toks[k].lower not in _AHEAD_BREAKS:
        if toks[k].lower in _SENTENCE_ENDS:
            return None
        k += 1
    if k >= stop:
        return None  # no break right after the time: not "it started an hour ago, <complaint>"
    while k < len(toks) and not toks[k].lower[:1].isalnum():
        if toks[k].lower in _SENTENCE_ENDS:
            return None
        k += 1  # the comma or colon between them
    return k if k < len(toks) else None


_AHEAD_BREAKS = frozenset({",", ":", ";", "-", "–", "—"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})


def _withdrawn(acc: _Acc, raw: str, m: dict[str, Any]) -> None:
    """A present finding said or queried at an earlier moment ("initially said arm weakness",
    "? numb foot") and denied after it in a sentence of a second look ("on re-examination power
    normal"): the later statement wins (maps ``withdrawn``). Each finding's two mentions are
    looked at once."""
    spec = m.get("withdrawn")
    if not spec or not acc.last_denial:
        return
    earlier, recheck = _withdrawn_rx(tuple(spec["earlier"]), tuple(spec["recheck"]))
    reach = spec.get("reach", 40)
    for fid, denial in acc.last_denial.items():
        said = acc.best.get(fid)
        if said is None or not said.present or said.start is None or said.end is None:
            continue
        if denial.start is None or denial.start < said.end:
            continue
        a, _ = _sentence(raw, said.start, said.end)
        if earlier.search(raw[max(a, said.start - reach) : said.start]) is None:
            continue
        c, d = _sentence(raw, denial.start, denial.end or denial.start)
        # the second look in the denial's own sentence, or in the clause opened after the finding
        if c < said.end:
            c = said.end
        if recheck.search(raw[c:d]) is not None:
            acc.best[fid] = denial


@cache
def _withdrawn_rx(earlier: tuple[str, ...], recheck: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def rx(words: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])",
            re.I,
        )

    return rx(earlier), rx(recheck)


def _risk_gate(acc: _Acc, m: dict[str, Any], age: int | None) -> None:
    """Drop a present finding whose meaning needs a person at risk (maps ``risk_gated``) when
    the person is younger than its age and no risk of its own is read ("35, lifting cement and
    my back went" is no minor strain in someone frail)."""
    for fid, gate in m.get("risk_gated", {}).items():
        got = acc.best.get(fid)
        if got is None or not got.present or age is None or age >= gate["min_age"]:
            continue
        if not any((r := acc.best.get(o)) is not None and r.present for o in gate.get("or_findings", ())):
            del acc.best[fid]


_COMPOSITES: dict[int, tuple[Any, tuple[tuple[str, Any], ...]]] = {}


def _composites(kb: Any) -> tuple[tuple[str, Any], ...]:
    """The findings read from other findings (knowledge ``composite``), once per knowledge base."""
    got = _COMPOSITES.get(id(kb))
    if got is None or got[0] is not kb:
        table = tuple((fid, f.composite) for fid, f in kb.findings.items() if f.composite is not None)
        got = _COMPOSITES[id(kb)] = (kb, table)
    return got[1]


def _add_composites(acc: _Acc, raw: str, age: int | None, kb: Any) -> None:
    """A finding a published rule builds from others already read ("better once I get going",
    "crept up over months", "wakes me at night", aged 30: inflammatory back pain by the ASAS
    experts' four of five). Its words run from the first to the last of the findings it used. A
    finding read in its own words, present or denied, is left as it is."""
    best = acc.best
    for fid, comp in _composites(kb):
        if fid in best:
            continue
        if comp.requires_any and not any((x := best.get(r)) is not None and x.present for r in comp.requires_any):
            continue
        if any((x := best.get(r)) is not None and x.present for r in comp.none):
            continue
        used: list[Mention] = []
        met = 0
        for item in comp.items:
            hit = next((x for r in item.any if (x := best.get(r)) is not None and x.present), None)
            if hit is None:
                hit = next((x for r in item.absent if (x := best.get(r)) is not None and not x.present), None)
            if hit is not None:
                met += 1
                used.append(hit)
            elif item.age_below is not None and age is not None and age < item.age_below:
                met += 1
        if met < comp.min_items:
            continue
        spans = [(u.start, u.end) for u in used if u.start is not None and u.end is not None]
        if spans:
            a, b = min(x for x, _ in spans), max(y for _, y in spans)
            acc.add(Mention(fid, True, raw[a:b], a, b))


def _unhidden(kept: list[Match], matches: list[Match]) -> list[Match]:
    """The phrases left when those a group hides are taken out (concepts.yaml `hides_phrases`:
    "pee is dark" ends inside "dark yellow", which is concentrated urine, not dark urine)."""
    hiding = _hiding_groups()
    claiming = _claiming_groups()
    hidden: dict[str, list[tuple[int, int]]] = {}
    claimed: dict[str, list[tuple[int, int]]] = {}
    for mt in matches:
        if mt.rule.kind != "group":
            continue
        for fid in hiding.get(mt.rule.label, ()):
            hidden.setdefault(fid, []).append((mt.start, mt.end))
        for fid in claiming.get(mt.rule.label, ()):
            claimed.setdefault(fid, []).append((mt.start, mt.end))
    if not hidden and not claimed:
        return kept
    return [
        x
        for x in kept
        if not any(a <= x.end - 1 < b for a, b in hidden.get(x.rule.label, ()))
        and not any(a < x.end and x.start < b for a, b in claimed.get(x.rule.label, ()))
    ]


@cache
def _hiding_groups() -> dict[str, tuple[str, ...]]:
    """The rule label of each group that hides phrases, with the phrases' findings (made once,
    not looked up at every match of every parse)."""
    return {GROUP + name: tuple(g.hides_phrases) for name, g in concept_file().groups.items() if g.hides_phrases}


@cache
def _claiming_groups() -> dict[str, tuple[str, ...]]:
    """The rule label of each group that claims the words of phrases (``claims_phrases``), with
    the phrases' findings."""
    return {GROUP + name: tuple(g.claims_phrases) for name, g in concept_file().groups.items() if g.claims_phrases}


@cache
def _concept_labels() -> frozenset[str]:
    """The rule labels of the concept groups."""
    return frozenset(GROUP + name for name, g in concept_file().groups.items() if g.kind == "concept")


_CATEGORIES: dict[int, tuple[Any, dict[str, str]]] = {}


def _categories(kb: Any) -> dict[str, str]:
    """Finding id -> category, made once per knowledge base (not once per parse)."""
    got = _CATEGORIES.get(id(kb))
    if got is None or got[0] is not kb:
        got = _CATEGORIES[id(kb)] = (kb, {fid: f.category for fid, f in kb.findings.items()})
        while len(_CATEGORIES) > 4:
            del _CATEGORIES[next(iter(_CATEGORIES))]
    return got[1]


def _region_fallback(
    raw: str,
    acc: _Acc,
    m: dict[str, Any],
    toks: Sequence[Tok],
    ctx: Context,
    person: Any,
    conditioned: frozenset[str] = frozenset(),
    narrowed: Sequence[tuple[int, int]] = (),
) -> None:
    """A region named in one place and pain stated in another ("It's in my low back"). A region
    word that is denied, in the past, asked about or someone else's does not count ("lumbar spine
    pain-free", "I had a bad lower back years ago"); a region whose denial holds only under a
    condition (``conditioned``: "back pain, none when I lie flat") is not read denied. A region
    word inside a longer site narrowed by a word before it (``narrowed``, character spans:
    "between my upper back and my lower back" is the mid back) is no region of its own."""
    import re

    spec = m["region_fallback"]
    starts = [t.start for t in toks]
    lower = raw.lower()
    # a word that is not in the text at all is not there as a whole word either: the substring
    # test (fast) rules most out before a regular expression runs
    if not any((w in lower or not w.isalpha()) and re.search(rf"\b{w}\b", lower) for w in spec["pain_words"]):
        return
    for fid, words in spec["regions"].items():
        if fid in acc.best:
            continue
        for w in words:
            if w not in lower:
                continue  # no match, so neither a plain nor a denied mention
            hits = list(itertools.islice(re.finditer(rf"\b{re.escape(w)}\b", lower), 20))
            if narrowed:
                hits = [
                    h
                    for h in hits
                    if not any(a <= h.start() and h.end() <= b and b - a > h.end() - h.start() for a, b in narrowed)
                ]
            hit = next((h for h in hits if _plainly_said(h.start(), h.end(), starts, ctx, person)), None)
            if hit:
                acc.add(Mention(fid, True, raw[hit.start() : hit.end()], hit.start(), hit.end()))
                break
            # the place denied where pain is spoken of: "nothing at the back of my head"
            denied = next(
                (h for h in hits if _plainly_said(h.start(), h.end(), starts, ctx, person, denial=False)), None
            )
            if denied and fid not in acc.best and fid not in conditioned:
                acc.add(Mention(fid, False, raw[denied.start() : denied.end()], denied.start(), denied.end()))


def _denied_spread(
    hits: Sequence[Any], toks: Sequence[Tok], raw: str, acc: _Acc, m: dict[str, Any], ctx: Context
) -> None:
    """A spread of pain denied with no limb in its clause ("Low back pain, nil radiation"): the
    spreading finding of the region the story is placed in (maps.yaml ``denied_spread``) is
    absent, unless something read it already."""
    spec = m.get("denied_spread")
    if not spec:
        return
    spreads = [h for h in hits if h.group == spec["group"]]
    if not spreads:
        return
    limb_groups = frozenset(spec["limb_groups"])
    limb_clauses = {ctx.clause[h.start] for h in hits if h.group in limb_groups}
    not_before = frozenset(spec.get("not_before", []))
    for h in spreads:
        if ctx.clause[h.start] in limb_clauses or (h.end < len(toks) and toks[h.end].lower in not_before):
            continue
        st = ctx.status([(h.start, h.end)])
        if not st.negated or st.hypothetical or st.family_words:
            continue
        a, b = toks[h.start].start, toks[h.end - 1].end
        for fid, region in spec["regions"].items():
            placed = any((r := acc.best.get(f)) is not None and r.present for f in region)
            if placed and fid not in acc.best:
                acc.add(Mention(fid, False, raw[a:b], a, b))


def _plainly_said(
    h0: int, h1: int, starts: list[int], ctx: Context, person: Any, denial: bool = True, past: bool = True
) -> bool:
    """Whether the words from character ``h0`` to ``h1`` are said of the patient now: not in
    the past, asked about, someone else's (unless that someone is the patient), or, when
    ``denial``, denied (and ``past``: in the past; episodes that recur are told in the past).
    Example: "I had a bad lower back years ago" is not low back pain now."""
    if not starts:
        return True
    a = max(0, bisect.bisect_right(starts, h0) - 1)
    b = max(a + 1, bisect.bisect_left(starts, h1))
    st = ctx.status([(a, b)])
    relative = bool(st.family_words) and not (person.proxy and all(person.proxy in w for w in st.family_words))
    return not ((denial and st.negated) or (past and st.historical) or st.hypothetical or relative)


def _char_to_tok(toks: Sequence[Tok], pos: int, starts: Sequence[int] | None = None) -> int:
    """The token holding character ``pos`` (``starts``: the tokens' start offsets, when a caller
    maps many positions and has them already)."""
    if starts is None:
        starts = [t.start for t in toks]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _unrecognised(toks: Sequence[Tok], matches: list[Match], cands: list[_Cand]) -> tuple[str, ...]:
    concepts = _concept_labels()
    covered = [False] * len(toks)
    for c in cands:
        covered[c.start : c.end] = [True] * (c.end - c.start)
    # one pass over the matches: the words a finding's phrase, pattern or medicine covers, and
    # the concept words (looked at once every cover is known)
    concept_matches: list[Match] = []
    for mt in matches:
        rule, a, b = mt
        kind = rule.kind
        if kind == "group":
            if rule.label in concepts:
                concept_matches.append(mt)
        elif kind in ("phrase", "pattern", "drug"):
            covered[a:b] = [True] * (b - a)
    out: list[str] = []
    for mt in concept_matches:
        if True in covered[mt.start : mt.end]:
            continue
        word = " ".join(t.text for t in toks[mt.start : mt.end])
        if word.lower() not in (w.lower() for w in out):
            out.append(word)
        if len(out) >= 20:
            break
    return tuple(out)
