"""Assertion: is a mention negated, in the past, hypothetical or about someone else?

nape's own linear ConText. Triggers (rules and scopes from resources/context_rules.yaml) are
found with the word index; each trigger's scope runs forwards and/or backwards for at most its
category's number of tokens and stops at a clause boundary: a full stop, semicolon or colon, a
terminating word ("but", "however"), a comma that starts a new clause ("no tingling, the pain
goes down my leg") or "and" before a new subject ("no numbness and I can walk"). A comma inside
a list keeps the scope going ("no numbness, weakness or bladder trouble"). Marking every
scope costs at most the largest scope per trigger, so the whole pass is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nape.intake.matcher import Index, Match, Rule, compile_token, phrase_tests
from nape.intake.schema import ContextFile, concept_file, context_file
from nape.intake.tokens import Tok, lemma_table


@dataclass(frozen=True)
class Trigger:
    category: str
    direction: str
    start: int
    end: int
    text: str
    max_scope: int | None
    # a clause-final trigger ("Fever I don't have.") reaches back over the comma of its
    # topicalised object ("Numbness, I haven't got")
    final: bool = False


@dataclass(frozen=True)
class Status:
    negated: bool
    historical: bool
    hypothetical: bool
    family_words: tuple[str, ...]
    # an earlier moment of the story is said of the words ("at first", "at the time"): with a
    # denial, the denial is of that moment, not of now (session 19)
    moment: bool = False


@dataclass(frozen=True)
class _Words:
    """The clause words of context_rules.yaml as sets, made once (not at every parse)."""

    hard: frozenset[str]
    after_comma: frozenset[str]
    predicates: frozenset[str]
    joiners: frozenset[str]
    after_and: frozenset[str]
    verbal: frozenset[str]
    list_verbs: frozenset[str]
    gerund: frozenset[str]
    openers: frozenset[str]
    owned: frozenset[str]
    form_seps: frozenset[str]
    form_no: frozenset[str]
    form_ends: frozenset[str]
    form_normal: frozenset[str]
    form_function: frozenset[str]
    form_loss: frozenset[str]
    hyphen_prefixes: frozenset[str]
    writer: frozenset[str]
    subject_denials: frozenset[str]
    final_fillers: frozenset[str]
    final_not_after: frozenset[str]
    plan_openers: tuple[tuple[str, ...], ...]
    plan_subjects: frozenset[str]
    plan_words: tuple[tuple[str, ...], ...]
    form_field_max: int
    # every answer word of a form ("no", "fine", "yes"): a question so answered is not only asked
    answers: frozenset[str]
    yes_answers: frozenset[str]
    # answers of more than one word ("not at all", "don't think so", "not sure"), each with its
    # kind ("no", "yes", "unsure"), by their first word, longest first
    answer_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    lasting: frozenset[str]
    answer_marks: frozenset[str]
    answer_speakers: frozenset[str]
    form_ability: frozenset[str]
    form_control: frozenset[str]
    speech_ask: frozenset[str]
    speech_links: frozenset[str]
    speech_say: frozenset[str]
    speech_speakers: frozenset[str]
    present_openers: frozenset[str]
    length_units: frozenset[str]
    length_counts: frozenset[str]
    result_verbs: frozenset[str]
    result_objects: frozenset[str]
    runon_ends: frozenset[str]
    runon_end_not_before: frozenset[str]
    complaint_heads: frozenset[str]
    complaint_leads: frozenset[str]
    verb_objects: frozenset[str]


@cache
def _words() -> _Words:
    c = context_file().clauses
    return _Words(
        frozenset(c.boundary_tokens) | {"\n"},
        frozenset(c.clause_start_after_comma),
        frozenset(c.predicate_words),
        frozenset(c.list_joiners),
        frozenset(c.clause_start_after_and),
        frozenset(c.verbal_negations),
        frozenset(c.list_verbs),
        frozenset(c.gerund_negations),
        frozenset(c.question_openers),
        frozenset(c.owned_words),
        frozenset(c.form_separators),
        frozenset(c.form_no_answers),
        frozenset(c.form_answer_ends) | {"\n"},
        frozenset(c.form_normal_answers),
        frozenset(c.form_function_words),
        frozenset(c.form_loss_words),
        frozenset(c.hyphen_prefixes),
        frozenset(c.writer_words),
        frozenset(c.subject_denials),
        frozenset(c.clause_final_fillers),
        frozenset(c.clause_final_not_after),
        tuple(tuple(x.split()) for x in c.plan_openers),
        frozenset(c.plan_subjects),
        tuple(tuple(x.split()) for x in c.plan_words),
        c.form_field_max,
        frozenset(c.form_no_answers) | frozenset(c.form_normal_answers) | frozenset(c.form_yes_answers),
        frozenset(c.form_yes_answers),
        _answer_phrases(
            c.form_no_answer_phrases, c.form_yes_answer_phrases, c.form_unsure_answers, c.form_barely_answers
        ),
        frozenset(c.lasting_words),
        frozenset(c.answer_marks),
        frozenset(c.answer_speakers),
        frozenset(c.form_ability_words),
        frozenset(c.form_control_words),
        frozenset(c.speech_ask_verbs),
        frozenset(c.speech_ask_links),
        frozenset(c.speech_say_verbs),
        frozenset(c.speech_speakers),
        frozenset(c.present_item_openers),
        frozenset(c.length_units),
        frozenset(c.length_counts),
        frozenset(c.result_verbs),
        frozenset(c.result_objects),
        frozenset(c.runon_ends),
        frozenset(c.runon_end_not_before),
        frozenset(c.complaint_heads),
        frozenset(c.complaint_leads),
        frozenset(c.verb_objects),
    )


def _answer_phrases(
    no: list[str], yes: list[str], unsure: list[str], barely: list[str]
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    from nape.intake.tokens import phrase_words

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, phrases in (("no", no), ("yes", yes), ("unsure", unsure), ("barely", barely)):
        for p in phrases:
            words = tuple(phrase_words(p))
            by_first.setdefault(words[0], []).append((words, kind))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in by_first.items()}


@cache
def context_rules() -> tuple[Rule, ...]:
    """The trigger rules of context_rules.yaml (each rule's data: category, direction, scope).
    The rules build (pipeline.build) also puts them in the main index, so that one pass over a
    text finds the findings' words and the triggers (see ``Context``'s ``matches``)."""
    cfg = context_file()
    lemmas = lemma_table()
    out: list[Rule] = []
    for r in cfg.rules:
        data = (r.category, r.direction, r.max_scope, r.clause_final)
        if r.pattern is not None:
            tests = tuple(compile_token(t, lemmas) for t in r.pattern)
            out.append(Rule(r.literal, tests, "pattern", data))
        else:
            from nape.intake.tokens import phrase_words

            words = list(phrase_words(r.literal))
            # a trigger matches its own word forms only: "no" must not match "know"
            out.append(Rule(r.literal, phrase_tests(words, {}, frozenset()), "phrase", data))
    return tuple(out)


@cache
def context_index() -> Index:
    idx = Index()
    idx.extend(context_rules())
    return idx


class Context:
    """Clause boundaries and assertion scopes of one tokenised text."""

    def __init__(
        self, toks: Sequence[Tok], counter: list[int] | None = None, matches: list[Match] | None = None
    ) -> None:
        """``matches``: the matches of ``context_rules()`` over ``toks``, in the order
        ``context_index().match`` gives them, when the caller found them already (None: found here)."""
        cfg: ContextFile = context_file()
        self.toks = toks
        n = len(toks)
        self.hard = _structural_boundaries(toks, cfg)
        if matches is None:
            matches = context_index().match(toks, counter)
        triggers, self.blocked_by = _triggers(toks, matches, self.hard)
        self.stop = list(self.hard)
        # a denial also ends at an "and" that starts a new statement
        and_stops = frozenset(_and_boundaries(toks, cfg.clauses.lookahead))
        for t in triggers:
            # a hyphen inside a word still ends a denial ("no fever-stiff neck" keeps the stiff
            # neck), unless it follows a prefix ("never taken anti-sickness tablets")
            if t.category == "TERMINATE" and not (
                _joining_hyphen(toks, t.start) and toks[t.start - 1].lower in _words().hyphen_prefixes
            ):
                self.stop[t.start] = True
        self.triggers = [t for t in triggers if t.category not in _NOT_SCOPED]
        # where an earlier moment ("at first", "straight after") or a later time of the story ("by
        # evening", "the next morning") is told: a denial before it ends there (session 19)
        self.later = frozenset(t.start for t in triggers if t.category == "LATER")
        moments = frozenset(t.start for t in triggers if t.category == "MOMENT")
        self.scope: list[list[int] | None] = [None] * n
        w = _words()
        # what a presupposing question or worry takes as given ("is it normal that my neck
        # clicks?", "should I be worried about the tingling in my feet"), up to its scope or a
        # hard boundary: per token, the end of the words that presuppose it (-1: none). Such
        # words are not asked about, and a supposition opened before that end ("should I",
        # "worried about") does not reach them; one opened after it still does ("... if I fall")
        self.presupposed = [-1] * n
        for t in triggers:
            if t.category == "PRESUPPOSED":
                reach = t.max_scope or cfg.scopes["PRESUPPOSED"].forward
                j = t.start
                while j < n and j < t.end + reach and not (j >= t.end and self.hard[j]):
                    self.presupposed[j] = max(self.presupposed[j], t.end)
                    j += 1
        lasting = _lasting_after(toks, self.hard, w.lasting)
        forms = _form_denials(toks, self.hard, w, cfg.clauses.form_field_max) + _speech_denials(
            toks, self.hard, w, cfg.clauses.form_field_max
        )
        # a form's answer that ends its clause ("Vomiting: no, headache") is its field's: what
        # follows is the form's next item, which the answer does not deny
        answers = frozenset(at for _, _, at in forms)
        # each item of a run of denials is denied by its own word ("no fever, no trouble with his
        # waterworks", "nil numbness and nil weakness"): an earlier denial ends where the next
        # one starts, so that a normal state told with its own "no" ("no trouble", "no problems")
        # is that item's, not turned round by the list's first "no"
        own_denials = _item_denials(self.triggers, self.blocked_by, w)
        # "if it spreads or I lose control of my bladder I'll go in": a condition's second
        # alternative ("or" and its own subject) is still the condition when a plan follows it
        # in the sentence (per token, whether one does)
        plan_ahead = _plan_ahead(toks, w)
        # where a negated verb's phrase ends in a message run on without stops (session 19)
        runon = _runon_breaks(toks, self.hard, w)
        for k, t in enumerate(self.triggers):
            sc = cfg.scopes[t.category]  # type: ignore[index]
            fwd = t.max_scope or sc.forward
            bwd = t.max_scope if t.max_scope is not None and t.direction == "BACKWARD" else sc.backward
            answer = t.category == "NEGATED_EXISTENCE" and t.start in answers
            if t.direction in ("FORWARD", "BIDIRECTIONAL") and not answer and not _since_then(toks, t, self.stop):
                phrase_only = (
                    t.category == "NEGATED_EXISTENCE"
                    and (_denies_its_verb_only(toks, t, w.verbal, w.list_verbs) or _before_gerund(toks, t, w.gerund))
                    and not _or_list_ahead(toks, t.end, min(n, t.end + fwd), self.stop)
                )
                # a relative's (or a pet's) story runs to the end of its clause ("my dad had a
                # stroke with slurred speech"), and so does a denial that is its verb's subject
                # ("nobody at home has had a fever"): only a hard boundary ends it
                other = t.category in ("FAMILY", "NOT_PERSON")
                dated = t.category == "HISTORICAL" and t.direction == "BIDIRECTIONAL"
                stops = self.hard if other or t.text in w.subject_denials else self.stop
                # an animal's or a thing's own verb is in its trigger ("the dog vomited", "the car
                # was shaking"): its scope starts at the subject
                j = t.start if t.category == "NOT_PERSON" else t.end
                # a denial heading a list reaches every item of it, however long ("no cough,
                # dysuria, rash, rigors, sweats, trauma, falls or steroids"): from the list's
                # second comma on, each comma reaches one item further (bounded, so the walk
                # stays linear)
                reach = t.end + fwd
                commas = 0
                while (
                    j < n
                    and j < reach
                    and (
                        not stops[j]
                        or (t.category == "HYPOTHETICAL" and _or_alternative(toks, j, self.hard, plan_ahead))
                        # a denial's heading: its colon opens the list it denies ("Denies: fever, rash")
                        or (t.category == "NEGATED_EXISTENCE" and j == t.end and toks[j].lower == ":")
                    )
                ):
                    if other and j >= t.end and toks[j].lower in w.writer:
                        break  # "my mum has lupus and my back hurts": the back is the writer's
                    if t.text in w.subject_denials and toks[j].lower == ",":
                        break  # "cold when nobody else is, piling on weight": its clause only
                    if dated and toks[j].lower in _LASTING_JOINS and lasting[j]:
                        break  # "fell years ago and my neck has hurt ever since": that is now
                    if t.category == "HISTORICAL" and toks[j].lower in _LASTING_JOINS and _present_item(toks, j + 1, w):
                        break  # "PMH: gout, 2/52 back pain": the list's next item is the complaint now
                    if t.category == "HISTORICAL" and _left_result(toks, j, w):
                        break  # "the stroke years ago left her leg stiff": what it left is now
                    if (phrase_only and toks[j].lower in _PHRASE_ENDS and not _participle_pair(toks, j)) or (
                        t.category == "NEGATED_EXISTENCE"
                        and (
                            j in and_stops
                            or (j > t.start and j in own_denials)
                            or _owned_item(toks, j, min(n, t.end + fwd), self.stop)
                            # "felt nothing right after the crash", "no ache at the scene, by
                            # teatime sore": the denial is of its moment; the event after the moment
                            # and what a later time tells are not denied (session 19)
                            or (j > t.end and (j in moments or j in self.later))
                        )
                    ):
                        break
                    if (
                        runon[j]
                        and t.category == "NEGATED_EXISTENCE"
                        and toks[t.end - 1].lower in w.verbal
                        and j > t.end + 1
                        and any(toks[x].lower in w.verb_objects for x in range(t.end, j))
                    ):
                        break  # "cant feel my toes too neck ache for 4 days": a new statement
                    if t.category == "MOMENT" and j > t.end and (toks[j].lower == "," or j in and_stops):
                        break  # a moment is its own clause's ("at first no pain, neck pain the next day")
                    if t.category == "NEGATED_EXISTENCE" and t.max_scope is None and toks[j].lower == ",":
                        commas += 1
                        if commas >= 2:
                            reach = min(max(reach, j + _LIST_ITEM_REACH), t.end + _LIST_REACH_MAX)
                    self._mark(j, k)
                    j += 1
            if t.direction in ("BACKWARD", "BIDIRECTIONAL"):
                j = t.start - 1
                if t.final and j > 0 and toks[j].lower == "," and (t.end - t.start > 1 or t.max_scope is None):
                    # "Numbness, I haven't got": the comma sets the object before its denial (a
                    # one-word answer of short reach denies the words right before it only:
                    # "numb in the legs, no" may ask, "legs numb no" answers)
                    j -= 1
                while j >= 0 and (j >= t.start - bwd or _in_slash_run(toks, j, t.start - bwd)) and not self.stop[j]:
                    if t.max_scope is not None and toks[j].lower == ",":
                        break  # a short result scope ("pain-free") is one item of a list: "full, pain-free"
                    self._mark(j, k)
                    j -= 1
        for a, b, at in forms:
            self.triggers.append(Trigger("NEGATED_EXISTENCE", "BACKWARD", at, at + 1, toks[at].lower, None))
            for j in range(a, b):
                self._mark(j, len(self.triggers) - 1)
        for a, b, at in _plan_clauses(toks, self.hard, w):
            self.triggers.append(Trigger("HYPOTHETICAL", "FORWARD", at, a, toks[at].lower, None))
            for j in range(a, b):
                self._mark(j, len(self.triggers) - 1)
        self.question = _question_tokens(toks, w.openers, w.answers)
        self.owned = w.owned
        # clause ids for composing concepts with sites
        self.clause: list[int] = []
        c = 0
        for i in range(n):
            if self.hard[i]:
                c += 1
            self.clause.append(c)

    def _mark(self, j: int, k: int) -> None:
        cur = self.scope[j]
        if cur is None:
            self.scope[j] = [k]
        elif len(cur) < 8:
            cur.append(k)

    def _asked_about(self, spans: Sequence[tuple[int, int]]) -> bool:
        """Whether the words are asked about in a question rather than said of the person."""
        if not spans or not self.question[spans[0][0]] or self.presupposed[spans[0][0]] >= 0:
            return False
        first = min(s for s, _ in spans)
        before = self.toks[max(0, first - 3) : first]
        return not any(t.lower in self.owned for t in before) and not any(
            t.lower in self.owned for s, e in spans for t in self.toks[s:e]
        )

    def denied_directly(self, spans: Sequence[tuple[int, int]]) -> bool:
        """Whether a denial over ``spans`` governs their words itself, not only a list they stand
        in: "not alert", "alert: no" and "not alert or orientated" deny the state; in "no
        headache, alert" or "denies fever, GCS 15" the denial ends at the comma (or a joining
        "and") before the state, which is then said plainly. A state word under such a denial is
        a list's next item, not the denial's object: a normal state is never turned into its
        opposite by a denial of something else."""
        first = min(s for s, _ in spans)
        last = max(e for _, e in spans)
        seen: set[int] = set()
        for s, e in spans:
            for j in range(s, e):
                for k in self.scope[j] or ():
                    if k in seen:
                        continue
                    seen.add(k)
                    t = self.triggers[k]
                    if t.category != "NEGATED_EXISTENCE" or any(t.start < e2 and s2 < t.end for s2, e2 in spans):
                        continue  # the denial is (or starts in) the words' own: "no change in my voice"
                    between = self.toks[t.end : first] if t.end <= first else self.toks[last : t.start]
                    if not any(x.lower in _LIST_BREAKS for x in between):
                        return True
        return False

    def verb_denied(self, spans: Sequence[tuple[int, int]]) -> bool:
        """Whether a verbal negation ("not", "n't", "never") stands right before the words or
        between them: "does not walk well", "can't speak properly", "walks not well". Such a
        denial is the words' own, even where a pseudo-trigger ("not walk", an inability) would
        keep it from reaching what follows."""
        first = min(s for s, _ in spans)
        last = max(e for _, e in spans)
        verbal = _words().verbal
        if first > 0 and self.toks[first - 1].lower in verbal:
            return True
        inside = {j for s, e in spans for j in range(s, e)}
        return any(self.toks[j].lower in verbal for j in range(first, last) if j not in inside)

    def status(self, spans: Sequence[tuple[int, int]]) -> Status:
        """The modifiers over the tokens of ``spans``, ignoring triggers inside those words
        (the "no" of "out of no where", the "n't" of "can't feel")."""
        flags: dict[str, list[str]] = {}
        for s, e in spans:
            for j in range(s, e):
                for k in self.scope[j] or ():
                    t = self.triggers[k]
                    if any(s2 <= t.start and t.end <= e2 for s2, e2 in spans):
                        continue  # the trigger is one of the mention's own words
                    if t.category == "HYPOTHETICAL" and t.start < self.presupposed[j]:
                        continue  # "should I be worried that my legs tingle": taken as given
                    p = self.blocked_by.get(k)
                    if p is not None and not any(p[0] < s2 < p[1] < e2 for s2, e2 in spans):
                        continue  # inside a pseudo-trigger, unless the mention reads its last words
                    flags.setdefault(t.category, []).append(t.text)
        return Status(
            "NEGATED_EXISTENCE" in flags,
            "HISTORICAL" in flags,
            # what an animal or a thing does is read as nothing, like a supposition
            "HYPOTHETICAL" in flags or "NOT_PERSON" in flags or self._asked_about(spans),
            tuple(flags.get("FAMILY", [])),
            "MOMENT" in flags,
        )


_PHRASE_ENDS = frozenset({",", "and", "&"})
# words joining a second statement before a plan: the time clause is then a pattern of its own
_NOT_PLAN_JOIN = frozenset({"and", "&", "but", "so", "because", "as"})
# what ends a denial's reach over a normal state it does not govern ("no headache, alert")
_LIST_BREAKS = frozenset({",", "and", "&", ";"})
_CLAUSE_ENDS = frozenset({",", "and", "&", "but", ")", "so"})
# categories that mark no scope of their own in Context.scope
_NOT_SCOPED = frozenset({"TERMINATE", "PSEUDO", "PRESUPPOSED", "LATER"})


def _form_denials(toks: Sequence[Tok], hard: list[bool], w: _Words, field_max: int) -> list[tuple[int, int, int]]:
    """Form answers that deny their field: "Saddle numbness: no", "Fever - nil". For each, the
    field's token span (back to the previous boundary or comma, at most ``field_max`` tokens)
    and the answer's position. The answer must stand alone before the end of its clause ("Numb
    feet: no idea why" is not an answer), and a field naming a working function is not denied
    by "no" ("Bowel control: no"). One pass: the cost is linear in the text."""
    out: list[tuple[int, int, int]] = []
    n = len(toks)
    for i in range(1, n - 1):
        if toks[i - 1].lower == "?":
            continue
        # a question asked without its "?" and answered on the next line by a speaker's turn
        # ("Bot: any fever\nUser: no"): the line break is the question's end
        asked_line = _turn_after_line(toks, i, w) and _line_asks(toks, i, hard, w)
        if toks[i].lower not in w.form_seps and not asked_line:
            continue
        got = answer_after(toks, i, w, hard)
        if got is None or got[0] not in ("no", "barely", "yes"):
            continue
        glued = toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start
        if glued and toks[i - 1].lower == toks[i + 1].lower:
            continue  # a word said twice with a hyphen ("shaking no-no") is no form's answer
        a = _field_start(toks, i, hard, field_max)
        if toks[i].lower == "?" or asked_line:
            # a question is its field back to its start ("Can you turn your neck far enough to
            # look behind you? no"), up to twice a form's longest field, when it opens with a
            # question word (a long statement before a "?" is not the question)
            b = _field_start(toks, i, hard, 2 * field_max)
            if b < a and toks[b].lower in w.openers:
                a = b
        function = any(t.lower in w.form_function or t.lemma in w.form_function for t in toks[a:i])
        # ... unless the field names the loss itself ("Loss of bladder control? not at all")
        if function and any(t.lower in w.form_loss or t.lemma in w.form_loss for t in toks[a:i]):
            function = False
        # an ability asked of ("Can you turn your head? no", "Able to lift it? barely"): the
        # answer denies the ability itself, so what the field's words read as able is denied
        ability = any(t.lower in w.form_ability for t in toks[a:i])
        if got[0] == "barely" and not ability:
            continue  # "hardly" after another field is an amount, not a denial
        if got[0] == "yes":
            # a control kept, answered with a plain "yes" ("Bowel control: yes", "Continent of
            # urine? Y"), is no loss of it: the field's words (a loss's own phrase) are denied
            kept = (
                got[2] - got[1] == 1
                and not ability
                and any(t.lower in w.form_control or t.lemma in w.form_control for t in toks[a:i])
                and not any(t.lower in w.form_loss or t.lemma in w.form_loss for t in toks[a:i])
            )
            if a < i and kept:
                out.append((a, i, got[1]))
            continue
        if ability:
            function = False
        if a < i and not function:
            out.append((a, i, got[1]))  # ("Bowel control: no" is a loss of control: not denied)
    return out


def _speech_denials(toks: Sequence[Tok], hard: list[bool], w: _Words, field_max: int) -> list[tuple[int, int, int]]:
    """Answers reported in speech that deny what was asked: "I asked him about numbness and he
    said no", "when I checked about a fever she says not really". The field runs from after the
    link of a verb of asking ("asked about", "checked if") to the speaker before the verb of
    saying, within one sentence and at most twice a form's longest field; the answer after the
    verb of saying must stand alone, as a form's does. Each verb of saying looks back a bounded
    number of tokens, so the pass is linear in the text."""
    out: list[tuple[int, int, int]] = []
    n = len(toks)
    for i in range(2, n - 1):
        if toks[i].lower not in w.speech_say:
            continue
        b = i
        if toks[b - 1].lower in w.speech_speakers:
            b -= 1
        while b > 0 and toks[b - 1].lower in (",", "and"):
            b -= 1
        a = -1
        j = b - 1
        while j > 0 and b - j <= 2 * field_max and not hard[j]:
            if toks[j].lower in w.speech_links and any(
                t.lower in w.speech_ask or t.lemma in w.speech_ask for t in toks[max(0, j - 3) : j]
            ):
                a = j + 1
                break
            j -= 1
        if a < 0 or a >= b:
            continue
        got = answer_after(toks, i, w, hard)
        if got is not None and got[0] == "no":
            out.append((a, b, got[1]))
    return out


def answer_after(
    toks: Sequence[Tok], i: int, w: _Words | None = None, hard: Sequence[bool] | None = None
) -> tuple[str, int, int] | None:
    """The answer standing alone after a form's separator or a question's "?" at ``i``: its kind
    ("no": "Fever? not at all", "Numb - nope"; "yes": "Tingling? a bit", "Weakness: Y"; "normal":
    "Gait: NAD"; "unsure": "Temp? not sure") and its token span; None when the words after the
    separator are no answer ("Numb feet: no idea why" has more words than its answer). A doubled
    "?" is one separator ("Fever?? nah"); the answer may end with a filler ("no, thankfully" ends
    at its comma, "none at all really" at the filler) and must end its clause or line."""
    w = w or _words()
    n = len(toks)
    k = i + 1
    while k < n and toks[k].lower == "?" == toks[i].lower and k - i < 3:
        k += 1
    if toks[i].lower == "?" or _turn_after_line(toks, i, w):
        k = _past_turn(toks, k, w)
    if k >= n:
        return None
    low = toks[k].lower
    phrase = next(((ws, kd) for ws, kd in w.answer_phrases.get(low, ()) if _starts_at(toks, k, ws)), None)
    if phrase is not None:
        kind, e = phrase[1], k + len(phrase[0])
    elif low in w.form_no:
        kind, e = "no", k + 1
    elif low in w.yes_answers:
        kind, e = "yes", k + 1
    elif low in w.form_normal:
        kind, e = "normal", k + 1
    else:
        return None
    # a denial said twice ("nah, not really" without its comma, "no never"): one answer
    while kind == "no" and e < n:
        phrases = w.answer_phrases.get(toks[e].lower, ())
        again = next((ws for ws, kd in phrases if kd == "no" and _starts_at(toks, e, ws)), None)
        if again is not None:
            e += len(again)
        elif toks[e].lower in w.form_no:
            e += 1
        else:
            break
    while e < n and toks[e].lower in w.final_fillers and not (hard[e] if hard is not None else toks[e].lower in w.hard):
        e += 1
    if e < n and toks[e].lower not in w.form_ends and not (hard[e] if hard is not None else toks[e].lower in w.hard):
        return None
    return kind, k, e


def _past_turn(toks: Sequence[Tok], k: int, w: _Words) -> int:
    """The first token after a transcript's turn that starts at ``k`` (a line break, a mark such
    as ">", a speaker's name and ":"): "Any fever?\\n> no", "Numb? A: nope", "Can you walk?
    Patient: barely". ``k`` itself when no turn starts there."""
    n = len(toks)
    j = k
    while j < n and toks[j].lower == "\n":
        j += 1
    if j < n and toks[j].lower in w.answer_marks:
        while j < n and toks[j].lower in w.answer_marks and j - k < 4:
            j += 1  # a mark written twice (">>" read as two)
    elif j + 1 < n and toks[j].lower in w.answer_speakers and toks[j + 1].lower in _SPEAKER_ENDS:
        j += 2
    elif j < n and toks[j].lower[-1:] in _SPEAKER_ENDS and toks[j].lower[:-1] in w.answer_speakers:
        j += 1  # the name and its stop read as one token ("A. no")
    elif j == k:
        return k
    return j


