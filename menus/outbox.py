"""The outbox: messages waiting to reach people, queued once and sent once.

Why a table and not a direct send: a message is decided inside the same transaction as what it
is about (an order placed, a link asked for), so it is never lost if the process dies before the
channel answers, and its ``key`` (person, kind, subject) makes queueing it twice harmless. Senders
*claim* rows with a lease before sending, so two processes sharing the store never send the same
row; a sender that dies leaves its lease to expire and the row is claimed again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.models import OutboxMessage

MAX_ATTEMPTS = 5
"""After this many failed sends a message is ``dead``: kept, shown to staff, not retried."""

BACKOFF = (timedelta(seconds=5), timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10))


@dataclass(frozen=True)
class Claimed:
    """A message a sender now holds the lease on."""

    id: int
    person_id: int
    kind: str
    text: str
    choices: list[str]
    attempts: int
    key: str = ""


def enqueue(
    session: Session,
    *,
    person_id: int,
    kind: str,
    key: str,
    text: str,
    due_at: datetime,
    choices: Sequence[str] = (),
) -> bool:
    """Queue a message in the caller's transaction; False when ``key`` was already queued."""
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        return False
    row = OutboxMessage(
        key=key,
        person_id=person_id,
        kind=kind,
        text=text,
        choices=list(choices),
        status="pending",
        due_at=due_at,
        attempts=0,
        created_at=due_at,
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # another process queued the same key a moment ago
        return False
    return True


@dataclass(frozen=True)
class NewMessage:
    """A message to queue with ``enqueue_many``."""

    person_id: int
    kind: str
    key: str
    text: str
    due_at: datetime
    choices: Sequence[str] = ()


def enqueue_many(session: Session, messages: Sequence[NewMessage], now: datetime) -> list[str]:
    """Queue many messages in the caller's transaction with one bulk insert that skips keys
    already queued (``ON CONFLICT DO NOTHING``); returns the keys actually queued.

    Why: a scheduler queues up to a hundred thousand reminders in the same minute; one
    statement per message (``enqueue``) would take minutes, and a key queued by another process
    meanwhile must neither fail the batch nor be queued twice.
    """
    if not messages:
        return []
    dialect = session.get_bind().dialect.name
    rows = [
        {
            "key": m.key,
            "person_id": m.person_id,
            "kind": m.kind,
            "text": m.text,
            "choices": list(m.choices),
            "status": "pending",
            "due_at": m.due_at,
            "attempts": 0,
            "created_at": now,
        }
        for m in messages
    ]
    if dialect == "postgresql":
        return _copy_in(session, rows)
    statement = sqlite_insert(OutboxMessage).on_conflict_do_nothing(index_elements=["key"])
    keys: list[str] = []
    for start in range(0, len(rows), 5000):
        result = session.execute(statement.returning(OutboxMessage.key), rows[start : start + 5000])
        keys.extend(result.scalars())
    return keys


_COLUMNS = ("key", "person_id", "kind", "text", "choices", "status", "due_at", "attempts",
            "created_at")  # fmt: skip


def _copy_in(session: Session, rows: list[dict[str, Any]]) -> list[str]:
    """PostgreSQL: ``COPY`` the rows into a temporary table, then one ``INSERT ... SELECT ...
    ON CONFLICT DO NOTHING RETURNING key``. A multi-row ``VALUES`` insert of 100,000 rows spends
    most of its time having the driver parse the huge statement; ``COPY`` streams them."""
    driver = session.connection().connection.driver_connection
    assert driver is not None
    columns = ", ".join(_COLUMNS)
    with driver.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS outbox_in (key varchar(200), person_id integer, "
            "kind varchar(32), text text, choices json, status varchar(16), due_at timestamp, "
            "attempts integer, created_at timestamp) ON COMMIT DELETE ROWS"
        )
        with cursor.copy(f"COPY outbox_in ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    (
                        row["key"],
                        row["person_id"],
                        row["kind"],
                        row["text"],
                        json.dumps(row["choices"]),
                        row["status"],
                        _naive_utc(row["due_at"]),
                        row["attempts"],
                        _naive_utc(row["created_at"]),
                    )
                )
        cursor.execute(
            f"INSERT INTO outbox ({columns}) SELECT {columns} FROM outbox_in "
            "ON CONFLICT (key) DO NOTHING RETURNING key"
        )
        keys = [str(r[0]) for r in cursor.fetchall()]
        cursor.execute("TRUNCATE outbox_in")
    return keys


