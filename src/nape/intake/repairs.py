"""Word repairs before reading (resources/repairs.yaml): a dictated sound-alike ("too weeks",
"write leg", "know fever") or a clinician's clipped or symbol form ("rad into the arm", "P+N")
is read as the word meant, where the words around it say it cannot be meant as written.

The repaired text is what the intake reads; :class:`Repaired` maps its offsets back to the text
as written, so a mention's words and offsets stay the person's own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice

from nape.intake.schema import Repair, repairs_file
from nape.intake.tokens import common_words, english_words

# words (with an inner apostrophe: "rad'n"), a verb's or possessive's clitic apart ("heid" and
# "'s" in "heid's", "ah" and "'m" in "ah'm"), numbers, and each other non-space character alone
_CLITIC = r"['’](?:s|m|d|ve|ll|re)(?![A-Za-z])"
_TOKEN = re.compile(rf"[A-Za-z]+(?:(?!{_CLITIC})['’][A-Za-z]+)*|{_CLITIC}|\d+(?:[.,]\d+)?|\S", re.IGNORECASE)
# what ends or opens a clause, before a word that must begin one
_CLAUSE_OPEN = frozenset({".", ",", ";", ":", "!", "?", "(", "-", "–", "—", "and", "but", "also"})
# counts written as words, before a unit ("two ours")
_NUMBER_WORDS = frozenset(
    {
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "few",
        "couple",
        "several",
    }
)
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", ")"})


@dataclass(frozen=True)
class _Rule:
    heard: tuple[str, ...]
    spec: Repair
    next: frozenset[str]
    not_next: frozenset[str]
    after_next: frozenset[str]
    prev: frozenset[str]
    not_prev: frozenset[str]
    prev_skip: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]


@cache
def _rules() -> dict[str, tuple[_Rule, ...]]:
    """The repairs by the first word of each heard form, longest forms first."""
    f = repairs_file()

    def words(ws: list[str]) -> frozenset[str]:
        out: set[str] = set()
        for w in ws:
            out.update(f.sets[w[1:]] if w.startswith("$") else [w])
        return frozenset(x.lower() for x in out)

    by_first: dict[str, list[_Rule]] = {}
    for r in [*f.repairs, *_spoken_year_repairs()]:
        forms = {tuple(t for _, _, t in _words(h)) for h in r.heard}
        for heard in forms:
            rule = _Rule(
                heard,
                r,
                words(r.next),
                words(r.not_next),
                words(r.after_next),
                words(r.prev),
                words(r.not_prev),
                words(r.prev_skip),
                words(r.near),
                words(r.not_near),
            )
            by_first.setdefault(heard[0], []).append(rule)
    return {k: tuple(sorted(v, key=lambda x: -len(x.heard))) for k, v in by_first.items()}


_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _two_digits(n: int) -> list[str]:
    """The ways a year's last two digits are said (10 to 99): "twelve", "ninety-eight",
    "ninety eight"."""
    if n < 10:
        return []
    if n < 20:
        return [_TEENS[n - 10]]
    tens, unit = _TENS[n // 10], _UNITS[n % 10]
    return [tens] if not unit else [f"{tens}-{unit}", f"{tens} {unit}"]


def _spoken_year_repairs() -> list[Repair]:
    """A repair per year said in words (``spoken_years``): "nineteen" and its last two digits,
    "twenty" and its last two ("twenty twelve", "twenty oh five"), "two thousand (and) ..."."""
    cfg = repairs_file().spoken_years
    if cfg is None:
        return []
    out: list[Repair] = []
    for year in range(cfg.first, cfg.last + 1):
        century, rest = divmod(year, 100)
        heard: list[str] = []
        if century == 19:
            heard += [f"nineteen {w}" for w in _two_digits(rest)]
            if 1 <= rest <= 9:
                heard.append(f"nineteen oh {_UNITS[rest]}")
        elif century == 20:
            heard += [f"twenty {w}" for w in _two_digits(rest)]
            if 1 <= rest <= 9:
                heard.append(f"twenty oh {_UNITS[rest]}")
            if rest == 0:
                heard.append("two thousand")
            else:
                said = [_UNITS[rest]] if rest < 10 else _two_digits(rest)
                heard += [f"two thousand {w}" for w in said] + [f"two thousand and {w}" for w in said]
        if heard:
            out.append(Repair(heard=heard, means=str(year), prev=cfg.prev))
    return out


# what ends a sentence, for the words around a heard form (``near``, ``not_near``)
_STOP_MARKS = frozenset({".", "!", "?", ";"})
# how many characters either side are read for them (a bound: the cost stays linear)
_AROUND_CHARS = 160


def _around(text: str, start: int, end: int, reach: int) -> tuple[list[str], list[str]]:
    """The words of the sentence before ``start`` (nearest last) and after ``end`` (with its
    closing mark), at most ``reach`` each side: "Will she fall?" gives ["will"] and ["?"] round
    "she fall"."""
    left: list[str] = []
    for m in reversed(list(_TOKEN.finditer(text, max(0, start - _AROUND_CHARS), start))):
        w = m.group().lower().replace("’", "'")
        if w in _STOP_MARKS or "\n" in text[m.end() : start] or len(left) >= reach:
            break
        left.append(w)
    right: list[str] = []
    for m in _TOKEN.finditer(text, end, min(len(text), end + _AROUND_CHARS)):
        if len(right) >= reach or "\n" in text[end : m.start()]:
            break
        w = m.group().lower().replace("’", "'")
        right.append(w)
        if w in _STOP_MARKS:
            break
    return left[::-1], right


def _context_holds(rule: _Rule, toks: list[tuple[int, int, str]], i: int, text: str, prev: str | None) -> bool:
    """The gates read over more than the next and previous word: the subject past a word of
    ``prev_skip``, and the words ``near`` and ``not_near`` in the sentence ("he only cough hard
    yesterday": the subject "he" past "only", the past time "yesterday" near)."""
    r = rule.spec
    need_around = bool(rule.near or rule.not_near or (rule.prev_skip and prev in rule.prev_skip))
    if not need_around:
        return not (rule.prev and prev not in rule.prev)
    left, right = _around(text, toks[i][0], toks[i + len(rule.heard) - 1][1], r.reach)
    skipped = prev in rule.prev_skip and len(left) >= 2 and left[-2] in rule.prev
    if rule.prev and prev not in rule.prev and not skipped:
        return False
    words = {*left, *right}
    return not (rule.near and not words & rule.near) and not words & rule.not_near


def _gates_hold(rule: _Rule, toks: list[tuple[int, int, str]], i: int, text: str) -> bool:
    r = rule.spec
    j = i + len(rule.heard)  # the next word
    prev = toks[i - 1][2] if i > 0 else None
    nxt = toks[j][2] if j < len(toks) else None
    if not _context_holds(rule, toks, i, text, prev):
        return False
    if prev is not None and prev in rule.not_prev:
        return False
    line_end = nxt is not None and "\n" in text[toks[j - 1][1] : toks[j][0]]
    if rule.next and nxt not in rule.next and not (r.end_ok and (nxt is None or nxt in _CLAUSE_END or line_end)):
        return False
    if nxt is not None and nxt in rule.not_next:
        return False
    if rule.after_next and (j + 1 >= len(toks) or toks[j + 1][2] not in rule.after_next):
        return False
    if r.next_glued and (nxt is None or toks[j][0] != toks[j - 1][1] or not nxt[:1].isalpha()):
        return False
    if r.next_glued and prev is not None and toks[i - 1][1] == toks[i][0]:
        return False  # inside a hyphenated word ("glove-and-stocking"), not before one
    if r.next_number and (nxt is None or not nxt[:1].isdigit()):
        return False
    if r.prev_number and (prev is None or not (prev[:1].isdigit() or prev in _NUMBER_WORDS)):
        return False
    least = r.between_words
    if least and not (prev and nxt and min(len(prev), len(nxt)) >= least and prev.isalpha() and nxt.isalpha()):
        return False
    # a clause-start word: the text's start, a clause opener before it, or a line break
    return not r.clause_start or prev is None or prev in _CLAUSE_OPEN or "\n" in text[toks[i - 1][1] : toks[i][0]]


@dataclass(frozen=True)
class Repaired:
    """The repaired text, and for each of its offsets the offset in the text as written: ``starts``
    for a span's start, ``ends`` for its end (a repaired word's span is the whole heard form)."""

    text: str
    written: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        a = self.starts[min(max(start, 0), len(self.starts) - 1)]
        b = self.ends[min(max(end, 0), len(self.ends) - 1)]
        return a, max(a, b)


@cache
def _starts() -> re.Pattern[str] | None:
    """One pattern for every place a repair may start: the first word of any heard form, as a
    whole word (ASCII letters either side excluded), or a heard symbol; None when a first form is
    neither (a number), and then every token is tried. It finds a superset of the tokens
    :func:`_rules` is keyed by, each then checked against the token the text really has there."""
    words: list[str] = []
    symbols: list[str] = []
    for first in sorted(_rules(), key=len, reverse=True):
        if first[:1].isascii() and first[:1].isalpha():
            words.append(re.escape(first).replace("'", "['’]"))
        elif len(first) == 1 and not first.isalnum() and first not in "'’.,":  # never inside a token
            symbols.append(re.escape(first))
        else:
            return None
    initials = "".join(sorted({w[0] for w in words}))
    # found without overlaps: a word's match holds no other token's start (an apostrophe in it
    # has a letter either side), and a symbol's is one character; the initials' class lets the
    # search skip every other letter at once
    alts = [rf"(?<![A-Za-z])(?=[{initials}])(?:{'|'.join(words)})(?![A-Za-z])"] if words else []
    alts += symbols
    return re.compile("|".join(alts), re.IGNORECASE | re.ASCII)


def _is_token_start(text: str, p: int) -> bool:
    """Whether a token of :data:`_TOKEN` starts at ``p``, where a heard first form was found: a
    symbol is a token of its own; a word is, unless it goes on a word through an apostrophe
    ("x'to")."""
    if not text[p].isalpha() or p == 0:
        return True
    return not (text[p - 1] in "'’" and p >= 2 and text[p - 2].isascii() and text[p - 2].isalpha())


def _previous(text: str, p: int, sync: int) -> tuple[int, int, str] | None:
    """The token before the token starting at ``p``: read from the start of its own run of
    non-space characters, or from ``sync`` (a token start before ``p``) if that is later, so
    that no run is read twice however long it is."""
    q = p - 1
    while q >= 0 and text[q].isspace():
        q -= 1
    if q < 0:
        return None
    a = q
    while a > sync and not text[a - 1].isspace():
        a -= 1
    *_, last = _TOKEN.finditer(text, a, q + 1)
    return last.start(), last.end(), last.group().lower().replace("’", "'")


def _edits(text: str) -> list[tuple[int, int, str]]:
    """The repairs to make, as (start, end, replacement) in the text as written, found in one
    pass of :func:`_starts` over the text; each start is read with only its neighbours' tokens."""
    rules = _rules()
    starts = _starts()
    if starts is None:
        toks = _words(text)
        return _edits_of(text, toks, range(len(toks)), rules)
    need = max(len(r.heard) for rs in rules.values() for r in rs) + 2
    edits: list[tuple[int, int, str]] = []
    done = sync = 0  # the end of the last repair; a token start known (nothing before it is read again)
    for found in starts.finditer(text):
        p = found.start()
        if p < done or not _is_token_start(text, p):
            continue
        ahead = [
            (m.start(), m.end(), m.group().lower().replace("’", "'")) for m in islice(_TOKEN.finditer(text, p), need)
        ]
        if ahead[0][2] not in rules:
            continue
        prev = _previous(text, p, sync)
        sync = p
        toks = [prev, *ahead] if prev is not None else ahead
        got = _edits_of(text, toks, [len(toks) - len(ahead)], rules)
        if got:
            edits += got
            done = got[-1][1]
    return edits


def _edits_of(
    text: str, toks: list[tuple[int, int, str]], at: Iterable[int], rules: dict[str, tuple[_Rule, ...]]
) -> list[tuple[int, int, str]]:
    """The repairs starting at the tokens ``at`` (in order) of ``toks``: the first rule whose
    heard form and gates hold; the words it repairs are not read again."""
    edits: list[tuple[int, int, str]] = []
    skip_to = 0
    for i in at:
        if i < skip_to:
            continue
        for rule in rules.get(toks[i][2], ()):
            n = len(rule.heard)
            if tuple(t for _, _, t in toks[i : i + n]) != rule.heard or not _gates_hold(rule, toks, i, text):
                continue
            s, e = toks[i][0], toks[i + n - 1][1]
            means = rule.spec.means
            if text[s].isupper() and means[:1].isalpha() and len(rule.heard[0]) > 1:
                means = means[0].upper() + means[1:]
            edits.append((s, e, means))
            skip_to = i + n
            break
    return edits


# a tight run of short forms joined by "/", "&" or "+" ("F/C/NS", "B&B"), as a whole token
_SLASH_RUN = re.compile(r"(?<![A-Za-z0-9/&+])[A-Za-z]{1,3}(?:[/&+][A-Za-z]{1,3})+(?![A-Za-z0-9/&+])")


@cache
def _slash_items() -> tuple[dict[str, tuple[str, ...]], frozenset[str], int] | None:
    s = repairs_file().slash_lists
    if s is None:
        return None
    items = {k.lower(): tuple(v) for k, v in s.items.items()}
    return items, frozenset(x.lower() for x in s.never), s.min_items


def _slash_edits(text: str) -> list[tuple[int, int, str]]:
    """The slash lists of short forms to read as their words (repairs.yaml ``slash_lists``):
    "F/C/NS" is "fever/chills/night sweats", "B/B" is "bladder/bowel"."""
    known = _slash_items()
    if known is None or not ("/" in text or "&" in text or "+" in text):
        return []
    items, never, least = known
    out: list[tuple[int, int, str]] = []
    for m in _SLASH_RUN.finditer(text):
        forms = re.split(r"[/&+]", m.group().lower())
        if len(forms) < least or "/".join(forms) in never or any(f not in items for f in forms):
            continue
        seen: dict[str, int] = {}
        words: list[str] = []
        for f in forms:
            k = seen[f] = seen.get(f, -1) + 1
            if k >= len(items[f]):
                break
            words.append(items[f][k])
        # a form with several words must be said once for each ("B" alone could be either)
        if len(words) == len(forms) and all(n + 1 == len(items[f]) for f, n in seen.items()):
            out.append((m.start(), m.end(), "/".join(words)))
    return out


@cache
def _endings() -> tuple[re.Pattern[str], dict[str, tuple[str, frozenset[str]]]] | None:
    """One pattern for every dropped ending of repairs.yaml (``dropped_endings``): a word whose
    letters end in a written ending, with no letter after it; and by written ending (lower case,
    the apostrophe plain) its full ending and the English words it may make."""
    spec = repairs_file().dropped_endings
    if not spec:
        return None
    alts = []
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for d in spec:
        written = d.written.lower().replace("’", "'")
        letters = re.escape(written.rstrip("'"))
        alts.append(rf"[A-Za-z]{{{d.min_stem},}}?{letters}['’]" if written.endswith("'") else "")
        out[written] = (d.means, english_words() | common_words(d.word_log_prob))
    pattern = "|".join(a for a in alts if a)
    if not pattern:
        return None
    # a whole word: no letter before it, no letter after its apostrophe
    return re.compile(rf"(?<![A-Za-z])(?:{pattern})(?![A-Za-z])", re.IGNORECASE | re.ASCII), out


# a quotation opened: an apostrophe at a word's start ("they said 'the statin'"); a sentence's end
_QUOTE_OPEN = re.compile(r"(?:(?<=[\s(\[\"])|^)['‘’](?=[A-Za-z])")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _ending_edits(text: str) -> list[tuple[int, int, str]]:
    """The dropped endings to read whole (repairs.yaml ``dropped_endings``): "achin'" is
    "aching". One pass of one pattern over the text; a word that is English as written is looked
    up against the quotations opened before it (a binary search in their places)."""
    known = _endings()
    if known is None or ("'" not in text and "’" not in text):
        return []
    pattern, endings = known
    opens: list[int] | None = None
    ends: list[int] = []
    out: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        word = m.group().lower().replace("’", "'")
        written = next((w for w in endings if word.endswith(w)), "")
        if not written:
            continue
        means, english = endings[written]
        stem = word[: -len(written)]
        if stem + means not in english:
            continue
        s, e = m.start(), m.end()
        # a word opened by a quote ("'achin'"): its last apostrophe may close the quote
        quoted = s > 0 and text[s - 1] in "'‘’"
        if stem + written.rstrip("'") in english:  # English as written ("thin'", "aspirin'")
            if quoted:
                continue
            if opens is None:
                opens = [q.start() for q in _QUOTE_OPEN.finditer(text)]
                ends = [q.start() for q in _SENTENCE_END.finditer(text)]
            k = bisect_left(opens, s) - 1
            if k >= 0 and (bisect_left(ends, s) == bisect_left(ends, opens[k])):
                continue  # the apostrophe closes a quotation opened in its sentence
        upper = m.group()[-2].isupper()
        full = m.group()[: -len(written)] + (means.upper() if upper else means)
        # a quoted word keeps the quote's closing apostrophe ("'aching'")
        out.append((s, e, full + "'" if quoted else full))
    return out


_HASHTAG = re.compile(r"(?<![\w&])#([A-Za-z]{2,60})(?![\w])", re.ASCII)
_CAPITAL_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


class _Words:
    """Membership in any of some word sets, without building their union (the sets are large and
    shared with the rest of the reading: a union would hold a copy of them)."""

    def __init__(self, *sets: frozenset[str]) -> None:
        self.sets = sets

    def __contains__(self, word: object) -> bool:
        return any(word in s for s in self.sets)


@cache
def _hashtag_words() -> _Words:
    spec = repairs_file().hashtags
    return _Words() if spec is None else _Words(english_words(), common_words(spec.word_log_prob))


def _split_letters(body: str, words: frozenset[str] | _Words, min_letters: int, most: int) -> list[str] | None:
    """The fewest common words (at most ``most``) whose letters make ``body``, or None.

    >>> _split_letters("neckspasm", frozenset({"neck", "spasm", "ne", "cks"}), 2, 4)
    ['neck', 'spasm']
    """
    n = len(body)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end - min_letters + 1):
            head, piece = best[start], body[start:end]
            if head is not None and len(head) < most and piece in words:
                cand = [*head, piece]
                if best[end] is None or len(cand) < len(best[end] or ()):
                    best[end] = cand
    return best[n]


