"""Placing, cancelling and moving orders: one transaction each, all rules checked first.

Nothing lost, nothing doubled: an order is stored (and committed by the caller) before anyone
is told it was placed; the same idempotency key always returns the same order; portions are
reserved with one conditional ``UPDATE ... WHERE portions_left >= :n`` so the last portion is
never sold twice; a cancellation gives the portions, the voucher and the card money back.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from menus import order_sql as sql
from menus.access import About, Act, check, who_acts
from menus.clock import (
    SlotTimes,
    cutoff_at,
    format_hhmm,
    is_open_for_orders,
    local_today,
    parse_hhmm,
)
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import names_match, slot_times
from menus.models import (
    Canteen,
    Card,
    CardTransaction,
    MenuItem,
    Order,
    OrderEvent,
    Voucher,
)
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


@dataclass(frozen=True)
class ItemSummary:
    """A dish and how many portions, at the price it had when ordered."""

    dish_name: str
    qty: int
    unit_price_fen: int


@dataclass(frozen=True)
class OrderSummary:
    """An order as the channels show and read it back: every part of its price, the elder's
    name, the canteen, and when the meal is served. Plain data, usable after the session."""

    id: int
    idempotency_key: str
    elder_id: int
    elder_name: str
    placed_by_id: int | None
    placed_by_role: str
    canteen_id: int
    canteen_code: str
    canteen_name: str
    date: date
    meal: str
    fulfillment: str
    delivery_address: str | None
    status: str
    price_fen: int
    subsidy_fen: int
    voucher_fen: int
    card_fen: int
    payable_fen: int
    items: tuple[ItemSummary, ...]
    serve_start: str | None
    serve_end: str | None

    @staticmethod
    def of(order: Order) -> OrderSummary:
        """From a stored order loaded with its items, elder and canteen (and its slots)."""
        times = slot_times(order.canteen, MealSlot(order.meal))
        return OrderSummary(
            id=order.id,
            idempotency_key=order.idempotency_key,
            elder_id=order.elder_id,
            elder_name=order.elder.name,
            placed_by_id=order.placed_by_id,
            placed_by_role=order.placed_by_role,
            canteen_id=order.canteen_id,
            canteen_code=order.canteen.code,
            canteen_name=order.canteen.name,
            date=order.date,
            meal=order.meal,
            fulfillment=order.fulfillment,
            delivery_address=order.delivery_address,
            status=order.status,
            price_fen=order.price_fen,
            subsidy_fen=order.subsidy_fen,
            voucher_fen=order.voucher_fen,
            card_fen=order.card_fen,
            payable_fen=order.payable_fen,
            items=tuple(ItemSummary(i.dish_name, i.qty, i.unit_price_fen) for i in order.items),
            serve_start=format_hhmm(times.serve_start) if times else None,
            serve_end=format_hhmm(times.serve_end) if times else None,
        )


def place_order_once(
    factory: sessionmaker[Session], request: OrderRequest, now: datetime
) -> tuple[OrderSummary, bool]:
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
            return _same_request(existing, request), False
    return order, created


def quote_order(
    factory: sessionmaker[Session],
    request: OrderRequest,
    now: datetime,
    *,
    replacing: int | None = None,
) -> OrderSummary:
    """What placing this order would give (every rule checked, the price split exactly), with
    nothing kept: the read-back before "要订吗？" uses it, so what is said is what is placed.
    ``replacing``: the order a change would cancel first (its subsidy and card money count)."""
    with factory() as session:
        session.begin()
        try:
            quote = replace(request, idempotency_key=f"quote-{uuid.uuid4()}")
            if replacing is not None:
                summary = change_order(session, replacing, quote, now)
            else:
                summary, _ = place_order(session, quote, now)
        finally:
            session.rollback()
    return summary


def change_order(
    session: Session, order_id: int, request: OrderRequest, now: datetime
) -> OrderSummary:
    """Change an order before its cut-off: cancel it and place ``request`` in one transaction,
    so the elder never has both or neither, and the new order gets the subsidy and card money
    the old one gave back. A retried change (same key) returns the order it made."""
    existing = _by_key(session, request.idempotency_key)
    if existing is not None:
        return _same_request(existing, request)
    if get_order(session, order_id, lock=False).elder_id != request.elder_id:
        raise DomainError("not_linked")
    cancel_order(
        session,
        order_id,
        now,
        actor=request.placed_by_role,
        actor_id=request.placed_by_id,
        reason="changed",
    )
    session.flush()
    summary, _ = place_order(session, request, now)
    return summary


@dataclass(frozen=True)
class _Elder:
    """What placing an order needs to know about the elder."""

    id: int
    name: str
    region: str
    address: str
    community: str | None
    categories: dict[ElderCategory, int | None]


@dataclass(frozen=True)
class _Canteen:
    """The canteen and the one meal slot the order is for."""

    id: int
    code: str
    name: str
    modes: list[str]
    delivery_area: list[str]
    slot: SlotTimes | None
    closed_reason: str | None = None
    """Why the meal is closed (休息), when it is."""


@dataclass(frozen=True)
class _Line:
    """A menu line chosen for the order."""

    item_id: int
    dish_id: int
    dish: str
    price_fen: int
    capped: bool
    qty: int


def place_order(
    session: Session, request: OrderRequest, now: datetime
) -> tuple[OrderSummary, bool]:
    """Check every rule, reserve portions, price, charge, and store the order and its history.

    Why prebuilt statements (``menus.order_sql``) on the session's connection: this is the
    busiest path of the service, and ORM object graphs cost more than the rules they serve.
    """
    conn = session.connection()
    elder, existing_id = _load_elder(conn, request.elder_id, request.idempotency_key)
    if existing_id is not None:
        return _same_request(get_order(session, existing_id, lock=False), request), False

    canteen, rows = _load_canteen(conn, request.canteen_code, request.day, request.meal)
    _check_actor(
        session, Act.ORDER, request.placed_by_role, request.placed_by_id, elder.id, canteen.id
    )
    lines = _check_lines(request.lines)
    if request.day < local_today(now):
        raise DomainError("past_date", date=request.day.isoformat())
    if canteen.closed_reason is not None:
        day = request.day.isoformat()
        raise DomainError(
            "canteen_closed", date=day, meal=request.meal, reason=canteen.closed_reason
        )
    if canteen.slot is None or not rows:
        raise DomainError("no_menu", date=request.day.isoformat(), meal=request.meal)
    if not is_open_for_orders(request.day, canteen.slot, now):
        cutoff = _when(cutoff_at(request.day, canteen.slot))
        raise DomainError("closed", date=request.day.isoformat(), meal=request.meal, cutoff=cutoff)
    address = _check_fulfillment(canteen, elder, request)
    chosen = _choose(rows, lines, request)
    for line in chosen:
        if line.capped:
            _reserve(conn, line)

    breakdown = _price(conn, elder, request, chosen)
    placed_by = request.placed_by_id if request.placed_by_id is not None else elder.id
    values: dict[str, Any] = {
        "idempotency_key": request.idempotency_key,
        "elder_id": elder.id,
        "placed_by_id": placed_by,
        "placed_by_role": request.placed_by_role.value,
        "canteen_id": canteen.id,
        "date": request.day,
        "meal": request.meal.value,
        "fulfillment": request.fulfillment.value,
        "delivery_address": address,
        "status": OrderStatus.PLACED.value,
        "price_fen": breakdown.price_fen,
        "subsidy_fen": breakdown.subsidy_fen,
        "subsidy_policy_id": breakdown.subsidy_policy_id,
        "voucher_fen": breakdown.voucher_fen,
        "card_fen": breakdown.card_fen,
        "payable_fen": breakdown.payable_fen,
        "created_at": now,
        "updated_at": now,
    }
    order_id = sql.FAST["insert_order"].run(conn, _prefixed(values)).fetchone()[0]
    items = [
        {
            "order_id": order_id,
            "menu_item_id": line.item_id,
            "dish_id": line.dish_id,
            "dish_name": line.dish,
            "qty": line.qty,
            "unit_price_fen": line.price_fen,
        }
        for line in chosen
    ]
    sql.FAST["insert_items"].run_many(conn, [_prefixed(item) for item in items])
    event = {
        "order_id": order_id,
        "at": now,
        "actor_id": placed_by,
        "actor_role": request.placed_by_role.value,
        "from_status": None,
        "to_status": OrderStatus.PLACED.value,
        "reason": None,
    }
    sql.FAST["insert_event"].run(conn, _prefixed(event)).close()
    _charge(conn, order_id, breakdown, now)
    return OrderSummary(
        id=order_id,
        idempotency_key=request.idempotency_key,
        elder_id=elder.id,
        elder_name=elder.name,
        placed_by_id=placed_by,
        placed_by_role=request.placed_by_role.value,
        canteen_id=canteen.id,
        canteen_code=canteen.code,
        canteen_name=canteen.name,
        date=request.day,
        meal=request.meal.value,
        fulfillment=request.fulfillment.value,
        delivery_address=address,
        status=OrderStatus.PLACED.value,
        price_fen=breakdown.price_fen,
        subsidy_fen=breakdown.subsidy_fen,
        voucher_fen=breakdown.voucher_fen,
        card_fen=breakdown.card_fen,
        payable_fen=breakdown.payable_fen,
        items=tuple(ItemSummary(line.dish, line.qty, line.price_fen) for line in chosen),
        serve_start=format_hhmm(canteen.slot.serve_start),
        serve_end=format_hhmm(canteen.slot.serve_end),
    ), True


def _same_request(existing: Order, request: OrderRequest) -> OrderSummary:
    """The stored order for a retried request; a key reused by someone else is refused, so a
    key can never reveal another elder's order."""
    placed_by = request.placed_by_id if request.placed_by_id is not None else request.elder_id
    if existing.elder_id != request.elder_id or existing.placed_by_id != placed_by:
        raise DomainError("key_reused")
    return OrderSummary.of(existing)


