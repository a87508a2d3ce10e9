"""Storing menu files, reading menus back, and finding a dish on a menu.

Publishing a menu again (a correction) must not break orders already placed: a dish that has
orders cannot be removed from that menu, and its cap cannot drop below what is already ordered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from menus.clock import SlotTimes, format_hhmm, parse_hhmm
from menus.closures import closed_menu, closures_between
from menus.errors import DomainError
from menus.menufile import CanteenSpec, DishSpec, MenuFile, MenuSpec, SlotSpec
from menus.menuproblems import Issue, MenuFileError, Problem, Where
from menus.models import (
    Canteen,
    CanteenSlot,
    Dish,
    ElderProfile,
    Menu,
    MenuItem,
    Order,
    OrderItem,
)
from menus.text import clean
from menus.versions import MENUS, bump
from menus.vocab import CanteenKind, Fulfillment, MealSlot, OrderStatus

CANTEEN = Where("canteen")


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed, for the message to staff."""

    canteen: str
    dishes_added: int
    dishes_updated: int
    menus_added: int
    menus_replaced: int


def import_menu_file(session: Session, menu_file: MenuFile, source: str) -> ImportSummary:
    """Store a checked menu file in the caller's transaction; refuse it whole on conflict.

    Every way a menu is published (``zhucan menu import``, the web console's 发布, a file sent
    to the bot, the demo) comes through here, so here the menu version is bumped: running bots
    in other processes learn the new dishes from it (``menus.versions``)."""
    canteen = _upsert_canteen(session, menu_file.canteen)
    existing = {
        d.name: d for d in session.scalars(select(Dish).where(Dish.canteen_id == canteen.id))
    }
    added = updated = 0
    for spec in menu_file.dishes:
        dish = existing.get(spec.name)
        if dish is None:
            dish = Dish(canteen_id=canteen.id, name=spec.name)
            session.add(dish)
            existing[spec.name] = dish
            added += 1
            _describe(dish, spec, kept=frozenset())
        else:
            updated += 1
            _describe(dish, spec, kept=spec.kept)
    session.flush()

    problems = _closed_problems(session, canteen, menu_file.menus)
    menus_added = menus_replaced = 0
    for spec_menu in menu_file.menus:
        menu = session.scalar(
            select(Menu)
            .where(Menu.canteen_id == canteen.id, Menu.date == spec_menu.date)
            .where(Menu.meal == spec_menu.meal.value)
            .options(selectinload(Menu.items))
        )
        if menu is None:
            menu = Menu(canteen_id=canteen.id, date=spec_menu.date, meal=spec_menu.meal.value)
            session.add(menu)
            menus_added += 1
        else:
            menus_replaced += 1
        problems += _replace_items(session, menu, spec_menu, existing)
    if problems:
        raise MenuFileError(source, problems)
    bump(session, MENUS)
    session.flush()
    return ImportSummary(canteen.code, added, updated, menus_added, menus_replaced)


def _closed_problems(session: Session, canteen: Canteen, menus: list[MenuSpec]) -> list[Problem]:
    """A menu for a meal the canteen has closed (休息: ``menus.closures``) is a problem of the
    file: it would not be offered, and publishing it silently would look as if it were."""
    days = [m.date for m in menus]
    if not days:
        return []
    closed = closures_between(session, [canteen.id], min(days), max(days)).get(canteen.id, [])
    problems = []
    for spec in menus:
        closure = next((c for c in closed if c.covers(spec.date, spec.meal)), None)
        if closure is not None:
            where = Where("menus", label=f"{spec.date.isoformat()} {spec.meal.value}")
            problems.append(Problem(where, "", Issue.CLOSED_DAY, {"reason": closure.reason}))
    return problems


def problems_for_canteen(menu_file: MenuFile, canteen: Canteen) -> list[Problem]:
    """What stops a file being published on ``canteen``'s own page: it must be about that
    canteen, and a full canteen section must keep its region code.

    Why the region: a supervisor oversees the canteens whose region code starts with theirs,
    so a manager who could change it would move their canteen out of oversight. The command
    line (the operator) may still change it.
    """
    spec = menu_file.canteen
    if spec.code != canteen.code:
        params = {"value": spec.code, "ours": canteen.code}
        return [Problem(CANTEEN, "code", Issue.OTHER_CANTEEN, params)]
    if not spec.partial and spec.region != canteen.region:
        params = {"value": spec.region, "ours": canteen.region}
        return [Problem(CANTEEN, "region", Issue.REGION_CHANGED, params)]
    return []


def rehearse_import(
    factory: sessionmaker[Session], menu_file: MenuFile, source: str
) -> ImportSummary:
    """What importing the file would change (or the store's refusal, ``MenuFileError``), with
    nothing kept: the same ``import_menu_file`` runs in a transaction that is always rolled
    back, so a preview says exactly what publishing will do, by the same rules."""
    with factory() as session:
        try:
            return import_menu_file(session, menu_file, source)
        finally:
            session.rollback()


