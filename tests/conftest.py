"""Test stores: every test gets an empty, migrated database of the backend under test.

SQLite by default (a copy of a migrated template per test); PostgreSQL when ``ZHUCAN_TEST_DB``
names a server (a database of its own is created for the run and dropped after). In CI
(``CI=true``) an unreachable PostgreSQL fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import make_engine, normalise_url, session_factory, unit_of_work, upgrade
from menus.demo import shifted_cycle
from menus.menu_store import import_menu_file
from menus.menufile import read_menu_file
from menus.models import Base
from menus.people import import_people_file

DATA = Path(__file__).parent / "data"
SMALL_MENU = DATA / "small_menu.yaml"
PEOPLE = DATA / "people.yaml"
BEFORE_LUNCH = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
"""08:00 on 2026-12-01: breakfast has closed (the evening before), lunch and dinner are open."""

PG_URL = os.environ.get("ZHUCAN_TEST_DB")

# In CI the property tests run the same examples every time, so a run is reproducible; the
# wider random search runs on developers' machines.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


def pytest_report_header() -> str:
    return f"zhucan store backend: {'postgresql' if PG_URL else 'sqlite'}"


def _unreachable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not reachable here ({reason}); CI runs these on PostgreSQL")


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its lowest cost in tests: the real parameters take 50 ms and 64 MiB a hash."""
    from argon2 import PasswordHasher

    from menus import accounts

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "HASHER", cheap)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", [])


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    if not PG_URL:
        path = tmp_path_factory.mktemp("template") / "template.db"
        upgrade(f"sqlite:///{path}")
        yield "sqlite", str(path)
        return
    server = make_url(normalise_url(PG_URL))
    name = f"zhucan_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        _unreachable(str(exc).splitlines()[0])
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield "postgresql", url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db_url(_template: tuple[str, str], tmp_path: Path) -> str:
    """An empty, migrated database for this test."""
    kind, ref = _template
    if kind == "sqlite":
        target = tmp_path / "zhucan.db"
        shutil.copyfile(ref, target)
        return f"sqlite:///{target}"
    engine = make_engine(ref)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return ref


@pytest.fixture
def factory(db_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions on this test's database."""
    engine = make_engine(db_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def shop(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """The small test canteen with its menus and people loaded."""
    with unit_of_work(factory) as session:
        import_menu_file(session, read_menu_file(SMALL_MENU), SMALL_MENU.name)
        import_people_file(session, PEOPLE, BEFORE_LUNCH)
    return factory


__all__ = ["BEFORE_LUNCH", "PEOPLE", "SMALL_MENU", "shifted_cycle"]
