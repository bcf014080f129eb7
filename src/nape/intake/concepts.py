"""Concepts x body sites x modifiers, composed within a clause into findings (resources/concepts.yaml).

Group words are found with the word index (lemmas included). Within each clause, a compose
rule gives its finding when every group it names has a hit no further than the rule's window
from the first group's hit. Positions of each group are kept sorted, so finding the nearest hit
is a binary search: the cost stays linear (times a logarithm) in the text.

Spelling tolerance: a token that is not a real English word (the lookup lemmatizer's table),
not a word of any phrase and at least ``min_length`` letters long is compared with the lexicon's
single words (rapidfuzz Levenshtein distance, same first letter); the closest within the
allowed number of edits replaces its lemma.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, islice
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from nape.intake.assertion import Context
from nape.intake.matcher import Match, Rule, phrase_tests
from nape.intake.schema import Compose, ListResult, concept_file, context_file, drugs_file
from nape.intake.tokens import Tok, capital_phrase_words, common_words, english_words, lemma_table, phrase_words
from nape.intake.wordlists import attributes_file

GROUP = "group:"
# the group of words that extend an earlier clause to a new site ("and my hands too")
ALSO = "also"
# a surface felt under a body part ("the mattress under her bottom"): the part is the site
CONTACT = "contact_surface"
BENEATH = "beneath_word"


class Hit(NamedTuple):
    """A group's words at tokens ``start`` to ``end`` (a named tuple: a parse makes hundreds)."""

    group: str
    start: int
    end: int


@dataclass(frozen=True)
class Composed:
    rule: Compose
    spans: tuple[tuple[int, int], ...]
    # a site carried from an earlier clause: part of the source text, not of the assertion
    carried: tuple[int, int] | None = None
    # the concept said of this site by a denied auxiliary that stands for it ("my arms are weak but
    # my legs aren't"): read denied
    denied: bool = False

    @property
    def start(self) -> int:
        return min(s for s, _ in (*self.spans, *([self.carried] if self.carried else [])))

    @property
    def end(self) -> int:
        return max(e for _, e in (*self.spans, *([self.carried] if self.carried else [])))


@cache
def ancestors() -> dict[str, frozenset[str]]:
    """Each group and the groups that include it (hand -> upper_limb -> any_limb)."""
    groups = concept_file().groups
    parents: dict[str, set[str]] = {g: set() for g in groups}
    for name, grp in groups.items():
        for inc in grp.includes:
            parents[inc].add(name)
    out: dict[str, frozenset[str]] = {}
    for g in groups:
        seen = {g}
        todo = [g]
        while todo:
            for p in parents[todo.pop()]:
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        out[g] = frozenset(seen)
    return out


def group_rules(typos: dict[str, list[str]]) -> list[Rule]:
    """One rule per group word (and per typo variant of it), labelled ``group:<name>``."""
    cfg = concept_file()
    lemmas = lemma_table()
    exact = frozenset(cfg.lemma_exact)
    out = []
    for name, g in cfg.groups.items():
        for phrase in g.words:
            words = list(phrase_words(phrase))
            variants = [words]
            capital = capital_phrase_words(phrase)  # "E4V5M6", "T2DM": one token in capitals
            if capital:
                variants.append(list(capital))
            for i, w in enumerate(words):
                for typo in typos.get(w, []):
                    variants.append([*words[:i], typo, *words[i + 1 :]])
            for v in variants:
                out.append(Rule(GROUP + name, phrase_tests(v, {} if g.exact_forms else lemmas, exact), "group"))
    return out


@cache
def fuzzy_lexicon() -> tuple[str, ...]:
    cfg = concept_file()
    words = {w.lower() for g in cfg.groups.values() for w in g.words if " " not in w and "-" not in w}
    words |= {n.lower() for c in drugs_file().classes.values() for n in c.names if " " not in n}
    return tuple(sorted(w for w in words if len(w) >= cfg.fuzzy["min_length"] and w.isalpha()))


_FUZZY_CACHE: dict[str, str | None] = {}
_FUZZY_CACHE_MAX = 20_000


def truncation_table(
    phrases: Iterable[str], known: frozenset[str], usage: Iterable[str] = ()
) -> dict[str, tuple[str, str]]:
    """Each cut-short form a clinician may write -> the lexicon word it stands for (concepts.yaml
    ``truncation``), made once when the rules are built. ``phrases`` are the lexicon's correctly
    spelt phrases (findings' lay, clinical and absent phrases, the concept groups' words);
    ``known`` every phrase word (misspellings included), never itself a cut-short form; among
    the words a prefix begins, the one most used in ``usage`` (every phrase) is chosen.

    A prefix is kept only when the words it begins are forms of one word: "bilat" begins
    "bilateral" and "bilaterally"; a prefix beginning words of two kinds is left alone."""
    cfg = concept_file().truncation
    if cfg is None:
        return {}
    uses: dict[str, int] = {}
    names: set[str] = set()
    for phrase in phrases:
        names.update(w.lower() for w in phrase.split() if w[:1].isupper() and w[1:].islower())
        for w in phrase_words(phrase):
            if w.isalpha() and w.isascii():
                uses[w] = uses.get(w, 0) + 1
    for name in names:
        uses.pop(name, None)
    used = dict.fromkeys(uses, 0)
    for phrase in usage:
        for w in phrase_words(phrase):
            if w in used:
                used[w] += 1
    english = english_words() | common_words(cfg.word_log_prob)
    lemmas = lemma_table()
    never = frozenset(cfg.never)
    begins: dict[str, list[str]] = {}
    for w in uses:
        for k in range(cfg.min_length, len(w)):
            begins.setdefault(w[:k], []).append(w)
    out: dict[str, tuple[str, str]] = {}
    for prefix, words in begins.items():
        if prefix in english or prefix in known or prefix in never:
            continue
        shortest = min(len(w) for w in words)
        common = len(prefix)
        while common < shortest and all(w[common] == words[0][common] for w in words):
            common += 1
        if common < cfg.min_common or shortest - common > cfg.max_tail:
            continue  # words of more than one kind begin so ("progr": progress, program)
        ranked = sorted(words, key=lambda w: (-(used[w] + uses[w]), len(w), w))
        first = ranked[0]
        lemma = lemmas.get(first, first)
        # the token stands for two of the words where they differ by more than an inflection
        # ("anaes": anaesthesia and anaesthetic): its form is one, its lemma the other
        other = next((w for w in ranked[1:] if lemmas.get(w, w) != lemma), None)
        out[prefix] = (first, lemma if other is None else other)
    return out


def _expand_truncations(toks: list[Tok], table: Mapping[str, tuple[str, str]], known: frozenset[str]) -> list[Tok]:
    """Cut-short words read as the words they stand for; a full stop glued to one ("bilat.")
    is part of it when the sentence goes on in lower case ("bilat. sciatica")."""
    english = english_words()
    cfg = concept_file().truncation
    least = cfg.min_length if cfg is not None else 4
    out: list[Tok] | None = None
    drop: set[int] = set()
    for k, t in enumerate(toks):
        w = t.lower
        if len(w) < least or w in known or w in english or not w.isalpha():
            continue
        full = table.get(w)
        if full is None:
            continue
        if out is None:
            out = list(toks)
        end = t.end
        if k + 2 < len(toks) and toks[k + 1].text == "." and toks[k + 1].start == t.end:
            after = toks[k + 2].text
            if after[:1].islower() or after[:1].isdigit():
                drop.add(k + 1)
                end = toks[k + 1].end
        out[k] = t._replace(lower=full[0], lemma=full[1], end=end)
    if out is None:
        return toks
    if drop:
        out = [t._replace(i=n) for n, t in enumerate(x for j, x in enumerate(out) if j not in drop)]
    return out


