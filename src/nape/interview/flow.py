"""An interview: start from what the person wrote, then one question at a time.

State is plain data (JSON-serialisable) so the service can keep it in a database and any
worker can continue it. Example::

    state = start("woke up with a stiff neck", age=30)
    q = current(state).next_question          # e.g. "Do you have a fever?"
    state = answer(state, q.finding, "no")
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from nape.assessment import assess_evidence, read_input
from nape.assessment.questions import Question, next_question
from nape.errors import InputError, InterviewFullError, UnknownFindingError
from nape.intake.records import Mention
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import Model, default_model
from nape.report.schema import AssessmentOut
from nape.triage.engine import fired_red_flags

Answer = Literal["yes", "no", "dont_know"]
_VALUE: dict[str, bool | None] = {"yes": True, "no": False, "dont_know": None}


@dataclass(frozen=True)
class InterviewState:
    age: int | None = None
    sex: str | None = None
    text: str = ""
    stated: dict[str, bool] = field(default_factory=dict)  # from the text
    mentions: tuple[Mention, ...] = ()
    answers: tuple[tuple[str, Answer, bool], ...] = ()  # (finding, answer, red-flag screen?)
    notes: tuple[str, ...] = ()
    about_someone_else: bool = False

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
        }

    @staticmethod
    def from_dict(data: dict[str, object]) -> InterviewState:
        return InterviewState(
            age=data.get("age"),  # type: ignore[arg-type]
            sex=data.get("sex"),  # type: ignore[arg-type]
            text=str(data.get("text", "")),
            stated=dict(data.get("stated", {})),  # type: ignore[call-overload]
            mentions=tuple(Mention(**m) for m in data.get("mentions", [])),  # type: ignore[attr-defined]
            answers=tuple((a[0], a[1], bool(a[2])) for a in data.get("answers", [])),  # type: ignore[attr-defined]
            notes=tuple(str(n) for n in data.get("notes", [])),  # type: ignore[attr-defined]
            about_someone_else=bool(data.get("about_someone_else", False)),
        )


def start(
    text: str | None = None,
    *,
    age: int | None = None,
    sex: str | None = None,
    findings: dict[str, bool] | None = None,
    model: Model | None = None,
) -> InterviewState:
    """Read the opening text (if any) and explicit findings into a new interview."""
    r = read_input(text, findings, age, sex, model or default_model())
    return InterviewState(
        r.age, r.sex, text or "", r.stated, tuple(r.mentions), (), tuple(r.notes), r.about_someone_else
    )


def evidence(state: InterviewState, model: Model | None = None) -> Evidence:
    model = model or default_model()
    findings = dict(state.stated)
    asked: set[str] = set()
    for fid, ans, _ in state.answers:  # later answers replace earlier ones
        asked.add(fid)
        value = _VALUE[ans]
        if value is None:
            findings.pop(fid, None)
        else:
            findings[fid] = value
    return Evidence.build(model.kb, findings, state.age, state.sex, frozenset(asked))


def max_answers(model: Model | None = None) -> int:
    """Most answers an interview keeps: its question cap (``interview.max_questions``).

    Back removes the last answer, so a person can always step back and answer again; only
    answers beyond the cap are refused, which keeps a saved interview's state bounded.
    """
    return (model or default_model()).kb.meta.interview.max_questions


def answer(state: InterviewState, finding: str, value: str, model: Model | None = None) -> InterviewState:
    """Record an answer (yes / no / dont_know). A later answer to the same finding wins.

    At the cap (``max_answers``) a further answer is a numbered error (E205, 422 in the API)
    until Back takes one away.
    """
    model = model or default_model()
    if finding not in model.kb.findings:
        raise UnknownFindingError(f"unknown finding id {finding!r}")
    if value not in _VALUE:
        raise InputError(f"answer must be yes, no or dont_know, not {value!r}")
    cap = max_answers(model)
    if len(state.answers) >= cap:
        raise InterviewFullError(f"this interview already has {cap} answers, the most it keeps; go Back to change one")
    q = _pending_question(state, model)
    screen = bool(q and q.finding == finding and q.reason == "red_flag_screen")
    return replace(state, answers=(*state.answers, (finding, value, screen)))  # type: ignore[arg-type]


def undo(state: InterviewState) -> InterviewState:
    """Take back the last answer (the web page's Back button)."""
    return replace(state, answers=state.answers[:-1])


def asked_count(state: InterviewState) -> int:
    """Questions answered so far (a changed answer counts once): the progress bar's value."""
    return len({a[0] for a in state.answers})


def _counts(state: InterviewState) -> tuple[int, int]:
    """(questions answered, red-flag screening questions answered)."""
    return asked_count(state), len({a[0] for a in state.answers if a[2]})


def _pending_question(state: InterviewState, model: Model) -> Question | None:
    """The question the interview is waiting on, without building the full report."""
    ev = evidence(state, model)
    fired = {f.id for f in fired_red_flags(model, ev)}
    return next_question(model, ev, model.posterior(ev), *_counts(state), fired=fired)


def current(state: InterviewState, model: Model | None = None) -> AssessmentOut:
    """The assessment so far, with the next question (None when the interview is done)."""
    model = model or default_model()
    ev = evidence(state, model)
    asked, screened = _counts(state)
    answered = [
        Mention(fid, _VALUE[ans] is True, f"answered {ans.replace('_', ' ')}")
        for fid, ans, _ in state.answers
        if _VALUE[ans] is not None
    ]
    by_id = {m.finding: m for m in [*state.mentions, *answered]}
    return assess_evidence(
        ev,
        list(by_id.values()),
        model=model,
        asked_count=asked,
        screened=screened,
        notes=list(state.notes),
        about_someone_else=state.about_someone_else,
    )
