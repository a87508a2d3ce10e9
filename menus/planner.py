"""The menu planner: a canteen's week as a grid of days and meals, last week's menus copied
onto this week, and one meal's menu changed a dish at a time.

Why every change goes through the menu file's checks and ``import_menu_file``: a menu written
from the planner is a menu published like any other (``zhucan menu import``, the console's
upload, a file sent to the bot), so the same rules hold whichever way it comes: a date before
today is refused, a closed meal (``menus.closures``) gets no menu, and a menu that already has
orders keeps every dish ordered and never caps one below what is ordered. The planner builds
the plain data of a menu file (``menus.menufile.menu_from_data``) and imports it; it never
writes a menu row itself.

Copying a week adds menus only where this week has none: a menu already planned is kept as it
is (and one that has orders is never touched), so the copy can be run again safely. What it
will do is shown first (``plan_copy``, a pure function), and the copy itself checks that the
plan is still the one shown (``CopyPlan.fingerprint``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from menus.clock import in_service_years
from menus.closures import Closure, closures_between
from menus.errors import DomainError
from menus.menu_store import ImportSummary, import_menu_file, load_menus
from menus.menufile import MAX_PORTIONS, menu_from_data
from menus.models import Canteen, Dish, Order, OrderItem
from menus.pricing import fen_to_yuan
from menus.vocab import MealSlot, OrderStatus

SOURCE = "菜单计划"
"""The name a planner's change goes by in the menu file's problems."""
WEEK_RE = re.compile(r"(\d{4})-W(\d{1,2})")
MEALS = list(MealSlot)


# ------------------------------------------------------------------------------ weeks


def week_of(day: date) -> date:
    """The Monday of the ISO week ``day`` is in (weeks start on Monday in China)."""
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    """The ISO week as people type it in the address: ``2026-W49``."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_days(monday: date) -> list[date]:
    """Monday to Sunday."""
    return [monday + timedelta(days=offset) for offset in range(7)]


def parse_week(text: str, today: date) -> date:
    """The Monday of the week ``text`` names: an ISO week (``2026-W49``), a date in it
    (``2026-12-03``), or this week when empty. ``DomainError("bad_week")`` otherwise, also for
    a week outside the service's years."""
    text = text.strip()
    if not text:
        return week_of(today)
    found = WEEK_RE.fullmatch(text)
    try:
        if found:
            monday = date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
        else:
            monday = week_of(date.fromisoformat(text))
    except ValueError:
        raise DomainError("bad_week", text=text[:20], example=week_label(week_of(today))) from None
    if not (in_service_years(monday) and in_service_years(monday + timedelta(days=6))):
        raise DomainError("bad_week", text=text[:20], example=week_label(week_of(today)))
    return monday


# ------------------------------------------------------------------------------ the grid


@dataclass(frozen=True)
class Line:
    """A dish on one meal's menu: its price, its cap (None: as many as are wanted), what is
    left of it and how many portions are ordered (orders not cancelled)."""

    dish: str
    price_fen: int
    cap: int | None
    left: int | None
    ordered: int = 0


@dataclass(frozen=True)
class Cell:
    """One meal of one day: its menu's lines (none: no menu), what closes it, its orders."""

    day: date
    meal: MealSlot
    lines: tuple[Line, ...] = ()
    closure: Closure | None = None
    orders: int = 0

    @property
    def dishes(self) -> tuple[tuple[str, int | None], ...]:
        """The menu as a copy sees it: each dish with its cap, in order."""
        return tuple((line.dish, line.cap) for line in self.lines)


