"""Connecting to the store: SQLite by default (a file in the user's data directory), or
PostgreSQL when several processes share it; and applying the Alembic migrations.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


class _NoRows(logging.Filter):
    """Drops SQLAlchemy's DEBUG records of result rows: they hold phones and addresses.

    Statement parameters are hidden by ``hide_parameters``; this covers the rows, so that even
    with every logger at DEBUG no personal data reaches a log.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not (message.startswith("Row ") or message.startswith("Col "))


logging.getLogger("sqlalchemy.engine.Engine").addFilter(_NoRows())


def default_url() -> str:
    """``ZHUCAN_DB`` if set, else a SQLite file under the user's data directory."""
    from_env = os.environ.get("ZHUCAN_DB")
    if from_env:
        return from_env
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("zhucan", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'zhucan.db'}"


def normalise_url(url: str) -> str:
    """Accept the usual ``postgresql://`` spelling and use the psycopg 3 driver for it."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the settings the store relies on.

    SQLite: WAL (readers don't block the writer), foreign keys on, a busy timeout, and every
    transaction started with ``BEGIN IMMEDIATE`` so that two writers queue for the lock
    instead of failing half-way when one upgrades from reading to writing.
    """
    url = normalise_url(url)
    # Statement parameters carry addresses, phones and conditions: never into logs.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
        return engine
    # No ping per checkout (a round trip per order): a connection the server dropped is
    # detected on use, the pool is invalidated, and the request fails once and is retried by
    # its channel; connections are recycled hourly.
    return create_engine(url, pool_recycle=3600, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the CLI prints them)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit if the block finishes, roll back if it raises."""
    with factory() as session, session.begin():
        yield session


def alembic_config(url: str) -> Any:
    """An Alembic configuration built in code, so no ``alembic.ini`` has to be found."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default)."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    """The schema revision the database is at, or ``None`` for an empty database."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
