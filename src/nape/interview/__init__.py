"""The interview: its state and steps (``flow``) and saving it (``service``).

``flow`` is pure (state in, state out); ``service`` loads a saved interview, changes it and saves
it with compare-and-swap, with one conflict policy for the API and the web pages.
"""

from nape.interview.flow import (
    CONFIRM_AGE,
    CONFIRM_SEX,
    NONE_TICKED,
    STOPPED_EARLY_NOTE,
    Answer,
    InterviewState,
    answer,
    answer_items,
    asked_count,
    current,
    emergency_stop,
    evidence,
    finding_answers,
    max_answers,
    max_questions,
    person,
    resolved_age_sex,
    settled_findings,
    start,
    stop,
    ticked,
    undo,
    who,
    word_for,
)

__all__ = [
    "CONFIRM_AGE",
    "CONFIRM_SEX",
    "NONE_TICKED",
    "STOPPED_EARLY_NOTE",
    "Answer",
    "InterviewState",
    "answer",
    "answer_items",
    "asked_count",
    "current",
    "emergency_stop",
    "evidence",
    "finding_answers",
    "max_answers",
    "max_questions",
    "person",
    "resolved_age_sex",
    "settled_findings",
    "start",
    "stop",
    "ticked",
    "undo",
    "who",
    "word_for",
]
