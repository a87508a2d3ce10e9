"""Complaints, praise and ratings: stored for the canteen to read and answer, and counted for the
satisfaction figures the seed plan asks for.

One service answers a complaint for every channel (``answer``: the chat's "回复 3 …" and the web
console's reply form), so the answer always reaches its author through the outbox in their own
language, marks the complaint answered and is written to the audit log, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from menus.access import About, Act, check, who_acts
from menus.audit import record_change
from menus.catalogue import say
from menus.clock import TZ
from menus.errors import DomainError
from menus.models import Canteen, Dish, Feedback, Order, OutboxMessage, Person, StaffMember
from menus.outbox import enqueue
from menus.vocab import Actor, OrderStatus

KINDS = ("complaint", "praise", "rating", "emergency")
ANSWERABLE = ("complaint", "praise")
"""What the canteen answers; a rating needs no answer and an emergency is the alarm's."""
MAX_ANSWER = 500
"""The longest answer, in characters: it reaches an elder as one chat message (or is read out
by the smart speaker), so a longer one is refused rather than cut short."""
INBOX_LIMIT = 200
"""The most complaints and praise one inbox page lists (every open complaint comes first)."""


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


def answer(
    session: Session,
    feedback_id: int,
    staff_id: int,
    text: str,
    now: datetime,
    *,
    canteen_id: int | None = None,
) -> Feedback:
    """A canteen's answer to a complaint or praise, in the caller's transaction: checked, stored
    as answered, queued in the outbox for the one it goes to (``recipient``) in their language,
    and written to the audit log.

    Refused, with nothing changed: an empty answer or one over ``MAX_ANSWER`` characters; an id
    that is no complaint or praise (``canteen_id``, the canteen the staff member is looking at
    in the console: one of another canteen is as unknown); anyone not staff of its canteen
    (``menus.access``, Act.ANSWER); and one already answered (the elder heard the first answer;
    a second would silently overwrite it)."""
    said = text.strip()
    if not said:
        raise DomainError("answer_empty")
    if len(said) > MAX_ANSWER:
        raise DomainError("answer_too_long", most=MAX_ANSWER, length=len(said))
    row = session.get(Feedback, feedback_id, with_for_update=True)
    if row is None or row.kind not in ANSWERABLE or canteen_id not in (None, row.canteen_id):
        raise DomainError("unknown_feedback", feedback_id=feedback_id)
    check(who_acts(session, Actor.STAFF, staff_id), Act.ANSWER, About(canteen_id=row.canteen_id))
    if row.answered_at is not None:
        raise DomainError("already_answered", feedback_id=feedback_id)
    row.answer = said
    row.answered_by_id = staff_id
    row.answered_at = now
    to = recipient(session, row)
    enqueue(
        session,
        person_id=to.id,
        kind="feedback_answer",
        key=f"feedback-answer-{row.id}",
        text=say("feedback_answer_to_elder", to.lang or "zh", text=said),
        due_at=now,
    )
    canteen = session.get(Canteen, row.canteen_id)
    elder = session.get(Person, row.elder_id)
    record_change(
        session,
        actor_id=staff_id,
        action="feedback.answer",
        target=f"feedback:{row.id}",
        now=now,
        canteen_id=row.canteen_id,
        region=canteen.region if canteen is not None else None,
        detail={"kind": row.kind, "elder": elder.name if elder else "", "answer": said[:100]},
    )
    session.flush()
    return row


def recipient(session: Session, row: Feedback) -> Person:
    """Who hears the answer: whoever wrote the complaint (the elder, or family for them), but
    the elder when a staff member of the canteen passed it on for them (staff read the answer
    in the inbox; the elder is the one who complained)."""
    relayed = session.scalar(
        select(StaffMember.id).where(
            StaffMember.person_id == row.author_id, StaffMember.canteen_id == row.canteen_id
        )
    )
    person = session.get(Person, row.elder_id if relayed is not None else row.author_id)
    assert person is not None  # feedback rows go with their people (ON DELETE CASCADE)
    return person


