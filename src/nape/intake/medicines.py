"""Medicines by class (resources/drugs.yaml): a named medicine gives its class's findings, and
"started / given / switched to X" (a start word a few tokens before the name), or "X was upped"
(a dose-raise word a few tokens after it), gives the class's findings for a recent start; words
of steady use near the name ("my usual X", "X, dose unchanged") say it is no recent start."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nape.intake.matcher import Match, Rule, phrase_tests
from nape.intake.schema import drugs_file
from nape.intake.tokens import Tok, phrase_words

DRUG = "drug:"


@dataclass(frozen=True)
class DrugHit:
    finding: str
    drug_class: str
    started: bool
    start: int
    end: int
    # findings the stated time rules out for this name (its phrase must not read them either)
    drops: tuple[str, ...] = ()
    present: bool = True


def drug_rules() -> list[Rule]:
    out = []
    for name, c in drugs_file().classes.items():
        for drug in c.names:
            words = list(phrase_words(drug))
            out.append(Rule(DRUG + name, phrase_tests(words, {}, frozenset()), "drug"))
    return out


def start_rules() -> list[Rule]:
    out = []
    for w in drugs_file().start_words:
        words = list(phrase_words(w))
        out.append(Rule("start", phrase_tests(words, {}, frozenset()), "start"))
    for w in [*drugs_file().raise_words, *drugs_file().start_after_words]:
        words = list(phrase_words(w))
        out.append(Rule(RAISE, phrase_tests(words, {}, frozenset()), "start"))
    for w in drugs_file().raise_before_words:
        words = list(phrase_words(w))
        out.append(Rule(RAISE_BEFORE, phrase_tests(words, {}, frozenset()), "start"))
    for w in drugs_file().steady_words:
        words = list(phrase_words(w))
        out.append(Rule(STEADY, phrase_tests(words, {}, frozenset()), "start"))
    for w in drugs_file().unchanged_words:
        words = list(phrase_words(w))
        out.append(Rule(UNCHANGED, phrase_tests(words, {}, frozenset()), "start"))
    return out


# the label of a dose-raise word ("upped", "doubled"), which follows the medicine's name
RAISE = "raise"
# the label of a dose-raise verb that comes before the medicine's name ("doubled my sertraline")
RAISE_BEFORE = "raise_before"
# the labels of words that say a medicine's use goes on as before ("my usual olanzapine"), or
# that nothing about it changed ("dose unchanged")
STEADY = "steady"
UNCHANGED = "unchanged"
# marks that end a clause between a steady word and a later medicine's name
_CLAUSE_MARKS = frozenset({",", ";", "but", "and", "then", "whereas", "while"})


def read_medicines(
    toks: Sequence[Tok], matches: Iterable[Match], times: Sequence[tuple[int, float]] = ()
) -> list[DrugHit]:
    """Each named medicine's findings. ``times`` (token, days) are the times that govern a
    medicine's words (see timing.governed): how long ago it was started or how long it has been
    taken. A time within a finding's window in ``recent_findings`` reads as a recent start
    ("on haloperidol for 3 days"); a longer one drops the findings that say recent ("started
    rivaroxaban 2 months ago" is current use, not a new medicine), and from ``long_term_days``
    on gives the class's long-term findings ("on olanzapine for 5 years")."""
    cfg = drugs_file()
    starts: list[int] = []
    raises: list[int] = []
    drugs: list[Match] = []
    steady: list[tuple[int, int, bool]] = []  # (start, end, unchanged)
    for m in matches:
        if m.rule.kind == "start" and m.rule.label in (STEADY, UNCHANGED):
            steady.append((m.start, m.end, m.rule.label == UNCHANGED))
        elif m.rule.kind == "start" and m.rule.label == RAISE:
            raises.append(m.start)
        elif m.rule.kind == "start" and m.rule.label == RAISE_BEFORE:
            starts.append(m.end)  # "doubled my sertraline": as a start word before the name
        elif m.rule.kind == "start":
            starts.append(m.end)
        elif m.rule.kind == "drug":
            drugs.append(m)
    starts.sort()
    out = []
    from bisect import bisect_right

    # "haloperidol (Haldol)": the other name in brackets is the medicine just named; its words
    # are read with the name's (one reading, its time and its drops over both)
    aliases = {d.start for d in drugs if d.start >= 2 and toks[d.start - 1].lower == "("}
    alias_end = {d.start - 2: d.end for d in drugs if d.start in aliases}
    for m in drugs:
        if m.start in aliases and any(d.end == m.start - 1 for d in drugs):
            continue
        end = alias_end.get(m.end - 1, m.end)
        cls = m.rule.label[len(DRUG) :]
        spec = cfg.classes[cls]
        k = bisect_right(starts, m.start)
        started = k > 0 and m.start - starts[k - 1] <= cfg.window
        begin = m.start
        if started:
            begin = max(0, starts[k - 1] - 1)
        elif any(0 <= r - end < cfg.window for r in raises):
            started = True  # "my haloperidol was upped last week": a dose raised is a recent start
        # a steady word before the name is its own only within its clause: "on prednisolone for
        # years, but amlodipine was started last week" says nothing steady of the amlodipine
        near = [
            u
            for a, b, u in steady
            if (0 <= m.start - b < cfg.window and not any(t.lower in _CLAUSE_MARKS for t in toks[b : m.start]))
            or 0 <= a - end < cfg.window
        ]
        if near:
            # "took my usual quetiapine", "haloperidol, dose unchanged": use that goes on as before
            started = False
            if any(near) and "new_medication_recent" in spec.started:
                out.append(DrugHit("new_medication_recent", cls, False, begin, end, present=False))
        days = max((d for k, d in times if m.start <= k < end), default=None)
        if near:
            # steady use: the name's own findings, and the long-term ones for a long stated time
            # ("took my usual quetiapine last night": last night is a dose, not a start)
            found = [*spec.taking, *(spec.long_term if days is not None and days >= cfg.long_term_days else [])]
            if days is not None:
                # a stated time past a recent finding's window rules it out here too ("on X for
                # years, no new meds" is no recent dopamine blocker)
                late = [f for f in spec.taking if days > cfg.recent_findings.get(f, days)]
                found = [f for f in found if f not in late]
                if late:  # nor may the name's own phrase read them present
                    out.append(DrugHit("", cls, False, begin, end, tuple(late)))
                out += [DrugHit(f, cls, False, begin, end, present=False) for f in late]
            out += [DrugHit(f, cls, False, begin, end) for f in found]
            continue
        if days is None:
            found = spec.started if started else spec.taking
        else:
            # a stated time: the findings whose window it fits, and long-term use from long_term_days
            windows = cfg.recent_findings
            found = [f for f in dict.fromkeys([*spec.taking, *spec.started]) if days <= windows.get(f, days)]
            if days >= cfg.long_term_days:
                found += spec.long_term
            started = any(f in windows for f in found)
            dropped = tuple(f for f in [*spec.taking, *spec.started] if f not in found)
            if dropped:
                out.append(DrugHit("", cls, started, begin, end, dropped))
            # the name's own finding ruled out by its time: "on olanzapine for years" is not a
            # recent dopamine blocker (the generic new_medication_recent is left unsaid)
            for f in dict.fromkeys(f for f in dropped if f in spec.taking):
                out.append(DrugHit(f, cls, False, begin, end, present=False))
        for f in found:
            out.append(DrugHit(f, cls, started, begin, end))
    return out
