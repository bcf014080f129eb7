"""The interview service's one conflict policy: redo the change once on the newer state, then 409."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nape import interview as iv
from nape.errors import ConflictError
from nape.interview import InterviewState, service
from nape.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path}/service.db")
    s.migrate()
    yield s
    s.dispose()


def _new(store: Store) -> str:
    return store.create_interview(iv.start("woke up with a stiff neck", age=30).to_dict()).id


def _findings(state: InterviewState) -> list[str]:
    return [a[0] for a in state.answers]


def test_a_change_is_saved_and_read_back(store: Store) -> None:
    iid = _new(store)
    record, state = service.update(store, iid, None, lambda s: iv.answer(s, "fever", "no"))
    assert _findings(state) == ["fever"]
    assert record.version == 2
    assert _findings(service.load(store, iid, None)[1]) == ["fever"]


def test_no_change_saves_nothing(store: Store) -> None:
    iid = _new(store)
    record, _ = service.update(store, iid, None, lambda s: None)
    assert record.version == 1


def test_a_conflict_is_redone_once_on_the_newer_state(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    iid = _new(store)
    real_save = store.save_interview
    calls: list[int] = []

    def another_request_saves_first(*args: Any, **kw: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:  # another request's answer lands between this one's read and its save
            service.update(store, iid, None, lambda s: iv.answer(s, "fever", "no"))
        return real_save(*args, **kw)

    monkeypatch.setattr(store, "save_interview", another_request_saves_first)
    _, state = service.update(store, iid, None, lambda s: iv.answer(s, "drooling", "no"))
    assert _findings(state) == ["fever", "drooling"]
    assert len(calls) == 3  # ours, the other request's, ours again


def test_a_second_conflict_raises(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    iid = _new(store)

    def always_conflict(*args: Any, **kw: Any) -> Any:
        raise ConflictError("the assessment was changed by another request; reload it and try again")

    monkeypatch.setattr(store, "save_interview", always_conflict)
    with pytest.raises(ConflictError):
        service.update(store, iid, None, lambda s: iv.answer(s, "fever", "no"))
