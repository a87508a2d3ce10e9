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

from menus.errors import DomainError

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
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'zhucan.db'}"


PRIVATE_FILE_MODE = 0o600
"""Store files hold phones, addresses and health conditions: readable by their owner only."""


def create_private_sqlite_file(url: str) -> None:
    """Create a SQLite database file that does not exist yet as an empty file with mode 0600.

    Why before connecting: SQLite creates a missing file with ``0666`` less the umask, usually
    ``0644``, i.e. readable by every account on the machine; it gives its ``-wal`` and ``-shm``
    files the mode of the database file, so creating the file first covers them too. An
    existing file keeps the mode its owner chose; in-memory databases, SQLite URIs
    (``file:…``) and files in a folder that does not exist (SQLite reports that) are left alone.
    """
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database
    if not parsed.drivername.startswith("sqlite") or database in (None, "", ":memory:"):
        return
    if database.startswith("file:") or parsed.query.get("uri") in ("true", "1"):
        return
    path = Path(database)
    if path.exists() or not path.parent.is_dir():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:  # another process created it meanwhile: its mode stands
        return
    except OSError as exc:  # a folder no file can be made in (/proc, read-only, not ours)
        reason = exc.strerror or type(exc).__name__
        raise DomainError("not_a_database", reason=f"{path.name}: {reason}") from None
    os.close(fd)


def normalise_url(url: str) -> str:
    """Accept the usual ``postgresql://`` spelling and use the psycopg 3 driver for it; a plain
    file path (``--db /tmp/zhucan.db``, what people type) is that SQLite file."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url and "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


STORE_BACKENDS = ("sqlite", "postgresql")
"""The databases the store runs on (its SQL, locks and migrations are written for these)."""


def open_engine(url: str) -> Engine:
    """``make_engine`` for a URL someone gave (``--db``, ``ZHUCAN_DB``): an unusable one is one
    refusal (``DomainError("bad_db")``) naming its scheme, not a traceback.

    Why: SQLAlchemy raises ``ArgumentError`` for text that is no URL, ``NoSuchModuleError``
    for an unknown dialect (``garbage://``), ``ImportError`` for a driver not installed
    (``mysql://``) and ``ValueError`` for a port that is no number; and a database other than
    SQLite or PostgreSQL would fail later, half-way. The URL itself is not repeated (it may
    hold a password).
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    scheme = url.partition("://")[0][:30] if "://" in url else url[:30]
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() not in STORE_BACKENDS:
            raise DomainError("bad_db", scheme=scheme)
        folder = _missing_sqlite_folder(parsed.database, parsed.drivername)
        if folder is not None:
            raise DomainError("db_folder_missing", folder=folder)
        return make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError):
        raise DomainError("bad_db", scheme=scheme) from None


def _missing_sqlite_folder(database: str | None, driver: str) -> str | None:
    """The folder a SQLite file would go in, if it does not exist (SQLite then fails with a
    bare "unable to open database file"); ``None`` when there is one or it is no file."""
    if not driver.startswith("sqlite") or database in (None, "", ":memory:"):
        return None
    if database.startswith("file:"):
        return None
    folder = Path(database).expanduser().parent
    return None if folder.is_dir() else str(folder)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the settings the store relies on.

    SQLite: a new file readable by its owner only, WAL (readers don't block the writer),
    foreign keys on, a busy timeout, and every transaction started with ``BEGIN IMMEDIATE`` so
    that two writers queue for the lock instead of failing half-way when one upgrades from
    reading to writing; except a ``read_only`` session's, which starts deferred.
    """
    url = normalise_url(url)
    # Statement parameters carry addresses, phones and conditions: never into logs.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        create_private_sqlite_file(url)
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
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")  # deferred: no lock until it reads
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the CLI prints them)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit if the block finishes, roll back if it raises."""
    with factory() as session, session.begin():
        yield session


READ_ONLY = "zhucan_read_only"
"""Marks a session (``session.info``) and its connection (an execution option) as reading."""


@contextmanager
def read_only(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that only reads: a menu shown, a conversation loaded, a list printed.

    Why: on SQLite every transaction starts ``BEGIN IMMEDIATE`` (the write lock at once), so
    that writers queue instead of failing half-way; a read that did the same made every other
    process's order wait for a menu being shown. Here the transaction starts deferred (WAL
    readers take no lock and see one snapshot). PostgreSQL is unchanged. A read-only session
    that tries to write is a mistake in the code and fails loudly at its flush, so writes
    always go through ``unit_of_work`` and its write lock.

    Inside a transaction already open on a connection (a dialogue turn's: sessions bound to
    it) the session reads within it and takes no savepoint: it writes nothing, so it has
    nothing of its own to undo, and a savepoint per read costs a statement each way.
    """
    with factory(join_transaction_mode="rollback_only") as session:
        session.info[READ_ONLY] = True
        session.connection(execution_options={READ_ONLY: True})
        yield session


@event.listens_for(Session, "before_flush")
def _refuse_writes_when_reading(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise RuntimeError("a read_only session tried to write; use unit_of_work")


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