def correct(
    toks: list[Tok], known: frozenset[str], truncations: Mapping[str, tuple[str, str]] | None = None
) -> list[Tok]:
    """Tokens with misspelt lexicon words corrected (their lemma becomes the lexicon word), and
    cut-short clinical words read whole (``truncations``, from :func:`truncation_table`)."""
    cfg = concept_file().fuzzy
    english = english_words()
    lexicon = fuzzy_lexicon()
    if truncations:
        toks = _expand_truncations(toks, truncations, known)
    out = toks
    for k, t in enumerate(toks):
        w = t.lower
        if len(w) < cfg["min_length"] or not w.isalpha() or w in english or w in known:
            continue
        if w in _FUZZY_CACHE:
            fixed = _FUZZY_CACHE[w]
        else:
            edits = 2 if len(w) >= cfg["two_edits_from"] else 1
            # the closest with the same first letter ("unsteadily" is "unsteady", not "steadily")
            near = process.extract(w, lexicon, scorer=Levenshtein.distance, score_cutoff=edits, limit=8)
            fixed = next((c for c, _, _ in sorted(near, key=lambda b: (b[1], b[2])) if c[0] == w[0]), None)
            if len(_FUZZY_CACHE) >= _FUZZY_CACHE_MAX:
                _FUZZY_CACHE.clear()
            _FUZZY_CACHE[w] = fixed
        if fixed is not None:
            if out is toks:
                out = list(toks)
            out[k] = t._replace(lemma=lemma_table().get(fixed, fixed) if fixed not in known else fixed, lower=fixed)
    return out


@cache
def _qualified_rules() -> dict[str, Rule]:
    """A rule object per site a qualifier gives, labelling the hits made for it."""
    return {q.gives: Rule(GROUP + q.gives, (), "group") for q in concept_file().qualified_sites}


@cache
def _qualified_labels() -> frozenset[str]:
    """The rule labels of the qualifiers and sites of ``qualified_sites`` (the only groups read)."""
    return frozenset(GROUP + g for q in concept_file().qualified_sites for g in (q.qualifier, q.site))


def qualified_sites(matches: list[Match], toks: Sequence[Tok]) -> list[Match]:
    """The matches with a hit added for each site narrowed by a word before it (concepts.yaml
    ``qualified_sites``): "ache low in my back" names the low back; the bare "back" inside is
    then an inner site (see :func:`group_hits`), not a site of its own."""
    specs = concept_file().qualified_sites
    if not specs:
        return matches
    wanted = _qualified_labels()
    by_label: dict[str, list[Match]] = {}
    info = _label_info()
    hidden: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    for m in matches:
        if m.rule.kind != "group":
            continue
        if m.rule.label in wanted:
            by_label.setdefault(m.rule.label, []).append(m)
        # any group's longer words may read a site word in another sense (not only the wanted)
        over = info[m.rule.label][1]
        if over and m.end - m.start > 1:
            hidden.setdefault(m.start, []).append((m.start, m.end, over))
    added: list[Match] = []
    rules = _qualified_rules()
    for q in specs:
        quals = by_label.get(GROUP + q.qualifier)
        sites = by_label.get(GROUP + q.site)
        if not quals or not sites:
            continue
        links = frozenset(q.links)
        # a site word in another sense is no site to narrow ("the side of back of the neck": "back of")
        starts = {s.start: s for s in sites if not (hidden and _hidden(s.rule.label, s.start, s.end, hidden))}
        for qm in quals:
            j = qm.end
            while j < len(toks) and j - qm.end <= q.gap:
                site = starts.get(j)
                if site is not None:
                    added.append(Match(rules[q.gives], qm.start, site.end))
                    break
                if toks[j].lower not in links:
                    break
                j += 1
    return [*matches, *added] if added else matches


def qualified_spans(matches: Iterable[Match]) -> list[tuple[int, int]]:
    """The token spans of the sites narrowed by a word before them (:func:`qualified_sites`):
    "between my upper back and my lower back" is one span, the mid back."""
    made = frozenset(id(r) for r in _qualified_rules().values())
    return [(m.start, m.end) for m in matches if id(m.rule) in made]


def cut_site_phrases(kept: list[Match], matches: Sequence[Match]) -> list[Match]:
    """The phrase matches less those that read a bare site word lying inside a longer site of
    another group: "my middle back aches" is not "back aches" (the low back), "ache low in my
    back" not "back" alone, "between my shoulders" not "shoulders" (a token pattern's region is
    cut so too). A phrase covering the whole longer site is kept ("low back ache")."""
    info = _label_info()
    labels: dict[tuple[int, int], set[str]] = {}  # site span -> the site groups with a hit on it
    for m in matches:
        if m.rule.kind == "group" and info[m.rule.label][0]:
            labels.setdefault((m.start, m.end), set()).add(m.rule.label)
    spans = sorted(labels, key=lambda sp: (sp[0], -(sp[1] - sp[0])))
    cuts: list[tuple[int, int, int, int]] = []  # (inner start, inner end, outer start, outer end)
    outer: list[tuple[int, int]] = []
    for a, b in spans:
        outer = [o for o in outer if o[1] > a]
        for s, e in outer:
            # a word of the longer site's own groups is no cut ("my head" and "head" are one site),
            # nor a word of a group that includes the longer site ("L-arm" is an arm)
            if (
                s <= a
                and b <= e
                and (e - s) > (b - a)
                and labels[(a, b)].isdisjoint(labels[(s, e)])
                and not any(GROUP + g in labels[(a, b)] for o in labels[(s, e)] for g in info[o][2])
            ):
                cuts.append((a, b, s, e))
        outer.append((a, b))
    if not cuts:
        return kept
    # a cut applies only to a match holding its inner site: only the cuts whose inner site starts
    # within the match are tried, found by bisection (trying every cut on every match made a long
    # text of sites inside sites quadratic: ". pain lower back and tingling ...")
    cuts.sort()
    inner = [c[0] for c in cuts]

    def _within(p: Match) -> list[tuple[int, int, int, int]]:
        return cuts[bisect_left(inner, p.start) : bisect_right(inner, p.end)]

    return [
        p
        for p in kept
        if not (
            (p.rule.kind == "phrase" and any(_cut_phrase(p, *c) for c in _within(p)))
            or (p.rule.kind == "pattern" and any(_cut_pattern(p, *c) for c in _within(p)))
        )
    ]


def _cut_phrase(p: Match, a: int, b: int, s: int, e: int) -> bool:
    """A phrase reading the inner site ``a``..``b`` and not the whole longer site ``s``..``e``."""
    return p.start <= a and b <= p.end and not (p.start <= s and e <= p.end)


def _cut_pattern(p: Match, a: int, b: int, s: int, e: int) -> bool:
    """A token pattern (a region and a complaint, in either order) whose region is the inner
    site: the region stands at one end of the pattern ("pain between the shoulders" reads the
    region "shoulders", inside the mid back's "between the shoulders"), or ends inside the longer
    site ("sore between my neck and the lower back" reads the region "neck and")."""
    return p.start <= a and b <= p.end and (a == p.start or b == p.end or p.end <= e)


def group_hits(matches: Iterable[Match]) -> list[Hit]:
    """Hits of every group (and the groups including it). A site named inside a longer site
    is not a site of its own: "between my shoulder blades" is the mid back, not the shoulder
    blade; "lower back" is not "back"."""
    info = _label_info()
    # one pass over the matches: the group matches with their label's facts, the sites, and the
    # longer hits of overriding groups (a parse has hundreds of group matches)
    group_matches: list[tuple[int, int, str, bool, tuple[str, ...]]] = []
    sites: list[tuple[int, int, str]] = []
    # words a longer hit of an overriding group claims ("normal colour" hides its "normal")
    hidden: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    hideable: set[str] = set()  # the labels those hits override
    for m in matches:
        rule, s, e = m
        if rule.kind != "group":
            continue
        label = rule.label
        site, over, anc = info[label]
        group_matches.append((s, e, label, site, anc))
        if site:
            sites.append((s, e, label))
        if over and e - s > 1:
            hidden.setdefault(s, []).append((s, e, over))
            hideable |= over
    sites.sort(key=lambda x: (x[0], x[0] - x[1]))
    inner: set[tuple[int, int, str]] = set()
    reach = (-1, -1)
    for x in sites:
        s, e = x[0], x[1]
        if e <= reach[1] and (reach[1] - reach[0]) > (e - s):
            inner.add(x)
        if e > reach[1]:
            reach = (s, e)
    out: list[Hit] = []
    append = out.append
    new = tuple.__new__  # a Hit built without its Python-level constructor (a parse makes hundreds)
    for s, e, label, site, anc in group_matches:
        if (site and inner and (s, e, label) in inner) or (label in hideable and _hidden(label, s, e, hidden)):
            continue
        for g in anc:
            append(new(Hit, (g, s, e)))
    return out


