"""The store: accounts, ownership, compare-and-swap saves, deletion, outages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from nape.errors import ConflictError, NotFoundError, StoreUnavailableError
from nape.store import Store, hash_token
from nape.store.models import Clinician


def test_migrate_is_idempotent_and_creates_tables(store: Store) -> None:
    store.migrate()
    rec = store.create_interview({"text": "stiff neck"})
    assert store.get_interview(rec.id).state == {"text": "stiff neck"}


def test_interview_ids_are_long_random_and_distinct(store: Store) -> None:
    ids = {store.create_interview({}).id for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) >= 22 for i in ids)


def test_tokens_are_stored_only_as_hashes(store: Store) -> None:
    clinician, token = store.create_clinician("Dr Example")
    with store.session() as s:
        stored = s.scalars(select(Clinician.token_hash)).all()
    assert stored == [hash_token(token)]
    assert token not in stored
    assert store.clinician_for_token(token) == clinician
    assert store.clinician_for_token(token + "x") is None
    assert store.clinician_for_token("not-a-token") is None


def test_a_clinician_sees_only_their_own_interviews(store: Store) -> None:
    a, _ = store.create_clinician("A")
    b, _ = store.create_clinician("B")
    mine = store.create_interview({"text": "a"}, owner_id=a.id)
    store.create_interview({"text": "b"}, owner_id=b.id)
    assert [r.id for r in store.list_interviews(a.id)] == [mine.id]
    with pytest.raises(NotFoundError):
        store.get_interview(mine.id, owner_id=b.id)
    with pytest.raises(NotFoundError):
        store.get_interview(mine.id)  # no token at all
    with pytest.raises(NotFoundError):
        store.delete_interview(mine.id, owner_id=b.id)
    assert store.get_interview(mine.id, owner_id=a.id).state == {"text": "a"}


def test_a_self_assessment_is_reachable_by_its_link_and_can_be_deleted(store: Store) -> None:
    rec = store.create_interview({"text": "mine"})
    assert store.get_interview(rec.id).owner_id is None
    store.delete_interview(rec.id)
    with pytest.raises(NotFoundError):
        store.get_interview(rec.id)


def test_saves_are_compare_and_swap(store: Store) -> None:
    rec = store.create_interview({"answers": []})
    saved = store.save_interview(rec.id, {"answers": [1]}, version=rec.version)
    assert saved.version == rec.version + 1
    with pytest.raises(ConflictError):
        store.save_interview(rec.id, {"answers": [2]}, version=rec.version)  # stale read
    assert store.get_interview(rec.id).state == {"answers": [1]}


def test_state_survives_a_new_store_on_the_same_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nape.db'}"
    first = Store(url)
    first.migrate()
    rec = first.create_interview({"text": "kept"})
    first.dispose()
    again = Store(url)  # a restart, or another worker
    again.migrate()
    assert again.get_interview(rec.id).state == {"text": "kept"}


def test_an_unreachable_database_is_e501_and_loses_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nape.db'}"
    good = Store(url)
    good.migrate()
    rec = good.create_interview({"text": "saved before the outage"})
    bad = Store("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreUnavailableError) as err:
        bad.create_interview({"text": "new"})
    assert str(err.value).startswith("E501")
    assert not bad.ping()
    assert good.get_interview(rec.id).state == {"text": "saved before the outage"}
