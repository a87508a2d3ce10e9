"""The store's files: a SQLite database (and its WAL files) readable by its owner only."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from bot.cli import run
from menus.db import default_url, make_engine, normalise_url, upgrade


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The usual umask (022), under which SQLite would create a world-readable file."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_file_and_its_wal_are_private(tmp_path: Path) -> None:
    """A database file the store creates, and the -wal and -shm files beside it, are 0600."""
    path = tmp_path / "new.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
        assert {p.name for p in tmp_path.iterdir()} >= {"new.db", "new.db-wal", "new.db-shm"}
        for file in tmp_path.iterdir():
            assert mode(file) == 0o600, file.name
    engine.dispose()


def test_an_existing_file_keeps_the_mode_its_owner_chose(tmp_path: Path) -> None:
    """A file that exists is not touched: its owner may share it with a service's group."""
    path = tmp_path / "shared.db"
    upgrade(f"sqlite:///{path}")
    path.chmod(0o640)
    make_engine(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o640


def test_in_memory_and_missing_folders_are_left_to_sqlite(tmp_path: Path) -> None:
    """Nothing is created for an in-memory database or in a folder that does not exist."""
    make_engine("sqlite://").dispose()
    make_engine(f"sqlite:///{tmp_path / 'no' / 'such.db'}").dispose()
    assert not (tmp_path / "no").exists()


def test_db_upgrade_with_db_creates_a_private_file(tmp_path: Path) -> None:
    """``zhucan db upgrade --db sqlite:///FILE`` creates FILE readable by its owner only."""
    path = tmp_path / "zhucan.db"
    with contextlib.redirect_stderr(StringIO()):
        assert run(["db", "upgrade", "--db", f"sqlite:///{path}"], out=StringIO()) == 0
    assert mode(path) == 0o600


def test_db_upgrade_with_a_plain_path_creates_private_files(tmp_path: Path) -> None:
    """``--db FILE`` (a path, as people type it) makes FILE and its -wal and -shm 0600."""
    path = tmp_path / "plain.db"
    with contextlib.redirect_stderr(StringIO()):
        assert run(["db", "upgrade", "--db", str(path)], out=StringIO()) == 0
        assert run(["menu", "show", "--db", str(path)], out=StringIO()) == 0
    assert {p.name for p in tmp_path.iterdir()} <= {"plain.db", "plain.db-wal", "plain.db-shm"}
    for file in tmp_path.iterdir():
        assert mode(file) == 0o600, file.name


def test_the_default_store_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --db the store goes into the user's data folder (made 0700) as a 0600 file."""
    monkeypatch.delenv("ZHUCAN_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_url()
    folder = tmp_path / "data" / "zhucan"
    assert url == f"sqlite:///{folder / 'zhucan.db'}"
    assert mode(folder) == 0o700
    with contextlib.redirect_stderr(StringIO()):
        assert run(["db", "upgrade"], out=StringIO()) == 0
    assert mode(folder / "zhucan.db") == 0o600


def _other_writer_can_start(path: Path) -> bool:
    """Whether another connection gets the write lock at once (no waiting)."""
    import sqlite3

    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def test_reading_takes_no_write_lock_and_writing_does(tmp_path: Path) -> None:
    """A read-only session (a menu shown, a conversation loaded) lets another process write
    meanwhile; a unit of work still holds the write lock from its first statement."""
    from menus.db import read_only, session_factory, unit_of_work
    from menus.models import Dish

    path = tmp_path / "locks.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    factory = session_factory(engine)
    with read_only(factory) as session:
        session.query(Dish).all()
        assert _other_writer_can_start(path)
    with unit_of_work(factory) as session:
        session.query(Dish).all()
        assert not _other_writer_can_start(path)
    engine.dispose()


def test_a_read_only_session_refuses_to_write(factory: sessionmaker[Session]) -> None:
    """Writing in a read-only session is a mistake in the code: it fails at the flush."""
    from menus.db import read_only
    from menus.models import Person

    with pytest.raises(RuntimeError, match="read_only"), read_only(factory) as session:
        session.add(Person(kind="elder", name="甲", phone=None, lang="zh"))
        session.flush()


def test_a_plain_file_path_is_that_sqlite_file(tmp_path: Path) -> None:
    """--db /tmp/zhucan.db (a path, as people type it) opens that SQLite file, not a traceback."""
    path = tmp_path / "zhucan.db"
    assert normalise_url(str(path)) == f"sqlite:///{path.resolve()}"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
