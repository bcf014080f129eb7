"""Alembic environment: uses the connection handed over by ``nape.store.migrate`` or the settings' URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from nape.store.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        from nape.core.config import get_settings

        url = get_settings().resolved_database_url()
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("nape's migrations run online only")
run()
