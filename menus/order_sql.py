"""The statements of the order-placing path, built once with named parameters.

Why prebuilt Core statements: placing an order is the busiest path (the lunch peak), and
building SQLAlchemy expressions or loading ORM object graphs per order cost several times
more than the database work itself. Parameters are prefixed ``p_`` so they never clash with
column names in INSERT and UPDATE statements.
"""

from __future__ import annotations

from sqlalchemy import and_, bindparam, insert, select, update

from menus.models import (
    Canteen,
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
from menus.vocab import OrderStatus

ORDER_BY_KEY = select(Order.id).where(Order.idempotency_key == bindparam("p_key"))

ELDER = (
    select(
        Person.id, Person.name, ElderProfile.region, ElderProfile.address, ElderProfile.community
    )
    .join(ElderProfile, ElderProfile.person_id == Person.id)
    .where(Person.id == bindparam("p_elder"), Person.kind == "elder")
    .with_for_update(of=Person)
)
"""The elder, locking the row (PostgreSQL) so one elder's orders are placed one at a time."""

CATEGORIES = select(ElderCategoryRow.category, ElderCategoryRow.level).where(
    ElderCategoryRow.elder_id == bindparam("p_elder")
)

_CANTEEN_COLUMNS = (
    Canteen.id,
    Canteen.code,
    Canteen.name,
    Canteen.region,
    Canteen.modes,
    Canteen.delivery_area,
    CanteenSlot.cutoff,
    CanteenSlot.days_before,
    CanteenSlot.serve_start,
    CanteenSlot.serve_end,
)
_SLOT_JOIN = and_(CanteenSlot.canteen_id == Canteen.id, CanteenSlot.meal == bindparam("p_meal"))
CANTEEN_BY_CODE = (
    select(*_CANTEEN_COLUMNS)
    .outerjoin(CanteenSlot, _SLOT_JOIN)
    .where(Canteen.code == bindparam("p_code"))
)
ANY_CANTEEN = (
    select(*_CANTEEN_COLUMNS).outerjoin(CanteenSlot, _SLOT_JOIN).order_by(Canteen.code).limit(10)
)

MENU_LINES = (
    select(
        MenuItem.id,
        MenuItem.dish_id,
        MenuItem.portions_cap,
        Dish.name,
        Dish.aliases,
        Dish.name_mn,
        Dish.name_mn_cyrl,
        Dish.price_fen,
    )
    .join(Menu, Menu.id == MenuItem.menu_id)
    .join(Dish, Dish.id == MenuItem.dish_id)
    .where(
        Menu.canteen_id == bindparam("p_canteen"),
        Menu.date == bindparam("p_day"),
        Menu.meal == bindparam("p_meal"),
    )
    .order_by(MenuItem.position)
)

RESERVE = (
    update(MenuItem)
    .where(MenuItem.id == bindparam("p_item"), MenuItem.portions_left >= bindparam("p_qty"))
    .values(portions_left=MenuItem.portions_left - bindparam("p_qty"))
)
"""Take portions only if enough are left: the one atomic step that prevents overselling."""

PORTIONS_LEFT = select(MenuItem.portions_left).where(MenuItem.id == bindparam("p_item"))

POLICIES = select(
    SubsidyPolicyRow.id,
    SubsidyPolicyRow.region,
    SubsidyPolicyRow.category,
    SubsidyPolicyRow.kind,
    SubsidyPolicyRow.amount_fen,
    SubsidyPolicyRow.percent,
    SubsidyPolicyRow.cap_fen,
    SubsidyPolicyRow.min_level,
).where(SubsidyPolicyRow.region == bindparam("p_region"))

SUBSIDISED_IN_SLOT = (
    select(Order.id)
    .where(
        Order.elder_id == bindparam("p_elder"),
        Order.date == bindparam("p_day"),
        Order.meal == bindparam("p_meal"),
        Order.subsidy_fen > 0,
        Order.status != OrderStatus.CANCELLED.value,
    )
    .limit(1)
)

VOUCHERS = (
    select(Voucher.id, Voucher.value_fen)
    .where(Voucher.elder_id == bindparam("p_elder"), Voucher.used_order_id.is_(None))
    .where(Voucher.valid_from <= bindparam("p_day"), Voucher.valid_to >= bindparam("p_day"))
    .order_by(Voucher.valid_to, Voucher.id)
)

CARDS = (
    select(Card.id, Card.kind, Card.balance_fen)
    .where(Card.elder_id == bindparam("p_elder"), Card.balance_fen > 0)
    .order_by(Card.id)
)

INSERT_ORDER = insert(Order).returning(Order.id)
INSERT_ITEMS = insert(OrderItem)
INSERT_EVENT = insert(OrderEvent)

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
INSERT_CARD_TRANSACTION = insert(CardTransaction)