@dataclass
class Week:
    """A canteen's week: its meals (the ones it serves, and any other that has a menu) and
    every cell, with the closures of the week."""

    monday: date
    meals: list[MealSlot]
    cells: dict[tuple[date, MealSlot], Cell]
    closures: list[Closure] = field(default_factory=list)

    @property
    def days(self) -> list[date]:
        return week_days(self.monday)

    def cell(self, day: date, meal: MealSlot) -> Cell:
        """The cell of that meal (an empty one when nothing is planned)."""
        return self.cells.get((day, meal)) or Cell(day, meal, closure=self._closure(day, meal))

    def day_closure(self, day: date) -> Closure | None:
        """The closure of the whole day, if any."""
        return next((c for c in self.closures if c.day == day and c.meal is None), None)

    def _closure(self, day: date, meal: MealSlot) -> Closure | None:
        return next((c for c in self.closures if c.covers(day, meal)), None)


def served_meals(canteen: Canteen) -> list[MealSlot]:
    """The meals the canteen serves, in serving order."""
    served = {MealSlot(slot.meal) for slot in canteen.slots}
    return [meal for meal in MEALS if meal in served]


def read_week(session: Session, canteen: Canteen, monday: date) -> Week:
    """Every cell of the week as stored, closed meals included (marked), with the portions
    ordered per dish and the orders per meal."""
    last = monday + timedelta(days=6)
    menus = load_menus(session, [canteen.id], between=(monday, last), include_closed=True)
    closures = closures_between(session, [canteen.id], monday, last).get(canteen.id, [])
    item_ids = [item.id for menu in menus for item in menu.items]
    ordered: dict[int, int] = {}
    if item_ids:
        ordered = {
            item_id: int(qty)
            for item_id, qty in session.execute(
                select(OrderItem.menu_item_id, func.sum(OrderItem.qty))
                .join(Order, Order.id == OrderItem.order_id)
                .where(OrderItem.menu_item_id.in_(item_ids))
                .where(Order.status != OrderStatus.CANCELLED.value)
                .group_by(OrderItem.menu_item_id)
            )
        }
    orders = {
        (day, MealSlot(meal)): int(count)
        for day, meal, count in session.execute(
            select(Order.date, Order.meal, func.count(Order.id))
            .where(Order.canteen_id == canteen.id, Order.date.between(monday, last))
            .where(Order.status != OrderStatus.CANCELLED.value)
            .group_by(Order.date, Order.meal)
        )
    }
    cells: dict[tuple[date, MealSlot], Cell] = {}
    for menu in menus:
        key = (menu.date, MealSlot(menu.meal))
        lines = tuple(
            Line(
                item.dish.name,
                item.dish.price_fen,
                item.portions_cap,
                item.portions_left,
                ordered.get(item.id, 0),
            )
            for item in menu.items
        )
        closure = next((c for c in closures if c.covers(*key)), None)
        cells[key] = Cell(key[0], key[1], lines, closure, orders.get(key, 0))
    meals = served_meals(canteen)
    meals += [m for m in MEALS if m not in meals and any(k[1] is m for k in cells)]
    meals.sort(key=MEALS.index)
    return Week(monday, meals, cells, closures)


# ---------------------------------------------------------------------- copying a week


class Fate(StrEnum):
    """What copying does with one of last week's menus."""

    ADD = "add"
    """Copied: this week has no menu for that meal."""
    SAME = "same"
    """This week already has the very same menu: nothing to do."""
    KEEP = "keep"
    """This week already has another menu for that meal: kept as it is."""
    PAST = "past"
    """That day of this week is before today: a menu cannot be published for it."""
    CLOSED = "closed"
    """That meal of this week is closed (休息)."""
    NOT_SERVED = "not_served"
    """The canteen no longer serves that meal."""


CONFLICTS = frozenset({Fate.PAST, Fate.CLOSED, Fate.NOT_SERVED})
"""Fates that leave a menu of last week uncopied although this week has none."""


@dataclass(frozen=True)
class Planned:
    """One of last week's menus and what copying does with it."""

    source: Cell
    day: date
    """The day of this week it goes to (seven days later)."""
    fate: Fate
    target: Cell | None = None
    """This week's cell as it stands, when it has a menu or is closed."""

    @property
    def meal(self) -> MealSlot:
        return self.source.meal


