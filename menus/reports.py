"""What the kitchen must cook and deliver, and the monthly service counts for the government.

The seed plan pays operating subsidies on service counts (服务人次) and asks for subsidy and
card amounts to be accounted separately; the report gives one row per canteen and elder
category, plus an ``all`` row per canteen (an elder in two categories counts in both category
rows but once in ``all``).
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from menus.delivery import DeliveryStop, delivery_stops, kitchen_orders
from menus.models import Canteen, Card, CardTransaction, ElderProfile, Order, Person
from menus.states import OPEN_STATUSES
from menus.text import CSV_QUOTING, csv_cell
from menus.vocab import CardKind, ElderCategory, Fulfillment, MealSlot, OrderStatus


@dataclass
class KitchenSheet:
    """The kitchen's view of one meal at one canteen."""

    canteen: str
    date: str
    meal: str
    portions: dict[str, int] = field(default_factory=dict)
    delivery: dict[str, list[DeliveryStop]] = field(default_factory=dict)
    pickup: int = 0
    dine_in: int = 0
    orders: int = 0


def kitchen_sheet(session: Session, canteen: Canteen, day: date, meal: MealSlot) -> KitchenSheet:
    """Portions per dish, the delivery list by community in the canteen's walking order
    (``menus.delivery``), and pickup and dine-in counts."""
    orders = kitchen_orders(session, canteen, day, meal)
    sheet = KitchenSheet(canteen.code, day.isoformat(), meal.value)
    for order in orders:
        sheet.orders += 1
        if order.fulfillment == Fulfillment.PICKUP.value:
            sheet.pickup += 1
        elif order.fulfillment != Fulfillment.DELIVERY.value:
            sheet.dine_in += 1
    sheet.portions = portions_to_cook(orders)
    sheet.delivery = delivery_stops(session, canteen, orders)
    return sheet


def portions_to_cook(orders: Sequence[Order]) -> dict[str, int]:
    """Portions per dish of the orders still open (what the kitchen has to cook), the most
    first: the kitchen sheet's count, and the board's (which has every order of the meal)."""
    still_open = {status.value for status in OPEN_STATUSES}
    portions: Counter[str] = Counter()
    for order in orders:
        if order.status in still_open:
            for item in order.items:
                portions[item.dish_name] += item.qty
    return dict(sorted(portions.items(), key=lambda kv: (-kv[1], kv[0])))


def kitchen_text(sheet: KitchenSheet) -> str:
    """The sheet as staff read it on a phone or print it."""
    lines = [f"{sheet.canteen} {sheet.date} {sheet.meal}: {sheet.orders} 单"]
    lines.append("要做的份数:")
    lines += [f"  {dish} {count} 份" for dish, count in sheet.portions.items()] or ["  (无)"]
    lines.append(f"自取 {sheet.pickup} 单，堂食 {sheet.dine_in} 单")
    lines.append("送餐:")
    if not sheet.delivery:
        lines.append("  (无)")
    for community, stops in sheet.delivery.items():
        lines.append(f"  {community} ({len(stops)} 单)")
        for stop in stops:
            due = f"，收 {stop.payable_fen / 100:.2f} 元" if stop.payable_fen else ""
            lines.append(
                f"    #{stop.order_id} {stop.elder} {stop.phone} {stop.address}："
                f"{'、'.join(stop.items)}{due}"
            )
    return "\n".join(lines)


def kitchen_json(sheet: KitchenSheet) -> dict[str, Any]:
    """The sheet as plain data."""
    return asdict(sheet)


REPORT_FIELDS = (
    "month", "canteen", "category", "elders", "orders", "meals_served", "portions_served",
    "price_fen", "subsidy_fen", "voucher_fen", "family_card_fen", "charity_card_fen",
    "paid_on_day_fen", "cancelled", "missed",
)  # fmt: skip


def monthly_report(session: Session, month: date) -> list[dict[str, Any]]:
    """One row per canteen and elder category for the month that starts at ``month``.

    Money counts only meals served (completed); a cancelled order costs nothing, a missed one
    was cooked but not eaten and is reported apart.
    """
    start = month.replace(day=1)
    end = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
    orders = list(
        session.scalars(
            select(Order)
            .where(Order.date >= start, Order.date < end)
            .options(
                selectinload(Order.items),
                selectinload(Order.canteen),
                selectinload(Order.elder)
                .selectinload(Person.elder)
                .selectinload(ElderProfile.categories),
            )
        )
    )
    card_split = _card_split(session, [o.id for o in orders])
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    elders_seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for order in orders:
        profile = order.elder.elder
        categories = [c.category for c in profile.categories] if profile else []
        for category in ["all", *sorted(set(categories) or {ElderCategory.GENERAL.value})]:
            key = (order.canteen.code, category)
            row = rows.setdefault(key, _empty_row(start, *key))
            _count(row, order, card_split.get(order.id, {}))
            elders_seen[key].add(order.elder_id)
    for key, row in rows.items():
        row["elders"] = len(elders_seen[key])
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1] != "all", k[1]))]


def _empty_row(start: date, canteen: str, category: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(REPORT_FIELDS, 0)
    row.update(month=start.strftime("%Y-%m"), canteen=canteen, category=category)
    return row


def _count(row: dict[str, Any], order: Order, cards: dict[str, int]) -> None:
    row["orders"] += 1
    if order.status == OrderStatus.CANCELLED.value:
        row["cancelled"] += 1
        return
    if order.status == OrderStatus.MISSED.value:
        row["missed"] += 1
        return
    if order.status != OrderStatus.COMPLETED.value:
        return
    row["meals_served"] += 1
    row["portions_served"] += sum(i.qty for i in order.items)
    row["price_fen"] += order.price_fen
    row["subsidy_fen"] += order.subsidy_fen
    row["voucher_fen"] += order.voucher_fen
    row["family_card_fen"] += cards.get(CardKind.FAMILY.value, 0)
    row["charity_card_fen"] += cards.get(CardKind.CHARITY.value, 0)
    row["paid_on_day_fen"] += order.payable_fen


def _card_split(session: Session, order_ids: list[int]) -> dict[int, dict[str, int]]:
    """Net card money per order and card kind (charges minus refunds)."""
    split: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if not order_ids:
        return split
    for chunk_start in range(0, len(order_ids), 500):
        chunk = order_ids[chunk_start : chunk_start + 500]
        rows = session.execute(
            select(CardTransaction.order_id, Card.kind, CardTransaction.amount_fen)
            .join(Card, Card.id == CardTransaction.card_id)
            .where(CardTransaction.order_id.in_(chunk))
        )
        for order_id, kind, amount in rows:
            if order_id is not None:
                split[order_id][kind] -= amount
    return split


def report_csv(rows: list[dict[str, Any]]) -> str:
    """The report as CSV, with the header row always present; every cell escaped against
    spreadsheet formulas and quoted (the civil-affairs office opens it in a spreadsheet)."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(REPORT_FIELDS), lineterminator="\n", quoting=CSV_QUOTING
    )
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()
