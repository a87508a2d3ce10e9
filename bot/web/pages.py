"""What each page shows, read from the store's services into plain data for the templates.

Nothing here decides a rule: the buttons come from ``menus.states.next_moves``, the counts to
cook from ``menus.reports.portions_to_cook`` (as the kitchen sheet counts them), the portions
left from the menus, the figures from ``menus.supervision``. A template only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.web.texts import day_label, move_label, say
from menus.clock import TZ, cutoff_at, format_hhmm, parse_hhmm
from menus.delivery import DeliveryStop, RouteTotal, meal_deliveries, route_total
from menus.menu_store import load_menus, slot_times
from menus.menufile import MenuFile, MenuSpec
from menus.models import Canteen, Dish, Menu, Order, Person
from menus.orders import day_orders
from menus.reports import KitchenSheet, kitchen_sheet, portions_to_cook
from menus.states import next_moves
from menus.vocab import Fulfillment, MealSlot, OrderStatus, label_zh

LOW_PORTIONS = 3
"""A capped dish with this many portions or fewer left is flagged on the board."""
MENU_DAYS = 14
"""How far ahead the menu page shows what is published: two weeks of planning."""


@dataclass(frozen=True)
class Move:
    """A button: the status it moves to and its words."""

    to: str
    label: str


@dataclass(frozen=True)
class OrderRow:
    """One order on the board."""

    id: int
    elder: str
    fulfillment: str
    items: str
    status: str
    status_label: str
    payable_fen: int
    moves: tuple[Move, ...]
    closed: bool


@dataclass
class MealBoard:
    """One meal of the day at one canteen: its times, its orders, what to cook, warnings."""

    meal: str
    label: str
    serve: str
    cutoff: str
    has_menu: bool
    orders: list[OrderRow] = field(default_factory=list)
    portions: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def open_orders(self) -> int:
        """Orders still to be cooked or handed over."""
        return sum(1 for row in self.orders if not row.closed)


def meals_of(session: Session, canteen: Canteen, day: date) -> list[MealSlot]:
    """The canteen's meals in serving order, and any other meal that has a menu that day."""
    menu_meals = session.scalars(
        select(Menu.meal).where(Menu.canteen_id == canteen.id, Menu.date == day)
    )
    return _meals(canteen, [MealSlot(meal) for meal in menu_meals])


def _meals(canteen: Canteen, menu_meals: list[MealSlot]) -> list[MealSlot]:
    """The canteen's meals and those with a menu, each once, in serving order."""
    meals = [MealSlot(slot.meal) for slot in canteen.slots]
    meals += [meal for meal in dict.fromkeys(menu_meals) if meal not in meals]
    order = list(MealSlot)
    return sorted(meals, key=order.index)


def board(session: Session, canteen: Canteen, day: date) -> list[MealBoard]:
    """Today's board: per meal, every order with the moves the state machine allows, the
    portions to cook and the dishes sold out or nearly. The day's menus and orders are read
    once for every meal (a busy canteen's board has a hundred orders)."""
    menus = load_menus(session, [canteen.id], day, None)
    orders = day_orders(session, canteen.id, day)
    return [
        _meal_board(
            canteen,
            day,
            meal,
            [menu for menu in menus if menu.meal == meal.value],
            [order for order in orders if order.meal == meal.value],
        )
        for meal in _meals(canteen, [MealSlot(menu.meal) for menu in menus])
    ]


def _meal_board(
    canteen: Canteen, day: date, meal: MealSlot, menus: list[Menu], orders: list[Order]
) -> MealBoard:
    """One meal's part of the board, from its menus and its orders."""
    times = slot_times(canteen, meal)
    meal_board = MealBoard(
        meal=meal.value,
        label=label_zh(meal),
        serve=f"{format_hhmm(times.serve_start)}–{format_hhmm(times.serve_end)}" if times else "",
        cutoff=cutoff_at(day, times).astimezone(TZ).strftime("%m-%d %H:%M") if times else "",
        has_menu=bool(menus),
        orders=[_row(order) for order in orders],
        portions=portions_to_cook(orders),
    )
    for menu in menus:
        for item in menu.items:
            left = item.portions_left
            if left == 0:
                meal_board.warnings.append(say("sold_out", dish=item.dish.name))
            elif left is not None and left <= LOW_PORTIONS:
                meal_board.warnings.append(say("low", dish=item.dish.name, left=left))
    return meal_board


def _row(order: Order) -> OrderRow:
    status = OrderStatus(order.status)
    fulfillment = Fulfillment(order.fulfillment)
    moves = tuple(
        Move(t.value, move_label(t, fulfillment)) for t in next_moves(status, fulfillment)
    )
    return OrderRow(
        id=order.id,
        elder=order.elder.name,
        fulfillment=label_zh(fulfillment),
        items="、".join(f"{i.dish_name}×{i.qty}" for i in order.items),
        status=status.value,
        status_label=label_zh(status),
        payable_fen=order.payable_fen,
        moves=moves,
        closed=not moves,
    )


def current_meal(canteen: Canteen, now: datetime) -> MealSlot:
    """The meal the kitchen is working towards: the first of today's not yet over."""
    clock = now.astimezone(TZ).time()
    for slot in canteen.slots:
        if clock <= parse_hhmm(slot.serve_end):
            return MealSlot(slot.meal)
    return MealSlot(canteen.slots[-1].meal) if canteen.slots else MealSlot.LUNCH


def kitchen(session: Session, canteen: Canteen, day: date, meal: MealSlot) -> KitchenSheet:
    """The kitchen sheet and delivery list, as the command line and the bot give them."""
    return kitchen_sheet(session, canteen, day, meal)