def _load_elder(conn: Connection, elder_id: int, key: str) -> tuple[_Elder, int | None]:
    """The elder, their region, address and categories, and the id of an order already stored
    under ``key``; locks the elder's row on PostgreSQL so that two orders of one elder at once
    cannot both take the day's subsidy or the same card money."""
    rows = sql.FAST["elder"].rows(conn, {"p_elder": elder_id, "p_key": key})
    if not rows:
        raise DomainError("unknown_elder", who=elder_id)
    first = rows[0]
    categories = {ElderCategory(r.category): r.level for r in rows if r.category is not None}
    elder = _Elder(first.id, first.name, first.region, first.address, first.community, categories)
    return elder, first.existing


def _load_canteen(
    conn: Connection, code: str | None, day: date, meal: MealSlot
) -> tuple[_Canteen, list[Any]]:
    """The canteen by code (or the only one), its slot for this meal if it serves it, and the
    lines of that day's menu (empty when there is no menu)."""
    params = {"p_meal": meal.value, "p_day": day}
    if code:
        rows = sql.FAST["canteen_by_code"].rows(conn, {**params, "p_code": code})
        if not rows:
            raise DomainError("unknown_canteen", code=code)
    else:
        rows = sql.FAST["any_canteen"].rows(conn, params)
        codes = sorted({r.code for r in rows})
        if not codes:
            raise DomainError("no_canteen")
        if len(codes) > 1:
            raise DomainError("several_canteens", codes=", ".join(codes))
    r = rows[0]
    slot = None
    if r.cutoff is not None:
        slot = SlotTimes(
            parse_hhmm(r.cutoff),
            r.days_before,
            parse_hhmm(r.serve_start),
            parse_hhmm(r.serve_end),
        )
    # modes and area come as JSON text, repeated on every menu row: decoded once, here
    modes, area = json.loads(r.modes), json.loads(r.delivery_area)
    canteen = _Canteen(r.id, r.code, r.name, list(modes), list(area), slot, r.closed_reason)
    return canteen, [row for row in rows if row.item_id is not None]


