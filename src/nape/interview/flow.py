"""An interview: start from what the person wrote, then one question at a time.

State is plain data (JSON-serialisable) so the service can keep it in a database and any
worker can continue it. Example::

    state = start("woke up with a stiff neck", age=30)
    q = current(state).next_question          # e.g. "How long has it lasted so far?"
    state = answer(state, q.finding, "under_1_week")   # a choice, or yes / no / dont_know

Who it is for: ``subject="other"`` with a ``relation`` ("child", "parent", ...) words every
question for that person ("Does your son have ...?") and the result says whom it was about. When
the age or sex typed differs from the one in the text ("my son, 14"), the text's is used for now
and the first question asks which is right.

The interview stops at once when a red flag at an emergency level fires (in the text or an
answer); it never asks about a finding that is already known, stated, answered or implied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from nape.assessment import assess_evidence, read_input
from nape.assessment.questions import Question, next_question
from nape.errors import InputError, InterviewFullError, UnknownFindingError
from nape.intake.records import Mention
from nape.reasoning.evidence import Evidence
from nape.reasoning.interview_data import InterviewPlan, interview_plan
from nape.reasoning.model import Model, default_model
from nape.report.schema import AssessmentOut, ChoiceOut, QuestionOut
from nape.triage.engine import ambulance_signs

Answer = Literal["yes", "no", "dont_know"]
Subject = Literal["self", "other"]
_VALUE: dict[str, bool | None] = {"yes": True, "no": False, "dont_know": None}
#: Pseudo-questions that settle a conflict between what was typed and what the text says.
CONFIRM_AGE = "confirm_age"
CONFIRM_SEX = "confirm_sex"
_CONFIRM = (CONFIRM_AGE, CONFIRM_SEX)
STOPPED_EARLY_NOTE = "Stopped early: not every question was answered, so this result may change."
#: A checklist answer with nothing ticked ("None of these").
NONE_TICKED = "none"


@dataclass(frozen=True)
class InterviewState:
    age: int | None = None
    sex: str | None = None
    text: str = ""
    stated: dict[str, bool] = field(default_factory=dict)  # from the text
    mentions: tuple[Mention, ...] = ()
    # (finding or group or confirm key, answer / choice id / value, red-flag screen?)
    answers: tuple[tuple[str, str, bool], ...] = ()
    notes: tuple[str, ...] = ()
    about_someone_else: bool = False
    subject: Subject | None = None  # None: not said (read from the text)
    relation: str | None = None  # child, parent, partner, ... (interview.yaml relations)
    conflicts: dict[str, list[str]] = field(default_factory=dict)  # confirm key -> [text's, typed]
    stopped_early: bool = False
    # a baby's age in whole months, from the text ("my 6 week old"): the infant fever rules
    # need it; kept only while the age in years is the text's (see ``resolved_age_months``)
    age_months: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "age": self.age,
            "sex": self.sex,
            "text": self.text,
            "stated": self.stated,
            "mentions": [m.__dict__ for m in self.mentions],
            "answers": [list(a) for a in self.answers],
            "notes": list(self.notes),
            "about_someone_else": self.about_someone_else,
            "subject": self.subject,
            "relation": self.relation,
            "conflicts": self.conflicts,
            "stopped_early": self.stopped_early,
            "age_months": self.age_months,
        }

    @staticmethod
    def from_dict(data: dict[str, object]) -> InterviewState:
        subject = data.get("subject")
        return InterviewState(
            age=data.get("age"),  # type: ignore[arg-type]
            sex=data.get("sex"),  # type: ignore[arg-type]
            text=str(data.get("text", "")),
            stated=dict(data.get("stated", {})),  # type: ignore[call-overload]
            mentions=tuple(Mention(**m) for m in data.get("mentions", [])),  # type: ignore[attr-defined]
            answers=tuple((str(a[0]), str(a[1]), bool(a[2])) for a in data.get("answers", [])),  # type: ignore[attr-defined]
            notes=tuple(str(n) for n in data.get("notes", [])),  # type: ignore[attr-defined]
            about_someone_else=bool(data.get("about_someone_else", False)),
            subject="self" if subject == "self" else "other" if subject == "other" else None,
            relation=str(data["relation"]) if data.get("relation") else None,
            conflicts={str(k): [str(x) for x in v] for k, v in dict(data.get("conflicts") or {}).items()},  # type: ignore[call-overload]
            stopped_early=bool(data.get("stopped_early", False)),
            age_months=_int_or_none(data.get("age_months")),
        )


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _norm_sex(sex: str | None) -> str | None:
    if sex is None or not sex.strip():
        return None
    s = sex.strip().lower()
    return {"f": "female", "woman": "female", "m": "male", "man": "male"}.get(s, s)


def start(
    text: str | None = None,
    *,
    age: int | None = None,
    sex: str | None = None,
    findings: dict[str, bool] | None = None,
    subject: Subject | None = None,
    relation: str | None = None,
    model: Model | None = None,
) -> InterviewState:
    """Read the opening text (if any) and explicit findings into a new interview.

    ``subject``/``relation`` say who the check is for. The text's own age and sex ("my son, 14")
    fill in what was not typed; when they differ from what was typed, the text's are used for
    now and the interview first asks which is right.
    """
    model = model or default_model()
    plan = interview_plan()
    if subject not in (None, "self", "other"):
        raise InputError(f"subject must be self or other, not {subject!r}")
    if relation is not None and relation not in plan.relations:
        raise InputError(f"relation must be one of {', '.join(plan.relations)}, not {relation!r}")
    if relation is not None and subject is None:
        subject = "other"
    sex = _norm_sex(sex)
    r = read_input(text, findings, None, None, model)  # the text's own age and sex
    conflicts: dict[str, list[str]] = {}
    final_age, final_sex = age, sex
    if r.age is not None:
        if age is not None and age != r.age:
            conflicts[CONFIRM_AGE] = [str(r.age), str(age)]
        final_age = r.age if (age is None or age != r.age) else age
    if r.sex is not None:
        if sex is not None and sex != r.sex:
            conflicts[CONFIRM_SEX] = [r.sex, sex]
        final_sex = r.sex
    Evidence.build(model.kb, r.stated, final_age, final_sex)  # validates the typed age too
    about_other = subject == "other" if subject is not None else r.about_someone_else
    return InterviewState(
        final_age,
        final_sex,
        text or "",
        r.stated,
        tuple(r.mentions),
        (),
        tuple(r.notes),
        about_other,
        subject,
        relation,
        conflicts,
        age_months=r.age_months if final_age is not None and final_age == r.age else None,
    )


# --------------------------------------------------------------------------- what is known
def resolved_age_sex(state: InterviewState) -> tuple[int | None, str | None]:
    """Age and sex after any answers to a conflict question."""
    age, sex = state.age, state.sex
    for key, value, _ in state.answers:
        if key == CONFIRM_AGE and value.isdigit():
            age = int(value)
        elif key == CONFIRM_SEX and value in ("female", "male"):
            sex = value
    return age, sex


def resolved_age_months(state: InterviewState) -> int | None:
    """A baby's age in months, while the age in years is still the one it came with (an answer
    that changes the age drops it). Example: "my 6 week old has a temperature" -> 1."""
    age, _ = resolved_age_sex(state)
    if state.age_months is None or age is None or age != state.age_months // 12:
        return None
    return state.age_months


def _known(state: InterviewState, plan: InterviewPlan) -> tuple[dict[str, bool], set[str], dict[str, str]]:
    """(findings known, findings asked, finding -> how it was answered) from the text and answers."""
    findings = dict(state.stated)
    asked: set[str] = set()
    how: dict[str, str] = {}
    groups = plan.group_ids()
    checklists = plan.checklist_ids()
    last = {key: n for n, (key, _, _) in enumerate(state.answers) if key in checklists}
    age, sex = resolved_age_sex(state)
    for n, (key, ans, _) in enumerate(state.answers):  # later answers replace earlier ones
        if key in _CONFIRM:
            continue
        if key in checklists:
            if last[key] == n:
                _apply_checklist(plan, key, ans, age, sex, findings, asked, how)
            continue
        if key in groups:
            g = plan.group(key)
            asked |= set(g.members)
            for fid in g.members:
                findings.pop(fid, None)
                how.pop(fid, None)
            if ans != "dont_know":
                choice = g.choice(ans)
                for fid, chosen in choice.sets.items():
                    findings[fid] = chosen
                    how[fid] = f"answered “{choice.label.lower()}”"
            continue
        asked.add(key)
        value = _VALUE[ans]
        if value is None:
            findings.pop(key, None)
            how.pop(key, None)
        else:
            findings[key] = value
            how[key] = f"answered {ans}"
    explicit = set(findings)
    implied = plan.implied(findings, explicit)
    for fid in set(implied) - explicit:
        how[fid] = "implied by the other answers"
    return implied, asked, how


def ticked(value: str) -> list[str]:
    """The items ticked in a stored checklist answer ("none" and "dont_know" tick nothing)."""
    return [] if value in (NONE_TICKED, "dont_know") else value.split(",")


def _apply_checklist(
    plan: InterviewPlan,
    key: str,
    ans: str,
    age: int | None,
    sex: str | None,
    findings: dict[str, bool],
    asked: set[str],
    how: dict[str, str],
) -> None:
    """A checklist answer: ticked items present; the other items shown absent ("don't know":
    unknown). Items shown are those the question offered: for this age and sex, and not known
    (stated, answered or implied) or asked before it."""
    c = plan.checklist(key)
    known_now = plan.implied(findings, set(findings))
    shown = [i.finding for i in c.items if i.fits(age, sex) and i.finding not in known_now and i.finding not in asked]
    chosen = ticked(ans)
    asked.update(shown)
    asked.update(chosen)
    if ans == "dont_know":
        return
    for fid in chosen:
        findings[fid] = True
        how[fid] = "ticked in a list of warning signs"
    for fid in shown:
        if fid not in chosen:
            findings[fid] = False
            how[fid] = "not ticked in a list of warning signs"


def evidence(state: InterviewState, model: Model | None = None) -> Evidence:
    model = model or default_model()
    findings, asked, _ = _known(state, interview_plan())
    age, sex = resolved_age_sex(state)
    return Evidence.build(model.kb, findings, age, sex, frozenset(asked), age_months=resolved_age_months(state))


def max_answers(model: Model | None = None) -> int:
    """Most answers an interview keeps: its question cap (``interview.max_questions``).

    Back removes the last answer, so a person can always step back and answer again; only
    answers beyond the cap are refused, which keeps a saved interview's state bounded.
    """
    return (model or default_model()).kb.meta.interview.max_questions


def settled_findings(state: InterviewState, model: Model | None = None) -> set[str]:
    """Every finding the interview must not ask about: known (any way) or already asked."""
    ev = evidence(state, model)
    return set(ev.findings) | set(ev.asked)


# --------------------------------------------------------------------------- answering
def answer(state: InterviewState, finding: str, value: str, model: Model | None = None) -> InterviewState:
    """Record an answer: yes / no / dont_know to a finding, or a choice id to a multiple-choice
    question (``finding`` is then the group id). A later answer to the same question wins.

    At the cap (``max_answers``) a further answer is a numbered error (E205, 422 in the API)
    until Back takes one away.
    """
    model = model or default_model()
    cap = max_answers(model)
    if len(state.answers) >= cap:
        raise InterviewFullError(f"this interview already has {cap} answers, the most it keeps; go Back to change one")
    plan = interview_plan()
    if finding in _CONFIRM:
        offered = state.conflicts.get(finding)
        if not offered or value not in offered:
            raise InputError(f"answer to {finding} must be one of {offered or []}, not {value!r}")
        return replace(state, answers=(*state.answers, (finding, value, False)))
    if finding in plan.group_ids():
        g = plan.group(finding)
        ids = [c.id for c in g.choices]
        if value != "dont_know" and value not in ids:
            raise InputError(f"answer to {finding} must be one of {', '.join(ids)} or dont_know, not {value!r}")
        return replace(state, answers=(*state.answers, (finding, value, False)))
    if finding in plan.checklist_ids():
        return replace(state, answers=(*state.answers, (finding, _checklist_value(plan, finding, value), True)))
    if finding not in model.kb.findings:
        raise UnknownFindingError(f"unknown finding id {finding!r}")
    if value not in _VALUE:
        raise InputError(f"answer must be yes, no or dont_know, not {value!r}")
    q = _pending_question(state, model)
    screen = bool(q and q.finding == finding and q.reason == "red_flag_screen")
    return replace(state, answers=(*state.answers, (finding, value, screen)))


def _checklist_value(plan: InterviewPlan, checklist_id: str, value: str) -> str:
    """A checklist answer as stored: "dont_know", "none", or the ticked item ids in list order.

    "no" (none of these apply) is taken as "none", so a client that answers every question
    yes / no / don't know can answer a checklist too."""
    if value in ("dont_know", NONE_TICKED, "", "no"):  # "no": none of these apply
        return "dont_know" if value == "dont_know" else NONE_TICKED
    if value == "yes":
        raise InputError(f"{checklist_id} is a checklist: answer with the ids of the items that apply, no or dont_know")
    order = plan.checklist(checklist_id).item_ids()
    chosen = {v.strip() for v in value.split(",") if v.strip()}
    wrong = sorted(chosen - set(order))
    if wrong:
        raise InputError(f"answer to {checklist_id} ticks items it does not list: {', '.join(wrong)}")
    return ",".join(f for f in order if f in chosen) or NONE_TICKED


