"""Closed days (休息): a canteen marks a day, or one meal of a day, as closed with a reason
(春节, 停水); no menu of it is offered and no order is taken for it.

Why a row of its own and not "delete the menu": a day with no menu says only "还没有菜单"
(not yet published), while a closed day must say why and that it is not coming; and a menu
whose lines an order ever pointed at (even a cancelled one) cannot be deleted. So the menu
rows stay as they are, every reader of menus (``menus.menu_store.load_menus``) leaves out the
closed ones, placing an order refuses a closed meal in the same query that reads its menu
(``menus.order_sql``), and publishing a menu onto a closed meal is one of the menu file's
problems. Reopening the day brings its menu back unchanged.

A day that already has orders is never closed here: the orders are the elders' meals, and
cancelling them is a person's decision (the manager is told how many there are, and to
contact those elders), never a side effect of marking a holiday.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from menus.catalogue import date_words
from menus.clock import SlotTimes, in_service_years, is_open_for_orders, local_today, parse_hhmm
from menus.errors import DomainError
from menus.models import Canteen, CanteenClosure, Menu, MenuItem, Order, Person
from menus.text import clean, has_control_chars
from menus.vocab import MealSlot, OrderStatus

WHOLE_DAY = "day"
"""The ``meal`` of a closure that closes every meal of its day."""
MAX_REASON = 40
"""A reason is a few words (春节, 停水检修), said to elders in the chat."""
LOOK_AHEAD_DAYS = 14
"""How far the next open meal is looked for after a closed one."""


@dataclass(frozen=True)
class Closure:
    """A closed day or meal, as pages and the dialogue read it."""

    id: int
    day: date
    meal: MealSlot | None
    """None: the whole day."""
    reason: str
    closed_by: str

    def covers(self, day: date, meal: MealSlot) -> bool:
        """Whether ``meal`` of ``day`` is closed by this closure."""
        return self.day == day and (self.meal is None or self.meal is meal)


def _of(row: CanteenClosure) -> Closure:
    meal = None if row.meal == WHOLE_DAY else MealSlot(row.meal)
    return Closure(row.id, row.date, meal, row.reason, row.closed_by_name)


def closed_menu(menu: type[Menu] = Menu) -> ColumnElement[bool]:
    """A condition on ``Menu`` rows: true for a menu whose meal is closed (its day, or that
    meal of it). ``load_menus`` leaves these out unless asked."""
    return exists().where(
        CanteenClosure.canteen_id == menu.canteen_id,
        CanteenClosure.date == menu.date,
        or_(CanteenClosure.meal == menu.meal, CanteenClosure.meal == WHOLE_DAY),
    )


def clean_reason(text: str) -> str:
    """The reason as stored: trimmed, one line, 1 to ``MAX_REASON`` characters; a refusal
    (``closure_reason``) otherwise."""
    reason = " ".join(clean(text).split())
    if not reason or len(reason) > MAX_REASON or has_control_chars(reason):
        raise DomainError("closure_reason", most=MAX_REASON)
    return reason


def active_orders(
    session: Session, canteen_id: int, day: date, meal: MealSlot | None = None
) -> int:
    """Orders of that day (or that meal of it) that elders still count on: every order not
    cancelled (a completed or missed one is history, and such a day is past anyway)."""
    query = select(func.count(Order.id)).where(
        Order.canteen_id == canteen_id,
        Order.date == day,
        Order.status != OrderStatus.CANCELLED.value,
    )
    if meal is not None:
        query = query.where(Order.meal == meal.value)
    return int(session.scalar(query) or 0)


def close(
    session: Session,
    canteen: Canteen,
    day: date,
    meal: MealSlot | None,
    reason: str,
    actor_id: int | None,
    now: datetime,
) -> Closure:
    """Mark ``meal`` of ``day`` (every meal when None) as closed, in the caller's transaction.

    Refused (``DomainError``, nothing changed): a day before today, a meal the canteen does not
    serve, a reason empty or too long, a meal already closed, and (``closure_has_orders``,
    with how many) a day or meal that already has orders. Closing a whole day takes the place
    of its meals' own closures."""
    if not in_service_years(day) or day < local_today(now):
        raise DomainError("closure_past", date=date_words(day))
    served = [MealSlot(slot.meal) for slot in canteen.slots]
    if meal is not None and meal not in served:
        raise DomainError("closure_meal_not_served", meal=meal)
    text = clean_reason(reason)
    current = closures_between(session, [canteen.id], day, day).get(canteen.id, [])
    already = next((c for c in current if c.meal is None or c.meal is meal), None)
    if already is not None:
        raise DomainError("closure_exists", date=date_words(day), reason=already.reason)
    _lock_the_day(session, canteen.id, day)
    ordered = active_orders(session, canteen.id, day, meal)
    if ordered:
        raise DomainError(
            "closure_has_orders", count=ordered, date=date_words(day), meal=meal or ""
        )
    if meal is None and current:
        ids = [c.id for c in current]
        session.execute(delete(CanteenClosure).where(CanteenClosure.id.in_(ids)))
    actor = session.get(Person, actor_id) if actor_id is not None else None
    row = CanteenClosure(
        canteen_id=canteen.id,
        date=day,
        meal=meal.value if meal is not None else WHOLE_DAY,
        reason=text,
        closed_by_id=actor_id,
        closed_by_name=actor.name if actor is not None else "系统管理员",
        created_at=now,
    )
    session.add(row)
    session.flush()
    return _of(row)