def _choose(rows: Sequence[Any], lines: Sequence[OrderLine], request: OrderRequest) -> list[_Line]:
    """The menu line for each dish said; an unknown or repeated dish is refused."""
    chosen: list[_Line] = []
    for line in lines:
        row = next(
            (
                r
                for r in rows
                if names_match(
                    line.dish, [r.dish, *json.loads(r.aliases), r.name_mn, r.name_mn_cyrl]
                )
            ),
            None,
        )
        if row is None:
            raise DomainError(
                "unknown_dish",
                dish=line.dish,
                date=request.day.isoformat(),
                meal=request.meal,
                available="、".join(r.dish for r in rows),
            )
        if any(c.item_id == row.item_id for c in chosen):
            raise DomainError("duplicate_dish", dish=row.dish)
        capped = row.portions_cap is not None
        chosen.append(_Line(row.item_id, row.dish_id, row.dish, row.price_fen, capped, line.qty))
    return chosen


def _by_key(session: Session, key: str) -> Order | None:
    order_id = session.scalar(select(Order.id).where(Order.idempotency_key == key))
    return None if order_id is None else get_order(session, order_id, lock=False)


def _order_loads() -> list[Any]:
    return [
        selectinload(Order.items),
        selectinload(Order.events),
        selectinload(Order.elder),
        selectinload(Order.canteen).selectinload(Canteen.slots),
    ]


