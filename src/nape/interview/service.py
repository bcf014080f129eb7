"""Saved interviews: load one, change it, save it with compare-and-swap.

One conflict policy for every caller (the API and the web pages): if another request saved
first, the change is made again, once, on the newer state; a second conflict is a
``ConflictError`` (E503, HTTP 409) with a message saying to reload. Example::

    record, state = update(store, "Xk3…", None, lambda s: answer(s, "fever", "no"))
"""

from __future__ import annotations

from collections.abc import Callable

from nape.errors import ConflictError
from nape.interview.flow import InterviewState
from nape.store import InterviewRecord, Store

#: A change to an interview; None means "nothing to change" (nothing is saved).
Change = Callable[[InterviewState], InterviewState | None]


def load(store: Store, interview_id: str, owner_id: int | None) -> tuple[InterviewRecord, InterviewState]:
    """The record and its state; raises NotFoundError (404) when the caller may not see it."""
    record = store.get_interview(interview_id[:64], owner_id=owner_id)
    return record, InterviewState.from_dict(record.state)


def update(
    store: Store, interview_id: str, owner_id: int | None, change: Change
) -> tuple[InterviewRecord, InterviewState]:
    """Load, change, save with the version read; on a conflict redo the change once on the newer state.

    Example: two phones answer the same self-assessment at once — the second save finds a newer
    version, reads it (with the first answer) and adds its own, so neither answer is lost.
    """
    for attempt in (1, 2):
        record, state = load(store, interview_id, owner_id)
        new = change(state)
        if new is None:
            return record, state
        try:
            return store.save_interview(record.id, new.to_dict(), version=record.version, owner_id=owner_id), new
        except ConflictError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