def drop_hidden(matches: Iterable[Match]) -> list[Match]:
    """The matches less the group matches a longer hit of an overriding group hides ("been on
    nights" is shift work: its "nights" is no sleep), as ``group_hits`` leaves them out."""
    info = _label_info()
    ms = list(matches)
    hidden: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    hideable: set[str] = set()
    for m in ms:
        rule, s, e = m
        if rule.kind == "group" and e - s > 1 and (over := info[rule.label][1]):
            hidden.setdefault(s, []).append((s, e, over))
            hideable |= over
    if not hidden:
        return ms
    return [m for m in ms if not (m[0].label in hideable and _hidden(m[0].label, m[1], m[2], hidden))]


def list_results(hits: list[Hit], toks: Sequence[Tok]) -> list[Hit]:
    """Hits with a list's result given to each item of the list: "power, sensation and reflexes
    normal in the legs" says the power is normal too, though its word stands far from "normal"
    (concepts.yaml ``list_result``). Each result looks back over its list once: linear."""
    spec = concept_file().list_result
    if spec is None or not hits:
        return hits
    items, results = frozenset(spec.items), frozenset(spec.results)
    joiners, links = frozenset(spec.joiners), frozenset(spec.links)
    ends: dict[int, list[Hit]] = {}  # item hits by their end
    spans: dict[tuple[int, int], list[str]] = {}  # every group at a span
    for h in hits:
        if h.group in items:
            ends.setdefault(h.end, []).append(h)
        spans.setdefault((h.start, h.end), []).append(h.group)
    if not ends:
        return hits
    first_start = {e: min(x.start for x in hs) for e, hs in ends.items()}
    out = list(hits)
    done: set[tuple[int, int]] = set()
    for h in hits:
        if h.group not in results or (h.start, h.end) in done:
            continue
        done.add((h.start, h.end))
        listed = _items_before(h.start, first_start, toks, joiners, links)
        for s, e in listed[1:]:  # the last item is next to its result already
            out += [Hit(g, s, e) for g in spans[(h.start, h.end)]]
    return out + _lead_results(toks, spec, ends, joiners, results)


def _items_before(
    at: int, first_start: Mapping[int, int], toks: Sequence[Tok], joiners: frozenset[str], links: frozenset[str]
) -> list[tuple[int, int]]:
    """The (start, end) of the list items before a result at token ``at``, nearest first: each
    item ends where the joiners before the next begin ("power, tone and reflexes normal" gives
    reflexes, tone, power). ``first_start`` maps an item's end to its earliest start."""
    j = at
    while j > 0 and toks[j - 1].lower in links:
        j -= 1
    out: list[tuple[int, int]] = []
    while j in first_start:
        s = first_start[j]
        out.append((s, j))
        k = s
        while k > 0 and toks[k - 1].lower in joiners:
            k -= 1
        if k == s:
            break
        j = k
    return out


def _lead_results(
    toks: Sequence[Tok],
    spec: ListResult,
    ends: dict[int, list[Hit]],
    joiners: frozenset[str],
    results: frozenset[str],
) -> list[Hit]:
    """A result said before its list ("full power and sensation in the legs", "full power,
    tone and reflexes"): a lead word right before (or opening) the list's first item is read as
    the result of all of them, so the items after it, though their own words say no result, are
    normal too. A lead before a single item is left alone. Each lead looks forward at most two
    items (all it needs to know is whether its list has more than one): linear, where walking
    the whole list from each lead made a long list with many leads quadratic ("full power and
    sensation and tone and reflexes and full power and ...")."""
    if not spec.leads:
        return []
    leads = frozenset(spec.leads)
    by_start: dict[int, int] = {}  # item hits: start -> the furthest end
    for e, hs in ends.items():
        for x in hs:
            by_start[x.start] = max(by_start.get(x.start, 0), e)
    out: list[Hit] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower not in leads:
            continue
        j = by_start.get(i) or by_start.get(i + 1)
        count = 0
        while j is not None and count < min(n, 2):
            count += 1
            k = j
            while k < n and toks[k].lower in joiners:
                k += 1
            if k == j:
                break
            j = by_start.get(k)
        if count > 1:  # its list has more than one item
            out += [Hit(g, i, i + 1) for g in sorted(results)]
    return out


def resolve_object_pronouns(hits: list[Hit], toks: Sequence[Tok]) -> list[Hit]:
    """Hits with a movement verb's pronoun object read as the body site it stands for: "his head
    is stuck to one side and he can't turn it" gives "it" the head's groups that the movement
    rules look at (attributes.yaml ``carry.object_groups``), so they see a head or neck. The site is the one named last
    before the pronoun in its sentence or the one before; a thing named nearer ("the lid, I
    can't turn it", "can't move the car, it") leaves the pronoun alone. Each pronoun looks back
    at most ``object_reach`` tokens: the cost stays linear in the text."""
    cfg = attributes_file().carry
    pronouns = frozenset(cfg.object_pronouns)
    verbs = frozenset(cfg.object_verbs)
    # the pronouns a movement verb governs: the only tokens read (most texts have none)
    objects = [i for i in range(1, len(toks)) if toks[i].lower in pronouns and toks[i - 1].lower in verbs]
    if not objects:
        return hits
    dets = frozenset(cfg.determiners)
    not_things = frozenset(cfg.not_things)
    place_preps = frozenset(cfg.place_preps)
    kinds = _kinds()
    wanted = frozenset(cfg.object_groups)
    # per token, the widest site hit covering it; and the hits by their first token
    site_at: dict[int, tuple[int, int]] = {}
    by_start: dict[int, list[Hit]] = {}
    for h in hits:
        by_start.setdefault(h.start, []).append(h)
        if kinds[h.group] == "site":
            for j in range(h.start, h.end):
                old = site_at.get(j)
                if old is None or (h.end - h.start) > (old[1] - old[0]):
                    site_at[j] = (h.start, h.end)
    if not site_at:
        return hits
    # a site inside a symptom's own noun ("headache", "backache": the word is a concept's too) is
    # no part one turns or lifts: the pronoun looks past it to the part named before
    in_symptom = {j for h in hits if kinds[h.group] == "concept" for j in range(h.start, h.end)}
    out = list(hits)
    for i in objects:
        ends = 0  # sentence ends passed looking back
        for j in range(i - 2, max(-1, i - 2 - cfg.object_reach), -1):
            w = toks[j].lower
            if w in _SENTENCE_END:
                ends += 1
                if ends > 1:
                    break
                continue
            span = site_at.get(j)
            if span is not None and all(k in in_symptom for k in range(*span)):
                continue
            if span is not None:
                # the groups of the site's words ("his head": the head, and the head or neck)
                own = {h.group for h in by_start.get(i, ())}
                groups = {h.group for k in range(*span) for h in by_start.get(k, ()) if h.end <= span[1]} & wanted
                out += [Hit(g, i, i + 1) for g in sorted(groups - own)]
                break
            if (
                w in dets
                and j + 1 < i - 1
                and toks[j + 1].lower not in not_things
                and toks[j + 1].lower.isalpha()
                and not (j > 0 and toks[j - 1].lower in place_preps)
            ):
                break  # a thing named nearer: "the lid, I can't turn it" (not a place: "on the sofa")
    return out


