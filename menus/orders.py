"""Placing, cancelling and moving orders: one transaction each, all rules checked first.

Nothing lost, nothing doubled: an order is stored (and committed by the caller) before anyone
is told it was placed; the same idempotency key always returns the same order; portions are
reserved with one conditional ``UPDATE ... WHERE portions_left >= :n`` so the last portion is
never sold twice; a cancellation gives the portions, the voucher and the card money back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from menus.clock import cutoff_at, format_hhmm, local_today
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import find_menu_item, get_canteen, load_menus, slot_times
from menus.models import (
    Canteen,
    Card,
    CardTransaction,
    FamilyLink,
    MenuItem,
    Order,
    OrderEvent,
    OrderItem,
    Person,
    StaffMember,
    SubsidyPolicyRow,
    Voucher,
)
from menus.people import elder_categories
from menus.pricing import (
    CardBalance,
    PriceBreakdown,
    SubsidyKind,
    SubsidyPolicy,
    VoucherValue,
    price_order,
)
from menus.states import check_transition
from menus.vocab import Actor, CardKind, ElderCategory, Fulfillment, MealSlot, OrderStatus

MAX_QTY = 20


@dataclass(frozen=True)
class OrderLine:
    """A dish as the person named it, and how many portions."""

    dish: str
    qty: int = 1


@dataclass(frozen=True)
class OrderRequest:
    """Everything needed to place an order; ``idempotency_key`` comes from the channel."""

    elder_id: int
    day: date
    meal: MealSlot
    fulfillment: Fulfillment
    lines: Sequence[OrderLine]
    idempotency_key: str
    placed_by_id: int | None = None
    placed_by_role: Actor = Actor.SELF
    canteen_code: str | None = None
    delivery_address: str | None = None


def place_order_once(
    factory: sessionmaker[Session], request: OrderRequest, now: datetime
) -> tuple[Order, bool]:
    """Place an order in its own transaction; ``(order, created)``.

    If another process stored the same idempotency key first, its order is returned and
    nothing of ours is kept (the unique constraint decides, the transaction rolls back).
    """
    try:
        with unit_of_work(factory) as session:
            order, created = place_order(session, request, now)
    except IntegrityError:
        with unit_of_work(factory) as session:
            existing = _by_key(session, request.idempotency_key)
            if existing is None:
                raise
            return existing, False
    return order, created


def place_order(session: Session, request: OrderRequest, now: datetime) -> tuple[Order, bool]:
    """Check every rule, reserve portions, price, charge, and store the order and its history."""
    existing = _by_key(session, request.idempotency_key)
    if existing is not None:
        return existing, False

    elder = session.scalar(
        select(Person)
        .where(Person.id == request.elder_id, Person.kind == "elder")
        .with_for_update()
    )
    if elder is None or elder.elder is None:
        raise DomainError("unknown_elder", who=request.elder_id)
    canteen = get_canteen(session, request.canteen_code)
    _check_actor(session, request, elder, canteen)
    lines = _check_lines(request.lines)

    if request.day < local_today(now):
        raise DomainError("past_date", date=request.day.isoformat())
    times = slot_times(canteen, request.meal)
    menus = load_menus(session, [canteen.id], request.day, request.meal)
    if times is None or not menus:
        raise DomainError("no_menu", date=request.day.isoformat(), meal=request.meal)
    cutoff = cutoff_at(request.day, times)
    if now >= cutoff:
        raise DomainError(
            "closed", date=request.day.isoformat(), meal=request.meal, cutoff=_when(cutoff)
        )
    address = _check_fulfillment(canteen, elder, request)

    menu = menus[0]
    chosen: list[tuple[MenuItem, int]] = []
    for line in lines:
        item = find_menu_item(menu, line.dish)
        if item is None:
            available = "、".join(i.dish.name for i in menu.items)
            raise DomainError(
                "unknown_dish",
                dish=line.dish,
                date=request.day.isoformat(),
                meal=request.meal,
                available=available,
            )
        if any(item.id == other.id for other, _ in chosen):
            raise DomainError("duplicate_dish", dish=item.dish.name)
        chosen.append((item, line.qty))
    for item, qty in chosen:
        _reserve(session, item, qty)

    breakdown = _price(session, elder, canteen, request, chosen)
    order = Order(
        idempotency_key=request.idempotency_key,
        elder_id=elder.id,
        elder=elder,
        canteen=canteen,
        placed_by_id=request.placed_by_id if request.placed_by_id is not None else elder.id,
        placed_by_role=request.placed_by_role.value,
        canteen_id=canteen.id,
        date=request.day,
        meal=request.meal.value,
        fulfillment=request.fulfillment.value,
        delivery_address=address,
        status=OrderStatus.PLACED.value,
        price_fen=breakdown.price_fen,
        subsidy_fen=breakdown.subsidy_fen,
        subsidy_policy_id=breakdown.subsidy_policy_id,
        voucher_fen=breakdown.voucher_fen,
        card_fen=breakdown.card_fen,
        payable_fen=breakdown.payable_fen,
        created_at=now,
        updated_at=now,
    )
    order.items = [
        OrderItem(
            menu_item_id=item.id,
            dish_id=item.dish_id,
            dish_name=item.dish.name,
            qty=qty,
            unit_price_fen=item.dish.price_fen,
        )
        for item, qty in chosen
    ]
    order.events = [
        OrderEvent(
            at=now,
            actor_id=order.placed_by_id,
            actor_role=request.placed_by_role.value,
            from_status=None,
            to_status=OrderStatus.PLACED.value,
            reason=None,
        )
    ]
    session.add(order)
    session.flush()
    _charge(session, order, breakdown, now)
    return order, True


def _by_key(session: Session, key: str) -> Order | None:
    return session.scalar(
        select(Order).where(Order.idempotency_key == key).options(*_order_loads())
    )


def _order_loads() -> list[Any]:
    return [
        selectinload(Order.items),
        selectinload(Order.events),
        selectinload(Order.elder),
        selectinload(Order.canteen),
    ]


def _check_actor(session: Session, request: OrderRequest, elder: Person, canteen: Canteen) -> None:
    """Only the elder, linked family allowed to order, or that canteen's staff."""
    actor_id = request.placed_by_id
    if request.placed_by_role is Actor.SELF:
        if actor_id not in (None, elder.id):
            raise DomainError("not_linked")
        return
    if request.placed_by_role is Actor.FAMILY:
        link = session.scalar(
            select(FamilyLink).where(
                FamilyLink.family_id == actor_id, FamilyLink.elder_id == elder.id
            )
        )
        if link is None or not link.can_order:
            raise DomainError("not_linked")
        return
    if request.placed_by_role is Actor.STAFF:
        staff = session.scalar(
            select(StaffMember).where(
                StaffMember.person_id == actor_id, StaffMember.canteen_id == canteen.id
            )
        )
        if staff is None:
            raise DomainError("not_linked")