@dataclass(frozen=True)
class CopyPlan:
    """What copying last week onto the week of ``monday`` will do, menu by menu."""

    monday: date
    entries: tuple[Planned, ...]

    @property
    def added(self) -> list[Planned]:
        return [e for e in self.entries if e.fate is Fate.ADD]

    @property
    def kept(self) -> list[Planned]:
        return [e for e in self.entries if e.fate in (Fate.SAME, Fate.KEEP)]

    @property
    def conflicts(self) -> list[Planned]:
        return [e for e in self.entries if e.fate in CONFLICTS]

    def fingerprint(self) -> str:
        """A short digest of the plan (every menu, what happens to it, what it holds), so a
        copy confirmed from a preview is refused when either week changed since."""
        parts = [
            f"{e.day.isoformat()}|{e.meal.value}|{e.fate.value}|{e.source.dishes!r}|"
            f"{e.target.dishes if e.target else ()!r}"
            for e in self.entries
        ]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def plan_copy(
    monday: date,
    last_week: Iterable[Cell],
    this_week: Week,
    served: Sequence[MealSlot],
    today: date,
) -> CopyPlan:
    """What copying the menus of ``last_week`` onto the week of ``monday`` does, each onto the
    same weekday and meal with the same dishes and caps. Pure.

    A menu goes only where this week has none; where it has one, that menu is kept (the same
    menu, or another one, with its orders untouched). A day before ``today``, a closed meal
    and a meal the canteen no longer serves are conflicts: nothing is copied there."""
    entries = []
    order = MEALS.index
    for source in sorted(last_week, key=lambda c: (c.day, order(c.meal))):
        if not source.lines:
            continue
        day = source.day + timedelta(days=7)
        target = this_week.cell(day, source.meal)
        shown = target if (target.lines or target.closure) else None
        if target.lines:
            fate = Fate.SAME if target.dishes == source.dishes else Fate.KEEP
        elif day < today:
            fate = Fate.PAST
        elif target.closure is not None:
            fate = Fate.CLOSED
        elif source.meal not in served:
            fate = Fate.NOT_SERVED
        else:
            fate = Fate.ADD
        entries.append(Planned(source, day, fate, shown))
    return CopyPlan(monday, tuple(entries))


def copy_plan(session: Session, canteen: Canteen, monday: date, today: date) -> CopyPlan:
    """``plan_copy`` from the store: last week's menus (closed ones too: they are the plan)
    onto the week of ``monday``."""
    last = read_week(session, canteen, monday - timedelta(days=7))
    this = read_week(session, canteen, monday)
    return plan_copy(monday, last.cells.values(), this, served_meals(canteen), today)


@dataclass(frozen=True)
class Copied:
    """A copy done: what was planned, and what the menu import changed."""

    plan: CopyPlan
    summary: ImportSummary


def copy_last_week(
    session: Session, canteen: Canteen, monday: date, today: date, fingerprint: str
) -> Copied:
    """Copy last week's menus onto the week of ``monday`` in the caller's transaction, as
    previewed: refused (``plan_changed``) when the plan is no longer the one with
    ``fingerprint``, and (``nothing_to_copy``) when it adds nothing. The menus go through the
    menu file's checks and ``import_menu_file``; ``MenuFileError`` refuses them all."""
    plan = copy_plan(session, canteen, monday, today)
    if plan.fingerprint() != fingerprint:
        raise DomainError("plan_changed")
    if not plan.added:
        raise DomainError("nothing_to_copy")
    menus = [(e.day, e.meal, e.source.dishes) for e in plan.added]
    return Copied(plan, publish(session, canteen, menus, today))


# ------------------------------------------------------------------ one meal at a time


class Edit(StrEnum):
    """A change to one meal's menu."""

    ADD = "add"
    REMOVE = "remove"
    CAP = "cap"