@cache
def _label_info() -> dict[str, tuple[bool, frozenset[str], tuple[str, ...]]]:
    """Per group rule label: (a site?, the labels of the groups it overrides, the group and
    the groups including it). The last is a tuple in the order of iterating ``ancestors()``'s
    set (the order hits were always made in)."""
    anc = ancestors()
    return {
        GROUP + name: (g.kind == "site", frozenset(GROUP + o for o in g.overrides), tuple(anc[name]))
        for name, g in concept_file().groups.items()
    }


def _hidden(label: str, start: int, end: int, hidden: dict[int, list[tuple[int, int, frozenset[str]]]]) -> bool:
    """Whether a longer hit of an overriding group covers the hit of ``label`` at ``start`` to
    ``end`` (an overriding phrase starts at most a few words before: the look-back is bounded,
    so the cost stays linear)."""
    for s in range(start, max(-1, start - 6), -1):
        for a, b, labels in hidden.get(s, ()):
            if label in labels and a <= start and end <= b and (b - a) > (end - start):
                return True
    return False


@cache
def _rules_by_group(scope: str | None = None) -> dict[str, list[tuple[Compose, frozenset[str]]]]:
    """Rules by their first group (of one scope, when given: a rule whose groups may stand in
    neighbouring clauses, ``across_clauses``, is of the sentence's scope), each with the set of
    groups it needs (one subset test says whether a clause can hold it)."""
    out: dict[str, list[tuple[Compose, frozenset[str]]]] = {}
    for r in concept_file().compose:
        if scope is None or _scope(r) == scope:
            out.setdefault(r.all[0], []).append((r, frozenset(r.all)))
    return out


@cache
def _rule_table(scope: str) -> dict[str, tuple[tuple[Compose, ...], tuple[frozenset[str], ...]]]:
    """``_rules_by_group(scope)`` as two tuples per first group, the rules and the groups each
    needs: a clause's rules are picked by one subset test each, without a Python loop."""
    return {g: (tuple(r for r, _ in rs), tuple(n for _, n in rs)) for g, rs in _rules_by_group(scope).items()}


def compose(hits: Sequence[Hit], ctx: Context) -> list[Composed]:
    """Findings composed from group hits that share a clause (or, for a rule whose scope is the
    sentence, a sentence: "my arm went weak, never had anything like it")."""
    by_clause: dict[int, dict[str, list[Hit]]] = {}
    by_sentence: dict[int, dict[str, list[Hit]]] = {}
    sentence = _sentence_of(ctx)
    kinds = _kinds()
    listed = _listed_after_mark(hits, ctx, kinds) | _exam_list_clauses(hits, ctx)
    clause = ctx.clause
    # only the groups a rule of a sentence's scope (or of a story's) looks at are kept by
    # sentence: the others cannot change what those rules compose (see ``_sentence_groups``)
    wanted = _sentence_groups()
    # (the same grouping as two setdefault chains per hit, with plain look-ups: a parse has
    # hundreds; the hits of one start, one after another, share their clause and sentence)
    last = -1
    in_clause: dict[str, list[Hit]] = {}
    in_sentence: dict[str, list[Hit]] = {}
    # an "and" opening a statement of its own parts a clause for composing (``_statement_ands``);
    # the clauses as the context gives them stay for the sites carried (``_carried``)
    ands = _statement_ands(hits, ctx, kinds)
    by_part: dict[tuple[int, int], dict[str, list[Hit]]] = {}
    in_part: dict[str, list[Hit]] = {}
    for h in hits:
        g, at = h[0], h[1]
        if at != last:
            last = at
            c = listed.get(at, clause[at]) if listed else clause[at]
            got = by_clause.get(c)
            if got is None:
                got = by_clause[c] = {}
            in_clause = got
            if ands:
                key = (c, bisect_right(ands, at))
                got = by_part.get(key)
                if got is None:
                    got = by_part[key] = {}
                in_part = got
            c = sentence[at]
            got = by_sentence.get(c)
            if got is None:
                # every sentence with a hit has its entry (a story pairs it with the next)
                got = by_sentence[c] = {}
            in_sentence = got
        if (hs := in_clause.get(g)) is None:
            in_clause[g] = [h]
        else:
            hs.append(h)
        if ands:
            if (hs := in_part.get(g)) is None:
                in_part[g] = [h]
            else:
                hs.append(h)
        if g in wanted:
            if (hs := in_sentence.get(g)) is None:
                in_sentence[g] = [h]
            else:
                hs.append(h)
    out: list[Composed] = []
    for groups in (by_part if ands else by_clause).values():
        out += _compose_in(groups, ctx, kinds, "clause")
    for groups in by_sentence.values():
        out += _compose_in(groups, ctx, kinds, "sentence")
    story = _rules_by_group("two_sentences")
    if len(by_sentence) > 1 and story:
        # a sentence with the next: the hits of both, for the few rules of a story's scope (only
        # the groups those rules look at, and the sites, are joined; a pair where no such rule
        # can start is passed over)
        looked_at = _story_groups()
        for s, groups in by_sentence.items():
            nxt = by_sentence.get(s + 1)
            if nxt is None:
                continue
            names = groups.keys() | nxt.keys()
            if story.keys().isdisjoint(names):
                continue
            both = {g: [*groups.get(g, ()), *nxt.get(g, ())] for g in sorted(names) if g in looked_at}
            out += _compose_in(both, ctx, kinds, "two_sentences")
    out += _carried(by_clause, ctx, kinds, sentence)
    return out


def _statement_ands(hits: Sequence[Hit], ctx: Context, kinds: Mapping[str, str]) -> list[int]:
    """The positions of an "and" that opens a statement with a subject of its own and a finite
    verb: a determiner or possessive before a complaint's words ("... and the pain doesn't go up
    my arm", "and my back is worse"), or a person's pronoun ("and she can't turn it"), with a
    finite verb right after. A concept does not compose across it: "my neck doesn't hurt and the
    pain doesn't go up my arm" says no neck pain. Sorted; one walk over the tokens and the hits."""
    c = context_file().clauses
    if not c.finite_verbs:
        return []
    subjects, pronouns = frozenset(c.statement_subjects), frozenset(c.statement_pronouns)
    verbs = frozenset(c.finite_verbs)
    denials, reach = frozenset(c.statement_denials), c.statement_reach
    toks, clause = ctx.toks, ctx.clause

    def denied_before(i: int) -> bool:
        """Whether the statement before the "and" at ``i`` denies or says normal what it names."""
        for k in range(i - 1, max(-1, i - 1 - reach), -1):
            if clause[k] != clause[i] or toks[k].lower in _ITEM_ENDS:
                return False
            if toks[k].lower in denials:
                return True
        return False

    n = len(toks)
    # the end of the longest complaint's words starting at each token, and where sites start
    ends: dict[int, int] = {}
    sites: set[int] = set()
    for h in hits:
        kind = kinds.get(h.group)
        if kind == "concept" and h.end > ends.get(h.start, -1):
            ends[h.start] = h.end
        elif kind == "site":
            sites.add(h.start)

    def own_site_after(v: int) -> bool:
        """Whether the statement from its verb at ``v`` names a site of its own: without one its
        complaint may be the part named before ("my legs don't hurt and the weakness is getting
        worse" is still weakness of the legs, a red flag kept)."""
        for k in range(v + 1, min(n, v + 1 + reach)):
            if clause[k] != clause[v] or toks[k].lower in _ITEM_ENDS or toks[k].lower in ("and", "&"):
                return False
            if k in sites:
                return True
        return False

    out: list[int] = []
    for i, t in enumerate(toks):
        if t.lower not in ("and", "&") or i + 2 >= n:
            continue
        nxt = toks[i + 1].lower
        if nxt in pronouns:
            verb = i + 2
        elif nxt in subjects:
            verb = ends.get(i + 2, n)
        else:
            continue
        if (
            verb < n
            and (toks[verb].lower in verbs or toks[verb].lemma in verbs)
            and denied_before(i)
            and own_site_after(verb)
        ):
            out.append(i)
    return out


