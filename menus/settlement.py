"""结算: what a canteen's month of served meals cost and who paid which part, per elder
category; the subsidy claim sheet; and one elder's statement.

What counts: a meal served is an order the canteen completed (取走, 用餐 or 送到), the same
rule as the monthly report (``menus.reports``) and the region dashboard, so the three never
disagree. A cancelled order costs nothing (its voucher and card money went back); a missed one
was cooked but not eaten: no subsidy is claimed for it, and it appears only on the elder's
statement, because its card money was taken.

Which category: each order falls in exactly one row, the category of the subsidy policy the
store applied when it priced the order (``orders.subsidy_policy_id``; policies are only ever
added, never changed), or ``none`` when it had no subsidy (a second meal in the same slot, or
a region without a policy). Why not the elder's categories, as the monthly report groups: an
elder in two categories would be counted twice and the totals would not add up, and the
elder's categories today may not be those the meal was subsidised under.

Money: every part is the order's own (integer fen); the family (孝心卡) and charity (爱心卡)
split of ``card_fen`` is the net of the order's card transactions by card kind. Each order's
parts add up to its price; an order whose card transactions do not match its ``card_fen`` is
listed in ``unbalanced`` rather than hidden.

The claim sheet has one row per order, not per dish: the subsidy is taken once per order (once
per meal slot and day), and splitting it over dishes would invent fen that no rule made.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from menus.models import Canteen, Card, CardTransaction, Order, OrderItem, Person, SubsidyPolicyRow
from menus.vocab import CardKind, ElderCategory, MealSlot, OrderStatus, label_zh

SERVED = OrderStatus.COMPLETED
"""The one status that counts as a meal served (as in ``menus.reports`` and
``menus.supervision``)."""
NO_SUBSIDY = "none"
"""The row of meals served without a subsidy."""
UNKNOWN = "unknown"
"""The row of a subsidy whose policy the store no longer names (never made by the store)."""
MONTHS_BACK = 120
"""How far back a settlement may be asked for: ten years of months."""
MONTH_FORM = re.compile(r"(\d{4})-(\d{2})")


# ------------------------------------------------------------------ pure sums


@dataclass(frozen=True)
class Money:
    """The parts of what meals cost, in fen: price = subsidy + voucher + family card +
    charity card + paid on the day, when the records agree."""

    price_fen: int = 0
    subsidy_fen: int = 0
    voucher_fen: int = 0
    family_card_fen: int = 0
    charity_card_fen: int = 0
    paid_on_day_fen: int = 0

    def __add__(self, other: Money) -> Money:
        return Money(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Money)))

    @property
    def parts_fen(self) -> int:
        """Everything paid, by whoever paid it."""
        return (
            self.subsidy_fen
            + self.voucher_fen
            + self.family_card_fen
            + self.charity_card_fen
            + self.paid_on_day_fen
        )

    @property
    def balanced(self) -> bool:
        """Whether the parts add up to the price, to the fen."""
        return self.parts_fen == self.price_fen


def total(amounts: Iterable[Money]) -> Money:
    """The sum of many amounts, part by part."""
    result = Money()
    for amount in amounts:
        result = result + amount
    return result


@dataclass(frozen=True)
class Meal:
    """One order on a settlement: when, which meal, whose, under which category, what."""

    order_id: int
    day: date
    meal: str
    elder_id: int
    elder: str
    category: str
    dishes: str
    money: Money
    status: str = SERVED.value


@dataclass(frozen=True)
class CategoryRow:
    """One elder category's meals in the month (or the total, ``category`` ``all``)."""

    category: str
    label: str
    elders: int
    meals: int
    money: Money


@dataclass(frozen=True)
class ElderRow:
    """One elder's meals in the month, for the list of statements."""

    elder_id: int
    elder: str
    meals: int
    money: Money


@dataclass
class Settlement:
    """A canteen's month: every meal served, the rows per category and their total."""

    canteen_code: str
    canteen_name: str
    month: date
    meals: list[Meal]
    rows: list[CategoryRow] = field(default_factory=list)
    total: CategoryRow = field(default_factory=lambda: _row("all", []))
    elders: list[ElderRow] = field(default_factory=list)
    unbalanced: list[int] = field(default_factory=list)

    @property
    def claims(self) -> list[Meal]:
        """The subsidy claim sheet: every served meal that carries a subsidy."""
        return [m for m in self.meals if m.money.subsidy_fen > 0]