@dataclass(frozen=True)
class CellChange:
    """Add a dish from the canteen's dishes (with an optional cap), take one off, or change
    one's cap (None: no cap)."""

    edit: Edit
    dish: str
    cap: int | None = None


def parse_cap(text: str) -> int | None:
    """A cap as typed: empty is no cap; else a whole number of portions, 0 to the most a menu
    file allows (``planner_bad_cap`` otherwise)."""
    text = text.strip()
    if not text:
        return None
    if not text.isdecimal() or len(text) > 6 or int(text) > MAX_PORTIONS:
        raise DomainError("planner_bad_cap", text=text[:20], most=MAX_PORTIONS)
    return int(text)


def changed_dishes(
    current: Sequence[tuple[str, int | None]], change: CellChange, library: Iterable[str]
) -> list[tuple[str, int | None]]:
    """The meal's dishes with their caps after ``change``. Pure; refuses a dish the canteen
    does not have, one already on or not on the menu, and taking off the last dish (a meal
    with no menu is marked closed instead: a menu is never emptied)."""
    names = [name for name, _ in current]
    if change.edit is Edit.ADD:
        if change.dish not in set(library):
            raise DomainError("planner_unknown_dish", dish=change.dish[:50])
        if change.dish in names:
            raise DomainError("planner_dish_on_menu", dish=change.dish)
        return [*current, (change.dish, change.cap)]
    if change.dish not in names:
        raise DomainError("planner_dish_not_on_menu", dish=change.dish[:50])
    if change.edit is Edit.REMOVE:
        if len(names) == 1:
            raise DomainError("planner_last_dish", dish=change.dish)
        return [(name, cap) for name, cap in current if name != change.dish]
    return [(name, change.cap if name == change.dish else cap) for name, cap in current]


def edit_cell(
    session: Session,
    canteen: Canteen,
    day: date,
    meal: MealSlot,
    change: CellChange,
    today: date,
) -> ImportSummary:
    """Change one meal's menu in the caller's transaction, through the menu file's checks and
    ``import_menu_file``: a dish that has orders stays on, and no cap goes below what is
    ordered (``MenuFileError``); a meal the canteen does not serve is refused."""
    if meal not in served_meals(canteen):
        raise DomainError("planner_meal_not_served", meal=meal)
    cell = read_week(session, canteen, week_of(day)).cell(day, meal)
    library = session.scalars(select(Dish.name).where(Dish.canteen_id == canteen.id))
    dishes = changed_dishes(cell.dishes, change, library)
    return publish(session, canteen, [(day, meal, tuple(dishes))], today)


def publish(
    session: Session,
    canteen: Canteen,
    menus: Sequence[tuple[date, MealSlot, Sequence[tuple[str, int | None]]]],
    today: date,
) -> ImportSummary:
    """Publish these menus of the canteen's own dishes (each dish with its cap) as a menu
    file with only the canteen's code, the dishes' names and prices (so nothing else stored
    about a dish changes) and the menus: the same checks and the same import as any file."""
    names = list(dict.fromkeys(name for _, _, dishes in menus for name, _ in dishes))
    prices = dict(
        session.execute(
            select(Dish.name, Dish.price_fen).where(
                Dish.canteen_id == canteen.id, Dish.name.in_(names)
            )
        ).all()
    )
    data: dict[str, Any] = {
        "canteen": {"code": canteen.code, "partial": True},
        "dishes": [{"name": n, "price": fen_to_yuan(prices[n])} for n in names if n in prices],
        "menus": [
            {
                "date": day,
                "meal": meal.value,
                "dishes": [name for name, _ in dishes],
                "portions": {name: cap for name, cap in dishes if cap is not None},
            }
            for day, meal, dishes in menus
        ],
    }
    menu_file = menu_from_data(data, SOURCE, today=today)
    return import_menu_file(session, menu_file, SOURCE)
