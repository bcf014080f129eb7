"""Saved interviews and clinician accounts (SQLAlchemy 2, Alembic migrations).

SQLite in the user's data directory by default; PostgreSQL when ``NAPE_DATABASE_URL`` points at
one. The reasoning stays stateless: an interview's whole state is one JSON document in a row, so
any worker can continue it and it survives a restart. Example::

    store = Store.from_settings()
    ref = store.create_interview(state.to_dict())          # a person's self-assessment
    store.save_interview(ref.id, new_state, version=ref.version)
"""

from nape.store.repository import (
    ClinicianRecord,
    InterviewRecord,
    Store,
    hash_token,
)

__all__ = ["ClinicianRecord", "InterviewRecord", "Store", "hash_token"]