def answer_items(
    state: InterviewState, checklist_id: str, items: list[str], model: Model | None = None
) -> InterviewState:
    """Answer a checklist with the ids of the items ticked (an empty list: "None of these")."""
    if checklist_id not in interview_plan().checklist_ids():
        raise InputError(
            f"{checklist_id!r} is not a checklist question; answer it with yes / no / dont_know or a choice"
        )
    return answer(state, checklist_id, ",".join(items) or NONE_TICKED, model)


def undo(state: InterviewState) -> InterviewState:
    """Take back the last answer (the web page's Back button)."""
    return replace(state, answers=state.answers[:-1])


def stop(state: InterviewState) -> InterviewState:
    """The person chose to stop before the last question: the result says so."""
    return replace(state, stopped_early=True)


def finding_answers(state: InterviewState) -> list[tuple[str, str]]:
    """Each finding asked about with its latest answer (yes / no / dont_know); a multiple-choice
    answer counts for every finding of its group (FHIR's QuestionnaireResponse lists these)."""
    plan = interview_plan()
    groups = plan.group_ids()
    latest: dict[str, str] = {}
    checklists = plan.checklist_ids()
    _, asked_ids, _ = _known(state, plan)
    findings, _, _ = _known(state, plan)
    for key, ans, _ in state.answers:
        if key in _CONFIRM:
            continue
        if key in checklists:
            for fid in plan.checklist(key).item_ids():
                if fid in asked_ids and (fid in ticked(ans) or fid not in state.stated):
                    latest.pop(fid, None)
                    value = findings.get(fid) if ans != "dont_know" else None
                    latest[fid] = "dont_know" if value is None else "yes" if value else "no"
            continue
        if key in groups:
            g = plan.group(key)
            sets = {} if ans == "dont_know" else g.choice(ans).sets
            for fid in g.members:
                latest.pop(fid, None)
                value = sets.get(fid)
                latest[fid] = "dont_know" if value is None else "yes" if value else "no"
            continue
        latest.pop(key, None)
        latest[key] = ans
    return list(latest.items())


