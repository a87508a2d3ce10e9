"""Standing orders: the same meal for many days (每天, 工作日, 这礼拜, 下周一到周五).

A standing order is a row, not a chain of orders made in advance: each day's order is placed
by the scheduler (``place_due``) while that meal is still open, through ``place_order_once``
with a key made of the standing order, the day and the meal, so every rule (menu, portions,
subsidy, cards, cut-off) is checked that day and a second sweep never doubles it. What could
not be placed (sold out, no menu, a holiday) is returned for the scheduler to tell the elder
and their family.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import SlotTimes, cutoff_at, is_open_for_orders, local_today
from menus.db import read_only
from menus.errors import DomainError
from menus.menu_store import home_canteen, load_menus, slot_times
from menus.models import Order, StandingOrder
from menus.orders import (
    OrderLine,
    OrderRequest,
    OrderSummary,
    cancel_order,
    place_order_once,
)
from menus.vocab import Actor, Fulfillment, MealSlot, OrderStatus

EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
WORKDAYS = (0, 1, 2, 3, 4)
AHEAD_DAYS = 1
"""How far ahead a sweep places standing meals (today's and tomorrow's, so breakfast, whose
orders close the evening before, is placed in time)."""


@dataclass(frozen=True)
class Recurrence:
    """Which days: weekdays (0 is Monday) from ``start`` until ``end`` (open when None)."""

    weekdays: tuple[int, ...]
    start: date
    end: date | None = None

    def days(self, first: date, last: date) -> list[date]:
        """The days in ``first``…``last`` this covers."""
        begin, stop = max(first, self.start), min(last, self.end or last)
        span = (stop - begin).days
        return [
            begin + timedelta(days=n)
            for n in range(span + 1)
            if (begin + timedelta(days=n)).weekday() in self.weekdays
        ]


@dataclass(frozen=True)
class Placed:
    """A standing meal placed (``order``) or refused (``refusal``) on ``day``."""

    standing_id: int
    elder_id: int
    placed_by_id: int | None
    day: date
    meal: str
    order: OrderSummary | None = None
    refusal: DomainError | None = None


def create(
    session: Session,
    *,
    elder_id: int,
    meal: MealSlot,
    fulfillment: Fulfillment,
    lines: dict[str, int],
    recurrence: Recurrence,
    placed_by_id: int | None,
    placed_by_role: Actor,
    now: datetime,
) -> StandingOrder:
    """Store a standing order (the elder's other standing orders for that meal end today:
    the new wish replaces them)."""
    if not lines or any(qty < 1 for qty in lines.values()):
        raise DomainError("bad_argument", detail="dishes")
    for old in active(session, elder_id):
        if old.meal == meal.value:
            old.end_date, old.updated_at = local_today(now) - timedelta(days=1), now
    row = StandingOrder(
        elder_id=elder_id,
        placed_by_id=placed_by_id,
        placed_by_role=placed_by_role.value,
        meal=meal.value,
        fulfillment=fulfillment.value,
        lines=dict(lines),
        weekdays=list(recurrence.weekdays),
        start_date=recurrence.start,
        end_date=recurrence.end,
        paused=False,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row


def active(session: Session, elder_id: int) -> list[StandingOrder]:
    """The elder's standing orders that have not ended (paused ones included)."""
    rows = session.scalars(
        select(StandingOrder).where(StandingOrder.elder_id == elder_id).order_by(StandingOrder.id)
    )
    return [r for r in rows if r.end_date is None or r.end_date >= r.start_date]


def set_paused(
    session: Session,
    elder_id: int,
    paused: bool,
    now: datetime,
    *,
    actor_id: int | None = None,
    actor: Actor = Actor.SELF,
) -> int:
    """住院了先停了 / 回来了接着送: pause or resume all of the elder's standing orders; how
    many changed. Pausing also cancels the meals already placed from them that may still be
    cancelled (the elder will not be there to eat them)."""
    changed = 0
    for row in active(session, elder_id):
        if paused:
            _cancel_placed(session, row, now, actor_id, actor=actor)
        if row.paused == paused:
            continue
        changed += 1
        if paused:
            row.paused, row.updated_at = True, now
        else:  # a fresh row: the days cancelled by the pause get new keys, so they can be placed
            _resume_as_new(session, row, now)
    return changed


def pause_days(
    session: Session,
    elder_id: int,
    first: date,
    last: date,
    now: datetime,
    *,
    actor_id: int | None = None,
    actor: Actor = Actor.SELF,
) -> int:
    """礼拜四礼拜五先停了，礼拜六接着送: the elder's standing orders place nothing from ``first``
    to ``last`` (meals already placed for those days are cancelled while they still can be) and
    go on after, as they were; how many changed. The part after is a new row that starts after
    the last day already placed from the old one, so no day is placed twice."""
    changed = 0
    for row in active(session, elder_id):
        ends = row.end_date
        if row.paused or (ends is not None and ends < first) or row.start_date > last:
            continue
        _cancel_placed(session, row, now, actor_id, first=first, last=last, actor=actor)
        placed = _last_placed(session, row)
        after = max(last, placed or last) + timedelta(days=1)
        if ends is None or ends >= after:
            session.add(_copy(row, after, ends, now))
        kept_until = first if row.start_date < first else row.start_date  # else none of it
        row.end_date, row.updated_at = kept_until - timedelta(days=1), now
        changed += 1
    session.flush()
    return changed