def _check_lines(lines: Sequence[OrderLine]) -> list[OrderLine]:
    if not lines:
        raise DomainError("no_items")
    for line in lines:
        if isinstance(line.qty, bool) or not isinstance(line.qty, int):
            raise DomainError("bad_quantity", qty=line.qty, limit=MAX_QTY)
        if not 1 <= line.qty <= MAX_QTY:
            raise DomainError("bad_quantity", qty=line.qty, limit=MAX_QTY)
        if not line.dish.strip():
            raise DomainError("no_items")
    return list(lines)


def _check_fulfillment(canteen: Canteen, elder: Person, request: OrderRequest) -> str | None:
    """The mode must be offered; delivery needs an address inside the delivery area."""
    if request.fulfillment.value not in canteen.modes:
        offered = "、".join(Fulfillment(m) for m in canteen.modes)
        raise DomainError("mode_not_offered", mode=request.fulfillment, modes=offered)
    if request.fulfillment is not Fulfillment.DELIVERY:
        return None
    assert elder.elder is not None
    address = (request.delivery_address or elder.elder.address or "").strip()
    if not address:
        raise DomainError("no_address")
    area = canteen.delivery_area
    if area:
        community = elder.elder.community or ""
        in_area = (community in area and not request.delivery_address) or any(
            name in address for name in area
        )
        if not in_area:
            raise DomainError("outside_area", community=community or address, area="、".join(area))
    return address


