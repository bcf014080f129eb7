"""Rule matching through an index from words to rules.

A rule is a sequence of token tests (a set of words, or a test such as "a number" or "not
punctuation"), each with a repeat range: exactly once, ``?``, or ``{0,n}`` (bounded; ``*`` and
``+`` are read as at most 6). Rules are indexed under the words their first test accepts; a
token only tries the rules indexed under its own lower-case form or lemma, plus the few rules
that start with a test rather than a word. Every repeat is bounded, so the work at one token is
bounded by the rules, and the cost of matching is linear in the length of the text.

The spaCy-style token patterns of the resource files (``LOWER``, ``LEMMA``, ``IN``, ``NOT_IN``,
``IS_PUNCT``, ``LIKE_NUM``, ``TEXT: {REGEX}``, ``OP``) compile to these rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from nape.intake.tokens import Tok

MAX_REPEAT = 6


@dataclass(frozen=True)
class Test:
    words: frozenset[str] | None = None  # lower form or lemma in this set
    not_words: frozenset[str] = frozenset()
    is_punct: bool | None = None
    like_num: bool | None = None
    regex: re.Pattern[str] | None = None
    sent_start: bool | None = None
    lo: int = 1
    hi: int = 1
    lemma: bool = True  # False: the exact lower-case form only (spaCy's LOWER)

    def ok(self, t: Tok) -> bool:
        if self.words is not None and t.lower not in self.words and (not self.lemma or t.lemma not in self.words):
            return False
        if self.not_words and (t.lower in self.not_words or t.lemma in self.not_words):
            return False
        if self.is_punct is not None and t.is_punct != self.is_punct:
            return False
        if self.like_num is not None and t.like_num != self.like_num:
            return False
        if self.sent_start is not None and t.sent_start != self.sent_start:
            return False
        return not (self.regex is not None and not self.regex.search(t.text))


_PREDICATES: dict[Test, Callable[[Tok], bool]] = {}


def predicate(test: Test) -> Callable[[Tok], bool]:
    """``test.ok`` as a function made for the test's shape (a word set; a word set by form only;
    words refused and punctuation or not, as a pattern's gap): the same answer without reading
    every field of the test at every token. Kept per test value (tests are immutable and equal
    tests give equal answers)."""
    got = _PREDICATES.get(test)
    if got is not None:
        return got
    words, nw = test.words, test.not_words
    rest = (test.like_num, test.regex, test.sent_start)
    if rest != (None, None, None):
        got = test.ok
    elif words is not None and not nw and test.is_punct is None:
        got = (lambda t: t.lower in words or t.lemma in words) if test.lemma else (lambda t: t.lower in words)
    elif words is None and nw and test.is_punct is not None:
        punct = test.is_punct
        got = lambda t: t.is_punct == punct and t.lower not in nw and t.lemma not in nw  # noqa: E731
    else:
        got = test.ok
    if len(_PREDICATES) < 100_000:
        _PREDICATES[test] = got
    return got


@dataclass(frozen=True)
class Rule:
    label: str
    tests: tuple[Test, ...]
    kind: str = "phrase"  # "phrase" (longest wins among phrases) or "pattern"
    data: Any = None


class Match(NamedTuple):
    """One rule matched over tokens ``start`` to ``end`` (a named tuple: a parse makes
    hundreds)."""

    rule: Rule
    start: int  # token index
    end: int  # token index, exclusive


# a named tuple built without its Python-level constructor: ``_new(Match, (rule, start, end))``
_new = tuple.__new__


def _op(op: str | None) -> tuple[int, int]:
    if op is None or op == "1" or op == "!":
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, MAX_REPEAT
    if op == "+":
        return 1, MAX_REPEAT
    m = re.fullmatch(r"\{(\d*),(\d*)\}", op)
    if m:
        return int(m.group(1) or 0), min(int(m.group(2) or MAX_REPEAT), MAX_REPEAT)
    m = re.fullmatch(r"\{(\d+)\}", op)
    if m:
        return int(m.group(1)), int(m.group(1))
    raise ValueError(f"unsupported OP {op!r}")


def _lowerset(v: Any) -> frozenset[str]:
    if isinstance(v, dict):
        v = v.get("IN", [])
    if isinstance(v, str):
        v = [v]
    return frozenset(str(x).lower() for x in v)


def compile_token(spec: dict[str, Any], lemmas: dict[str, str]) -> Test:
    """One spaCy-style token dict as a :class:`Test`."""
    words: frozenset[str] | None = None
    not_words: frozenset[str] = frozenset()
    use_lemma = "LEMMA" in spec
    for key in ("LOWER", "LEMMA", "ORTH", "NORM"):
        if key in spec:
            v = spec[key]
            if isinstance(v, dict) and "NOT_IN" in v:
                not_words = frozenset(str(x).lower() for x in v["NOT_IN"])
            elif isinstance(v, dict) and "IN" not in v:
                raise ValueError(f"unsupported {key} test {v!r}")
            else:
                words = _lowerset(v)
    regex = None
    if "TEXT" in spec:
        v = spec["TEXT"]
        if isinstance(v, dict) and "REGEX" in v:
            regex = re.compile(v["REGEX"])
        else:
            words = _lowerset(v)
    lo, hi = _op(spec.get("OP"))
    unknown = set(spec) - {"LOWER", "LEMMA", "ORTH", "NORM", "TEXT", "IS_PUNCT", "LIKE_NUM", "IS_SENT_START", "OP"}
    if unknown:
        raise ValueError(f"unsupported token keys {sorted(unknown)}")
    return Test(
        words,
        not_words,
        spec.get("IS_PUNCT"),
        spec.get("LIKE_NUM"),
        regex,
        spec.get("IS_SENT_START"),
        lo,
        hi,
        use_lemma,
    )


def phrase_tests(words: Sequence[str], lemmas: dict[str, str], exact: frozenset[str]) -> tuple[Test, ...]:
    """Tests for a phrase's tokens: each word matches its own form or (unless listed in
    ``exact``, such as "left", whose lemma is "leave") any form with the same lemma."""
    out = []
    for w in words:
        key = (w, None if w in exact or not lemmas else lemmas.get(w, w))
        test = _PHRASE_TESTS.get(key)
        if test is None:
            test = Test(frozenset({w}), lemma=False) if key[1] is None else Test(frozenset({w, key[1]}))
            # the same word in thousands of phrases: one (immutable) test for all of them
            if len(_PHRASE_TESTS) < 200_000:
                _PHRASE_TESTS[key] = test
        out.append(test)
    return tuple(out)


_PHRASE_TESTS: dict[tuple[str, str | None], Test] = {}


class _Node:
    """A trie node (slots and a plain constructor: the build makes some hundred thousand)."""

    __slots__ = ("children", "exact", "gaps", "rules")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}  # by lower form or lemma
        self.exact: dict[str, _Node] = {}  # by lower form only
        # rules "<this prefix> <gap of up to n tokens> <last word>", by gap test, then by last
        # word (lower form; lemma): the gap is walked once for all of them
        self.gaps: dict[Test, _Node] = {}
        self.rules: list[Rule] = []


def _plain(t: Test) -> bool:
    return (
        t.words is not None
        and t.lo == 1
        and t.hi == 1
        and not t.not_words
        and t.is_punct is None
        and t.like_num is None
        and t.regex is None
        and t.sent_start is None
    )


@dataclass
class Index:
    """Rules by the words that can start them. Rules made only of plain word tests (every
    phrase) go into a token trie, so the work at a token is the length of the longest phrase
    prefix found there, however many phrases share a first word."""

    by_word: dict[str, list[Rule]] = field(default_factory=dict)
    anywhere: list[Rule] = field(default_factory=list)
    trie: _Node = field(default_factory=_Node)
    size: int = 0
    # rules indexed anywhere whose first test takes only a token that starts with a digit
    # ("6/12", "24h"): the other tokens never try them
    digit_led: set[int] = field(default_factory=set)
    # ... and those whose first test takes only a number ("three", "40")
    num_led: set[int] = field(default_factory=set)
    _candidates: dict[tuple[str, str], list[Rule]] = field(default_factory=dict, repr=False, compare=False)
    # per rule tried token by token (by id: the index keeps it alive), the word sets of its later
    # tests that must take a token: a text holding no word of one of them cannot match the rule
    _needs: dict[int, tuple[frozenset[str], ...]] = field(default_factory=dict, repr=False, compare=False)
    # the trie nodes one word reaches from the root when its lemma is itself (see ``_root_steps``)
    _root: dict[str, tuple[_Node, ...]] | None = field(default=None, repr=False, compare=False)

    def _insert(
        self, rule: Rule, tests: tuple[Test, ...] | None = None, root: _Node | None = None, end: bool = True
    ) -> list[_Node]:
        """Insert along every path of word forms the tests accept (each word its own child:
        sharing a child between words would let one word continue another's phrases)."""
        nodes = [root or self.trie]
        for test in rule.tests if tests is None else tests:
            words = test.words or ()
            if len(nodes) == 1 and len(words) == 1:  # the common case: one path, one word
                (w,) = words
                node = nodes[0]
                table = node.children if test.lemma else node.exact
                child = table.get(w)
                if child is None:
                    child = table[w] = _Node()
                nodes = [child]
                continue
            # a trie: the children of different nodes, and of different words, are different
            # nodes, so each is listed once without a check
            nxt: list[_Node] = []
            ordered = sorted(words)
            for node in nodes:
                table = node.children if test.lemma else node.exact
                for w in ordered:
                    child = table.get(w)
                    if child is None:
                        child = table[w] = _Node()
                    nxt.append(child)
            nodes = nxt
        if not end:
            return nodes
        for node in nodes:
            if all(r is not rule for r in node.rules):
                node.rules.append(rule)
        return nodes

    def add(self, rule: Rule) -> None:
        self.size += 1
        self._candidates.clear()
        self._root = None
        if all(_plain(t) for t in rule.tests):
            self._insert(rule)
            return
        t = rule.tests
        gap_at = next((k for k, x in enumerate(t) if not _plain(x)), -1)
        if (
            gap_at > 0
            and t[gap_at].lo == 0
            and t[gap_at].words is None
            and gap_at < len(t) - 1
            and all(_plain(x) for x in t[gap_at + 1 :])
        ):
            for node in self._insert(rule, t[:gap_at], end=False):
                suffix = node.gaps.setdefault(t[gap_at], _Node())
                self._insert(rule, t[gap_at + 1 :], root=suffix)
            return
        first = rule.tests[0]
        if first.lo == 0:
            # an optional first test: index the rule with and without it
            rest = rule.tests[1:]
            if rest:
                self.add(Rule(rule.label, rest, rule.kind, rule.data))
            self.add(
                Rule(
                    rule.label,
                    (
                        replace(first, lo=max(1, first.lo), hi=max(1, first.hi)),
                        *rest,
                    ),
                    rule.kind,
                    rule.data,
                )
            )
            return
        if _required_words(rule):
            self._needs[id(rule)] = _required_words(rule)
        if first.words is None:
            self.anywhere.append(rule)
            if _digit_led(first):
                self.digit_led.add(id(rule))
            elif first.like_num is True:
                self.num_led.add(id(rule))
            return
        for w in first.words:
            self.by_word.setdefault(w, []).append(rule)

    def add_gapped(self, rule: Rule, at: int) -> None:
        """Add a phrase rule whose test ``at`` is a bounded gap of words from a set, before the
        rest of the phrase (a word of degree between a link and the last word: "neck feels so
        stiff"): the gap is walked once at the prefix's node for every phrase that shares it,
        as the trie's open gaps are, so the set's words make no trie branches of their own."""
        self.size += 1
        self._candidates.clear()
        self._root = None
        t = rule.tests
        for node in self._insert(rule, t[:at], end=False):
            suffix = node.gaps.setdefault(t[at], _Node())
            self._insert(rule, t[at + 1 :], root=suffix)

    def extend(self, rules: Iterable[Rule]) -> None:
        for r in rules:
            self.add(r)

    @staticmethod
    def _gaps(
        node: _Node,
        toks: Sequence[Tok],
        lowers: Sequence[str],
        lemmas: Sequence[str],
        i: int,
        j: int,
        out: list[Match],
        counter: list[int] | None,
        present: _TextWords,
    ) -> None:
        n = len(toks)
        for gap, suffix in node.gaps.items():
            if not _may_start(suffix, present):  # no word of the text starts a suffix
                if counter is not None:
                    counter[0] += 1
                continue
            ok = predicate(gap)
            found: dict[int, Match] = {}
            p, steps = j, 0
            children, exact = suffix.children, suffix.exact
            while p < n and lowers[p] != "\n":
                if lowers[p] in children or lemmas[p] in children or lowers[p] in exact:
                    frontier: Sequence[_Node] = (suffix,)
                    q = p
                    while q < n:
                        nxt = _advance(frontier, lowers[q], lemmas[q])
                        if counter is not None:
                            counter[0] += 1
                        q += 1
                        for nd in nxt:
                            for r in nd.rules:
                                found[id(r)] = _new(Match, (r, i, q))
                        if not nxt:
                            break
                        frontier = nxt
                elif counter is not None:  # no suffix starts here: the step ``_advance`` would take
                    counter[0] += 1
                if steps >= gap.hi or not ok(toks[p]):
                    break
                p += 1
                steps += 1
            out.extend(found.values())

    def _root_steps(self) -> dict[str, tuple[_Node, ...]]:
        """Per word, the nodes it reaches from the root when its lemma is itself: its child by
        form or lemma, then its child by exact form (the order of ``_advance``); made once
        after the last rule is added."""
        if self._root is None:
            first, exact = self.trie.children, self.trie.exact
            self._root = {
                w: tuple(x for x in (first.get(w), exact.get(w)) if x is not None) for w in first.keys() | exact.keys()
            }
        return self._root

    def candidates(self, t: Tok) -> list[Rule]:
        """The rules to try at a token (indexed under its form or lemma, or anywhere), kept per
        form and lemma: a person's words repeat."""
        if not self.by_word and not self.anywhere:
            return []
        key = (t.lower, t.lemma)
        got = self._candidates.get(key)
        if got is None:
            if len(self._candidates) >= 20_000:
                self._candidates.clear()
            got = self._candidates[key] = self._find_candidates(t)
        return got

    def _find_candidates(self, t: Tok) -> list[Rule]:
        a = self.by_word.get(t.lower, [])
        b = self.by_word.get(t.lemma, []) if t.lemma != t.lower else []
        if not b and not self.anywhere:
            return a
        seen: dict[int, Rule] = {id(r): r for r in a}
        for r in b:
            seen.setdefault(id(r), r)
        digit = t.lower[:1].isdigit()
        for r in self.anywhere:
            if (digit or id(r) not in self.digit_led) and (t.like_num or id(r) not in self.num_led):
                seen.setdefault(id(r), r)
        return list(seen.values())

    def match(self, toks: Sequence[Tok], counter: list[int] | None = None) -> list[Match]:
        """Every match of every rule (the longest per rule and start)."""
        out: list[Match] = []
        n = len(toks)
        lowers = [t.lower for t in toks]
        lemmas = [t.lemma for t in toks]
        first, first_exact = self.trie.children, self.trie.exact
        by_word, anywhere = self.by_word, self.anywhere
        any_always = len(self.digit_led) + len(self.num_led) < len(anywhere)
        needs = self._needs
        present = _TextWords(lowers, lemmas)
        root = self._root_steps()
        for i in range(n):
            lower, lemma = lowers[i], lemmas[i]
            j = i
            # the first step from the root: for a word that is its own lemma, one look-up
            nxt: Sequence[_Node] = (
                root.get(lower, ()) if lemma == lower else _first_step(first, first_exact, lower, lemma)
            )
            if lower == "\n":
                nxt = ()
            if counter is not None:
                counter[0] += 1 + len(nxt)
            while nxt:
                j += 1
                for node in nxt:
                    if node.gaps:
                        self._gaps(node, toks, lowers, lemmas, i, j, out, counter, present)
                if len(nxt) == 1:  # a node lists each rule once
                    out += [_new(Match, (rule, i, j)) for rule in nxt[0].rules]
                else:
                    seen: set[int] = set()
                    for node in nxt:
                        for rule in node.rules:
                            if id(rule) not in seen:
                                seen.add(id(rule))
                                out.append(_new(Match, (rule, i, j)))
                if j >= n:
                    break
                lower, lemma = lowers[j], lemmas[j]
                if lower == "\n":
                    break
                nxt = _advance(nxt, lower, lemma)
                if counter is not None:
                    counter[0] += 1 + len(nxt)
            if (
                lowers[i] in by_word
                or lemmas[i] in by_word
                # a rule indexed anywhere may start here (one led by a digit or a number needs a
                # token that is one; the others may start anywhere)
                or (anywhere and (any_always or toks[i].like_num or lowers[i][:1].isdigit()))
            ):
                t = toks[i]
                for rule in self.candidates(t):
                    # every indexed rule's first test takes at least one token (see ``add``):
                    # a token it refuses cannot start the rule; nor can a text lacking every
                    # word of one of its later required tests
                    if not rule.tests[0].ok(t) or (id(rule) in needs and not _may_match(needs[id(rule)], present)):
                        if counter is not None:
                            counter[0] += 1
                        continue
                    end = _longest(rule.tests, toks, i, n, counter)
                    if end is not None and end > i:
                        out.append(Match(rule, i, end))
        return out


def _required_words(rule: Rule) -> tuple[frozenset[str], ...]:
    """The word sets of the tests after the first that must take at least one token: a token
    passes such a test only if its lower form or lemma is in the set."""
    return tuple(t.words for t in rule.tests[1:] if t.lo >= 1 and t.words is not None)


class _TextWords:
    """The lower forms and lemmas of a text's tokens, as a set made on first use (most texts
    never need it)."""

    __slots__ = ("_lemmas", "_lowers", "_words")

    def __init__(self, lowers: list[str], lemmas: list[str]) -> None:
        self._lowers, self._lemmas = lowers, lemmas
        self._words: set[str] | None = None

    def words(self) -> set[str]:
        if self._words is None:
            self._words = {*self._lowers, *self._lemmas}
        return self._words


def _may_match(needs: tuple[frozenset[str], ...], present: _TextWords) -> bool:
    """Whether every required word set has a word in the text (no set to check: it may)."""
    if not needs:
        return True
    words = present.words()
    return all(not w.isdisjoint(words) for w in needs)


def _first_step(first: dict[str, _Node], exact: dict[str, _Node], lower: str, lemma: str) -> Sequence[_Node]:
    """The nodes a word whose lemma differs from its form reaches from the root (see ``_advance``)."""
    return [x for x in (first.get(lower), first.get(lemma), exact.get(lower)) if x is not None]


def _may_start(node: _Node, present: _TextWords) -> bool:
    """Whether some word of the text (lower form or lemma) leads from ``node`` to a child."""
    words = present.words()
    return not (words.isdisjoint(node.children) and words.isdisjoint(node.exact))


def _digit_led(t: Test) -> bool:
    """Whether a test takes only tokens that start with a digit (a pattern such as ``^\\d+/7$``
    or ``^(19|20)\\d\\d$``)."""
    rx = t.regex
    return (
        rx is not None
        and t.lo >= 1
        and not rx.flags & re.MULTILINE
        and rx.pattern.startswith("^")
        and len(_alternatives(rx.pattern)) == 1  # "^1|a" anchors its first alternative only
        and _opens_with_digit(rx.pattern[1:])
    )


# a digit (``\d``, ``[0-9]`` or a digit itself) that is not made optional by what follows it
_DIGIT_ATOM = re.compile(r"(?:\\d|\[0-9\]|[0-9])(?![?*{])")


def _opens_with_digit(p: str) -> bool:
    """Whether every match of the regular expression source ``p`` (one alternative) starts with
    a digit: it opens with a digit, or with a group (not made optional) whose every alternative
    does. Anything else is read as "may start otherwise" (the rule is then tried at every token,
    as before)."""
    if _DIGIT_ATOM.match(p):
        return True
    if p.startswith("(?:"):
        k = 3
    elif p.startswith("(") and not p.startswith("(?"):
        k = 1
    else:
        return False
    close = _group_end(p, k)
    if close is None or p[close + 1 : close + 2] in ("?", "*", "{"):
        return False
    return all(_opens_with_digit(a) for a in _alternatives(p[k:close]))


def _group_end(p: str, k: int) -> int | None:
    """The index of the ")" closing the group whose body starts at ``k`` (None: not found)."""
    depth = 0
    while k < len(p):
        ch = p[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            close = p.find("]", k + 2)
            if close < 0:
                return None
            k = close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return k
            depth -= 1
        k += 1
    return None


def _alternatives(p: str) -> list[str]:
    """The top-level alternatives of a regular expression source ("a|(b|c)" -> "a", "(b|c)")."""
    out: list[str] = []
    depth, last, k = 0, 0, 0
    while k < len(p):
        ch = p[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            close = p.find("]", k + 2)
            k = len(p) if close < 0 else close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(p[last:k])
            last = k + 1
        k += 1
    out.append(p[last:])
    return out


def _advance(frontier: Sequence[_Node], lower: str, lemma: str) -> Sequence[_Node]:
    """The trie nodes reached from ``frontier`` by a token (by its lower-case form or lemma,
    or by its exact form), each once, in a fixed order.

    Each node of the trie is the child of one node under one word in one table (see
    ``Index._insert``), and the nodes of a frontier are distinct: the nodes reached through
    different nodes, different words (lower form and lemma) or the two tables are different
    nodes, so none is listed twice without a check."""
    if len(frontier) == 1:  # the common case
        node = frontier[0]
        children = node.children
        a = children.get(lower)
        b = children.get(lemma) if lemma != lower else None
        c = node.exact.get(lower) if node.exact else None
        if b is None and c is None:
            return () if a is None else (a,)
        return [x for x in (a, b, c) if x is not None]
    nxt: list[_Node] = []
    same = lemma == lower
    for node in frontier:
        children = node.children
        x = children.get(lower)
        if x is not None:
            nxt.append(x)
        if not same:
            x = children.get(lemma)
            if x is not None:
                nxt.append(x)
        if node.exact:
            x = node.exact.get(lower)
            if x is not None:
                nxt.append(x)
    return nxt


def _longest(tests: tuple[Test, ...], toks: Sequence[Tok], i: int, n: int, counter: list[int] | None) -> int | None:
    """The furthest end at which ``tests`` match from token ``i`` (bounded backtracking)."""
    best: int | None = None
    stack: list[tuple[int, int]] = [(0, i)]
    while stack:
        ti, pos = stack.pop()
        if counter is not None:
            counter[0] += 1
        if ti == len(tests):
            if best is None or pos > best:
                best = pos
            continue
        test = tests[ti]
        # how many tokens this test can take from pos
        k = 0
        if test.lo == 0:
            stack.append((ti + 1, pos))
        while k < test.hi and pos + k < n and toks[pos + k].lower != "\n" and test.ok(toks[pos + k]):
            k += 1
            if k >= test.lo:
                stack.append((ti + 1, pos + k))
    return best


def longest_phrases(matches: list[Match]) -> list[Match]:
    """Drop a phrase match lying inside a longer phrase match (patterns are always kept).

    Sorted by start then by length, a sweep keeps the furthest end seen so far: linear after
    the sort."""
    phrases = sorted((m for m in matches if m.rule.kind == "phrase"), key=lambda m: (m.start, -(m.end - m.start)))
    keep: list[Match] = [m for m in matches if m.rule.kind != "phrase"]
    reach_end = -1
    reach_start = -1
    for m in phrases:
        inside = m.end <= reach_end and (reach_end - reach_start) > (m.end - m.start)
        if not inside:
            keep.append(m)
        if m.end > reach_end:
            reach_start, reach_end = m.start, m.end
    return keep