def _hashtag_edits(text: str) -> list[tuple[int, int, str]]:
    """Hashtags read as the words they join (repairs.yaml ``hashtags``): "#neckspasm" is "neck
    spasm", "#BackPainDay" is "back pain day"; the hash goes. Each hashtag's letters are split
    once (bounded by ``max_letters``), so the cost is linear in the text."""
    spec = repairs_file().hashtags
    if spec is None or "#" not in text:
        return []
    words = _hashtag_words()
    never = frozenset(spec.never_words)
    out: list[tuple[int, int, str]] = []
    for m in _HASHTAG.finditer(text):
        body = m.group(1)
        if len(body) > spec.max_letters:
            continue
        parts = _CAPITAL_PARTS.findall(body) if body != body.lower() and body != body.upper() else None
        if parts is None or len(parts) > spec.max_words or not all(x.lower() in words for x in parts):
            parts = _split_letters(body.lower(), words, spec.min_letters, spec.max_words)
        if parts and not any(x.lower() in never for x in parts):
            out.append((m.start(), m.end(), " ".join(x.lower() for x in parts)))
    return out


def repair(text: str) -> Repaired | None:
    """The text with its heard forms repaired, or None when there is nothing to repair."""
    edits = _edits(text)
    tags = _hashtag_edits(text)
    if tags:
        edits = sorted(tags + [e for e in edits if not any(s < e[1] and e[0] < t for s, t, _ in tags)])
    dropped = _ending_edits(text)
    if dropped:
        edits = sorted(edits + [d for d in dropped if not any(s < d[1] and d[0] < t for s, t, _ in edits)])
    # a slash list is read whole, and a tick box is one mark: a word repair inside gives way
    for whole in (_slash_edits(text), _box_edits(text)):
        if whole:
            edits = sorted(
                whole + [e for e in edits if not any(s < e[1] and e[0] < t for s, t, _ in whole)],
                key=lambda e: e[0],
            )
    if not edits:
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    pos = 0
    for s, e, means in [*edits, (len(text), len(text), "")]:
        out.append(text[pos:s])  # the text as written, one to one
        starts.extend(range(pos, s))
        ends.extend(range(pos + 1, s + 1))
        out.append(means)
        starts.extend([s] * len(means))
        ends.extend([e] * len(means))
        pos = e
    starts.append(len(text))
    return Repaired("".join(out), text, tuple(starts), tuple(ends))