def _check_actor(
    session: Session,
    act: Act,
    actor: Actor,
    actor_id: int | None,
    elder_id: int,
    canteen_id: int,
    **params: object,
) -> None:
    """``menus.access``'s rule on this elder's order at this canteen, with the facts about the
    actor read from the store (``not_linked`` when it is not theirs to act on)."""
    who = who_acts(session, actor, actor_id, elder_id=elder_id)
    check(who, act, About(elder_id=elder_id, canteen_id=canteen_id), **params)


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


def _check_fulfillment(canteen: _Canteen, elder: _Elder, request: OrderRequest) -> str | None:
    """The mode must be offered; delivery needs an address inside the delivery area."""
    if request.fulfillment.value not in canteen.modes:
        offered = "、".join(Fulfillment(m) for m in canteen.modes)
        raise DomainError("mode_not_offered", mode=request.fulfillment, modes=offered)
    if request.fulfillment is not Fulfillment.DELIVERY:
        return None
    override = (request.delivery_address or "").strip()
    address = override or (elder.address or "").strip()
    if not address:
        raise DomainError("no_address")
    area = canteen.delivery_area
    if area:
        community = elder.community or ""
        in_area = (community in area and not override) or any(name in address for name in area)
        if not in_area:
            raise DomainError("outside_area", community=community or address, area="、".join(area))
    return address


def _reserve(conn: Connection, line: _Line) -> None:
    """Take portions with one conditional UPDATE; refuse when too few are left."""
    result = sql.FAST["reserve"].run(conn, {"p_item": line.item_id, "p_qty": line.qty})
    taken = result.rowcount
    result.close()
    if taken != 1:
        left = sql.FAST["portions_left"].rows(conn, {"p_item": line.item_id})[0][0]
        raise DomainError("sold_out", dish=line.dish, left=left or 0)