# what ends a speaker's name in a transcript ("A: no", "A) no", "A. no")
_SPEAKER_ENDS = frozenset({":", ")", "."})


def _field_start(toks: Sequence[Tok], i: int, hard: list[bool], reach: int) -> int:
    """The start of a form's field ending at ``i``: back to the previous boundary, comma or line
    break, at most ``reach`` tokens."""
    a = i
    while a > 0 and a > i - reach and not hard[a - 1] and toks[a - 1].lower not in (",", "\n"):
        a -= 1
    return a


def _line_asks(toks: Sequence[Tok], i: int, hard: list[bool], w: _Words) -> bool:
    """Whether the words before ``i`` (back to the last boundary: a speaker's ":" or a line
    break) open with a question word ("any fever", "do you have a temperature")."""
    a = i
    while a > 0 and not hard[a - 1] and i - a < 16:
        a -= 1
    return a < i and toks[a].lower in w.openers


def _turn_after_line(toks: Sequence[Tok], i: int, w: _Words) -> bool:
    """Whether the line break at ``i`` is followed by a transcript's answering turn (a mark such
    as ">" or a speaker's name and ":"), not by a line of plain text."""
    if toks[i].lower != "\n":
        return False
    j = i + 1
    while j < len(toks) and toks[j].lower == "\n":
        j += 1
    return j < len(toks) and _past_turn(toks, j, w) > j


