"""The interview: its state and steps (``flow``) and saving it (``service``).

``flow`` is pure (state in, state out); ``service`` loads a saved interview, changes it and saves
it with compare-and-swap, with one conflict policy for the API and the web pages.
"""

from nape.interview.flow import (
    Answer,
    InterviewState,
    answer,
    asked_count,
    current,
    evidence,
    max_answers,
    start,
    undo,
)

__all__ = ["Answer", "InterviewState", "answer", "asked_count", "current", "evidence", "max_answers", "start", "undo"]
