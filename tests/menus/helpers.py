"""Small helpers shared by the store's tests."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.menu_store import get_canteen, load_menus
from menus.models import Base, Card, MenuItem, Order
from menus.orders import OrderLine, OrderRequest, place_order_once
from menus.people import find_elder
from menus.vocab import Actor, Fulfillment, MealSlot

LUNCH_DAY = date(2026, 12, 1)


def request(
    factory: sessionmaker[Session],
    elder: str,
    dishes: list[tuple[str, int]] | None = None,
    *,
    day: date = LUNCH_DAY,
    meal: MealSlot = MealSlot.LUNCH,
    fulfillment: Fulfillment = Fulfillment.PICKUP,
    key: str | None = None,
    actor: Actor = Actor.SELF,
    actor_id: int | None = None,
    address: str | None = None,
) -> OrderRequest:
    """An order request for the elder called ``elder``."""
    with factory() as session:
        elder_id = find_elder(session, elder).id
    return OrderRequest(
        elder_id=elder_id,
        day=day,
        meal=meal,
        fulfillment=fulfillment,
        lines=[OrderLine(d, q) for d, q in (dishes if dishes is not None else [("红烧肉", 1)])],
        idempotency_key=key or f"test-{uuid.uuid4()}",
        placed_by_id=actor_id,
        placed_by_role=actor,
        delivery_address=address,
    )


def place(
    factory: sessionmaker[Session], now: datetime, elder: str, *args: object, **kwargs: object
) -> Order:
    """Place an order and return it (raises ``DomainError`` if refused)."""
    order, _ = place_order_once(factory, request(factory, elder, *args, **kwargs), now)  # type: ignore[arg-type]
    return order


def portions_left(factory: sessionmaker[Session], dish: str, day: date = LUNCH_DAY) -> int | None:
    """What is left of a capped dish on that day's lunch menu."""
    with factory() as session:
        canteen = get_canteen(session)
        (menu,) = load_menus(session, [canteen.id], day, MealSlot.LUNCH)
        item: MenuItem = next(i for i in menu.items if i.dish.name == dish)
        return item.portions_left


def card_balances(factory: sessionmaker[Session], elder: str) -> dict[str, int]:
    """Card balances of an elder by kind."""
    with factory() as session:
        elder_id = find_elder(session, elder).id
        cards = session.scalars(select(Card).where(Card.elder_id == elder_id))
        return {c.kind: c.balance_fen for c in cards}


def row_counts(factory: sessionmaker[Session]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: a fingerprint to prove that nothing at all changed."""
    snapshot = {}
    with unit_of_work(factory) as session:
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table)).all()
            snapshot[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return snapshot
