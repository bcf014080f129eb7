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
import functools
import hashlib
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar

from sqlalchemy import Engine, create_engine, delete, event, select, update
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from nape.core.config import get_settings
from nape.errors import ConflictError, NotFoundError, StoreBusyError, StoreUnavailableError
from nape.store.models import Clinician, Interview, utcnow

TOKEN_PREFIX = "nape_"
#: How long SQLite waits for another writer's lock before giving up (each attempt).
BUSY_TIMEOUT_MS = 5000
#: Attempts of one store operation that found the database locked, with a short pause between.
BUSY_ATTEMPTS = 3
BUSY_PAUSE_S = 0.05
#: How long the health check waits for the write lock: it reports, it does not queue.
HEALTH_WAIT_MS = 200
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
#: PostgreSQL: lock not available, serialization failure, deadlock; read-only transaction.
_PG_BUSY = {"55P03", "40001", "40P01"}
_PG_READONLY = {"25006"}

DatabaseState = Literal["ok", "busy", "read_only", "unavailable"]
P = ParamSpec("P")
R = TypeVar("R")


def _state_of(exc: DBAPIError) -> DatabaseState:
    """What a driver error says about the database: locked by another writer, read-only, or down."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF  # extended result codes keep the primary code in the low byte
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "busy"
        return "read_only" if primary == _SQLITE_READONLY else "unavailable"
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in _PG_BUSY:
        return "busy"
    return "read_only" if sqlstate in _PG_READONLY else "unavailable"


def _retry_busy(method: Callable[P, R]) -> Callable[P, R]:
    """Run a store operation again (up to ``BUSY_ATTEMPTS``) while the database is locked; each
    attempt already waited ``BUSY_TIMEOUT_MS`` inside SQLite. Still locked: E505, busy."""

    @functools.wraps(method)
    def retried(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, BUSY_ATTEMPTS + 1):
            try:
                return method(*args, **kwargs)
            except StoreBusyError:
                if attempt == BUSY_ATTEMPTS:
                    raise
                time.sleep(BUSY_PAUSE_S * attempt)
        raise AssertionError("unreachable")

    return retried


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
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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
        return cls(get_settings().resolved_database_url())

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error."""
        try:
            with self._sessions.begin() as s:
                yield s
        except IntegrityError:
            raise
        except (OperationalError, InterfaceError, DatabaseError) as exc:  # locked, down, or a damaged file
            if _state_of(exc) == "busy":
                raise StoreBusyError("the database is busy with other requests; try again in a moment") from None
            raise StoreUnavailableError(
                f"the database cannot be reached ({type(exc.orig).__name__}); nothing saved was changed"
            ) from None

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (safe to call on every start)."""
        from nape.store.migrate import upgrade  # lazy for start-up time: Alembic is only needed to migrate

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

    def check(self) -> DatabaseState:
        """Can the database be written now? A write lock taken and an update rolled back.

        SQLite takes the lock with ``BEGIN IMMEDIATE`` and waits at most ``HEALTH_WAIT_MS`` for
        it; PostgreSQL uses a short ``lock_timeout``. "busy" while another writer holds the lock,
        "read_only" when the file or server refuses writes, "unavailable" when it cannot be read
        (down, damaged, not yet migrated and migration fails).
        """
        try:
            self.ensure_migrated()
        except StoreUnavailableError:
            return "unavailable"
        sqlite = self.engine.dialect.name == "sqlite"
        try:
            with self.engine.connect() as conn:
                try:
                    if sqlite:
                        conn.exec_driver_sql(f"PRAGMA busy_timeout={HEALTH_WAIT_MS}")
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                    else:
                        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{HEALTH_WAIT_MS}ms'")
                    conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")
                finally:
                    conn.rollback()
                    if sqlite:
                        conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        except DBAPIError as exc:
            return _state_of(exc)
        return "ok"

    def dispose(self) -> None:
        self.engine.dispose()

    # interviews -------------------------------------------------------------

    @_retry_busy
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

    @_retry_busy
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

    @_retry_busy
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

    @_retry_busy
    def delete_interview(self, interview_id: str, *, owner_id: int | None = None) -> None:
        """Delete for good (the person's "delete my assessment", or its clinician's)."""
        self.get_interview(interview_id, owner_id=owner_id)
        with self.session() as s:
            s.execute(delete(Interview).where(Interview.id == interview_id))

    @_retry_busy
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

    @_retry_busy
    def create_clinician(self, name: str) -> tuple[ClinicianRecord, str]:
        """Create an account; returns it with its API token, which is stored only as a hash."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = Clinician(name=name.strip()[:200] or "clinician", token_hash=hash_token(token), created_at=utcnow())
        with self.session() as s:
            s.add(row)
            s.flush()
            return ClinicianRecord(row.id, row.name, row.created_at), token

    @_retry_busy
    def list_clinicians(self) -> list[ClinicianRecord]:
        """Every account, oldest first (names and ids only: tokens cannot be shown again)."""
        with self.session() as s:
            rows = s.scalars(select(Clinician).order_by(Clinician.id))
            return [ClinicianRecord(r.id, r.name, _aware(r.created_at)) for r in rows]

    @_retry_busy
    def clinician_for_token(self, token: str) -> ClinicianRecord | None:
        """The account a token belongs to, or None (compares hashes, never stored tokens)."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        with self.session() as s:
            row = s.scalars(select(Clinician).where(Clinician.token_hash == hash_token(token))).first()
            return ClinicianRecord(row.id, row.name, _aware(row.created_at)) if row else None