def _price(
    conn: Connection, elder: _Elder, request: OrderRequest, chosen: Sequence[_Line]
) -> PriceBreakdown:
    """Read what pricing needs (policies, the day's subsidy, vouchers, cards) and price."""
    policies: list[SubsidyPolicy] = []
    already = False
    vouchers: list[VoucherValue] = []
    cards: list[CardBalance] = []
    params = {
        "p_region": elder.region,
        "p_elder": elder.id,
        "p_day": request.day,
        "p_meal": request.meal.value,
    }
    for tag, row_id, amount, category, kind, percent, cap, min_level in sql.FAST["money"].rows(
        conn, params
    ):
        if tag == "p":
            policies.append(
                SubsidyPolicy(
                    region=elder.region,
                    category=ElderCategory(category),
                    kind=SubsidyKind(kind),
                    cap_fen=cap,
                    amount_fen=amount,
                    percent=percent,
                    min_level=min_level,
                    id=row_id,
                )
            )
        elif tag == "s":
            already = row_id is not None
        elif tag == "v":
            vouchers.append(VoucherValue(row_id, amount))
        else:
            card_kind = CardKind.FAMILY if tag == "f" else CardKind.CHARITY
            cards.append(CardBalance(row_id, card_kind, amount))
    vouchers.sort(key=lambda v: v.id)
    cards.sort(key=lambda c: c.id)
    return price_order(
        [(line.price_fen, line.qty) for line in chosen],
        policies=policies,
        region=elder.region,
        categories=elder.categories,
        subsidy_used_for_slot=already,
        vouchers=vouchers,
        cards=cards,
    )


def _charge(conn: Connection, order_id: int, breakdown: PriceBreakdown, now: datetime) -> None:
    """Take the voucher and the card money, each with a conditional update."""
    if breakdown.voucher_id is not None:
        params = {"p_voucher": breakdown.voucher_id, "p_order": order_id}
        used = sql.FAST["use_voucher"].run(conn, params)
        if used.rowcount != 1:
            raise DomainError("bad_argument", detail="voucher already used; please retry")
        used.close()
    for card_id, fen in breakdown.card_charges:
        charged = sql.FAST["charge_card"].run(conn, {"p_card": card_id, "p_fen": fen})
        if charged.rowcount != 1:
            raise DomainError("bad_argument", detail="card balance changed; please retry")
        charged.close()
        movement = {
            "card_id": card_id,
            "order_id": order_id,
            "amount_fen": -fen,
            "at": now,
            "note": "charge",
        }
        sql.FAST["insert_card_transaction"].run(conn, _prefixed(movement)).close()


def _prefixed(values: dict[str, Any]) -> dict[str, Any]:
    """Column values as the ``p_<column>`` parameters of the prebuilt INSERTs."""
    return {f"p_{key}": value for key, value in values.items()}


# ---------------------------------------------------------------------- later changes


def get_order(session: Session, order_id: int, *, lock: bool = True) -> Order:
    """The order with this id, its items and history; ``unknown_order`` otherwise.

    ``lock`` takes the row for an update (PostgreSQL), so two staff cannot move it at once.
    """
    query = select(Order).where(Order.id == order_id).options(*_order_loads())
    order = session.scalar(query.with_for_update(of=Order) if lock else query)
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
    before_cutoff = times is not None and is_open_for_orders(order.date, times, now)
    _check_actor(session, Act.CANCEL, actor, actor_id, order.elder_id, order.canteen_id)
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
    _check_actor(
        session,
        Act.MOVE,
        actor,
        actor_id,
        order.elder_id,
        order.canteen_id,
        status=OrderStatus(order.status),
        target=target,
    )
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


def day_orders(session: Session, canteen_id: int, day: date) -> list[Order]:
    """One canteen's orders of one day, every meal, with their lines and elders, oldest first.

    Why not ``list_orders`` once per meal: a day's board shows every meal, and its rows need
    neither an order's history nor its canteen; one query and two batch loads instead of four
    per meal keep the board quick at a canteen with a hundred orders a day."""
    query = (
        select(Order)
        .where(Order.canteen_id == canteen_id, Order.date == day)
        .options(selectinload(Order.items), selectinload(Order.elder))
        .order_by(Order.id)
    )
    return list(session.scalars(query))


def order_view(order: OrderSummary) -> dict[str, Any]:
    """The order as the ``orders list`` contract prints it (no address, no phone)."""
    return {
        "id": order.id,
        "elder": order.elder_name,
        "elder_id": order.elder_id,
        "canteen": order.canteen_code,
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
        "serve_from": order.serve_start,
        "serve_until": order.serve_end,
        "idempotency_key": order.idempotency_key,
    }


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