def _denies_its_verb_only(toks: Sequence[Tok], t: Trigger, verbal: frozenset[str], list_verbs: frozenset[str]) -> bool:
    """Whether a denial is a negated verb that covers its own phrase only.

    "She won't eat, feverish": the "n't" denies eating, not the fever after the comma. "I don't
    have numbness, tingling or weakness" and "hasn't had a fever, rash or vomiting" deny the list
    that their verb of having takes."""
    if t.text not in verbal:
        return False
    return not any(tok.lower in list_verbs or tok.lemma in list_verbs for tok in toks[t.end : t.end + 3])


def _before_gerund(toks: Sequence[Tok], t: Trigger, words: frozenset[str]) -> bool:
    """Whether a denial of ``words`` ("without") stands right before a verb's "-ing" form
    ("without eating more", "without trying"): it denies that verb's phrase only."""
    if t.text not in words or t.end >= len(toks):
        return False
    nxt = toks[t.end].lower
    return len(nxt) >= 5 and nxt.isalpha() and nxt.endswith("ing")


# a denied list's items after its second comma: how far one item may run ("rigors", "a past
# history of a tumour", "falls or trauma"), and the most a list's denial may reach in all
_LIST_ITEM_REACH = 6
_LIST_REACH_MAX = 60


def _or_list_ahead(toks: Sequence[Tok], a: int, b: int, stop: list[bool]) -> bool:
    """Whether the words from ``a`` (before ``b`` and the clause's end) are a list closed by "or"
    or "nor" after a comma ("not dizzy, sick or confused"): a negated verb then denies every item,
    as "not A or B" does; "won't eat, feverish" has no such list and denies the eating only."""
    comma = False
    for j in range(a, b):
        if stop[j]:
            return False
        low = toks[j].lower
        if low == ",":
            comma = True
        elif low in ("or", "nor"):
            return comma
        elif low in ("and", "&", "but"):
            return False
    return False