def _naive_utc(moment: datetime) -> datetime:
    """How the store keeps times (``UTCDateTime``)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the store; use an aware one")
    return moment.astimezone(UTC).replace(tzinfo=None)


def claim_due(
    factory: sessionmaker[Session],
    now: datetime,
    *,
    limit: int = 100,
    lease: timedelta = timedelta(seconds=60),
    due_by: datetime | None = None,
) -> list[Claimed]:
    """Take up to ``limit`` due messages for sending, oldest first, with a lease on each
    (from ``now``); ``due_by``: only those due by then (the urgent ones, due since long ago).

    PostgreSQL: ``FOR UPDATE SKIP LOCKED`` lets concurrent senders take disjoint rows. SQLite:
    the store's ``BEGIN IMMEDIATE`` already lets one writer in at a time.
    """
    columns = (
        OutboxMessage.id,
        OutboxMessage.person_id,
        OutboxMessage.kind,
        OutboxMessage.text,
        OutboxMessage.choices,
        OutboxMessage.attempts,
        OutboxMessage.key,
    )
    with unit_of_work(factory) as session:
        locking = session.get_bind().dialect.name == "postgresql"
        # two queries, each able to walk the (status, due_at) index: rows whose sender's lease
        # ran out first, then pending ones (one query with OR would scan every row in flight)
        rows: list[Any] = []
        for status, extra in (
            ("sending", OutboxMessage.claimed_until <= now),
            ("pending", None),
        ):
            if len(rows) >= limit:
                break
            query = (
                select(*columns)
                .where(OutboxMessage.status == status, OutboxMessage.due_at <= (due_by or now))
                .order_by(OutboxMessage.due_at, OutboxMessage.id)
                .limit(limit - len(rows))
            )
            if extra is not None:
                query = query.where(extra)
            if locking:
                query = query.with_for_update(skip_locked=True)
            rows += session.execute(query).all()
        if not rows:
            return []
        # one statement for the whole batch: claiming 100,000 due reminders stays quick
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_([r.id for r in rows]))
            .values(status="sending", claimed_until=now + lease)
            .execution_options(synchronize_session=False)
        )
        return [
            Claimed(r.id, r.person_id, r.kind, r.text, list(r.choices), r.attempts, r.key)
            for r in rows
        ]


def mark_sent(factory: sessionmaker[Session], message_id: int, now: datetime) -> None:
    """The channel accepted the message."""
    with unit_of_work(factory) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(status="sent", sent_at=now, claimed_until=None)
        )


def mark_sent_many(
    factory: sessionmaker[Session], message_ids: Sequence[int], now: datetime
) -> None:
    """The channel accepted these messages (one statement: a sender marks in small batches)."""
    if not message_ids:
        return
    with unit_of_work(factory) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(message_ids)))
            .values(status="sent", sent_at=now, claimed_until=None)
        )


def release_many(
    factory: sessionmaker[Session], message_ids: Sequence[int], due_at: datetime
) -> None:
    """Give claimed messages back unsent, to be sent at ``due_at`` (by this or another sender)."""
    if not message_ids:
        return
    with unit_of_work(factory) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(message_ids)), OutboxMessage.status == "sending")
            .values(status="pending", claimed_until=None, due_at=due_at)
        )


def mark_dropped(factory: sessionmaker[Session], message_id: int, now: datetime, why: str) -> None:
    """Not sent because it is no longer wanted (e.g. a reminder for a meal ordered meanwhile)."""
    with unit_of_work(factory) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(status="dropped", claimed_until=None, sent_at=None, last_error=why[:200])
        )


def mark_failed(factory: sessionmaker[Session], message_id: int, now: datetime, error: str) -> str:
    """The send failed: retry later with back-off, or give up (``dead``) after
    ``MAX_ATTEMPTS``. Returns the new status. ``error`` must not carry personal data."""
    with unit_of_work(factory) as session:
        row = session.get(OutboxMessage, message_id, with_for_update=True)
        if row is None:
            return "gone"
        row.attempts += 1
        row.last_error = error[:200]
        row.claimed_until = None
        if row.attempts >= MAX_ATTEMPTS:
            row.status = "dead"
        else:
            row.status = "pending"
            row.due_at = now + BACKOFF[min(row.attempts - 1, len(BACKOFF) - 1)]
        return row.status


def pending_for(session: Session, person_id: int) -> list[OutboxMessage]:
    """Messages for one person not yet sent (for the terminal chat and tests)."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.person_id == person_id, OutboxMessage.status != "sent")
        .order_by(OutboxMessage.id)
    )
    return list(session.scalars(query))


def list_messages(
    session: Session, *, status: str | None = None, limit: int = 200
) -> list[OutboxMessage]:
    """The newest messages (of one status), for staff: ``dead`` ones need a person to look."""
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    if status is not None:
        query = query.where(OutboxMessage.status == status)
    return list(session.scalars(query))


def count_by_status(session: Session) -> dict[str, int]:
    """How many messages are in each state."""
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    ).all()
    return {status: int(n) for status, n in rows}