def asked_count(state: InterviewState) -> int:
    """Questions answered so far (a changed answer counts once): the progress bar's value."""
    return len({a[0] for a in state.answers})


def max_questions() -> int:
    """The most questions an interview asks."""
    return interview_plan().settings.max_questions


def _counts(state: InterviewState) -> tuple[int, int, int]:
    """(questions answered, red-flag screening questions answered, checklists among them)."""
    screens = {a[0] for a in state.answers if a[2]}
    return asked_count(state), len(screens), len(screens & interview_plan().checklist_ids())


def _pending_question(state: InterviewState, model: Model) -> Question | None:
    """The question the interview is waiting on, without building the full report."""
    ev = evidence(state, model)
    return next_question(model, ev, model.posterior(ev), *_counts(state))


# --------------------------------------------------------------------------- who it is for
@dataclass(frozen=True)
class Person:
    """How to name the person the check is about in a question."""

    noun: str  # "your son", "the person"; "you" for oneself
    pronoun: str  # he / she / they
    obj: str  # him / her / them
    poss: str  # his / her / their
    poss_pronoun: str  # his / hers / theirs

    @property
    def singular(self) -> bool:
        return self.pronoun in ("he", "she")


def person(state: InterviewState) -> Person | None:
    """The person the check is about, or None when it is for the one typing."""
    if not state.about_someone_else:
        return None
    plan = interview_plan()
    _, sex = resolved_age_sex(state)
    rel = plan.relations.get(state.relation or "other") or plan.relations["other"]
    noun = (rel.male if sex == "male" else rel.female if sex == "female" else None) or rel.noun
    if sex == "male":
        return Person(noun, "he", "him", "his", "his")
    if sex == "female":
        return Person(noun, "she", "her", "her", "hers")
    return Person(noun, "they", "them", "their", "theirs")