def _describe(dish: Dish, spec: DishSpec, *, kept: frozenset[str]) -> None:
    """Set what the file says about a dish; what it does not say (``kept``: columns a CSV
    header left out) stays as stored. The price is always said."""
    dish.price_fen = spec.price_fen
    if "name_mn" not in kept:
        dish.name_mn = spec.name_mn
    if "name_mn_cyrl" not in kept:
        dish.name_mn_cyrl = spec.name_mn_cyrl
    if "aliases" not in kept:
        dish.aliases = list(spec.aliases)
    if "tags" not in kept:
        dish.tags = list(spec.tags)
    if "allergens" not in kept:
        dish.allergens = list(spec.allergens)
    nutrition = {k: v for k, v in (dish.nutrition or {}).items() if k in kept}
    nutrition.update(spec.nutrition)
    dish.nutrition = nutrition


def _upsert_canteen(session: Session, spec: CanteenSpec) -> Canteen:
    canteen = session.scalar(select(Canteen).where(Canteen.code == spec.code))
    if spec.partial:
        if canteen is None:
            raise DomainError("unknown_canteen", code=spec.code)
        return canteen
    if canteen is None:
        canteen = Canteen(code=spec.code)
        session.add(canteen)
    canteen.name = spec.name
    canteen.name_mn = spec.name_mn
    canteen.kind = spec.kind.value
    canteen.region = spec.region
    canteen.address = spec.address
    canteen.phone = spec.phone
    canteen.modes = [m.value for m in spec.modes]
    canteen.delivery_area = list(spec.delivery_area)
    by_meal = {s.meal: s for s in canteen.slots}
    for meal, slot in spec.slots.items():
        row = by_meal.pop(meal.value, None) or CanteenSlot(meal=meal.value)
        row.cutoff = format_hhmm(slot.cutoff)
        row.days_before = slot.days_before
        row.serve_start = format_hhmm(slot.serve_start)
        row.serve_end = format_hhmm(slot.serve_end)
        if row not in canteen.slots:
            canteen.slots.append(row)
    for stale in by_meal.values():
        canteen.slots.remove(stale)
    session.flush()
    return canteen


def _replace_items(
    session: Session, menu: Menu, spec: MenuSpec, dishes: dict[str, Dish]
) -> list[Problem]:
    """Make the menu's items match the spec, keeping items (and their orders) that stay.

    The menu's lines are locked first (PostgreSQL), so an order placed meanwhile either
    committed before we count or waits for us and then sees the new cap. Every order that was
    not cancelled holds its portions (completed and missed ones were cooked); a line any order
    points at, even a cancelled one, stays on the menu.
    """
    session.flush()
    ids = [i.id for i in menu.items]
    if ids:
        session.execute(select(MenuItem.id).where(MenuItem.id.in_(ids)).with_for_update())
    ordered: dict[int, int] = {}
    referenced: set[int] = set()
    for item_id, status, qty in session.execute(
        select(OrderItem.menu_item_id, Order.status, func.sum(OrderItem.qty))
        .join(Order, Order.id == OrderItem.order_id)
        .where(OrderItem.menu_item_id.in_(ids))
        .group_by(OrderItem.menu_item_id, Order.status)
    ):
        referenced.add(item_id)
        if status != OrderStatus.CANCELLED.value:
            ordered[item_id] = ordered.get(item_id, 0) + int(qty)
    where = Where("menus", label=f"{spec.date.isoformat()} {spec.meal.value}")
    problems: list[Problem] = []
    current = {item.dish_id: item for item in menu.items}
    wanted = [dishes[name] for name in spec.dishes]
    for position, dish in enumerate(wanted):
        cap = spec.portions.get(dish.name)
        item = current.pop(dish.id, None)
        taken = int(ordered.get(item.id, 0)) if item is not None and item.id else 0
        if cap is not None and cap < taken:
            ordered_already = {"taken": taken, "cap": cap}
            fld = f"portions.{dish.name}"
            problems.append(Problem(where, fld, Issue.CAP_BELOW_ORDERED, ordered_already))
            continue
        if item is None:
            item = MenuItem(dish=dish)
            menu.items.append(item)
        item.position = position
        item.portions_cap = cap
        item.portions_left = None if cap is None else cap - taken
    for item in current.values():
        if item.id in referenced:
            taken = ordered.get(item.id, 0)
            kept = {"value": item.dish.name, "taken": taken}
            problems.append(Problem(where, "dishes", Issue.HAS_ORDERS, kept))
        else:
            menu.items.remove(item)
    return problems


# ------------------------------------------------------------------------------ reading


def get_canteen(session: Session, code: str | None = None) -> Canteen:
    """The canteen with this code, or the only canteen when no code is given."""
    if code:
        canteen = session.scalar(
            select(Canteen).where(Canteen.code == code).options(selectinload(Canteen.slots))
        )
        if canteen is None:
            raise DomainError("unknown_canteen", code=code)
        return canteen
    canteens = list(
        session.scalars(
            select(Canteen).order_by(Canteen.code).limit(10).options(selectinload(Canteen.slots))
        )
    )
    if not canteens:
        raise DomainError("no_canteen")
    if len(canteens) > 1:
        raise DomainError("several_canteens", codes=", ".join(c.code for c in canteens))
    return canteens[0]