def response_time(created_at: datetime, answered_at: datetime | None) -> timedelta | None:
    """From the complaint to its (first and only) answer; None while it is unanswered."""
    return None if answered_at is None else max(answered_at - created_at, timedelta(0))


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The first moment of the month (in Asia/Shanghai, as people count months) and of the
    next one."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return datetime.combine(first, time(0), TZ), datetime.combine(following, time(0), TZ)


def dishes_named(text: str, names: dict[str, str]) -> list[str]:
    """The dishes a complaint's words name (``names``: every name and alias → the dish's name),
    each once, longest name first matched, in the dish library's order."""
    found: list[str] = []
    for said in sorted(names, key=len, reverse=True):
        if said and said in text and names[said] not in found:
            found.append(names[said])
    return found


@dataclass(frozen=True)
class InboxItem:
    """One complaint or praise as the canteen's inbox lists it. Only the elder's name: never
    their phone or address."""

    id: int
    kind: str
    text: str
    rating: int | None
    created_at: datetime
    elder: str
    answer: str | None
    answered_at: datetime | None
    answered_by: str | None
    order_id: int | None
    order_day: date | None
    order_meal: str | None
    dishes: tuple[str, ...]

    @property
    def is_open(self) -> bool:
        """Not answered yet."""
        return self.answered_at is None

    @property
    def response(self) -> timedelta | None:
        """From the complaint to its answer."""
        return response_time(self.created_at, self.answered_at)


def inbox(
    session: Session, canteen_id: int, month: date, *, limit: int = INBOX_LIMIT
) -> list[InboxItem]:
    """The canteen's complaints and praise: every open complaint (of any month) first, then
    the rest of ``month``'s, newest first. The dishes are the order's when the complaint is
    about one, else those its words name."""
    start, end = month_bounds(month)
    elder, staff = aliased(Person), aliased(Person)
    open_complaint = and_(Feedback.kind == "complaint", Feedback.answered_at.is_(None))
    rows = session.execute(
        select(Feedback, elder.name, staff.name)
        .join(elder, elder.id == Feedback.elder_id)
        .outerjoin(staff, staff.id == Feedback.answered_by_id)
        .where(
            Feedback.canteen_id == canteen_id,
            Feedback.kind.in_(ANSWERABLE),
            or_(open_complaint, and_(Feedback.created_at >= start, Feedback.created_at < end)),
        )
        .order_by(
            case((open_complaint, 0), else_=1), Feedback.created_at.desc(), Feedback.id.desc()
        )
        .limit(limit)
    ).all()
    order_ids = {row.order_id for row, _, _ in rows if row.order_id is not None}
    orders = {
        order.id: order
        for order in session.scalars(
            select(Order).where(Order.id.in_(order_ids)).options(selectinload(Order.items))
        )
    }
    names = _dish_names(session, canteen_id)
    items = []
    for row, elder_name, staff_name in rows:
        order = orders.get(row.order_id) if row.order_id is not None else None
        if order is not None:
            dishes = tuple(dict.fromkeys(item.dish_name for item in order.items))
        else:
            dishes = tuple(dishes_named(row.text, names))
        items.append(
            InboxItem(
                id=row.id,
                kind=row.kind,
                text=row.text,
                rating=row.rating,
                created_at=row.created_at,
                elder=elder_name,
                answer=row.answer,
                answered_at=row.answered_at,
                answered_by=staff_name,
                order_id=order.id if order is not None else None,
                order_day=order.date if order is not None else None,
                order_meal=order.meal if order is not None else None,
                dishes=dishes,
            )
        )
    return items


def _dish_names(session: Session, canteen_id: int) -> dict[str, str]:
    names: dict[str, str] = {}
    for dish in session.scalars(select(Dish).where(Dish.canteen_id == canteen_id)):
        for said in (dish.name, *(dish.aliases or [])):
            names.setdefault(said, dish.name)
    return names


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