_AGREE = {"have": "has", "are": "is", "were": "was", "do": "does", "go": "goes"}
_KEEP = {
    *("can", "cannot", "could", "did", "had", "will", "would", "may", "might", "must", "should", "was", "is", "has"),
    *("woke", "felt", "got", "went", "came", "took", "lost", "saw", "fell", "hit", "had", "made", "began"),
}
_ADVERBS = {
    "first",
    "ever",
    "also",
    "still",
    "often",
    "usually",
    "recently",
    "now",
    "regularly",
    "really",
    "just",
    "last",
}


def _third_person(word: str) -> str:
    verb = word.rstrip(".,;:?!")
    tail = word[len(verb) :]
    return _agree(verb) + tail


def _agree(verb: str) -> str:
    low = verb.lower()
    if low in _AGREE:
        return _AGREE[low]
    if low in _KEEP or low.endswith("ed") or not low.isalpha():
        return verb
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _pronoun_verb(rest: str, p: Person) -> str:
    """'get up' -> 'gets up' after he / she (an adverb first is skipped: 'first notice')."""
    if not p.singular:
        return rest
    lead = len(rest) - len(rest.lstrip(" "))
    words = rest[lead:].split(" ")
    i = 0
    while i < len(words) - 1 and words[i].lower() in _ADVERBS:
        i += 1
    if words and words[i]:
        words[i] = _third_person(words[i])
    return rest[:lead] + " ".join(words)


