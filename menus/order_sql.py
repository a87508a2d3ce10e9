"""The statements of the order-placing path, built once with named parameters.

Why prebuilt Core statements: placing an order is the busiest path (the lunch peak), and
building SQLAlchemy expressions or loading ORM object graphs per order cost several times
more than the database work itself. Parameters are prefixed ``p_`` so they never clash with
column names in INSERT and UPDATE statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    Text,
    and_,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)

from menus.fastsql import FastStatement
from menus.models import (
    Canteen,
    CanteenClosure,
    CanteenSlot,
    Card,
    CardTransaction,
    Dish,
    ElderCategoryRow,
    ElderProfile,
    Menu,
    MenuItem,
    Order,
    OrderEvent,
    OrderItem,
    Person,
    SubsidyPolicyRow,
    Voucher,
)
from menus.vocab import CardKind, OrderStatus

ELDER = (
    select(
        Person.id,
        Person.name,
        ElderProfile.region,
        ElderProfile.address,
        ElderProfile.community,
        ElderCategoryRow.category,
        ElderCategoryRow.level,
        Order.id.label("existing"),
    )
    .join(ElderProfile, ElderProfile.person_id == Person.id)
    .outerjoin(ElderCategoryRow, ElderCategoryRow.elder_id == Person.id)
    .outerjoin(Order, Order.idempotency_key == bindparam("p_key"))
    .where(Person.id == bindparam("p_elder"), Person.kind == "elder")
    .with_for_update(of=Person)
)
"""The elder with one row per category, and the order already stored under this request's
idempotency key (``existing``, or NULL), in one round trip; locks the elder's row
(PostgreSQL) so that one elder's orders are placed one at a time."""

_SLOT_JOIN = and_(CanteenSlot.canteen_id == Canteen.id, CanteenSlot.meal == bindparam("p_meal"))
_MENU_JOIN = and_(
    Menu.canteen_id == Canteen.id, Menu.date == bindparam("p_day"), Menu.meal == bindparam("p_meal")
)
_CLOSED_REASON = (
    select(CanteenClosure.reason)
    .where(
        CanteenClosure.canteen_id == Canteen.id,
        CanteenClosure.date == bindparam("p_day"),
        or_(CanteenClosure.meal == bindparam("p_meal"), CanteenClosure.meal == "day"),
    )
    .limit(1)
    .scalar_subquery()
)
"""Why the meal is closed (休息, ``menus.closures``), or NULL: read with its menu, in the
same round trip."""
_CANTEEN_AND_MENU = (
    select(
        Canteen.id,
        Canteen.code,
        Canteen.name,
        cast(Canteen.modes, Text).label("modes"),
        cast(Canteen.delivery_area, Text).label("delivery_area"),
        CanteenSlot.cutoff,
        CanteenSlot.days_before,
        CanteenSlot.serve_start,
        CanteenSlot.serve_end,
        _CLOSED_REASON.label("closed_reason"),
        MenuItem.id.label("item_id"),
        MenuItem.dish_id,
        MenuItem.portions_cap,
        Dish.name.label("dish"),
        cast(Dish.aliases, Text).label("aliases"),
        Dish.name_mn,
        Dish.name_mn_cyrl,
        Dish.price_fen,
    )
    .outerjoin(CanteenSlot, _SLOT_JOIN)
    .outerjoin(Menu, _MENU_JOIN)
    .outerjoin(MenuItem, MenuItem.menu_id == Menu.id)
    .outerjoin(Dish, Dish.id == MenuItem.dish_id)
)
CANTEEN_BY_CODE = _CANTEEN_AND_MENU.where(Canteen.code == bindparam("p_code")).order_by(
    MenuItem.position
)
"""The canteen, its slot for the meal, and one row per line of that day's menu (if any)."""

ANY_CANTEEN = _CANTEEN_AND_MENU.order_by(Canteen.code, MenuItem.position)
"""The same for every canteen: used when only one exists and no code is given."""

RESERVE = (
    update(MenuItem)
    .where(MenuItem.id == bindparam("p_item"), MenuItem.portions_left >= bindparam("p_qty"))
    .values(portions_left=MenuItem.portions_left - bindparam("p_qty"))
)
"""Take portions only if enough are left: the one atomic step that prevents overselling."""

PORTIONS_LEFT = select(MenuItem.portions_left).where(MenuItem.id == bindparam("p_item"))