_LIST_MARKS = frozenset({":", "-", "–", "—"})


def _listed_after_mark(hits: Sequence[Hit], ctx: Context, kinds: Mapping[str, str]) -> dict[int, int]:
    """Sites listed after a colon or a dash, with nothing else in their clause, belong to the
    clause before the mark: "it hurts everywhere: arms, legs, back and neck" says the neck hurts.
    Returns the start token of each such site hit with the clause it joins."""
    toks = ctx.toks
    marks = [i for i, t in enumerate(toks) if t.lower in _LIST_MARKS and 0 < i < len(toks) - 1]
    if not marks:
        return {}
    site_tokens: dict[int, int] = {}  # token -> the end of the site hit covering it
    for h in hits:
        if kinds[h.group] == "site":
            for j in range(h.start, h.end):
                site_tokens[j] = max(site_tokens.get(j, 0), h.end)
    out: dict[int, int] = {}
    for i in marks:
        c = ctx.clause[i + 1]
        if c == ctx.clause[i - 1]:
            continue
        starts: list[int] = []
        j = i + 1
        ended = True  # the list runs to its clause's end, or ends at a comma ("neck, arms and legs, for a year")
        while j < len(toks) and ctx.clause[j] == c and toks[j].lower not in _SENTENCE_END:
            if j in site_tokens:
                starts.append(j)
                j = site_tokens[j]
            elif toks[j].lower in _COORD:
                j += 1
            else:
                ended = toks[j - 1].lower == "," and j - 1 > i + 1
                break
        if ended:
            for k in starts:
                out[k] = ctx.clause[i - 1]
    return out


def _exam_list_clauses(hits: Sequence[Hit], ctx: Context) -> dict[int, int]:
    """Exam items listed before their shared result belong to the result's clause: in "power,
    tone normal in the legs" the comma after "power" parts no clause of its own, and the power
    is the legs' as the tone is. Returns the start token of each earlier item with the result's
    clause. Each result walks back over its own list once (as ``list_results`` does): linear."""
    spec = concept_file().list_result
    if spec is None:
        return {}
    items, results = frozenset(spec.items), frozenset(spec.results)
    joiners, links = frozenset(spec.joiners), frozenset(spec.links)
    toks, clause = ctx.toks, ctx.clause
    first_start: dict[int, int] = {}
    for h in hits:
        if h.group in items:
            first_start[h.end] = min(first_start.get(h.end, h.start), h.start)
    if not first_start:
        return {}
    out: dict[int, int] = {}
    seen: set[int] = set()
    for h in hits:
        if h.group not in results or h.start in seen:
            continue
        seen.add(h.start)
        for s, _ in _items_before(h.start, first_start, toks, joiners, links):
            if clause[s] != clause[h.start]:
                out[s] = clause[h.start]
    return out


def _looked_at(scope: str) -> set[str]:
    """The groups the rules of one scope look at: their own and their `unless` groups."""
    names: set[str] = set()
    for rules in _rules_by_group(scope).values():
        for rule, need in rules:
            names |= need | set(rule.unless)
    return names


@cache
def _sentence_groups() -> frozenset[str]:
    """The groups that the rules composing over a sentence or a story look at: their own, their
    `unless` groups, the "also" marker and every site (a rule's nearest-site test compares
    them). A group outside this set has no such rule starting at it and is never looked up by
    one, so leaving its hits out of a sentence changes nothing those rules compose."""
    return frozenset(_looked_at("sentence") | _story_groups())


@cache
def _story_groups() -> frozenset[str]:
    """The groups the rules of a story's scope look at (their own, their `unless` groups, the
    "also" marker and every site, which a rule's nearest-site test compares)."""
    return frozenset({ALSO} | _looked_at("two_sentences") | _site_groups())


@cache
def _site_groups() -> frozenset[str]:
    return frozenset(g for g, kind in _kinds().items() if kind == "site")


_START = itemgetter(1)  # a hit's start


@cache
def _kinds() -> dict[str, str]:
    return {name: g.kind for name, g in concept_file().groups.items()}


def _sentence_of(ctx: Context) -> list[int]:
    return sentence_index(ctx.toks)


def sentence_index(toks: Sequence[Tok]) -> list[int]:
    """The sentence each token is in (a full stop, "!", "?" or a line break ends one)."""
    out: list[int] = []
    s = 0
    for t in toks:
        out.append(s)
        if t.lower in _SENTENCE_END:
            s += 1
    return out


def _compose_in(groups: dict[str, list[Hit]], ctx: Context, kinds: Mapping[str, str], scope: str) -> list[Composed]:
    window_default = concept_file().window
    rules = _rule_table(scope)
    firsts = [g for g in groups if g in rules]  # the groups a rule starts at, in the hits' order
    if not firsts:
        return []
    out: list[Composed] = []
    # sorted hits (and their starts) are made only for the groups a rule looks at, once each
    sorted_hits: dict[str, list[Hit]] = {}
    starts: dict[str, list[int]] = {}

    def _sorted(g: str) -> tuple[list[int], list[Hit]]:
        if g not in sorted_hits:
            sorted_hits[g] = sorted(groups[g], key=lambda h: h.start)
            starts[g] = [h.start for h in sorted_hits[g]]
        return starts[g], sorted_hits[g]

    longest: dict[str, int] = {}  # the longest hit of a group, once per group (``_coordinated``)

    def _longest(g: str) -> int:
        if g not in longest:
            longest[g] = max(h.end - h.start for h in groups[g])
        return longest[g]

    spans_of_sites: list[list[tuple[int, int]]] = []

    def _site_spans() -> list[tuple[int, int]]:
        if not spans_of_sites:
            spans_of_sites.append(
                sorted({(h.start, h.end) for g, hs in groups.items() if kinds[g] == "site" for h in hs})
            )
            surfaces = _surfaces(groups, spans_of_sites[0])
            spans_of_sites.append([sp for sp in spans_of_sites[0] if sp not in surfaces])
        return spans_of_sites[0]

    def _spans_for(site: Hit) -> list[tuple[int, int]]:
        """The sites a concept may go with, checking ``site``: a surface felt under a body part
        is passed over ("can't feel the mattress under her bottom"), unless it is the site."""
        every = _site_spans()
        kept = spans_of_sites[1]
        if len(kept) == len(every) or (site.start, site.end) not in kept:
            return every
        return kept

    copied: list[frozenset[tuple[int, int]]] = []

    def _copied() -> frozenset[tuple[int, int]]:
        """The spans of the list results' items (``_normal_of_item_before``), once per call."""
        if not copied:
            cf = concept_file()
            items = cf.list_result.items if cf.list_result else []
            copied.append(frozenset((h.start, h.end) for g in items for h in groups.get(g, [])))
        return copied[0]

    also_starts = _sorted(ALSO)[0] if ALSO in groups else []
    present = frozenset(groups)
    for g in firsts:
        hs = groups[g]
        these, needs = rules[g]
        # the rules whose every group is in the clause, in order
        for rule in compress(these, map(present.issuperset, needs)):
            window = rule.window or window_default
            for anchor in hs:
                if any(
                    u in groups and _blocks(*_sorted(u), anchor, window, ctx, kinds[u] == "site") for u in rule.unless
                ):
                    continue  # "no weakness in my arms" is not "no weakness" anywhere
                spans = [(anchor.start, anchor.end)]
                for other in rule.all[1:]:
                    after = spans[-1][1] if rule.ordered else None
                    near = _nearest(*_sorted(other), anchor, window, after)
                    if near is None and kinds[other] == "site" and _site_within(anchor, window, _site_spans(), after):
                        # a site further down a list whose first item is near ("aching in my
                        # shoulders, hips, knees, back and neck"): _closest_site checks the list
                        near = _nearest(*_sorted(other), anchor, window + _LIST_REACH, after)
                    if near is None:
                        break
                    # in an ordered rule the site is the one nearest the part before it ("pain
                    # from my neck down the right arm": the arm after "down", not the neck)
                    ref = Hit(other, *spans[-1]) if rule.ordered else anchor
                    if kinds[other] == "site" and not (
                        _closest_site(near, ref, _spans_for(near), ctx, rule.ordered) or _also_after(near, also_starts)
                    ):
                        break
                    spans.append((near.start, near.end))
                else:
                    if not rule.present and _normal_of_item_before(rule, spans, ctx, _copied()):
                        continue
                    out.append(Composed(rule, tuple(spans)))
                    if len(rule.all) == 2 and kinds[rule.all[1]] == "site" and len(groups[rule.all[1]]) > 1:
                        site_starts, site_hits = _sorted(rule.all[1])
                        out += _coordinated(
                            rule, spans, site_starts, site_hits, _longest(rule.all[1]), _spans_for(anchor), ctx
                        )
    return out