def _lock_the_day(session: Session, canteen_id: int, day: date) -> None:
    """Lock the day's menu lines (PostgreSQL), as publishing a menu does, so an order being
    placed on them either committed before the orders are counted or waits for the closure."""
    lines = (
        select(MenuItem.id)
        .join(Menu, Menu.id == MenuItem.menu_id)
        .where(Menu.canteen_id == canteen_id, Menu.date == day)
    )
    ids = list(session.scalars(lines))
    if ids:
        session.execute(select(MenuItem.id).where(MenuItem.id.in_(ids)).with_for_update())


def reopen(session: Session, canteen: Canteen, closure_id: int, now: datetime) -> Closure:
    """Take a closure of today or later back (its menu, if any, is offered again); refused
    when there is no such closure at this canteen (``closure_unknown``) or its day is past."""
    row = session.get(CanteenClosure, closure_id)
    if row is None or row.canteen_id != canteen.id:
        raise DomainError("closure_unknown")
    if row.date < local_today(now):
        raise DomainError("closure_past", date=date_words(row.date))
    closure = _of(row)
    session.delete(row)
    session.flush()
    return closure


def closures_between(
    session: Session, canteen_ids: Sequence[int], first: date, last: date
) -> dict[int, list[Closure]]:
    """The closures of these canteens from ``first`` to ``last`` (both included), by canteen,
    in date order (a whole day before its meals)."""
    rows = session.scalars(
        select(CanteenClosure)
        .where(CanteenClosure.canteen_id.in_(list(canteen_ids)))
        .where(CanteenClosure.date.between(first, last))
        .order_by(CanteenClosure.date, CanteenClosure.meal != WHOLE_DAY, CanteenClosure.id)
    )
    found: dict[int, list[Closure]] = {}
    for row in rows:
        found.setdefault(row.canteen_id, []).append(_of(row))
    return found


def closure_of(session: Session, canteen_id: int, day: date, meal: MealSlot) -> Closure | None:
    """What closes ``meal`` of ``day`` at this canteen (the day's closure first), if anything."""
    for closure in closures_between(session, [canteen_id], day, day).get(canteen_id, []):
        if closure.covers(day, meal):
            return closure
    return None


# ------------------------------------------------------------------ the next open meal


def next_open_meal(
    after: tuple[date, MealSlot],
    slots: dict[MealSlot, SlotTimes],
    is_closed: Callable[[date, MealSlot], bool],
    has_menu: Callable[[date, MealSlot], bool],
    now: datetime,
    days: int = LOOK_AHEAD_DAYS,
) -> tuple[date, MealSlot] | None:
    """The first meal after ``after`` (in serving order, day by day, for ``days`` days) that
    an elder can still order: the canteen serves it, it is not closed, its menu is published
    and its cut-off has not passed. None when there is none that soon.

    Pure: what is closed and what has a menu come in as functions, so the rule is tested
    without a store."""
    order = list(MealSlot)
    start_day, start_meal = after
    for offset in range(days + 1):
        day = start_day + timedelta(days=offset)
        for meal in sorted(slots, key=order.index):
            if offset == 0 and order.index(meal) <= order.index(start_meal):
                continue
            if is_closed(day, meal) or not has_menu(day, meal):
                continue
            if is_open_for_orders(day, slots[meal], now):
                return day, meal
    return None


def next_open_meal_at(
    session: Session, canteen: Canteen, after: tuple[date, MealSlot], now: datetime
) -> tuple[date, MealSlot] | None:
    """``next_open_meal`` read from the store for one canteen."""
    slots = {
        MealSlot(s.meal): SlotTimes(
            parse_hhmm(s.cutoff), s.days_before, parse_hhmm(s.serve_start), parse_hhmm(s.serve_end)
        )
        for s in canteen.slots
    }
    first = after[0]
    last = first + timedelta(days=LOOK_AHEAD_DAYS)
    closed = closures_between(session, [canteen.id], first, last).get(canteen.id, [])
    published = {
        (day, MealSlot(meal))
        for day, meal in session.execute(
            select(Menu.date, Menu.meal)
            .where(Menu.canteen_id == canteen.id, Menu.date.between(first, last))
            .where(exists().where(MenuItem.menu_id == Menu.id))
        )
    }
    return next_open_meal(
        after,
        slots,
        lambda day, meal: any(c.covers(day, meal) for c in closed),
        lambda day, meal: (day, meal) in published,
        now,
    )


def meals_closed(
    closures: Iterable[Closure], day: date, meals: Iterable[MealSlot]
) -> set[MealSlot]:
    """Which of ``meals`` are closed on ``day``."""
    found = [c for c in closures if c.day == day]
    return {meal for meal in meals if any(c.covers(day, meal) for c in found)}