def category_label(category: str) -> str:
    """A category's Chinese word (``none``: 无补贴; ``all``: 合计)."""
    if category == NO_SUBSIDY:
        return "无补贴"
    if category == "all":
        return "合计"
    if category == UNKNOWN:
        return "类别不明"
    try:
        return label_zh(ElderCategory(category))
    except ValueError:
        return category


def _row(category: str, meals: Sequence[Meal]) -> CategoryRow:
    return CategoryRow(
        category=category,
        label=category_label(category),
        elders=len({m.elder_id for m in meals}),
        meals=len(meals),
        money=total(m.money for m in meals),
    )


CATEGORY_ORDER = [c.value for c in ElderCategory if c is not ElderCategory.GENERAL]
"""Rows in the order the seed plan names the categories, 普通 and 无补贴 last."""


def _category_key(category: str) -> tuple[int, str]:
    if category in CATEGORY_ORDER:
        return (CATEGORY_ORDER.index(category), category)
    if category == ElderCategory.GENERAL.value:
        return (len(CATEGORY_ORDER), category)
    if category == NO_SUBSIDY:
        return (len(CATEGORY_ORDER) + 2, category)
    return (len(CATEGORY_ORDER) + 1, category)


def summarise(settlement: Settlement) -> Settlement:
    """Fill in the rows per category, their total, the elders and the unbalanced orders from
    ``settlement.meals`` (each meal in exactly one row, so the rows add up to the total)."""
    by_category: dict[str, list[Meal]] = defaultdict(list)
    by_elder: dict[int, list[Meal]] = defaultdict(list)
    for meal in settlement.meals:
        by_category[meal.category].append(meal)
        by_elder[meal.elder_id].append(meal)
    settlement.rows = [_row(c, by_category[c]) for c in sorted(by_category, key=_category_key)]
    settlement.total = _row("all", settlement.meals)
    settlement.elders = sorted(
        (
            ElderRow(eid, meals[0].elder, len(meals), total(m.money for m in meals))
            for eid, meals in by_elder.items()
        ),
        key=lambda row: (row.elder, row.elder_id),
    )
    settlement.unbalanced = [m.order_id for m in settlement.meals if not m.money.balanced]
    return settlement


