"""Table models. API schemas live apart from these (``nape.api``).

Nothing here holds a secret in plain form: clinician tokens are stored as SHA-256 hashes, and
an interview's id is a random 128-bit capability that is never derived from its content.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Clinician(Base):
    """A clinician account; ``token_hash`` is sha256 of the API token (the token itself is shown once)."""

    __tablename__ = "clinicians"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Interview(Base):
    """One assessment: a guided interview or a one-shot assessment, as the interview's JSON state.

    ``owner_id`` is the clinician who created it (None for a person's self-assessment, reachable
    only through its unguessable id). ``version`` increases on every save, so two workers
    answering the same interview at once cannot silently overwrite each other.
    """

    __tablename__ = "interviews"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("clinicians.id", ondelete="CASCADE"), index=True, nullable=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="interview")
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
