"""The one place that reads and writes saved interviews and clinician accounts.

Every method opens its own short transaction, so a failure leaves what was saved before
untouched. Database outages become ``StoreUnavailableError`` (E501), never a traceback.
Example::

    store = Store("sqlite:///:memory:")
    store.migrate()
    clinician, token = store.create_clinician("Dr A. Physio")
    rec = store.create_interview({"text": "stiff neck"}, owner_id=clinician.id)
    store.get_interview(rec.id, owner_id=clinician.id).state["text"]   # 'stiff neck'
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, select, update
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from nape.errors import ConflictError, NotFoundError, StoreUnavailableError
from nape.store.models import Clinician, Interview, utcnow

TOKEN_PREFIX = "nape_"


def hash_token(token: str) -> str:
    """SHA-256 hex of a token: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_interview_id() -> str:
    """A random, unguessable id (128 bits, URL-safe): the private link to an assessment."""
    return secrets.token_urlsafe(16)


@dataclass(frozen=True)
class InterviewRecord:
    id: str
    owner_id: int | None
    kind: str
    state: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ClinicianRecord:
    id: int
    name: str
    created_at: datetime


def _aware(t: datetime) -> datetime:
    """SQLite returns naive datetimes; every time nape stores is UTC."""
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _record(row: Interview) -> InterviewRecord:
    return InterviewRecord(
        row.id, row.owner_id, row.kind, dict(row.state), row.version, _aware(row.created_at), _aware(row.updated_at)
    )


def _sqlite_pragmas(dbapi_conn: Any, _: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL mode and their folder is created.

    ``hide_parameters``: SQL parameters (a saved interview holds what a person wrote) never
    appear in logs or error messages.
    """
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        if not memory:
            Path(url.split(":///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool if memory else None,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        if not memory:
            # a damaged or locked file is reported on first use (E501), so `nape serve` still starts
            with contextlib.suppress(DBAPIError), engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5}, hide_parameters=True)


class Store:
    """Saved interviews and clinician accounts behind one small API."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except (OperationalError, DBAPIError) as exc:
            raise StoreUnavailableError(f"the database cannot be reached ({type(exc).__name__})") from None
        except OSError as exc:  # the SQLite file's folder cannot be made (NAPE_DATA_DIR is a file, ...)
            raise StoreUnavailableError(
                f"the database folder cannot be created ({exc.strerror}); check NAPE_DATA_DIR"
            ) from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.migrated = False

    @classmethod
    def from_settings(cls) -> Store:
        from nape.core.config import get_settings

        return cls(get_settings().resolved_database_url())

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error."""
        try:
            with self._sessions.begin() as s:
                yield s
        except IntegrityError:
            raise
        except (OperationalError, InterfaceError, DatabaseError) as exc:  # down, or a damaged file
            raise StoreUnavailableError(
                f"the database cannot be reached ({type(exc.orig).__name__}); nothing saved was changed"
            ) from None

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (safe to call on every start)."""
        from nape.store.migrate import upgrade

        try:
            upgrade(self.engine)
            self.migrated = True
        except (OperationalError, DBAPIError) as exc:
            raise StoreUnavailableError(f"the database cannot be reached ({type(exc.orig).__name__})") from None

    def ensure_migrated(self) -> None:
        """Migrate once per process (a database that was down at start-up is migrated when it returns)."""
        if not self.migrated:
            self.migrate()

    def ping(self) -> bool:
        """True when the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return True
        except (OperationalError, DBAPIError):
            return False

    def dispose(self) -> None:
        self.engine.dispose()

    # interviews -------------------------------------------------------------

    def create_interview(
        self, state: dict[str, Any], *, owner_id: int | None = None, kind: str = "interview"
    ) -> InterviewRecord:
        """Save a new interview and return it with its private id."""
        now = utcnow()
        row = Interview(
            id=new_interview_id(), owner_id=owner_id, kind=kind, state=state, version=1, created_at=now, updated_at=now
        )
        with self.session() as s:
            s.add(row)
            s.flush()
            return _record(row)

    def get_interview(self, interview_id: str, *, owner_id: int | None = None) -> InterviewRecord:
        """The interview, if the caller may see it.

        A clinician's interview is visible only to that clinician; a self-assessment (no owner) is
        visible to whoever holds its id. Anything else is "not found", so ids cannot be probed.
        """
        with self.session() as s:
            row = s.get(Interview, interview_id)
            if row is None or (row.owner_id is not None and row.owner_id != owner_id):
                raise NotFoundError("no such assessment (it may have been deleted)")
            return _record(row)

    def save_interview(
        self, interview_id: str, state: dict[str, Any], *, version: int, owner_id: int | None = None
    ) -> InterviewRecord:
        """Replace the state if nobody saved since ``version`` was read (compare-and-swap)."""
        current = self.get_interview(interview_id, owner_id=owner_id)
        now = utcnow()
        with self.session() as s:
            result = s.execute(
                update(Interview)
                .where(Interview.id == interview_id, Interview.version == version)
                .values(state=state, version=version + 1, updated_at=now)
            )
            if getattr(result, "rowcount", 1) == 0:
                raise ConflictError("the assessment was changed by another request; fetch it and try again")
        return InterviewRecord(current.id, current.owner_id, current.kind, state, version + 1, current.created_at, now)

    def delete_interview(self, interview_id: str, *, owner_id: int | None = None) -> None:
        """Delete for good (the person's "delete my assessment", or its clinician's)."""
        self.get_interview(interview_id, owner_id=owner_id)
        with self.session() as s:
            s.execute(delete(Interview).where(Interview.id == interview_id))

    def list_interviews(self, owner_id: int, *, limit: int = 200) -> list[InterviewRecord]:
        """A clinician's own interviews, newest first."""
        with self.session() as s:
            rows = s.scalars(
                select(Interview)
                .where(Interview.owner_id == owner_id)
                .order_by(Interview.updated_at.desc())
                .limit(limit)
            )
            return [_record(r) for r in rows]

    # clinicians -------------------------------------------------------------

    def create_clinician(self, name: str) -> tuple[ClinicianRecord, str]:
        """Create an account; returns it with its API token, which is stored only as a hash."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = Clinician(name=name.strip()[:200] or "clinician", token_hash=hash_token(token), created_at=utcnow())
        with self.session() as s:
            s.add(row)
            s.flush()
            return ClinicianRecord(row.id, row.name, row.created_at), token

    def list_clinicians(self) -> list[ClinicianRecord]:
        """Every account, oldest first (names and ids only: tokens cannot be shown again)."""
        with self.session() as s:
            rows = s.scalars(select(Clinician).order_by(Clinician.id))
            return [ClinicianRecord(r.id, r.name, _aware(r.created_at)) for r in rows]

    def clinician_for_token(self, token: str) -> ClinicianRecord | None:
        """The account a token belongs to, or None (compares hashes, never stored tokens)."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        with self.session() as s:
            row = s.scalars(select(Clinician).where(Clinician.token_hash == hash_token(token))).first()
            return ClinicianRecord(row.id, row.name, _aware(row.created_at)) if row else None