def _normal_of_item_before(
    rule: Compose, spans: list[tuple[int, int]], ctx: Context, copied: frozenset[tuple[int, int]]
) -> bool:
    """Whether a normal (``item_normals``) that a normal reading takes stands before its subject
    with a comma or semicolon between: it is the item before's ("bowels fine, lost weight": the
    bowels are fine, the weight loss is told; "appetite fine, bladder leaking"). A normal said
    after its subject ("weight stable") or right before it ("normal bladder function") stays.

    ``copied``: the spans of the hits of the list results' items in the clause (made once per
    clause by the caller: made at each reading, a long list of normals was quadratic)."""
    start = spans[0][0]
    cf = concept_file()
    for g, (s, e) in zip(rule.all[1:], spans[1:], strict=True):
        if g in cf.item_normals and s >= spans[0][1] and (s, e) in copied and spans[0] not in copied:
            # after a subject outside the list, a list's result carried onto an item past a comma
            # is that item's ("neck stiff, power and reflexes normal": the power is normal, not
            # the neck); an item of the same list shares it
            if any(t.lower in _ITEM_ENDS for t in ctx.toks[spans[0][1] : s]):
                return True
            continue
        if g not in cf.item_normals or e > start or s == 0 or ctx.toks[s - 1].lower in _ITEM_ENDS:
            continue  # not a normal said before the subject, or one that opens its list
        if (s, e) in copied:
            continue  # a list's result carried onto an item ("power, sensation and reflexes normal")
        if any(t.lower in _ITEM_ENDS for t in ctx.toks[e:start]):
            return True
    return False


_ITEM_ENDS = frozenset({",", ";"})


def _coordinated(
    rule: Compose,
    spans: list[tuple[int, int]],
    starts: list[int],
    hits: list[Hit],
    longest: int,
    sites: list[tuple[int, int]],
    ctx: Context,
) -> list[Composed]:
    """The same finding for the other hits of a rule's site coordinated with the one it took:
    "pain at the back of my head and neck" (the neck's words include "back of my head": the
    nearest is taken, and the neck after "and" is one more), "tightness to L arm & neck". A hit
    of the site group joined to the taken one by joining words or other sites only counts.

    ``hits`` are the site group's hits of the clause sorted by start (``starts``), the longest
    ``longest`` tokens long. Only those within ``_LIST_REACH`` of the taken one can be joined to
    it, so only the hits starting from ``_LIST_REACH + longest`` before it to ``_LIST_REACH``
    after it are looked at (found by bisection, in the same order): walking every hit of the
    clause for every concept made a long list of sites and concepts quadratic ("sore neck and
    sore neck and ...")."""
    taken = spans[1]
    out: list[Composed] = []
    first = bisect_left(starts, taken[0] - _LIST_REACH - longest)
    last = bisect_right(starts, taken[1] + _LIST_REACH)
    for h in islice(hits, first, last):
        if (h.start, h.end) == taken or (h.start < taken[1] and taken[0] < h.end):
            continue
        lo, hi = (taken[1], h.start) if h.start >= taken[1] else (h.end, taken[0])
        if hi - lo <= _LIST_REACH and _joined(lo, hi, sites, ctx):
            out.append(Composed(rule, (spans[0], (h.start, h.end))))
    return out


