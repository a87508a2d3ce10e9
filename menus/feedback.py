"""Complaints, praise and ratings: stored for the canteen to read and answer, and counted for the
satisfaction figures the seed plan asks for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from menus.errors import DomainError
from menus.models import Feedback, StaffMember

KINDS = ("complaint", "praise", "rating")


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
    if row.canteen_id not in staff_canteens(session, staff_id):
        raise DomainError("not_staff")
    row.answer = text.strip()[:2000]
    row.answered_by_id = staff_id
    row.answered_at = now
    return row