def _last_placed(session: Session, row: StandingOrder) -> date | None:
    days = session.scalars(
        select(Order.date).where(
            Order.idempotency_key.like(f"standing-{row.id}-%"),
            Order.status.in_([OrderStatus.PLACED.value, OrderStatus.CONFIRMED.value]),
        )
    )
    return max(days, default=None)


def _copy(row: StandingOrder, start: date, end: date | None, now: datetime) -> StandingOrder:
    return StandingOrder(
        elder_id=row.elder_id,
        placed_by_id=row.placed_by_id,
        placed_by_role=row.placed_by_role,
        meal=row.meal,
        fulfillment=row.fulfillment,
        lines=dict(row.lines),
        weekdays=list(row.weekdays),
        start_date=start,
        end_date=end,
        paused=False,
        created_at=now,
        updated_at=now,
    )


def _resume_as_new(session: Session, row: StandingOrder, now: datetime) -> None:
    today = local_today(now)
    copy = _copy(row, max(today, row.start_date), row.end_date, now)
    row.end_date, row.updated_at = today - timedelta(days=1), now
    session.add(copy)
    session.flush()


def _cancel_placed(
    session: Session,
    row: StandingOrder,
    now: datetime,
    actor_id: int | None,
    *,
    first: date | None = None,
    last: date | None = None,
    actor: Actor = Actor.SELF,
) -> None:
    """Cancel the meals placed from ``row`` (on those days) that may still be cancelled, as
    ``actor`` (the elder, or family pausing for them)."""
    query = select(Order.id).where(
        Order.idempotency_key.like(f"standing-{row.id}-%"),
        Order.date >= max(local_today(now), first or local_today(now)),
        Order.status.in_([OrderStatus.PLACED.value, OrderStatus.CONFIRMED.value]),
    )
    if last is not None:
        query = query.where(Order.date <= last)
    placed = session.scalars(query)
    for order_id in list(placed):
        try:
            with session.begin_nested():
                cancel_order(session, order_id, now, actor=actor, actor_id=actor_id)
        except DomainError:
            continue  # past its cut-off: the canteen is told by the usual means


def recurrence_of(row: StandingOrder) -> Recurrence:
    return Recurrence(tuple(row.weekdays), row.start_date, row.end_date)


def place_due(
    factory: sessionmaker[Session], now: datetime, *, elder_id: int | None = None
) -> list[Placed]:
    """Place every standing meal of today and the next days that is still open and has a
    menu (each once: the key is the standing order's, the day's and the meal's); only the
    elder's when ``elder_id`` is given (right after it was made)."""
    today = local_today(now)
    query = select(StandingOrder).where(StandingOrder.paused.is_(False))
    if elder_id is not None:
        query = query.where(StandingOrder.elder_id == elder_id)
    with read_only(factory) as session:
        rows = list(session.scalars(query))
        session.expunge_all()
    done: list[Placed] = []
    for row in rows:
        for day in recurrence_of(row).days(today, today + timedelta(days=AHEAD_DAYS)):
            placed = _place_one(factory, row, day, now)
            if placed is not None:
                done.append(placed)
    return done


def _place_one(
    factory: sessionmaker[Session], row: StandingOrder, day: date, now: datetime
) -> Placed | None:
    """One day's meal, or None when it is not yet time (no menu yet, and still open)."""
    meal = MealSlot(row.meal)
    with read_only(factory) as session:
        canteen = home_canteen(session, row.elder_id)
        times = slot_times(canteen, meal)
        has_menu = bool(load_menus(session, [canteen.id], day, meal))
        code = canteen.code
    if times is None or not is_open_for_orders(day, times, now):
        return None
    if not has_menu and not _closing_soon(day, times, now):
        return None  # the canteen may still publish it
    request = OrderRequest(
        elder_id=row.elder_id,
        day=day,
        meal=meal,
        fulfillment=Fulfillment(row.fulfillment),
        lines=[OrderLine(name, int(qty)) for name, qty in row.lines.items()],
        idempotency_key=f"standing-{row.id}-{day.isoformat()}-{meal.value}",
        placed_by_id=row.placed_by_id,
        placed_by_role=Actor(row.placed_by_role),
        canteen_code=code,
    )
    base = Placed(row.id, row.elder_id, row.placed_by_id, day, meal.value)
    try:
        order, created = place_order_once(factory, request, now)
    except DomainError as refused:
        return Placed(**{**base.__dict__, "refusal": refused})
    return Placed(**{**base.__dict__, "order": order}) if created else None


def _closing_soon(day: date, times: SlotTimes, now: datetime) -> bool:
    """Within three hours of the cut-off: time to say there is no menu."""
    return cutoff_at(day, times) - now <= timedelta(hours=3)


def told_key(placed: Placed) -> str:
    """The outbox key of the notice about one standing meal (so it is told once)."""
    return f"standing-{placed.standing_id}-{placed.day.isoformat()}-{placed.meal}"