def home_canteen(session: Session, elder_id: int) -> Canteen:
    """The canteen that serves an elder: the only one there is; else the one whose delivery
    area names the elder's community; else the first in the elder's region; else the first."""
    canteens = list(
        session.scalars(select(Canteen).order_by(Canteen.code).options(selectinload(Canteen.slots)))
    )
    if not canteens:
        raise DomainError("no_canteen")
    profile = session.get(ElderProfile, elder_id)
    if len(canteens) == 1 or profile is None:
        return canteens[0]
    by_area = [c for c in canteens if profile.community and profile.community in c.delivery_area]
    by_region = [c for c in canteens if c.region == profile.region]
    return (by_area or by_region or canteens)[0]


def slot_times(canteen: Canteen, meal: MealSlot) -> SlotTimes | None:
    """When this canteen closes orders for and serves ``meal``; ``None`` if it doesn't serve it."""
    for slot in canteen.slots:
        if slot.meal == meal.value:
            return SlotTimes(
                parse_hhmm(slot.cutoff),
                slot.days_before,
                parse_hhmm(slot.serve_start),
                parse_hhmm(slot.serve_end),
            )
    return None


def load_menus(
    session: Session,
    canteen_ids: Sequence[int] | None = None,
    day: date | None = None,
    meal: MealSlot | None = None,
    *,
    between: tuple[date, date] | None = None,
    include_closed: bool = False,
) -> list[Menu]:
    """Menus with their items and dishes, in date and meal order (of one ``day``, or the days
    ``between`` two, both included: never a canteen's whole history when a page shows two
    weeks). A menu of a closed meal (休息, ``menus.closures``) is not offered, so it is left
    out unless ``include_closed`` (the planner shows it, marked)."""
    query = select(Menu).options(
        selectinload(Menu.items).selectinload(MenuItem.dish),
        selectinload(Menu.canteen).selectinload(Canteen.slots),
    )
    if canteen_ids is not None:
        query = query.where(Menu.canteen_id.in_(canteen_ids))
    if day is not None:
        query = query.where(Menu.date == day)
    if between is not None:
        query = query.where(Menu.date.between(*between))
    if meal is not None:
        query = query.where(Menu.meal == meal.value)
    if not include_closed:
        query = query.where(~closed_menu())
    menus = list(session.scalars(query))
    order = list(MealSlot)
    menus.sort(key=lambda m: (m.date, m.canteen.code, order.index(MealSlot(m.meal))))
    return menus


def names_match(said: str, names: Sequence[str | None]) -> bool:
    """Whether ``said`` is one of a dish's names (exactly, or ignoring case for Cyrillic)."""
    wanted = clean(said)
    folded = wanted.casefold()
    return any(n and (n == wanted or n.casefold() == folded) for n in names)


def find_menu_item(menu: Menu, said: str) -> MenuItem | None:
    """The item a person meant: by name, alias, or Mongolian name (either script)."""
    for item in menu.items:
        dish = item.dish
        if names_match(said, [dish.name, *dish.aliases, dish.name_mn, dish.name_mn_cyrl]):
            return item
    return None


def export_menu_file(
    session: Session, canteen: Canteen, since: date | None = None, until: date | None = None
) -> MenuFile:
    """The canteen's dishes and menus as a menu file (optionally a date range)."""
    spec = CanteenSpec(
        code=canteen.code,
        name=canteen.name,
        name_mn=canteen.name_mn,
        kind=CanteenKind(canteen.kind),
        region=canteen.region,
        address=canteen.address,
        phone=canteen.phone,
        modes=[Fulfillment(m) for m in canteen.modes],
        slots={
            MealSlot(s.meal): SlotSpec(
                parse_hhmm(s.cutoff),
                s.days_before,
                parse_hhmm(s.serve_start),
                parse_hhmm(s.serve_end),
            )
            for s in canteen.slots
        },
        delivery_area=list(canteen.delivery_area),
    )
    dishes = [
        dish_spec(d)
        for d in session.scalars(
            select(Dish).where(Dish.canteen_id == canteen.id).order_by(Dish.id)
        )
    ]
    menus = []
    for menu in load_menus(session, [canteen.id]):
        if (since and menu.date < since) or (until and menu.date > until):
            continue
        menus.append(
            MenuSpec(
                date=menu.date,
                meal=MealSlot(menu.meal),
                dishes=[item.dish.name for item in menu.items],
                portions={
                    item.dish.name: item.portions_cap
                    for item in menu.items
                    if item.portions_cap is not None
                },
            )
        )
    return MenuFile(spec, dishes, menus)


def dish_spec(dish: Dish) -> DishSpec:
    """A stored dish as a menu file describes it."""
    return DishSpec(
        name=dish.name,
        price_fen=dish.price_fen,
        name_mn=dish.name_mn,
        name_mn_cyrl=dish.name_mn_cyrl,
        aliases=list(dish.aliases),
        nutrition=dict(dish.nutrition),
        tags=list(dish.tags),
        allergens=list(dish.allergens),
    )