def _owned_item(toks: Sequence[Tok], j: int, b: int, stop: list[bool]) -> bool:
    """Whether the comma at ``j`` starts a statement of its own rather than a denied list's next
    item: the words after it (to the next comma or joiner) name their owner ("his", "my", "both")
    or carry their own inability ("can't pee"), and no "or" or "nor" closes the list later. "no
    fever, weakness in his legs" and "no rash, can't pee" tell the weakness and the retention;
    "no fever, weakness in his legs or numbness" and "denies fever, leg weakness" deny it."""
    if toks[j].lower != ",":
        return False
    owned = False
    k = j + 1
    while k < b and not stop[k]:
        low = toks[k].lower
        if low in ("or", "nor"):
            return False
        if low in (",", ";", "and", "&", "but") and k > j + 1:
            break
        if low in _OWNERS or low in _OWN_VERBAL or low in _OWN_CHANGE or _measured(toks, k) or _own_length(toks, k):
            owned = True
        if k > j + 1 and toks[k].text in _SIDE_LETTERS:
            owned = True  # a note's item told with its own side ("paraspinal tenderness R") is a finding of its own
        k += 1
    if not owned:
        return False
    while k < b and not stop[k]:
        if toks[k].lower in ("or", "nor"):
            return False
        k += 1
    return True