def word_for(text: str, p: Person | None) -> str:
    """A question written to "you", reworded for the person the check is about (data rules)."""
    if p is None:
        return text
    plan = interview_plan()
    poss = p.noun + "'s" if p.noun.startswith(("your ", "the ")) else p.poss
    fill = {
        "subject_lower": p.noun,
        "possessive": poss,
        "object": p.obj,
        "pronoun": p.pronoun,
        "possessive_short": p.poss,
        "possessive_pronoun": p.poss_pronoun,
        "reflexive": {"he": "himself", "she": "herself"}.get(p.pronoun, "themselves"),
        "has": "has" if p.singular else "have",
        "does": "does" if p.singular else "do",
        "is": "is" if p.singular else "are",
        "was": "was" if p.singular else "were",
        "pronoun_verb": "\x00",
    }
    keys = list(fill)
    out = []
    for sentence in re.split(r"(?<=[.?!])\s+", text):
        s = sentence
        for rule in plan.wording:
            to = rule.to
            for i, k in enumerate(keys):  # placeholders, so later rules do not reword the names
                to = to.replace("{" + k + "}", f"\x01{i}\x02")
            s = re.sub(rule.from_, to.replace("\\1", r"\g<1>"), s, count=0 if "\\b" in rule.from_ else 1)
        s = re.sub("\x01(\\d+)\x02", lambda m: fill[keys[int(m.group(1))]], s)
        while "\x00" in s:
            head, _, rest = s.partition("\x00")
            s = head + p.pronoun + _pronoun_verb(rest, p)
        out.append(s[:1].upper() + s[1:])
    return " ".join(out)


def who(state: InterviewState) -> str:
    """Who the check was about, for the result and the clinician's note."""
    age, sex = resolved_age_sex(state)
    p = person(state)
    bits = [f"{age} years old" if age is not None else None, sex]
    detail = ", ".join(b for b in bits if b)
    if p is None:
        return f"The person who filled it in ({detail})" if detail else "The person who filled it in"
    name = p.noun[:1].upper() + p.noun[1:]
    return f"{name}, as described by someone else ({detail})" if detail else f"{name}, as described by someone else"


# --------------------------------------------------------------------------- emergency stop
@dataclass(frozen=True)
class EmergencyStop:
    """Why the interview stopped at once, what to do while waiting and whom to call."""

    level: str
    red_flag: str
    reason: str  # one sentence
    advice: str
    while_waiting: list[str]
    numbers: list[str]
    # at the emergency department's level: the signs, still unknown, that would make it an
    # ambulance instead (a dangerous injury mechanism, a closing throat); none at an ambulance
    call_ambulance_if: list[str] = field(default_factory=list)


