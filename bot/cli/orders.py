"""``zhucan order place|cancel|status`` and ``zhucan orders list``: orders from the terminal.

``--as`` and ``--by`` say who acts (the elder, a family member, canteen staff); the rules of
who may are the domain's, applied by the services these commands call.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from bot.cli.common import Context, date_option, print_json, text_option, vocab_option
from menus import db as store
from menus.catalogue import say
from menus.errors import DomainError
from menus.orders import (
    OrderLine,
    OrderRequest,
    OrderSummary,
    cancel_order,
    list_orders,
    order_view,
    place_order_once,
    set_status,
)
from menus.people import MAX_ADDRESS, find_elder
from menus.spoken import spoken_yuan
from menus.text import ascii_whole
from menus.vocab import Actor, Fulfillment, MealSlot, OrderStatus, label_zh

MAX_KEY_CHARS = 200  # the column's width
MAX_REASON_CHARS = 500


class _DishAction(argparse.Action):
    """``--dish A --qty 2 --dish B``: each --qty belongs to the --dish before it."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option: Any = None) -> None:
        lines = list(getattr(namespace, "lines", None) or [])
        if option == "--dish":
            lines.append([values, 1])
        else:
            if not lines:
                raise argparse.ArgumentError(self, "--qty must follow a --dish")
            quantity = ascii_whole(values.removeprefix("-"))
            if quantity is None:
                raise argparse.ArgumentError(self, f"'{values}' is not a whole number")
            lines[-1][1] = -quantity if values.startswith("-") else quantity
        namespace.lines = lines


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``order place``, ``order cancel``, ``order status`` and ``orders list``."""
    order = sub.add_parser("order", help="one order").add_subparsers(dest="sub", required=True)
    p = add("place", cmd_order_place, "place an order and print it as JSON", order)
    p.add_argument("--elder", required=True)
    p.add_argument("--dish", action=_DishAction, required=True, dest="lines")
    p.add_argument("--qty", action=_DishAction, dest="lines")
    p.add_argument("--date", required=True)
    p.add_argument("--meal", required=True)
    p.add_argument("--fulfillment", required=True)
    p.add_argument("--key", help="idempotency key: the same key never makes a second order")
    p.add_argument("--canteen")
    p.add_argument("--address", help="deliver somewhere else than the address on file")
    p.add_argument("--as", dest="actor", default="self", choices=["self", "family", "staff"])
    p.add_argument("--by", help="the family member or staff placing it (name or id)")
    p = add("cancel", cmd_order_cancel, "cancel an order", order)
    p.add_argument("id")
    p.add_argument("--as", dest="actor", default="self", choices=["self", "family", "staff"])
    p.add_argument("--by", help="the family member or staff cancelling (name or id)")
    p.add_argument("--reason")
    p = add("status", cmd_order_status, "move an order on (staff)", order)
    p.add_argument("id")
    p.add_argument("status")
    p.add_argument("--by", help="the staff member (name or id); default: the operator")
    p.add_argument("--reason")

    orders = sub.add_parser("orders", help="orders").add_subparsers(dest="sub", required=True)
    p = add("list", cmd_orders_list, "list orders", orders)
    p.add_argument("--date")
    p.add_argument("--meal")
    p.add_argument("--json", action="store_true")


def _actor(
    session: Session, args: argparse.Namespace, *, required: bool = True
) -> tuple[Actor, int | None]:
    actor = Actor(getattr(args, "actor", "staff"))
    if actor is Actor.SELF:
        return actor, None
    if not getattr(args, "by", None):
        if required:
            raise DomainError("bad_argument", detail="--by NAME_OR_ID is needed with --as")
        return actor, None
    from sqlalchemy import select

    from menus.models import Person

    text = args.by.strip()
    query = select(Person).where(
        Person.kind == actor.value if actor is Actor.FAMILY else Person.kind == "staff"
    )
    person_id = ascii_whole(text)
    person = session.scalar(
        query.where(Person.id == person_id)
        if person_id is not None
        else query.where(Person.name == text)
    )
    if person is None:
        raise DomainError("bad_argument", detail=f"no {actor.value} member '{text}'")
    return actor, person.id


def cmd_order_place(args: argparse.Namespace, ctx: Context) -> int:
    """Place an order and print it as JSON."""
    day = date_option(args.date, ctx)
    meal = vocab_option(MealSlot, args.meal)
    fulfillment = vocab_option(Fulfillment, args.fulfillment)
    lines = [OrderLine(dish, qty) for dish, qty in args.lines or []]
    with store.read_only(ctx.factory) as session:
        elder = find_elder(session, args.elder)
        actor, actor_id = _actor(session, args)
    request = OrderRequest(
        elder_id=elder.id,
        day=day,
        meal=meal,
        fulfillment=fulfillment,
        lines=lines,
        idempotency_key=text_option(args.key, "--key", MAX_KEY_CHARS) or f"cli-{uuid.uuid4()}",
        placed_by_id=actor_id,
        placed_by_role=actor,
        canteen_code=args.canteen,
        delivery_address=text_option(args.address, "--address", MAX_ADDRESS),
    )
    order, _created = place_order_once(ctx.factory, request, ctx.now)
    print_json(ctx, order_view(order))
    return 0


def _order_id(text: str) -> int:
    """An order's number as typed; anything but plain digits names no order."""
    order_id = ascii_whole(text)
    if order_id is None:
        raise DomainError("unknown_order", order_id=text)
    return order_id


