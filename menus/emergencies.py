"""An elder in danger (摔倒了, 胸口疼, 救命): who must hear of it at once, and the record of it.

Why here, in the store: the alert must reach every linked family member and the canteen's
community contact (社区网格员) through the same outbox every channel sends from, in the same
transaction as the record, so no alarm is said to be raised that was not. An alert is queued as
due since ``URGENT_DUE``: the sweeper takes due messages oldest first, so it goes out ahead of
every message already waiting, and it is never moved past quiet hours (only the scheduler's
own notices are).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from menus.feedback import record
from menus.models import FamilyLink, Feedback, Person, StaffMember
from menus.outbox import enqueue
from menus.vocab import StaffRole

URGENT_DUE = datetime(2000, 1, 1, tzinfo=UTC)
KIND = "emergency"
URGENT_KINDS = frozenset({KIND, "emergency_answer"})
"""Messages a sender sends before any other it holds, even mid-batch (``scheduler.sender``)."""
OPEN_FOR = timedelta(hours=6)
"""How long after an alarm a staff member's 收到 is taken as answering it."""


@dataclass(frozen=True)
class Contact:
    """Someone to call: a name, a phone (may be missing) and what they are to the elder."""

    person_id: int
    name: str
    phone: str | None
    who: str  # "family" or "community"


def contacts(session: Session, elder_id: int, canteen_id: int) -> list[Contact]:
    """The elder's linked family, then the canteen's community contacts."""
    family = session.execute(
        select(Person.id, Person.name, Person.phone)
        .join(FamilyLink, FamilyLink.family_id == Person.id)
        .where(FamilyLink.elder_id == elder_id)
        .order_by(FamilyLink.id)
    ).all()
    community = session.execute(
        select(Person.id, Person.name, Person.phone)
        .join(StaffMember, StaffMember.person_id == Person.id)
        .where(
            StaffMember.canteen_id == canteen_id,
            StaffMember.role == StaffRole.COMMUNITY.value,
        )
        .order_by(StaffMember.id)
    ).all()
    return [Contact(i, n, p, "family") for i, n, p in family] + [
        Contact(i, n, p, "community") for i, n, p in community
    ]


def raise_alarm(
    session: Session,
    *,
    elder_id: int,
    reporter_id: int,
    canteen_id: int,
    said: str,
    now: datetime,
    alert_text: str,
) -> tuple[Feedback, list[Contact]]:
    """Record the alarm and queue ``alert_text`` to every contact, ahead of everything else.
    Returns the record and the contacts told."""
    row = record(
        session,
        canteen_id=canteen_id,
        elder_id=elder_id,
        author_id=reporter_id,
        kind=KIND,
        text=said,
        now=now,
    )
    told = contacts(session, elder_id, canteen_id)
    for contact in told:
        if contact.person_id == reporter_id:
            continue
        enqueue(
            session,
            person_id=contact.person_id,
            kind=KIND,
            key=f"emergency-{row.id}-{contact.person_id}",
            text=alert_text,
            due_at=URGENT_DUE,
        )
    return row, told


def open_alarm(session: Session, canteen_ids: list[int], now: datetime) -> Feedback | None:
    """The latest alarm in these canteens not yet answered by staff (within ``OPEN_FOR``)."""
    return session.scalar(
        select(Feedback)
        .where(
            Feedback.kind == KIND,
            Feedback.canteen_id.in_(canteen_ids),
            Feedback.answered_at.is_(None),
            Feedback.created_at >= now - OPEN_FOR,
        )
        .order_by(Feedback.created_at.desc(), Feedback.id.desc())
        .limit(1)
    )


def acknowledge(
    session: Session, alarm: Feedback, staff_id: int, now: datetime, *, text: str
) -> list[int]:
    """A staff member's 收到: recorded on the alarm; ``text`` is queued to the elder and the
    family (urgent too). Returns who was told."""
    alarm.answer, alarm.answered_by_id, alarm.answered_at = "收到", staff_id, now
    told = [alarm.elder_id] + [
        c.person_id
        for c in contacts(session, alarm.elder_id, alarm.canteen_id)
        if c.who == "family"
    ]
    for person_id in told:
        enqueue(
            session,
            person_id=person_id,
            kind="emergency_answer",  # in URGENT_KINDS
            key=f"emergency-answer-{alarm.id}-{person_id}",
            text=text,
            due_at=URGENT_DUE,
        )
    return told
