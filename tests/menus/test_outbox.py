"""The outbox: queued once by key, claimed by one sender at a time, retried, then dead."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.models import OutboxMessage, Person
from menus.outbox import (
    MAX_ATTEMPTS,
    NewMessage,
    claim_due,
    enqueue,
    enqueue_many,
    mark_failed,
    mark_sent,
    pending_for,
)
from tests.conftest import BEFORE_LUNCH


def _person(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()


def test_same_key_is_queued_once(shop: sessionmaker[Session]) -> None:
    who = _person(shop)
    for _ in range(2):
        with unit_of_work(shop) as session:
            queued = enqueue(
                session, person_id=who, kind="t", key="k1", text="hi", due_at=BEFORE_LUNCH
            )
    assert queued is False
    with shop() as session:
        assert len(pending_for(session, who)) == 1


def test_claimed_rows_are_not_claimed_again_until_the_lease_ends(
    shop: sessionmaker[Session],
) -> None:
    who = _person(shop)
    with unit_of_work(shop) as session:
        for n in range(3):
            enqueue(
                session,
                person_id=who,
                kind="t",
                key=f"k{n}",
                text=f"m{n}",
                choices=["要", "不要"],
                due_at=BEFORE_LUNCH + timedelta(minutes=n),
            )
    lease = timedelta(minutes=5)
    first = claim_due(shop, BEFORE_LUNCH + timedelta(minutes=1), limit=10, lease=lease)
    assert [c.text for c in first] == ["m0", "m1"]  # the third is not due yet
    assert first[0].choices == ["要", "不要"]
    later = BEFORE_LUNCH + timedelta(minutes=2)
    assert [c.text for c in claim_due(shop, later, limit=10, lease=lease)] == ["m2"]
    assert claim_due(shop, later, limit=10, lease=lease) == []
    mark_sent(shop, first[0].id, BEFORE_LUNCH)
    # the sender of m1 died: after the lease its message is claimed again, m0 never
    again = claim_due(shop, BEFORE_LUNCH + timedelta(minutes=8), limit=10)
    assert sorted(c.text for c in again) == ["m1", "m2"]


def test_failures_back_off_then_die(shop: sessionmaker[Session]) -> None:
    who = _person(shop)
    with unit_of_work(shop) as session:
        enqueue(session, person_id=who, kind="t", key="k", text="m", due_at=BEFORE_LUNCH)
    now = BEFORE_LUNCH
    statuses = []
    for _ in range(MAX_ATTEMPTS):
        claimed = claim_due(shop, now, limit=1)
        assert len(claimed) == 1
        statuses.append(mark_failed(shop, claimed[0].id, now, "timeout"))
        assert claim_due(shop, now, limit=1) == []  # not before its back-off
        now += timedelta(hours=1)
    assert statuses == ["pending"] * (MAX_ATTEMPTS - 1) + ["dead"]
    with shop() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert (row.status, row.attempts, row.last_error) == ("dead", MAX_ATTEMPTS, "timeout")


def test_many_queued_at_once_skip_keys_already_there(shop: sessionmaker[Session]) -> None:
    """The scheduler's bulk path: one statement, keys already queued (by anyone) skipped."""
    who = _person(shop)
    with unit_of_work(shop) as session:
        enqueue(session, person_id=who, kind="t", key="k1", text="old", due_at=BEFORE_LUNCH)
    batch = [
        NewMessage(who, "t", f"k{n}", f"new{n}", BEFORE_LUNCH, ("1", "2")) for n in range(1, 4)
    ]
    with unit_of_work(shop) as session:
        assert enqueue_many(session, batch, BEFORE_LUNCH) == ["k2", "k3"]
    with unit_of_work(shop) as session:
        assert enqueue_many(session, batch, BEFORE_LUNCH) == []
        assert enqueue_many(session, [], BEFORE_LUNCH) == []
    claimed = claim_due(shop, BEFORE_LUNCH, limit=10)
    assert [(c.key, c.text, c.choices) for c in claimed] == [
        ("k1", "old", []),
        ("k2", "new2", ["1", "2"]),
        ("k3", "new3", ["1", "2"]),
    ]
    with shop() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == "k2")).one()
        assert row.due_at == BEFORE_LUNCH and row.status == "sending"