_OWNERS = frozenset({"my", "his", "her", "their", "our", "your", "both"})
# a side in a clinical note's capital letters after an item's words (session 21)
_SIDE_LETTERS = frozenset({"L", "R", "Lt", "Rt", "LT", "RT"})
# an item that tells its own change or a measured amount ("no fever, lost 4 kg", "no rash,
# weight down half a stone", "no cough, weight loss of 5 kg") is a statement of its own: a
# list's earlier "no" does not deny a loss that is counted (session 20)
_OWN_CHANGE = frozenset({"lost", "losing", "dropped", "dropping", "down", "gained", "gaining", "shed"})
_AMOUNT = re.compile(r"^\d+(?:\.\d+)?(?:kg|kgs|kilos?|lbs?|st|%)$")
_AMOUNT_UNITS = frozenset({"kg", "kgs", "kilo", "kilos", "kilograms", "lb", "lbs", "pounds", "stone", "st", "%"})


_LENGTH_UNITS = frozenset(
    {
        "day",
        "days",
        "week",
        "weeks",
        "wk",
        "wks",
        "month",
        "months",
        "mths",
        "year",
        "years",
        "yrs",
        "hour",
        "hours",
        "hrs",
    }
)
_COUNT_WORDS = frozenset({"a", "an", "two", "three", "four", "five", "six", "few", "couple", "several", "many"})


def _own_length(toks: Sequence[Tok], k: int) -> bool:
    """Whether ``toks[k]`` opens a length of the item's own ("no fever, back pain for 3 weeks",
    "no rash, neck stiff since Monday"): a complaint told with how long it has lasted is a
    statement, not the list's next denied item (session 20)."""
    low = toks[k].lower
    if low == "since":
        return True
    if low != "for" or k + 2 >= len(toks):
        return False
    count, unit = toks[k + 1].lower, toks[k + 2].lower
    if count in ("a", "the") and unit in ("few", "couple") and k + 3 < len(toks):
        unit = toks[k + 3].lower if toks[k + 3].lower != "of" or k + 4 >= len(toks) else toks[k + 4].lower
    return (count.isdigit() or count in _COUNT_WORDS or count == "the") and unit in _LENGTH_UNITS