def emergency_stop(a: AssessmentOut, state: InterviewState | None = None) -> EmergencyStop | None:
    """The emergency result when a red flag at an emergency level has fired, else None. With the
    interview's ``state``, a stop that sends the person to the emergency department also lists
    the signs that would call an ambulance instead (the interview asks nothing more).

    Example: "slipped on the ice, tender over the spine bones" stops at "go to the emergency
    department now", with "call an ambulance instead if ... a fall from a height ..."."""
    from nape.core.config import get_settings

    flags = [f for f in a.red_flags if f.level in ("emergency_ambulance", "emergency")]
    if not flags:
        return None
    flag = flags[0]  # most urgent first
    first = re.split(r"(?<=[.!?])\s+", flag.message.strip())[0]
    signs: list[str] = []
    if state is not None and a.triage.level == "emergency":
        model = default_model()
        signs = ambulance_signs(model, evidence(state, model))
    return EmergencyStop(
        level=flag.level,
        red_flag=flag.id,
        reason=first,
        advice=a.triage.advice,
        while_waiting=list(interview_plan().while_waiting),
        numbers=get_settings().emergency_numbers(),
        call_ambulance_if=signs,
    )


# --------------------------------------------------------------------------- the report
def _confirm_question(state: InterviewState) -> QuestionOut | None:
    answered = {a[0] for a in state.answers}
    p = person(state)
    whose = f"How old is {p.noun}" if p else "How old are you"
    for key in _CONFIRM:
        offered = state.conflicts.get(key)
        if not offered or key in answered:
            continue
        text_value, typed = offered
        if key == CONFIRM_AGE:
            text = f"The description says {text_value}, but {typed} was typed as the age. {whose}?"
            choices = [ChoiceOut(id=v, label=f"{v} years") for v in offered]
        else:
            whom = p.noun if p else "you"
            text = f"The description reads as {text_value}, but {typed} was chosen. Which is right for {whom}?"
            choices = [ChoiceOut(id=v, label=v.capitalize()) for v in offered]
        why = "The right age and sex change which causes are likely."
        return QuestionOut(finding=key, text=text, why_ask=why, answers=[], reason="confirm", choices=choices)
    return None


def current(state: InterviewState, model: Model | None = None) -> AssessmentOut:
    """The assessment so far, with the next question (None when the interview is done)."""
    model = model or default_model()
    ev = evidence(state, model)
    asked, screened, checklists = _counts(state)
    _, _, how = _known(state, interview_plan())
    answered = [Mention(fid, ev.findings[fid], words) for fid, words in how.items() if fid in ev.findings]
    by_id = {m.finding: m for m in [*state.mentions, *answered]}
    notes = list(state.notes)
    if state.stopped_early:
        notes.append(STOPPED_EARLY_NOTE)
    a = assess_evidence(
        ev,
        list(by_id.values()),
        model=model,
        asked_count=asked,
        screened=screened,
        checklists=checklists,
        notes=notes,
        about_someone_else=state.about_someone_else,
    )
    q = _confirm_question(state)
    if q is None and a.next_question is not None and not state.stopped_early:
        q = _worded(a.next_question, person(state))
    patient = a.patient.model_copy(update={"who": who(state), "relation": state.relation})
    return a.model_copy(update={"next_question": q, "patient": patient})


def _word_label(label: str, p: Person | None) -> str:
    """A checklist item ("You have had cancer") worded for the person ("He has had cancer")."""
    if p is not None and re.match(r"You(r)?\b", label):
        label = "y" + label[1:]  # the wording rules read "you" in the middle of a sentence
    return word_for(label, p)


def _worded(q: QuestionOut, p: Person | None) -> QuestionOut:
    plan = interview_plan()
    update: dict[str, object] = {"text": word_for(q.text, p)}
    if q.reason == "group":
        g = plan.group(q.finding)
        update["choices"] = [ChoiceOut(id=c.id, label=c.label) for c in g.choices]
    if q.reason == "checklist":
        update["items"] = [ChoiceOut(id=i.id, label=_word_label(i.label, p)) for i in q.items]
    return q.model_copy(update=update)