class MonthError(ValueError):
    """A month that cannot be settled: ``code`` is ``bad`` (not YYYY-MM), ``too_early`` or
    ``future``; ``earliest`` and ``latest`` say which months can; ``month`` is the month
    asked for, when it is one."""

    def __init__(self, code: str, earliest: date, latest: date, month: date | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.earliest = earliest
        self.latest = latest
        self.month = month


def earliest_month(today: date) -> date:
    """The first month that may still be settled."""
    return add_months(today.replace(day=1), -MONTHS_BACK)


def add_months(month: date, count: int) -> date:
    """The first of the month ``count`` months after (or before) ``month``'s."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def parse_month(text: str, today: date) -> date:
    """The first day of the month written ``YYYY-MM``; ``MonthError`` for anything else, a
    month after ``today``'s or more than ``MONTHS_BACK`` months before it."""
    latest = today.replace(day=1)
    earliest = earliest_month(today)
    found = MONTH_FORM.fullmatch(text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1:
        raise MonthError("bad", earliest, latest)
    month = date(int(found.group(1)), int(found.group(2)), 1)
    if month > latest:
        raise MonthError("future", earliest, latest, month)
    if month < earliest:
        raise MonthError("too_early", earliest, latest, month)
    return month


# ------------------------------------------------------------------ the store


def _orders_of(
    canteen_id: int, month: date, statuses: Sequence[OrderStatus], elder_id: int | None
) -> Any:
    """The filter of a settlement's orders: the canteen's, in the month, in ``statuses``."""
    conditions = [
        Order.canteen_id == canteen_id,
        Order.date >= month,
        Order.date < add_months(month, 1),
        Order.status.in_([s.value for s in statuses]),
    ]
    if elder_id is not None:
        conditions.append(Order.elder_id == elder_id)
    return conditions


def load_meals(
    session: Session,
    canteen: Canteen,
    month: date,
    *,
    statuses: Sequence[OrderStatus] = (SERVED,),
    elder_id: int | None = None,
) -> list[Meal]:
    """The canteen's orders of the month in ``statuses`` (by default, the meals served), by
    day, meal and order id: three queries, however many orders."""
    where = _orders_of(canteen.id, month, statuses, elder_id)
    query = (
        select(
            Order.id,
            Order.date,
            Order.meal,
            Order.elder_id,
            Person.name,
            SubsidyPolicyRow.category,
            Order.status,
            Order.price_fen,
            Order.subsidy_fen,
            Order.voucher_fen,
            Order.card_fen,
            Order.payable_fen,
        )
        .join(Person, Person.id == Order.elder_id)
        .outerjoin(SubsidyPolicyRow, SubsidyPolicyRow.id == Order.subsidy_policy_id)
        .where(*where)
    )
    dishes: dict[int, list[str]] = defaultdict(list)
    for order_id, name, qty in session.execute(
        select(OrderItem.order_id, OrderItem.dish_name, OrderItem.qty)
        .join(Order, Order.id == OrderItem.order_id)
        .where(*where)
        .order_by(OrderItem.id)
    ):
        dishes[order_id].append(f"{name}×{qty}")
    cards: dict[int, dict[str, int]] = defaultdict(dict)
    for charged, kind, net in session.execute(
        select(CardTransaction.order_id, Card.kind, func.sum(CardTransaction.amount_fen))
        .join(Card, Card.id == CardTransaction.card_id)
        .join(Order, Order.id == CardTransaction.order_id)
        .where(*where)
        .group_by(CardTransaction.order_id, Card.kind)
    ):
        if charged is not None:  # a charge is a negative movement of the card
            cards[charged][kind] = -int(net or 0)
    meals = []
    for row in session.execute(query):
        (oid, day, meal, eid, name, category, status, price, subsidy, voucher, _, paid) = row
        split = cards.get(oid, {})
        money = Money(
            price_fen=price,
            subsidy_fen=subsidy,
            voucher_fen=voucher,
            family_card_fen=split.get(CardKind.FAMILY.value, 0),
            charity_card_fen=split.get(CardKind.CHARITY.value, 0),
            paid_on_day_fen=paid,
        )
        if subsidy == 0:
            category = NO_SUBSIDY
        elif category is None:  # a subsidy without its policy: shown, not filed under one
            category = UNKNOWN
        meals.append(
            Meal(
                order_id=oid,
                day=day,
                meal=meal,
                elder_id=eid,
                elder=name,
                category=category,
                dishes="、".join(dishes.get(oid, [])),
                money=money,
                status=status,
            )
        )
    slots = [m.value for m in MealSlot]
    meals.sort(key=lambda m: (m.day, slots.index(m.meal) if m.meal in slots else 99, m.order_id))
    return meals


def month_settlement(session: Session, canteen: Canteen, month: date) -> Settlement:
    """The canteen's settlement for the month that starts at ``month``."""
    start = month.replace(day=1)
    meals = load_meals(session, canteen, start)
    return summarise(Settlement(canteen.code, canteen.name, start, meals))


@dataclass
class Statement:
    """One elder's month at one canteen: the meals served and what paid for them, and the
    meals missed (cooked, not collected: no subsidy claimed, card money not given back)."""

    elder_id: int
    elder: str
    canteen_code: str
    canteen_name: str
    month: date
    meals: list[Meal]
    missed: list[Meal]

    @property
    def total(self) -> Money:
        """What the meals served cost, part by part."""
        return total(m.money for m in self.meals)

    @property
    def missed_total(self) -> Money:
        """What the missed meals cost, part by part."""
        return total(m.money for m in self.missed)


def elder_statement(
    session: Session, canteen: Canteen, elder_id: int, month: date
) -> Statement | None:
    """The elder's statement for the month at this canteen; None when the elder never had an
    order there (a canteen sees only the elders it serves, not every name in the store)."""
    known = session.scalar(
        select(Order.id).where(Order.canteen_id == canteen.id, Order.elder_id == elder_id).limit(1)
    )
    person = session.get(Person, elder_id) if known is not None else None
    if person is None:
        return None
    start = month.replace(day=1)
    return Statement(
        elder_id=elder_id,
        elder=person.name,
        canteen_code=canteen.code,
        canteen_name=canteen.name,
        month=start,
        meals=load_meals(session, canteen, start, elder_id=elder_id),
        missed=load_meals(
            session, canteen, start, statuses=(OrderStatus.MISSED,), elder_id=elder_id
        ),
    )
