"""Version counters of what worker processes cache, so a change made by one process or command
is seen by all of them.

Why a counter and not ``LISTEN/NOTIFY``: it works the same on SQLite and PostgreSQL, needs no
connection held open per process, and a process that was down or busy when the change happened
still sees it on its next look. The counter is bumped in the transaction that makes the change,
so it is visible exactly when the change is; a process reads one row (about a second apart) and
reloads what it caches when the number moved.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from menus.models import StoreVersion

MENUS = "menus"
"""The dishes and menus (names the parser knows, a meal's menu, a canteen's meal times)."""


def bump(session: Session, name: str) -> None:
    """Count one change of ``name`` in the caller's transaction.

    One ``INSERT … ON CONFLICT DO UPDATE``: the first change creates the row and two processes
    changing at once both count (the row lock orders them on PostgreSQL; SQLite has one writer).
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(StoreVersion).values(name=name, version=1)
    statement = statement.on_conflict_do_update(
        index_elements=[StoreVersion.name],
        set_={"version": StoreVersion.version + 1},
    )
    session.execute(statement)


def version(session: Session, name: str) -> int:
    """How many changes of ``name`` were committed (0 before the first)."""
    found = session.scalar(select(StoreVersion.version).where(StoreVersion.name == name))
    return found or 0
