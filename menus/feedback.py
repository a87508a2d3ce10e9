"""Complaints, praise and ratings: stored for the canteen to read and answer, and counted for the
satisfaction figures the seed plan asks for."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from menus.access import About, Act, check, who_acts
from menus.errors import DomainError
from menus.models import Feedback, Order, OutboxMessage, StaffMember
from menus.vocab import Actor, OrderStatus

KINDS = ("complaint", "praise", "rating", "emergency")


def record(
    session: Session,
    *,
    canteen_id: int,
    elder_id: int,
    author_id: int,
    kind: str,
    text: str,
    now: datetime,
    rating: int | None = None,
    order_id: int | None = None,
) -> Feedback:
    """Store what the elder (or family for them) said about the canteen."""
    if kind not in KINDS:
        raise DomainError("bad_argument", detail=f"kind {kind}")
    if rating is not None and not 1 <= rating <= 5:
        raise DomainError("bad_argument", detail="rating 1-5")
    row = Feedback(
        canteen_id=canteen_id,
        elder_id=elder_id,
        author_id=author_id,
        order_id=order_id,
        kind=kind,
        rating=rating,
        text=text.strip()[:2000],
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def staff_canteens(session: Session, person_id: int) -> list[int]:
    """The canteens this person works for (empty for anyone who is not staff)."""
    query = select(StaffMember.canteen_id).where(StaffMember.person_id == person_id)
    return list(session.scalars(query.order_by(StaffMember.canteen_id)))


def open_feedback(session: Session, canteen_id: int) -> list[Feedback]:
    """Complaints and praise not yet answered, oldest first (ratings need no answer)."""
    query = (
        select(Feedback)
        .where(
            Feedback.canteen_id == canteen_id,
            Feedback.answered_at.is_(None),
            Feedback.kind != "rating",
        )
        .order_by(Feedback.id)
    )
    return list(session.scalars(query))


def answer(session: Session, feedback_id: int, staff_id: int, text: str, now: datetime) -> Feedback:
    """A canteen's answer to a complaint; only staff of that canteen may give it."""
    row = session.get(Feedback, feedback_id, with_for_update=True)
    if row is None:
        raise DomainError("unknown_feedback", feedback_id=feedback_id)
    check(who_acts(session, Actor.STAFF, staff_id), Act.ANSWER, About(canteen_id=row.canteen_id))
    row.answer = text.strip()[:2000]
    row.answered_by_id = staff_id
    row.answered_at = now
    return row


def record_rating(session: Session, person_id: int, rating: int, now: datetime) -> Feedback | None:
    """Store an elder's 1–5 answer to the after-meal question sent in the last day, for the
    meal it asked about; ``None`` when no question is open (not asked, or already answered).
    The bot calls this when an elder answers with a number after the question."""
    asked = session.execute(
        select(OutboxMessage.key)
        .where(
            OutboxMessage.person_id == person_id,
            OutboxMessage.kind == "after_meal",
            OutboxMessage.status == "sent",
            OutboxMessage.sent_at >= now - timedelta(days=1),
        )
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    ).scalar()
    if asked is None:
        return None
    day = date.fromisoformat(asked.rsplit(":", 1)[1])
    order = session.scalar(
        select(Order)
        .where(
            Order.elder_id == person_id,
            Order.date == day,
            Order.status == OrderStatus.COMPLETED.value,
        )
        .order_by(Order.id.desc())
        .limit(1)
    )
    if order is None:
        return None
    answered = session.scalar(
        select(Feedback.id).where(and_(Feedback.order_id == order.id, Feedback.kind == "rating"))
    )
    if answered is not None:
        return None
    return record(
        session,
        canteen_id=order.canteen_id,
        elder_id=person_id,
        author_id=person_id,
        kind="rating",
        text="",
        now=now,
        rating=rating,
        order_id=order.id,
    )