def _reserve(session: Session, item: MenuItem, qty: int) -> None:
    """Take portions with one conditional UPDATE; refuse when too few are left."""
    if item.portions_cap is None:
        return
    result = session.execute(
        update(MenuItem)
        .where(MenuItem.id == item.id, MenuItem.portions_left >= qty)
        .values(portions_left=MenuItem.portions_left - qty)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        left = session.scalar(select(MenuItem.portions_left).where(MenuItem.id == item.id))
        raise DomainError("sold_out", dish=item.dish.name, left=left or 0)


def _price(
    session: Session,
    elder: Person,
    canteen: Canteen,
    request: OrderRequest,
    chosen: Sequence[tuple[MenuItem, int]],
) -> PriceBreakdown:
    assert elder.elder is not None
    region = elder.elder.region
    policies = [
        SubsidyPolicy(
            region=row.region,
            category=ElderCategory(row.category),
            kind=SubsidyKind(row.kind),
            cap_fen=row.cap_fen,
            amount_fen=row.amount_fen,
            percent=row.percent,
            min_level=row.min_level,
            id=row.id,
        )
        for row in session.scalars(
            select(SubsidyPolicyRow).where(SubsidyPolicyRow.region == region)
        )
    ]
    already = session.scalar(
        select(func.count(Order.id)).where(
            Order.elder_id == elder.id,
            Order.date == request.day,
            Order.meal == request.meal.value,
            Order.subsidy_fen > 0,
            Order.status != OrderStatus.CANCELLED.value,
        )
    )
    vouchers = [
        VoucherValue(v.id, v.value_fen)
        for v in session.scalars(
            select(Voucher)
            .where(Voucher.elder_id == elder.id, Voucher.used_order_id.is_(None))
            .where(Voucher.valid_from <= request.day, Voucher.valid_to >= request.day)
            .order_by(Voucher.valid_to, Voucher.id)
        )
    ]
    cards = [
        CardBalance(c.id, CardKind(c.kind), c.balance_fen)
        for c in session.scalars(
            select(Card).where(Card.elder_id == elder.id, Card.balance_fen > 0).order_by(Card.id)
        )
    ]
    return price_order(
        [(item.dish.price_fen, qty) for item, qty in chosen],
        policies=policies,
        region=region,
        categories=elder_categories(elder),
        subsidy_used_for_slot=bool(already),
        vouchers=vouchers,
        cards=cards,
    )


def _charge(session: Session, order: Order, breakdown: PriceBreakdown, now: datetime) -> None:
    """Take the voucher and the card money, each with a conditional update."""
    if breakdown.voucher_id is not None:
        result = session.execute(
            update(Voucher)
            .where(Voucher.id == breakdown.voucher_id, Voucher.used_order_id.is_(None))
            .values(used_order_id=order.id)
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) != 1:
            raise DomainError("bad_argument", detail="voucher already used; please retry")
    for card_id, fen in breakdown.card_charges:
        result = session.execute(
            update(Card)
            .where(Card.id == card_id, Card.balance_fen >= fen)
            .values(balance_fen=Card.balance_fen - fen)
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) != 1:
            raise DomainError("bad_argument", detail="card balance changed; please retry")
        session.add(
            CardTransaction(
                card_id=card_id, order_id=order.id, amount_fen=-fen, at=now, note="charge"
            )
        )


# ---------------------------------------------------------------------- later changes


def get_order(session: Session, order_id: int) -> Order:
    """The order with this id, its items and history; ``unknown_order`` otherwise."""
    order = session.scalar(
        select(Order).where(Order.id == order_id).options(*_order_loads()).with_for_update()
    )
    if order is None:
        raise DomainError("unknown_order", order_id=order_id)
    return order


def cancel_order(
    session: Session,
    order_id: int,
    now: datetime,
    *,
    actor: Actor = Actor.SELF,
    actor_id: int | None = None,
    reason: str | None = None,
) -> Order:
    """Cancel and give everything back: portions, the voucher, and the card money."""
    order = get_order(session, order_id)
    canteen = session.get(Canteen, order.canteen_id)
    assert canteen is not None
    times = slot_times(canteen, MealSlot(order.meal))
    before_cutoff = times is not None and now < cutoff_at(order.date, times)
    if actor is Actor.FAMILY:
        link = session.scalar(
            select(FamilyLink).where(
                FamilyLink.family_id == actor_id, FamilyLink.elder_id == order.elder_id
            )
        )
        if link is None or not link.can_order:
            raise DomainError("not_linked")
    check_transition(
        OrderStatus(order.status),
        OrderStatus.CANCELLED,
        fulfillment=Fulfillment(order.fulfillment),
        actor=actor,
        before_cutoff=before_cutoff,
        reason=reason,
    )
    for item in order.items:
        session.execute(
            update(MenuItem)
            .where(MenuItem.id == item.menu_item_id, MenuItem.portions_left.is_not(None))
            .values(portions_left=MenuItem.portions_left + item.qty)
            .execution_options(synchronize_session=False)
        )
    session.execute(
        update(Voucher)
        .where(Voucher.used_order_id == order.id)
        .values(used_order_id=None)
        .execution_options(synchronize_session=False)
    )
    charged = session.execute(
        select(CardTransaction.card_id, func.sum(CardTransaction.amount_fen))
        .where(CardTransaction.order_id == order.id)
        .group_by(CardTransaction.card_id)
    ).all()
    for card_id, net in charged:
        refund = -int(net)
        if refund <= 0:
            continue
        session.execute(
            update(Card)
            .where(Card.id == card_id)
            .values(balance_fen=Card.balance_fen + refund)
            .execution_options(synchronize_session=False)
        )
        session.add(
            CardTransaction(
                card_id=card_id, order_id=order.id, amount_fen=refund, at=now, note="refund"
            )
        )
    _move(order, OrderStatus.CANCELLED, now, actor, actor_id, reason)
    return order


def set_status(
    session: Session,
    order_id: int,
    target: OrderStatus,
    now: datetime,
    *,
    actor: Actor = Actor.STAFF,
    actor_id: int | None = None,
    reason: str | None = None,
) -> Order:
    """Move an order forward (staff or system); cancelling goes through ``cancel_order``."""
    if target is OrderStatus.CANCELLED:
        return cancel_order(session, order_id, now, actor=actor, actor_id=actor_id, reason=reason)
    order = get_order(session, order_id)
    check_transition(
        OrderStatus(order.status),
        target,
        fulfillment=Fulfillment(order.fulfillment),
        actor=actor,
        before_cutoff=False,
        reason=reason,
    )
    _move(order, target, now, actor, actor_id, reason)
    return order


def _move(
    order: Order,
    target: OrderStatus,
    now: datetime,
    actor: Actor,
    actor_id: int | None,
    reason: str | None,
) -> None:
    order.events.append(
        OrderEvent(
            at=now,
            actor_id=actor_id,
            actor_role=actor.value,
            from_status=order.status,
            to_status=target.value,
            reason=reason,
        )
    )
    order.status = target.value
    order.updated_at = now


def list_orders(
    session: Session,
    day: date | None = None,
    meal: MealSlot | None = None,
    canteen_id: int | None = None,
    elder_id: int | None = None,
) -> list[Order]:
    """Orders with their items, oldest first."""
    query = select(Order).options(*_order_loads()).order_by(Order.id)
    if day is not None:
        query = query.where(Order.date == day)
    if meal is not None:
        query = query.where(Order.meal == meal.value)
    if canteen_id is not None:
        query = query.where(Order.canteen_id == canteen_id)
    if elder_id is not None:
        query = query.where(Order.elder_id == elder_id)
    return list(session.scalars(query))


def order_view(order: Order) -> dict[str, Any]:
    """The order as the ``orders list`` contract prints it (no address, no phone)."""
    canteen = order.canteen
    times = slot_times(canteen, MealSlot(order.meal))
    return {
        "id": order.id,
        "elder": order.elder.name,
        "elder_id": order.elder_id,
        "canteen": canteen.code,
        "date": order.date.isoformat(),
        "meal": order.meal,
        "fulfillment": order.fulfillment,
        "status": order.status,
        "items": [{"dish": item.dish_name, "qty": item.qty} for item in order.items],
        "price_fen": order.price_fen,
        "subsidy_fen": order.subsidy_fen,
        "voucher_fen": order.voucher_fen,
        "card_fen": order.card_fen,
        "payable_fen": order.payable_fen,
        "placed_by": order.placed_by_role,
        "serve_from": format_hhmm(times.serve_start) if times else None,
        "serve_until": format_hhmm(times.serve_end) if times else None,
        "idempotency_key": order.idempotency_key,
    }


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