_NO_TEXT = cast(null(), String)
_NO_NUMBER = cast(null(), Integer)
_POLICIES = select(
    literal("p").label("tag"),
    SubsidyPolicyRow.id,
    SubsidyPolicyRow.amount_fen.label("amount"),
    SubsidyPolicyRow.category,
    SubsidyPolicyRow.kind,
    SubsidyPolicyRow.percent,
    SubsidyPolicyRow.cap_fen,
    SubsidyPolicyRow.min_level,
).where(SubsidyPolicyRow.region == bindparam("p_region"))
_PADDING = (_NO_TEXT, _NO_TEXT, _NO_NUMBER, _NO_NUMBER, _NO_NUMBER)
_SUBSIDISED = select(literal("s"), func.min(Order.id), literal(0), *_PADDING).where(
    Order.elder_id == bindparam("p_elder"),
    Order.date == bindparam("p_day"),
    Order.meal == bindparam("p_meal"),
    Order.subsidy_fen > 0,
    Order.status != OrderStatus.CANCELLED.value,
)
_VOUCHERS = select(literal("v"), Voucher.id, Voucher.value_fen, *_PADDING).where(
    Voucher.elder_id == bindparam("p_elder"),
    Voucher.used_order_id.is_(None),
    Voucher.valid_from <= bindparam("p_day"),
    Voucher.valid_to >= bindparam("p_day"),
)
_CARDS = select(
    case((Card.kind == CardKind.FAMILY.value, literal("f")), else_=literal("c")),
    Card.id,
    Card.balance_fen,
    *_PADDING,
).where(Card.elder_id == bindparam("p_elder"), Card.balance_fen > 0)
MONEY = union_all(_POLICIES, _SUBSIDISED, _VOUCHERS, _CARDS)
"""Everything pricing needs in one round trip, one row each: the region's subsidy policies
(tag ``p``), an earlier subsidised order in this slot (``s``: its id, or NULL), the usable
vouchers (``v``: id, value) and the cards with money (``f`` family, ``c`` charity: id,
balance). Vouchers and cards are sorted by id by the caller."""

ORDER_COLUMNS = (
    "idempotency_key", "elder_id", "placed_by_id", "placed_by_role", "canteen_id", "date", "meal",
    "fulfillment", "delivery_address", "status", "price_fen", "subsidy_fen", "subsidy_policy_id",
    "voucher_fen", "card_fen", "payable_fen", "created_at", "updated_at",
)  # fmt: skip
ITEM_COLUMNS = ("order_id", "menu_item_id", "dish_id", "dish_name", "qty", "unit_price_fen")
EVENT_COLUMNS = ("order_id", "at", "actor_id", "actor_role", "from_status", "to_status", "reason")


def _insert(model: Any, columns: Sequence[str]) -> Any:
    """INSERT of exactly these columns, each from the parameter ``p_<column>``."""
    return insert(model).values({c: bindparam(f"p_{c}") for c in columns})


INSERT_ORDER = _insert(Order, ORDER_COLUMNS).returning(Order.id)
INSERT_ITEMS = _insert(OrderItem, ITEM_COLUMNS)
INSERT_EVENT = _insert(OrderEvent, EVENT_COLUMNS)

USE_VOUCHER = (
    update(Voucher)
    .where(Voucher.id == bindparam("p_voucher"), Voucher.used_order_id.is_(None))
    .values(used_order_id=bindparam("p_order"))
)

CHARGE_CARD = (
    update(Card)
    .where(Card.id == bindparam("p_card"), Card.balance_fen >= bindparam("p_fen"))
    .values(balance_fen=Card.balance_fen - bindparam("p_fen"))
)
INSERT_CARD_TRANSACTION = _insert(
    CardTransaction, ("card_id", "order_id", "amount_fen", "at", "note")
)

FAST = {
    name: FastStatement(statement)
    for name, statement in {
        "elder": ELDER,
        "canteen_by_code": CANTEEN_BY_CODE,
        "any_canteen": ANY_CANTEEN,
        "reserve": RESERVE,
        "portions_left": PORTIONS_LEFT,
        "money": MONEY,
        "insert_order": INSERT_ORDER,
        "insert_items": INSERT_ITEMS,
        "insert_event": INSERT_EVENT,
        "use_voucher": USE_VOUCHER,
        "charge_card": CHARGE_CARD,
        "insert_card_transaction": INSERT_CARD_TRANSACTION,
    }.items()
}
"""The hot statements, run on the driver directly (see ``menus.fastsql``)."""
