"""What each page shows, read from the store's services into plain data for the templates.

Nothing here decides a rule: the buttons come from ``menus.states.next_moves``, the counts to
cook from ``menus.reports.kitchen_sheet``, the portions left from the menus, the figures from
``menus.supervision``. A template only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.web.texts import move_label, say
from menus.clock import TZ, cutoff_at, format_hhmm, parse_hhmm
from menus.menu_store import load_menus, slot_times
from menus.models import Canteen, Order, Person
from menus.orders import list_orders
from menus.reports import KitchenSheet, kitchen_sheet
from menus.states import next_moves
from menus.vocab import Fulfillment, MealSlot, OrderStatus, label_zh

LOW_PORTIONS = 3
"""A capped dish with this many portions or fewer left is flagged on the board."""


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
    meals = [MealSlot(slot.meal) for slot in canteen.slots]
    for menu in load_menus(session, [canteen.id], day, None):
        if MealSlot(menu.meal) not in meals:
            meals.append(MealSlot(menu.meal))
    order = list(MealSlot)
    return sorted(meals, key=order.index)


def board(session: Session, canteen: Canteen, day: date) -> list[MealBoard]:
    """Today's board: per meal, every order with the moves the state machine allows, the
    portions to cook and the dishes sold out or nearly."""
    boards: list[MealBoard] = []
    for meal in meals_of(session, canteen, day):
        times = slot_times(canteen, meal)
        menus = load_menus(session, [canteen.id], day, meal)
        meal_board = MealBoard(
            meal=meal.value,
            label=label_zh(meal),
            serve=f"{format_hhmm(times.serve_start)}–{format_hhmm(times.serve_end)}"
            if times
            else "",
            cutoff=cutoff_at(day, times).astimezone(TZ).strftime("%m-%d %H:%M") if times else "",
            has_menu=bool(menus),
        )
        for order in list_orders(session, day, meal, canteen.id):
            meal_board.orders.append(_row(order))
        meal_board.portions = kitchen_sheet(session, canteen, day, meal).portions
        for menu in menus:
            for item in menu.items:
                left = item.portions_left
                if left == 0:
                    meal_board.warnings.append(say("sold_out", dish=item.dish.name))
                elif left is not None and left <= LOW_PORTIONS:
                    meal_board.warnings.append(say("low", dish=item.dish.name, left=left))
        boards.append(meal_board)
    return boards


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