@cache
def _boxes() -> tuple[dict[tuple[str, ...], bool], int] | None:
    """The tick boxes of repairs.yaml (``tick_boxes``) as token runs -> ticked, and the longest
    run's length; None when the file has none."""
    b = repairs_file().tick_boxes
    if b is None:
        return None
    forms: dict[tuple[str, ...], bool] = {}
    for ticked, written in ((False, b.empty), (True, b.ticked)):
        for form in written:
            forms[tuple(t for _, _, t in _words(form))] = ticked
    return forms, max(map(len, forms))


_BOX_MARKS = frozenset("[(☐□❏❐▢☑☒✅✔✓✗✘❌✕☓")


def _box_edits(text: str) -> list[tuple[int, int, str]]:
    """The tick boxes of a pasted checklist, read as words (repairs.yaml ``tick_boxes``): on a
    line whose boxes come before their items ("[x] stiff neck [ ] fever"), an empty box is a
    denial of its item and a ticked one a clause start; on a line whose boxes follow their items
    ("fever [ ] rash [x]"), each box is the item's answer. One pass over each line's tokens."""
    known = _boxes()
    if known is None or not any(ch in _BOX_MARKS for ch in text):
        return []
    forms, longest = known
    spec = repairs_file().tick_boxes
    assert spec is not None
    states = frozenset(w.lower() for w in spec.state_words)
    openers = frozenset(w.lower() for w in spec.openers)
    separators = frozenset(w.lower() for w in spec.separators)
    bullets = frozenset(spec.bullet_glyphs)
    crosses_ok = frozenset(w.lower() for w in spec.cross_letters)
    not_crossed = frozenset(w.lower() for w in spec.cross_not_before)
    lines: list[tuple[list[tuple[int, int, str]], list[tuple[int, int, bool]]]] = []
    pos = 0
    for line in text.split("\n"):
        toks = [(s + pos, e + pos, w) for s, e, w in _words(line)]
        pos += len(line) + 1
        found: list[tuple[int, int, bool]] = []  # (first token, end token, ticked)
        crosses: list[tuple[int, int, bool]] = []  # letters that may be a cross
        i = 0
        while i < len(toks):
            for n in range(min(longest, len(toks) - i), 0, -1):
                ticked = forms.get(tuple(w for _, _, w in toks[i : i + n]))
                if ticked is not None:
                    found.append((i, i + n, ticked))
                    i += n
                    break
            else:
                if (
                    toks[i][2] in crosses_ok
                    and i + 1 < len(toks)
                    and toks[i + 1][2].isalpha()
                    and toks[i + 1][2] not in not_crossed
                ):
                    crosses.append((i, i + 1, False))
                i += 1
        if found and crosses:
            found = sorted([*found, *crosses])
        if found:
            lines.append((toks, found))
    # an empty box's glyph alone at a line's start is a list's bullet too ("❏ severe headache"
    # pasted from a document): it denies only in a checklist that ticks a box somewhere
    if not any(t for _, found in lines for _, _, t in found):
        lines = [
            (toks, found)
            for toks, found in lines
            if not (len(found) == 1 and found[0][0] == 0 and toks[0][2] in bullets)
        ]
    out: list[tuple[int, int, str]] = []
    for toks, found in lines:
        if not found:
            continue
        first = found[0][0]
        before = first == 0 or toks[first - 1][2] in openers or found[-1][1] < len(toks)
        ends = [a for a, _, _ in found[1:]] + [len(toks)]  # where each box's item ends
        for (a, b, ticked), end in zip(found, ends, strict=True):
            after_field = a > 1 and toks[a - 1][2] in separators
            # a box with no item after it, or right after a field's mark with another field after
            # it ("Fever: [x] Vomiting: [ ]"), answers the field before it
            if b >= end or (after_field and toks[end - 1][2] in separators):
                if a == 0:
                    continue  # a box alone on its line
                answer = spec.ticked_after if ticked else spec.empty_after
                means = answer if after_field else spec.after_mark + answer
            elif before:
                state = toks[b][2] in states
                if ticked:
                    means = spec.ticked_before_state if state else spec.ticked_before
                else:
                    means = spec.empty_before_state if state else spec.empty_before
            else:
                answer = spec.ticked_after if ticked else spec.empty_after
                means = spec.after_mark + answer
            out.append((toks[a][0], toks[b - 1][1], means))
    return out