@dataclass(frozen=True)
class HistoryLine:
    """One step of an order's history, with who made it."""

    at: datetime
    who: str
    role: str
    from_label: str
    to_label: str
    reason: str


def history(session: Session, order: Order) -> list[HistoryLine]:
    """Every change of the order, oldest first, with the actor's name when known."""
    lines: list[HistoryLine] = []
    for event in order.events:
        person = session.get(Person, event.actor_id) if event.actor_id is not None else None
        lines.append(
            HistoryLine(
                at=event.at,
                who=person.name if person else "",
                role=event.actor_role,
                from_label=label_zh(OrderStatus(event.from_status)) if event.from_status else "",
                to_label=label_zh(OrderStatus(event.to_status)),
                reason=event.reason or "",
            )
        )
    return lines


@dataclass(frozen=True)
class DishLine:
    """A dish on one meal's menu: its price, its portions, and (in a preview) what changes."""

    name: str
    price_fen: int
    portions: str
    change: str = ""


@dataclass
class MealMenu:
    """One meal's menu on one day, as the menu page and the preview show it."""

    day: date
    day_label: str
    meal: str
    dishes: list[DishLine]
    change: str = ""
    removed: str = ""


def _portions(cap: int | None, left: int | None = None) -> str:
    if cap is None:
        return say("portions_free")
    if left is None or left == cap:
        return say("portions_cap", cap=cap)
    return say("portions_left", cap=cap, left=left)


def published(session: Session, canteen: Canteen, today: date) -> list[MealMenu]:
    """The canteen's menus from today on, for ``MENU_DAYS`` days, as the store holds them."""
    last = today + timedelta(days=MENU_DAYS - 1)
    shown: list[MealMenu] = []
    for menu in load_menus(session, [canteen.id], between=(today, last)):
        dishes = [
            DishLine(i.dish.name, i.dish.price_fen, _portions(i.portions_cap, i.portions_left))
            for i in menu.items
        ]
        shown.append(MealMenu(menu.date, day_label(menu.date), _meal(menu.meal), dishes))
    return shown


def preview(session: Session, canteen: Canteen, menu_file: MenuFile) -> list[MealMenu]:
    """What a checked file will publish, meal by meal, with what changes against the menus
    and prices stored now (a new menu, a dish added or taken off, a price changed)."""
    days = [m.date for m in menu_file.menus]
    span = (min(days), max(days)) if days else None
    found = load_menus(session, [canteen.id], between=span) if span else []
    stored = {(m.date, m.meal): m for m in found}
    old_prices: dict[str, int] = {
        name: fen
        for name, fen in session.execute(
            select(Dish.name, Dish.price_fen).where(Dish.canteen_id == canteen.id)
        )
    }
    prices = {dish.name: dish.price_fen for dish in menu_file.dishes}
    order = list(MealSlot)
    specs = sorted(menu_file.menus, key=lambda m: (m.date, order.index(m.meal)))
    return [
        _previewed(spec, stored.get((spec.date, spec.meal.value)), prices, old_prices)
        for spec in specs
    ]


def _previewed(
    spec: MenuSpec, old: Menu | None, prices: dict[str, int], old_prices: dict[str, int]
) -> MealMenu:
    """One meal of a file against the menu stored for that day and meal, if any."""
    before = [item.dish.name for item in old.items] if old is not None else []
    dishes = []
    for name in spec.dishes:
        change = ""
        if old is not None and name not in before:
            change = say("new_on_menu")
        if name in old_prices and old_prices[name] != prices[name]:
            change = "；".join(
                filter(None, [change, say("price_was", yuan=yuan(old_prices[name]))])
            )
        dishes.append(DishLine(name, prices[name], _portions(spec.portions.get(name)), change))
    gone = "、".join(name for name in before if name not in spec.dishes)
    return MealMenu(
        spec.date,
        day_label(spec.date),
        _meal(spec.meal.value),
        dishes,
        change=say("replaces_menu") if old is not None else say("new_menu"),
        removed=say("removed", dishes=gone) if gone else "",
    )


def _meal(code: str) -> str:
    return label_zh(MealSlot(code))


@dataclass(frozen=True)
class CommunityRound:
    """One community of a meal's delivery list: its stops in walking order and its total."""

    community: str
    stops: list[DeliveryStop]
    total: RouteTotal


@dataclass(frozen=True)
class DeliveryPage:
    """A meal's delivery list: community by community, and the whole route's total."""

    rounds: list[CommunityRound]
    total: RouteTotal


def delivery(session: Session, canteen: Canteen, day: date, meal: MealSlot) -> DeliveryPage:
    """The meal's delivery list in the canteen's walking order (``menus.delivery``), with
    each community's total and the route's."""
    groups = meal_deliveries(session, canteen, day, meal)
    rounds = [CommunityRound(name, stops, route_total(stops)) for name, stops in groups.items()]
    return DeliveryPage(rounds, route_total([s for stops in groups.values() for s in stops]))


def paid_label(stop: DeliveryStop) -> str:
    """What of a delivered meal is paid already, as the courier reads it at the door
    (已付：补贴1.00元、卡5.00元); nothing when none of it is."""
    parts = [
        f"{word}{yuan(fen)}元"
        for word, fen in (
            ("补贴", stop.subsidy_fen),
            ("券", stop.voucher_fen),
            ("卡", stop.card_fen),
        )
        if fen
    ]
    return say("paid_parts", parts="、".join(parts)) if parts else ""


def due_label(payable_fen: int) -> str:
    """What to collect at the door (收3.60元), or 不用收钱."""
    return say("due", yuan=yuan(payable_fen)) if payable_fen else say("nothing_due")


def yuan(fen: int) -> str:
    """Fen as yuan with two decimals (1250 → 12.50), on pages and in their template filter."""
    return f"{int(fen) / 100:.2f}"