def _measured(toks: Sequence[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is an amount with its unit ("4kg", "5 kg", "half a stone" is not
    counted here: only figures)."""
    low = toks[k].lower
    if _AMOUNT.match(low):
        return True
    return low.replace(".", "", 1).isdigit() and k + 1 < len(toks) and toks[k + 1].lower in _AMOUNT_UNITS


# an item with its own verbal denial or inability ("can't pee", "unable to stand") says its own
# thing: a list's earlier "no" does not turn it round
_OWN_VERBAL = frozenset({"n't", "cannot", "unable", "can't", "cant", "couldn't", "couldnt", "won't", "wont"})


def _in_slash_run(toks: Sequence[Tok], j: int, limit: int) -> bool:
    """Whether token ``j``, before a backward scope's ``limit``, is still in the slash-joined list
    the scope reached into ("fever/chills/night sweats denied": one denial covers the list), at
    most a dozen tokens past the limit."""
    return j >= limit - 12 and (toks[j].lower == "/" or (j + 1 < len(toks) and toks[j + 1].lower == "/"))


def _since_then(toks: Sequence[Tok], t: Trigger, stop: list[bool]) -> bool:
    """Whether a past-time trigger dates an event that something now has lasted "since" ("Since
    a car accident 2 years ago my neck hurts"): it then reaches back to the event only."""
    if t.category != "HISTORICAL" or t.direction != "BIDIRECTIONAL":
        return False
    # (session 20) the event may be told with its cause between ("since my head injury from a
    # fall off a ladder in 2016"): a dozen tokens back, within the clause
    for j in range(t.start - 1, max(-1, t.start - 12), -1):
        if toks[j].lower == "since":
            return True
        if stop[j]:
            return False
    return False


_LASTING_JOINS = frozenset({"and", ","})
_NOTE_LENGTH = re.compile(r"^\d+(/(7|52|12)|d|wk|wks|w|mo|mos|mth|mths|h|hr|hrs)$")
_LENGTH_DATED = frozenset({"ago", "back", "before", "earlier", "previously", "prior", "old"})


def _left_result(toks: Sequence[Tok], j: int, w: _Words) -> bool:
    """Whether ``toks[j]`` is a verb of leaving with its object after it ("left her", "left me
    with", "left some"): the event before it is past, what it left is now. "left leg" is a side."""
    if toks[j].lower not in w.result_verbs or j + 1 >= len(toks):
        return False
    after = toks[j + 1].lower
    if j > 0 and toks[j - 1].lower in ("my", "his", "her", "their", "our", "your", "the", "on", "to", "of"):
        return False  # "her left arm", "on the left": a side
    return after in w.result_objects


def _present_item(toks: Sequence[Tok], i: int, w: _Words) -> bool:
    """Whether the list item starting at ``i`` opens with how long it has lasted ("3/52 back
    pain", "two weeks of neck ache", "for a month, ...") or with a word of now ("now", "currently"):
    the current complaint after a past history's list, not one of its items. A dated length
    ("3 years ago", "two months back") is the history's own."""
    n = len(toks)
    k = i
    while k < n and toks[k].lower in ("and", "&", "for", "over", "x", "since", "with"):
        k += 1
    if k >= n:
        return False
    if toks[k].lower in w.present_openers:
        return True
    end = -1
    if _NOTE_LENGTH.match(toks[k].lower):
        end = k + 1
    else:
        j = k
        if (
            toks[j].lower in w.length_counts
            and j + 1 < n
            and (toks[j + 1].like_num or toks[j + 1].lower in w.length_counts)
        ):
            j += 1  # "the last two weeks", "a few days"
        if toks[j].like_num or toks[j].lower in w.length_counts:
            j += 1
            while j < n and j <= k + 4 and (toks[j].lower in ("-", "or", "to", "of") or toks[j].like_num):
                j += 1
            if j < n and toks[j].lower in w.length_units:
                end = j + 1
        elif toks[j].lower in w.length_units and toks[j].lower.startswith("/"):
            end = j + 1
    if end < 0:
        return False
    return not (end < n and toks[end].lower in _LENGTH_DATED)


def _lasting_after(toks: Sequence[Tok], hard: list[bool], words: frozenset[str]) -> list[bool]:
    """Per token, whether a word saying something lasts till now ("since", "still") follows it
    in its clause: one pass from the end. "Whiplash in 2019, and my neck has been stiff ever
    since": true at the comma and the "and"."""
    out = [False] * len(toks)
    seen = False
    for i in range(len(toks) - 1, -1, -1):
        if hard[i]:
            seen = False
        out[i] = seen
        # (a word pair of the list, read at its second word: "from then on")
        if toks[i].lower in words or (i > 0 and f"{toks[i - 1].lower} {toks[i].lower}" in words):
            seen = True
    return out


def _question_tokens(toks: Sequence[Tok], openers: frozenset[str], answers: frozenset[str] = frozenset()) -> list[bool]:
    """For each token, whether it is in a question that opens with a question word and ends
    with "?" ("Could reflux cause this?", "any fever?"), and that no answer follows ("Any injury?
    None." is a form's field and its answer); or in a form's field whose answer is unsure ("Temp?
    not sure", "Numb: dunno") or a short field asked with no answer ("Fever? Rash?"): asked, not
    said either way. One pass over the text."""
    out = [False] * len(toks)
    start = 0
    n = len(toks)
    for i, t in enumerate(toks):
        got = None
        if t.lower in (".", "!", "?", "\n", ":", "-", "=") and i > start and toks[i - 1].lower != "?":
            got = answer_after(toks, i)
            # an unsure answer, or none after a form's short field ("Fever? Rash?" left unanswered)
            unanswered = got is None and t.lower == "?" and _short_field(toks, i, _words()) and _nothing_after(toks, i)
            if unanswered or (got is not None and got[0] == "unsure"):
                for j in range(max(start, i - _words().form_field_max), i):
                    out[j] = True
        if t.lower in (".", "!", "?", "\n"):
            answered = i + 1 < n and (toks[i + 1].lower in answers or (got is not None and got[0] != "unsure"))
            if t.lower == "?" and i > start and toks[start].lower in openers and not answered:
                for j in range(start, i):
                    out[j] = True
            start = i + 1
    return out


def _starts_at(toks: Sequence[Tok], i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(toks) and all(toks[i + k].lower == w for k, w in enumerate(words))


def _plan_clauses(toks: Sequence[Tok], hard: list[bool], w: _Words) -> list[tuple[int, int, int]]:
    """Time clauses told with a plan for the future: "once it goes down my arm I'll come in",
    "I will ring as soon as the numbness spreads". For each, the span of the clause after its
    opener and the opener's position: up to the plan's subject when the plan follows, else to the
    end of the clause. "When I sit it hurts" has no plan and is left alone. Linear: each sentence
    is looked at once per opener in it (a handful)."""
    if not w.plan_openers:
        return []
    n = len(toks)
    out: list[tuple[int, int, int]] = []
    sent_start = 0
    for i in range(n + 1):
        if i < n and toks[i].lower not in (".", "!", "?", "\n"):
            continue
        # one sentence: toks[sent_start:i]
        plans = [
            j
            for j in range(sent_start + 1, i)
            if toks[j - 1].lower in w.plan_subjects and any(_starts_at(toks, j, p) for p in w.plan_words)
        ]
        if plans:
            for k in range(sent_start, i):
                opener = next((o for o in w.plan_openers if _starts_at(toks, k, o)), None)
                if opener is None or (k > 0 and toks[k - 1].lower in ("at", "all")):
                    continue  # ("all at once" is how something began)
                a = k + len(opener)
                after = [j - 1 for j in plans if j - 1 >= a]
                if after:
                    b = after[0]
                    if any(t.lower in _NOT_PLAN_JOIN for t in toks[a:b]):
                        continue  # "when I sit it hurts and I'll see the physio": the plan is another statement
                elif any(j < k for j in plans):
                    b = a
                    while b < i and not hard[b]:
                        b += 1
                else:
                    continue
                if b > a:
                    out.append((a, b, k))
        sent_start = i + 1
    return out


def _ends_clause(toks: Sequence[Tok], end: int, hard: list[bool], w: _Words) -> bool:
    """Whether the clause ends at ``end`` (or after filler words such as "at all"): the end of
    the text, a boundary, a comma or a joining word."""
    n = len(toks)
    j = end
    while j < n and toks[j].lower in w.final_fillers:
        j += 1
    return j >= n or hard[j] or toks[j].lower in _CLAUSE_ENDS


@cache
def _possession_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words after "'s" that make it a verb (context_rules.yaml ``contraction_next_words``),
    and the one-word body sites of concepts.yaml (an owned body part keeps its owner's story)."""
    clauses = context_file().clauses
    things = frozenset(clauses.not_body_sites)
    sites = frozenset(
        w.lower()
        for name, g in concept_file().groups.items()
        if g.kind == "site" and name not in things
        for w in g.words
        if " " not in w
    )
    return frozenset(clauses.contraction_next_words), sites


def _names_an_owner(toks: Sequence[Tok], start: int, end: int, hard: list[bool]) -> bool:
    """Whether an animal's trigger only names the owner of a thing the writer handled: its "'s"
    (the trigger's last word or the next one) is a possessive before a word that is neither a
    verb's sequel nor a body part, and the writer speaks of themself in the same sentence. "I
    lifted the cat's litter tray and got a sudden pain low in my back" keeps the pain the
    writer's; "the dog's been sick" and "the dog's leg is swollen" keep their triggers."""
    at = end - 1 if toks[end - 1].lower == "'s" else end
    if at >= len(toks) - 1 or toks[at].lower != "'s" or at < start:
        return False
    verb_next, sites = _possession_words()
    nxt = toks[at + 1].lower
    if not nxt.isalpha() or nxt in verb_next or nxt in sites:
        return False
    writer = _words().writer
    lo = start
    while lo > 0 and not hard[lo - 1]:
        lo -= 1
    hi = at + 1
    while hi < len(toks) and not hard[hi]:
        hi += 1
    return any(toks[j].lower in writer for j in range(lo, hi) if not start <= j <= at)


def _triggers(
    toks: Sequence[Tok], matches: list[Match], hard: list[bool]
) -> tuple[list[Trigger], dict[int, tuple[int, int]]]:
    """Triggers, and for those inside a pseudo-trigger ("no better" is not a denial) the
    pseudo-trigger's span: it blocks them unless its words belong to the mention itself ("I
    didn't sleep funny": "n't sleep" is part of "sleep funny", so the denial stands). A
    clause-final rule counts only at the end of its clause and not after a word of choice
    ("radiating or not")."""
    w = _words()
    pseudo_cover: dict[int, tuple[int, int]] = {}
    for m in matches:
        if m.rule.data[0] == "PSEUDO":
            for j in range(m.start, m.end):
                old = pseudo_cover.get(j)
                if old is None or (m.end - m.start) > (old[1] - old[0]):
                    pseudo_cover[j] = (m.start, m.end)
    out: list[Trigger] = []
    blocked: dict[int, tuple[int, int]] = {}
    kept = 0  # index of the next trigger in Context.triggers (PSEUDO, TERMINATE, PRESUPPOSED left out)
    for m in matches:
        cat, direction, max_scope, final = m.rule.data
        if final and (
            not _ends_clause(toks, m.end, hard, w)
            or (m.start > 0 and toks[m.start - 1].lower in w.final_not_after)
            or (m.end - m.start == 1 and m.end < len(toks) and toks[m.end].lower == "?")
        ):
            continue  # ("stiff, no?": a one-word denial before "?" is a question's tag, no answer)
        if cat == "TERMINATE":
            p = pseudo_cover.get(m.start)
            if p is not None and p[0] <= m.start and m.end <= p[1] and (p[1] - p[0]) > (m.end - m.start):
                continue  # an idiom's first word ends nothing: "not really with it" (alert) stays denied
        if cat not in _NOT_SCOPED:
            p = pseudo_cover.get(m.start)
            if p is not None and p[0] <= m.start and m.end <= p[1] and (p[1] - p[0]) > (m.end - m.start):
                blocked[kept] = p
            kept += 1
        if cat == "NOT_PERSON" and _names_an_owner(toks, m.start, m.end, hard):
            continue
        text = " ".join(t.lower for t in toks[m.start : m.end])
        out.append(Trigger(cat, direction, m.start, m.end, text, max_scope, final))
    return out, blocked


def _structural_boundaries(toks: Sequence[Tok], cfg: ContextFile) -> list[bool]:
    w = _words()
    lookahead = cfg.clauses.lookahead
    n = len(toks)
    out = [False] * n
    for i, t in enumerate(toks):
        if t.lower in w.hard:
            out[i] = not _joining_hyphen(toks, i) and not _normal_answer(toks, i, w)
        elif t.lower == "," and i + 1 < n:
            if toks[i + 1].lower in w.after_comma:
                out[i] = not _bare_site_list(toks, i, out)
                continue
            out[i] = _predicate_ahead(toks, i, lookahead) and not _bare_site_list(toks, i, out)
        elif _and_before_new(toks, i, w) or _letter_stop(toks, i):
            out[i] = True  # a joiner before a new statement, or a side letter ending its sentence
    return out


# words that may stand between the body parts of a bare list ("my back, my neck, the arms and
# legs"): joiners, owners, sides and the parts' own qualifiers
_LIST_LINKS = frozenset(
    {"and", "or", ",", "&", "+", "/", "my", "the", "his", "her", "their", "your", "both", "our", "a"}
    | {"left", "right", "central", "lower", "low", "upper", "middle", "whole", "entire", "of"}
)
_LIST_BACK = 14


def _bare_site_list(toks: Sequence[Tok], i: int, out: list[bool]) -> bool:
    """Whether the comma at ``i`` follows a clause that is only a list of body parts ("my neck,
    my back hurt"; "back, neck, arms and legs, all of it aches"): the parts are the subject of
    the predicate after the comma, which then ends no clause. Looks back a bounded number of
    tokens, to the last boundary."""
    _verbs, sites = _possession_words()
    n_sites = 0
    j = i - 1
    while j >= 0 and i - j <= _LIST_BACK:
        if out[j]:
            break  # the list starts after a boundary (an address: "Doctor, my back, ...")
        t = toks[j]
        if t.lower in sites or t.lemma in sites:
            n_sites += 1
        elif t.lower not in _LIST_LINKS:
            if t.lower in (".", "!", "?", "\n", ":", ";") or t.is_punct:
                break
            return False
        j -= 1
    return n_sites >= 1 and (toks[i - 1].lower in sites or toks[i - 1].lemma in sites)


def _and_before_new(toks: Sequence[Tok], i: int, w: _Words) -> bool:
    """Whether "and", "or" or "&" at ``i`` comes before a word that opens a new statement."""
    return toks[i].lower in ("and", "or", "&") and i + 1 < len(toks) and toks[i + 1].lower in w.after_and


def _letter_stop(toks: Sequence[Tok], i: int) -> bool:
    """Whether a one-letter abbreviation with its full stop kept in the token (a side in a note:
    "weak L.", "foot drop R.") ends its sentence: the next word starts with a capital. Example:
    "EHL weak L. Previous discectomy 2018." - the year dates the operation, not the weakness."""
    t = toks[i].text
    if len(t) != 2 or t[1] != "." or not t[0].isalpha() or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1].text
    return nxt[:1].isupper() and nxt[:1].isalpha()


def _joining_hyphen(toks: Sequence[Tok], i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word ("non-tender", "cola-coloured", "a
    9-year-old"): no space on either side, a letter or a digit before and a letter after. It joins
    a word; it does not end a clause."""
    t = toks[i]
    if t.lower != "-" or i == 0 or i + 1 >= len(toks):
        return False
    a, b = toks[i - 1], toks[i + 1]
    return a.end == t.start and t.end == b.start and a.text[-1:].isalnum() and b.text[:1].isalpha()


def _normal_answer(toks: Sequence[Tok], i: int, w: _Words) -> bool:
    """Whether token ``i`` separates a form's field from a normal answer standing alone
    ("Bladder/bowel: normal", "Gait - NAD"): the answer belongs to the field."""
    if toks[i].lower not in w.form_seps or i == 0 or i + 1 >= len(toks):
        return False
    if toks[i].lower == "?" and not _short_field(toks, i, w):
        return False  # a question asked in words ("is it normal? fine, thanks") is no form's field
    if toks[i + 1].lower not in w.form_normal:
        return False
    return i + 2 >= len(toks) or toks[i + 2].lower in w.form_ends or toks[i + 2].lower in w.hard


def _nothing_after(toks: Sequence[Tok], i: int) -> bool:
    """Whether a form's field asked at the "?" at ``i`` is left without an answer: the text or
    its line ends there, or the next words are another short field asked ("Fever? Rash?")."""
    n = len(toks)
    for _ in range(12):  # a list of fields asked is read so far at most (the cost stays linear)
        j = i + 1
        while j < n and toks[j].lower == "?":
            j += 1
        if j >= n or toks[j].lower == "\n":
            return True
        k = j
        while k < n and k - j < 4 and toks[k].lower not in (".", "!", "?", "\n"):
            k += 1
        if not (k < n and toks[k].lower == "?" and _short_field(toks, k, _words())):
            return False
        i = k
    return False


def _short_field(toks: Sequence[Tok], i: int, w: _Words) -> bool:
    """Whether the words before a "?" at ``i`` are a form's short field ("Bladder?", "Leg
    weakness?"): at most three words back to the start of the text or a sentence, none a
    question word."""
    a = i
    while a > 0 and toks[a - 1].lower not in (".", "!", "?", "\n", ";"):
        a -= 1
        if i - a > 3:
            return False
    return a < i and toks[a].lower not in w.openers


def answered_questions(toks: Sequence[Tok]) -> list[bool]:
    """For each token, whether it is a "?" that an answer follows ("Numb? Yes, the left foot",
    "Fever? not that I've noticed"): the answer is said of the question's words, in one sentence
    with them."""
    answers = _words().answers
    n = len(toks)
    return [
        t.lower == "?" and i + 1 < n and (toks[i + 1].lower in answers or answer_after(toks, i) is not None)
        for i, t in enumerate(toks)
    ]


def _and_boundaries(toks: Sequence[Tok], lookahead: int) -> list[int]:
    """Positions of an "and" that starts a new statement ("... doesn't feel right and my neck is
    agony"). They end an assertion's scope but not the clause a concept composes in ("my neck
    and shoulders are stiff" is stiffness of both). Two participles joined by "and" share one
    subject and its denial ("the pain is not coming and going in waves", "not eating and
    drinking"), so that "and" starts nothing."""
    return [
        i
        for i, t in enumerate(toks)
        if t.lower in ("and", "&") and _predicate_ahead(toks, i, lookahead) and not _participle_pair(toks, i)
    ]


def _participle_pair(toks: Sequence[Tok], i: int) -> bool:
    """Whether the "and" at ``i`` joins two "-ing" forms under one verbal denial ("not coming
    and going"); a list of functions after a comma ("no numbness, peeing and pooing normal")
    is no such pair."""
    if i < 2 or i + 1 >= len(toks):
        return False
    before, after = toks[i - 1].lower, toks[i + 1].lower
    if not all(w.isalpha() and len(w) > 4 and w.endswith("ing") for w in (before, after)):
        return False
    verbal = _words().verbal
    return any(t.lower in verbal for t in toks[max(0, i - 4) : i - 1])


def _predicate_ahead(toks: Sequence[Tok], i: int, lookahead: int) -> bool:
    """Whether the words after position ``i``, up to the next list joiner, hold a predicate."""
    w = _words()
    for j in range(i + 1, min(len(toks), i + 1 + lookahead)):
        tok = toks[j]
        if tok.lower in w.joiners or tok.lower in w.hard:
            return False
        if tok.lower in w.predicates or tok.lemma in w.predicates:
            return True
        if j > i + 1 and _participle(tok.lower) and toks[j - 1].lower not in _NOT_WORDS:
            return True  # "no fever, speech slurred": the speech is slurred (not "..., not tilted")
        if j > i + 1 and _dated(toks, j):
            return True  # "no fever, numbness in my leg since Monday": a dated thing is told
    return False


def _participle(word: str) -> bool:
    """A word of five letters or more with an ending of ``predicate_endings`` ("slurred",
    "blurred", "drooped"); not a normal told by "un-" ("unaffected", "unchanged"), which goes on
    a list of normal findings."""
    return len(word) >= 5 and word.isalpha() and word.endswith(_endings()) and not word.startswith("un")


_NOT_WORDS = frozenset({"not", "no", "never", "nor", "n't", "without", "hardly", "barely"})


def _dated(toks: Sequence[Tok], j: int) -> bool:
    """Whether a word of ``predicate_times`` (one or two words) starts at ``j``."""
    one = toks[j].lower
    two = f"{one} {toks[j + 1].lower}" if j + 1 < len(toks) else one
    times = _times()
    return one in times or two in times


@cache
def _times() -> frozenset[str]:
    return frozenset(context_file().clauses.predicate_times)


@cache
def _endings() -> tuple[str, ...]:
    return tuple(context_file().clauses.predicate_endings)


def _plan_ahead(toks: Sequence[Tok], w: _Words) -> list[bool]:
    """Per token, whether a plan (a subject of ``plan_subjects`` and a word of ``plan_words``:
    "I'll", "we will") comes later in its sentence: one pass from the end."""
    n = len(toks)
    out = [False] * n
    seen = False
    for i in range(n - 1, -1, -1):
        if toks[i].lower in (".", "!", "?", "\n"):
            seen = False
        elif i + 1 < n and toks[i].lower in w.plan_subjects and any(_starts_at(toks, i + 1, p) for p in w.plan_words):
            seen = True
        out[i] = seen
    return out


def _or_alternative(toks: Sequence[Tok], j: int, hard: list[bool], plan_ahead: list[bool]) -> bool:
    """Whether the boundary at ``j`` is an "or" opening a condition's second alternative with its
    own subject, before a plan ("if it gets worse or I can't feel my legs I'll ring"): only the
    "or" itself, never a full stop, comma or other word."""
    return toks[j].lower == "or" and hard[j] and j + 1 < len(toks) and plan_ahead[j + 1]


def _runon_breaks(toks: Sequence[Tok], hard: list[bool], w: _Words) -> list[bool]:
    """Per token, whether a negated verb's phrase ends before it in a message run on without
    stops: after a word that closes a clause ("either", "too", "as well") when that word does not
    modify this one ("either leg", "too far"), and at a new complaint told with its own length or
    a word of now ("sore lower back for ten days", "neck stiff 3 days now"), its site and degree
    words included, when no list's joiner stands right before it ("numbness or back pain for a
    week" stays one denied list). Each complaint's head looks back over a few words: linear."""
    n = len(toks)
    out = [False] * n
    for i, t in enumerate(toks):
        low = t.lower
        end = -1
        if low in w.runon_ends:
            end = i + 1
        elif (
            low == "as" and i + 1 < n and toks[i + 1].lower == "well" and not (i + 2 < n and toks[i + 2].lower == "as")
        ):
            end = i + 2
        if 0 < end < n and not hard[end] and toks[end].lower not in w.runon_end_not_before:
            out[end] = True
        if low in w.complaint_heads and i + 1 < n and _present_item(toks, i + 1, w):
            p = i
            while p > 0 and i - p < 4 and toks[p - 1].lower in w.complaint_leads:
                p -= 1
            if p > 0 and toks[p - 1].lower not in _RUNON_JOINERS:
                out[p] = True
    return out


# a complaint right after these is a list's next item or the verb's own object ("numbness or back
# pain for a week", "didn't have the back pain for two days"), not a new statement
_RUNON_JOINERS = frozenset(
    {",", "or", "and", "nor", "/", "&", "no", "not", "n't", "nt", "any", "of", "with"}
    | {"the", "a", "an", "my", "his", "her", "their", "our", "your"}
)


def _item_denials(triggers: Sequence[Trigger], blocked: dict[int, tuple[int, int]], w: _Words) -> frozenset[int]:
    """The starts of denials that open an item of their own and deny all that follows in it as
    far as an earlier denial would: a determiner ("no", "nil") reaching forward with the full
    scope of its category, not blocked by a pseudo-trigger ("no better") and not a verb's own
    negation ("not eating, vomiting" denies the eating only)."""
    return frozenset(
        t.start
        for k, t in enumerate(triggers)
        if t.category == "NEGATED_EXISTENCE"
        and t.direction in ("FORWARD", "BIDIRECTIONAL")
        and t.max_scope is None
        and not t.final
        and k not in blocked
        and t.text not in w.verbal
    )