def _surfaces(groups: Mapping[str, list[Hit]], spans: list[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """Site spans naming a surface just before "under", "beneath" or "against" and a body site
    ("can't feel the mattress under her bottom"): the surface is what is felt, not where."""
    if CONTACT not in groups or BENEATH not in groups:
        return frozenset()
    beneath = {h.start: h.end for h in groups[BENEATH]}
    surfaces = [(h.start, h.end) for h in groups[CONTACT]]
    starts = [s for s, _ in spans]
    out: set[tuple[int, int]] = set()
    for s, e in spans:
        if e not in beneath or not any(a < e and s < b for a, b in surfaces):
            continue
        after = beneath[e]
        k = bisect_left(starts, after)
        if k < len(spans) and spans[k][0] - after <= 2:  # "under her bottom", "beneath the buttocks"
            out.add((s, e))
    return frozenset(out)


def _blocks(starts: list[int], hits: list[Hit], anchor: Hit, window: int, ctx: Context, site: bool) -> bool:
    """Whether a hit of an `unless` group within the window stops a rule. A body site stops it
    only when no comma stands between them ("stiff neck, no weakness": the neck is another item
    of the list). The hits looked at lie within the window: the cost is bounded by it."""
    i = bisect_left(starts, anchor.start - window - 20)
    while i < len(hits) and hits[i].start <= anchor.end + window:
        h = hits[i]
        i += 1
        d = h.start - anchor.end if h.start >= anchor.end else anchor.start - h.end
        if d > window:
            continue
        if not site:
            return True
        lo, hi = (h.end, anchor.start) if h.start < anchor.start else (anchor.end, h.start)
        if not any(t.lower == "," for t in ctx.toks[lo:hi]):
            return True
    return False


def _scope(r: Compose) -> str:
    return "sentence" if r.across_clauses else r.scope


def _carried(
    by_clause: dict[int, dict[str, list[Hit]]], ctx: Context, kinds: Mapping[str, str], sentence: Sequence[int]
) -> list[Composed]:
    """A concept in a clause that names no body site takes the sites of the nearest earlier
    clause of the same sentence that names one ("it hurts low in his back and since then the
    muscles keep cramping" -> back spasm), or of the sentence before when its own opens with a
    pronoun ("Lower back. It keeps going into spasm."). A clause naming its own site keeps it ("my neck is
    sore; my calf keeps cramping"). The assertion is the concept's own (its span alone)."""

    carry_words = attributes_file().carry
    carry = frozenset(carry_words.concepts)
    pronouns = frozenset(carry_words.pronouns)
    pain_pronouns = frozenset(carry_words.pain_pronouns)
    contrast = frozenset(carry_words.contrast_concepts)
    contrast_group = carry_words.contrast_group
    bare = frozenset(carry_words.subjectless_concepts)
    joining = frozenset(carry_words.joining_words)
    openers = frozenset(carry_words.subjectless_openers)
    elided = frozenset(carry_words.elided_denials)
    elided_joins = frozenset(carry_words.elided_joins)
    sites = _site_groups()
    # ``sentence``: the sentence of each token (``_sentence_of``); a sentence's first token is
    # the first whose sentence is that one

    def opens_with_pronoun(sent: int) -> bool:
        return ctx.toks[bisect_left(sentence, sent)].lower in pronouns

    out: list[Composed] = []
    before_groups: dict[str, list[Hit]] = {}  # the groups of the clause just before
    last_sites: tuple[int, dict[str, Hit]] | None = None  # (sentence, site group -> its last hit)
    last_concepts: tuple[int, dict[str, list[Hit]]] | None = None  # (sentence, concept group -> hits)
    before: dict[str, list[Hit]] = {}  # the contrast concepts of the clause just before
    for c in sorted(by_clause):
        groups = by_clause[c]
        site_groups = {g: max(hs, key=_START) for g, hs in groups.items() if g in sites}
        first = next(iter(groups.values()))[0]
        sent = sentence[first.start]
        own = {g: groups[g] for g in carry & groups.keys()}
        mine = {g: groups[g] for g in contrast & groups.keys()}
        if site_groups and not mine and before and _opens_with(groups.get(contrast_group, ()), c, ctx):
            # "No ache in the upper back, only in the neck": the concept, said of this site, with
            # this clause's assertion (the site's words), not the denial before
            for g, hs in before.items():
                for rule, _ in _rules_by_group().get(g, ()):
                    site = site_groups.get(rule.all[1]) if len(rule.all) == 2 else None
                    if site is not None and rule.present and not rule.only_denied:
                        out += [Composed(rule, ((site.start, site.end),), (h.start, h.end)) for h in hs[:1]]
        if elided and before_groups and not any(kinds.get(g) == "concept" for g in groups):
            said = {g: hs for g, hs in before_groups.items() if kinds.get(g) == "concept"}
            if said:
                out += _elided_denial(said, before_groups, groups, c, ctx, elided, elided_joins)
        before = mine
        before_groups = groups
        if site_groups and not own and ALSO in groups and last_concepts is not None:
            # "my feet are numb, and my fingertips too": the site takes the earlier clause's concept
            for g, hs in last_concepts[1].items():
                for rule, _ in _rules_by_group().get(g, ()):
                    site = site_groups.get(rule.all[1]) if len(rule.all) == 2 else None
                    if site is not None:
                        out += [Composed(rule, ((h.start, h.end),), (site.start, site.end)) for h in hs]
        # only the clause just before (its sentence may have ended: "My feet are numb. My hands too.")
        last_concepts = (sent, own) if own else None
        if site_groups:
            last_sites = (sent, site_groups)
            continue
        if last_sites is None:
            continue
        # the same sentence, or the next one when it opens by pointing back ("It keeps locking")
        if last_sites[0] != sent and not (last_sites[0] == sent - 1 and opens_with_pronoun(sent)):
            continue
        these = {g: groups[g] for g in carry & groups.keys()}
        if last_sites[0] == sent and _opens_after_site_colon(c, ctx, last_sites[1].values()):
            # "it's only my back: sore bending and stiff": what follows the colon is the part's,
            # pain too (the part named, then its features)
            these.update({g: groups[g] for g in contrast & groups.keys()})
        if bare and last_sites[0] == sent:
            for g in bare & groups.keys():
                subjectless = [h for h in groups[g] if _subjectless(h.start, ctx, joining, openers)]
                if subjectless:
                    these[g] = subjectless
        elif bare:
            # the sentence opens with the pronoun and the verb ("My mid back. It throbs after
            # work."): the pronoun is the part named in the sentence before
            opening = bisect_left(sentence, sent)
            for g in bare & groups.keys():
                led = [h for h in groups[g] if _pronoun_led(opening, h.start, ctx, pain_pronouns, openers)]
                if led:
                    these[g] = led
        for g, hs in these.items():
            for rule, _ in _rules_by_group().get(g, ()):
                site = last_sites[1].get(rule.all[1]) if len(rule.all) == 2 else None
                if site is not None:
                    out += [Composed(rule, ((h.start, h.end),), (site.start, site.end)) for h in hs]
    return out


def _opens_after_site_colon(clause: int, ctx: Context, sites: Iterable[Hit]) -> bool:
    """Whether clause ``clause`` opens with a colon (or a dash) that stands right after a body
    site: "my back: stiff since Sunday", "only the neck - sore when I turn"."""
    first = bisect_left(ctx.clause, clause)
    if first >= len(ctx.toks) or ctx.toks[first].lower not in _LIST_MARKS:
        return False
    return any(h.end == first for h in sites)


def _opens_with(hits: Sequence[Hit], clause: int, ctx: Context) -> bool:
    """Whether one of ``hits`` opens clause ``clause``: at most two tokens after its first (the
    boundary mark or word that opened it: ", only in the neck", "- just my neck")."""
    first = bisect_left(ctx.clause, clause)
    return any(h.start - first <= 2 for h in hits)


_SENTENCE_END = frozenset({".", "!", "?", "\n"})


def _elided_denial(
    before: Mapping[str, list[Hit]],
    before_groups: Mapping[str, list[Hit]],
    groups: Mapping[str, list[Hit]],
    c: int,
    ctx: Context,
    denials: frozenset[str],
    joins: frozenset[str],
) -> list[Composed]:
    """A clause after a contrast that names a site and ends with a denied auxiliary, with no
    concept of its own ("his arms are weak but his legs aren't", "the muscles hurt but the bones
    don't"): the concept of the clause just before, said of this site and denied. A rule's
    other groups may stand in either clause, but one at least in this one, and none of its
    `unless` groups in this one ("the muscles beside my spine are tender but the bones aren't").
    The clause is found from its first group's words: back to its opening contrast word, on to
    its end."""
    toks, clause = ctx.toks, ctx.clause
    first = min(h.start for hs in groups.values() for h in hs)
    a = first
    while a > 0 and clause[a - 1] == c:
        a -= 1
    opener = toks[a].lower if a < len(toks) else ""
    if opener not in joins and not (a > 0 and toks[a - 1].lower in joins):
        return []
    b = first
    while b + 1 < len(toks) and clause[b + 1] == c:
        b += 1
    while b > first and not any(ch.isalnum() for ch in toks[b].lower):
        b -= 1  # the clause's closing marks
    if toks[b].lower not in denials:
        return []
    found: list[tuple[Compose, list[str], int]] = []
    for g in before:
        for rule, _ in _rules_by_group().get(g, ()):
            if not rule.present or not rule.emit or rule.ordered or g in rule.all[1:]:
                continue
            others = rule.all[1:]
            here = [o for o in others if o in groups]
            # this clause must name something the clause before did not (a new site or part)
            if not any(o not in before_groups for o in here) or any(
                o not in groups and o not in before_groups for o in others
            ):
                continue
            if any(u in groups for u in rule.unless):
                continue
            found.append((rule, here, min(h.start for o in here for h in groups[o])))
    # a rule that reads this clause's words by a wider group gives way to one that reads them by
    # a narrower one ("but the bones aren't": the spine's bones, not the spine as a whole)
    anc = ancestors()
    named = {o for _, here, _ in found for o in here}
    narrower = {x for y in named for x in anc.get(y, frozenset()) if x != y}
    # (the span is this clause's alone: the concept's own words belong to what the clause before
    # says, and a reading that drops them there does not drop this denial)
    return [Composed(rule, ((lo, b + 1),), None, denied=True) for rule, here, lo in found if not narrower & set(here)]


def _pronoun_led(opening: int, at: int, ctx: Context, pronouns: frozenset[str], openers: frozenset[str]) -> bool:
    """Whether the word at token ``at`` follows the pronoun (of ``pronouns``) that opens its
    sentence (token ``opening``) with only a verb or two between ("It aches", "It's been
    throbbing"; not "It makes my knee hurt")."""
    toks = ctx.toks
    if at <= opening or at - opening > 3 or toks[opening].lower not in pronouns:
        return False
    return all(toks[k].lower in openers or toks[k].lower in pronouns for k in range(opening + 1, at))


def _subjectless(at: int, ctx: Context, joining: frozenset[str], openers: frozenset[str]) -> bool:
    """Whether the word at token ``at`` follows a joining word with no subject between, only a
    verb or "it" ("..., and has ached for years", "and it aches"; not "and the light hurts")."""
    toks = ctx.toks
    k = at - 1
    while k >= 0 and at - k <= 3 and toks[k].lower in openers and toks[k].lower not in joining:
        k -= 1
    return k >= 0 and toks[k].lower in joining


# words that may join sites in a list: joining words, possessives and articles, and the words of
# place and side that stand before a site's noun ("low back and central abdo pain", "neck and
# left shoulder")
_COORD = frozenset(
    {"and", "or", ",", "&", "+", "/", "my", "the", "his", "her", "their", "your", "both", "our", "a"}
    | {"left", "right", "central", "centre", "center", "lower", "upper", "middle", "whole", "entire"}
)


def _closest_site(site: Hit, anchor: Hit, spans: list[tuple[int, int]], ctx: Context, after_only: bool = False) -> bool:
    """A concept goes with the site nearest to it, or with a site coordinated with that one
    ("neck and shoulders lock up"): "a stiff neck, and the light hurts my eyes" does not make the
    neck hurt. With ``after_only`` (a rule whose groups are ordered) only the sites after the
    concept count ("back pain, nothing in the legs": the legs)."""
    i = bisect_left(spans, (anchor.start, anchor.end))
    ahead = _placed_after(anchor, spans, i, ctx)
    if ahead is not None:  # "neck pain and a pain in the centre of my chest": the chest's pain
        if ahead == (site.start, site.end):
            return True
        # a site listed with the one led to shares the concept ("a pain in my neck and shoulders")
        return site.start >= ahead[1] and _joined(ahead[1], site.start, spans, ctx)
    best: tuple[int, int] | None = None
    best_d = 10**9
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(spans):
            s, e = spans[j]
            if s < anchor.end and e > anchor.start:
                continue
            if after_only and s < anchor.end:
                continue  # a rule whose groups are ordered reads its site after the concept
            d = s - anchor.end if s >= anchor.end else anchor.start - e
            if d < best_d:
                best, best_d = (s, e), d
    if best is None or best == (site.start, site.end):
        return True
    if best[1] <= anchor.start < anchor.end <= site.start and _exam_item_site_after(site, anchor, best, ctx):
        return True
    lo, hi = (site.end, best[0]) if site.start < best[0] else (best[1], site.start)
    return _joined(lo, hi, spans, ctx)


# the furthest an examined limb may stand after its exam item ("power/sensation normal in both arms")
_EXAM_SITE_REACH = 8


def _exam_item_site_after(site: Hit, anchor: Hit, before: tuple[int, int], ctx: Context) -> bool:
    """Whether an exam item (a ``list_result`` item: power, sensation, reflexes ...), or a concept
    placed by a preposition after it ("no pain in my arms"), goes with the site after it rather
    than a nearer part before it that a comma or semicolon closes off: "shoulder tight, power and
    reflexes normal in both arms" examines the arms, "sore neck, no pain in my arms" denies the
    arms' pain; the part before is the item before's. Nothing but the list, its result and the
    site's own words stand between the concept and the site (no comma): a bounded look, linear."""
    cf = concept_file()
    toks = ctx.toks
    placed = anchor.end < len(toks) and toks[anchor.end].lower in _PLACING
    if not placed and (cf.list_result is None or anchor.group not in cf.list_result.items):
        return False
    if site.start - anchor.end > _EXAM_SITE_REACH:
        return False
    if not any(toks[k].lower in _ITEM_ENDS for k in range(before[1], anchor.start)):
        return False
    return not any(
        toks[k].lower in (",", ";", ".", "but") or (toks[k].is_punct and toks[k].lower != "/")
        for k in range(anchor.end, site.start)
    )


# a concept placed by a preposition right after it ("a pain in the middle of my chest", "an ache
# across the shoulders") goes with the site the preposition leads to, however near another site is
_PLACING = frozenset({"in", "at", "across", "behind", "around", "round", "over", "under", "between", "inside"})
_PLACE_REACH = 6


def _placed_after(anchor: Hit, spans: list[tuple[int, int]], i: int, ctx: Context) -> tuple[int, int] | None:
    """The site a locative preposition right after ``anchor`` leads to, within a few tokens and
    nothing but the words of its noun phrase between; None when the concept is not placed so.

    Example: "neck pain and a new pain in the centre of my chest": the second "pain" is placed by
    "in" and goes with the chest (a chest pain), though the neck stands nearer before it."""
    toks = ctx.toks
    if anchor.end >= len(toks) or toks[anchor.end].lower not in _PLACING:
        return None
    if any(e <= anchor.start and e >= anchor.start - 2 for _s, e in spans[max(0, i - 2) : i + 1]):
        return None  # a site just before binds closer ("midline tender at C6", "hand goes numb in the thumb")
    for j in (i, i + 1, i + 2):
        if 0 <= j < len(spans) and spans[j][0] >= anchor.end:
            s = spans[j][0]
            if s - anchor.end > _PLACE_REACH:
                return None
            if any(
                toks[k].lower in (",", ";", ".", "and", "but", "or") or toks[k].is_punct for k in range(anchor.end, s)
            ):
                return None
            return spans[j]
    return None


def _joined(lo: int, hi: int, spans: list[tuple[int, int]], ctx: Context) -> bool:
    """Whether tokens ``lo``..``hi`` only join sites: joining words, and other sites of the same
    list ("arms, legs, back and neck": the neck shares the list's complaint)."""
    j = lo
    k = bisect_left(spans, (lo, -1))
    while j < hi:
        while k < len(spans) and spans[k][0] < j:
            k += 1
        if k < len(spans) and spans[k][0] == j and spans[k][1] <= hi:
            j = spans[k][1]  # a site of the list first ("lower back" is a site, not "lower")
            continue
        if ctx.toks[j].lower in _COORD:
            j += 1
            continue
        if j > lo and ctx.toks[j].lower in _PLACING_AGAIN and ctx.toks[j - 1].lower in _JOINERS:
            # the preposition said again after the join: "tingling in the fingers and round the
            # lips", "numb in the legs and in the arms" (session 19)
            j += 1
            continue
        return False
    return True


# a locative preposition repeated right after a joining word still joins sites of one list
_JOINERS = frozenset({"and", "or", ",", "&", "+", "/"})
_PLACING_AGAIN = _PLACING | {"about", "on", "into", "through", "down"}

# how much further than a rule's window a site may stand when a list of sites leads to it
_LIST_REACH = 10


def _site_within(anchor: Hit, window: int, spans: list[tuple[int, int]], after: int | None) -> bool:
    """Whether some site (after ``after``, when given) stands within the window of the anchor."""
    i = bisect_left(spans, (anchor.start - window - 1, -1))
    while i < len(spans) and spans[i][0] <= anchor.end + window:
        s, e = spans[i]
        i += 1
        if after is not None and s < after:
            continue
        if s < anchor.end and e > anchor.start:
            continue
        d = s - anchor.end if s >= anchor.end else anchor.start - e
        if d <= window:
            return True
    return False


def _also_after(site: Hit, also_starts: list[int]) -> bool:
    """A site just followed by "too" or "as well" takes the concept of its clause ("my feet have
    gone numb and my fingertips too")."""
    i = bisect_left(also_starts, site.end)
    return i < len(also_starts) and also_starts[i] - site.end <= 1


def _nearest(starts: list[int], hits: list[Hit], anchor: Hit, window: int, after: int | None = None) -> Hit | None:
    """The hit nearest the anchor within the window; with ``after``, the first one starting at or
    after that token."""
    if after is not None:
        k = bisect_left(starts, after)
        if k < len(hits) and hits[k].start - after <= window:
            return hits[k]
        return None
    i = bisect_left(starts, anchor.start)
    best: Hit | None = None
    best_d = window + 1
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(hits):
            h = hits[j]
            if h.start < anchor.end and h.end > anchor.start and (h.start, h.end) == (anchor.start, anchor.end):
                continue  # the same words cannot be both parts
            d = h.start - anchor.end if h.start >= anchor.end else anchor.start - h.end
            d = max(d, 0)
            if d < best_d:
                best, best_d = h, d
    return best