def cmd_order_cancel(args: argparse.Namespace, ctx: Context) -> int:
    """Cancel an order (before the cut-off, or by the canteen with a reason)."""
    with store.unit_of_work(ctx.factory) as session:
        actor, actor_id = _actor(session, args, required=args.actor == "family")
        order = cancel_order(
            session,
            _order_id(args.id),
            ctx.now,
            actor=actor,
            actor_id=actor_id,
            reason=text_option(args.reason, "--reason", MAX_REASON_CHARS),
        )
        refund = say("refund", card=spoken_yuan(order.card_fen)) if order.card_fen else ""
    print(say("order_cancelled", id=order.id, refund=refund), file=ctx.out)
    return 0


def cmd_order_status(args: argparse.Namespace, ctx: Context) -> int:
    """Move an order on, as canteen staff."""
    target = vocab_option(OrderStatus, args.status)
    with store.unit_of_work(ctx.factory) as session:
        _, staff_id = _actor(session, args, required=False)
        order = set_status(
            session,
            _order_id(args.id),
            target,
            ctx.now,
            actor=Actor.STAFF,
            actor_id=staff_id,
            reason=text_option(args.reason, "--reason", MAX_REASON_CHARS),
        )
    print(say("status_changed", id=order.id, status=label_zh(target)), file=ctx.out)
    return 0


def cmd_orders_list(args: argparse.Namespace, ctx: Context) -> int:
    """List orders (optionally of one date and meal)."""
    day = date_option(args.date, ctx) if args.date else None
    meal = vocab_option(MealSlot, args.meal)
    with store.read_only(ctx.factory) as session:
        rows = [order_view(OrderSummary.of(o)) for o in list_orders(session, day, meal)]
    if args.json:
        print_json(ctx, rows)
        return 0
    for row in rows:
        items = "、".join(f"{i['dish']}×{i['qty']}" for i in row["items"])
        print(
            f"#{row['id']} {row['date']} {row['meal']} {row['elder']} {row['fulfillment']} "
            f"{row['status']} {items} 原价{row['price_fen'] / 100:.2f} "
            f"补贴{row['subsidy_fen'] / 100:.2f} 卡{row['card_fen'] / 100:.2f} "
            f"还需付{row['payable_fen'] / 100:.2f}",
            file=ctx.out,
        )
    return 0
