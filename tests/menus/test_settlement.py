"""结算: a month of served meals per elder category, the claim sheet and an elder's statement,
adding up to the fen with mixed categories, vouchers, both cards and a meal without subsidy."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.menu_store import get_canteen, import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import CardTransaction, Order, Person
from menus.orders import cancel_order, place_order_once, set_status
from menus.reports import monthly_report
from menus.settlement import (
    NO_SUBSIDY,
    Meal,
    Money,
    MonthError,
    Settlement,
    add_months,
    elder_statement,
    month_settlement,
    parse_month,
    summarise,
    total,
)
from menus.vocab import Fulfillment, MealSlot, OrderStatus
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place, request

NOW = BEFORE_LUNCH
DECEMBER = date(2026, 12, 1)
OTHER_CANTEEN = """
canteen:
  code: other
  name: 别的社区食堂
  region: "150102"
  modes: [dine_in, pickup]
dishes:
  - {name: 羊肉面, price: 10}
menus:
  - {date: 2026-12-01, meal: lunch, dishes: [羊肉面]}
"""


def complete(factory: sessionmaker[Session], order_id: int, delivery: bool = False) -> None:
    """Move an order through the kitchen to served, as staff do."""
    last = OrderStatus.OUT_FOR_DELIVERY if delivery else OrderStatus.READY
    for step in (OrderStatus.CONFIRMED, OrderStatus.PREPARING, last, OrderStatus.COMPLETED):
        with unit_of_work(factory) as session:
            set_status(session, order_id, step, NOW)


def miss(factory: sessionmaker[Session], order_id: int) -> None:
    for step in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.MISSED):
        with unit_of_work(factory) as session:
            set_status(session, order_id, step, NOW)


@dataclass
class Month:
    """The orders of the test month, by what happened to them."""

    served: dict[str, int]
    cancelled: int
    missed: int
    still_open: int
    elsewhere: int


@pytest.fixture
def month(shop: sessionmaker[Session]) -> Month:
    """December at the test canteen: six meals served under five categories and none, one
    cancelled, one missed, one still open; and a meal at another canteen."""
    served = {
        "gaoling": place(shop, NOW, "王秀兰", [("红烧肉", 1)]).id,  # 30 %, family card
        "dibao": place(shop, NOW, "刘德福", [("红烧肉", 1)]).id,  # 5 yuan, a 3 yuan voucher
        "tekun": place(shop, NOW, "赵桂芝", [("红烧肉", 1)], fulfillment=Fulfillment.DELIVERY).id,
        "general": place(shop, NOW, "李建军", [("米饭", 1)]).id,
        "shineng": place(shop, NOW, "陈国强", [("手把肉", 1)]).id,
        "none": place(shop, NOW, "王秀兰", [("米饭", 1)]).id,  # her second lunch: no subsidy
    }
    for name, order_id in served.items():
        complete(shop, order_id, delivery=name == "tekun")
    cancelled = place(shop, NOW, "李建军", [("红烧肉", 2)]).id
    with unit_of_work(shop) as session:
        cancel_order(session, cancelled, NOW)
    missed = place(shop, NOW, "巴特尔", [("鸡蛋羹", 1)]).id
    miss(shop, missed)
    still_open = place(shop, NOW, "刘德福", [("米饭", 1)], meal=MealSlot.DINNER).id
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(OTHER_CANTEEN.encode(), "o.yaml"), "o")
    wanted = replace(request(shop, "李建军", [("羊肉面", 1)]), canteen_code="other")
    elsewhere, _ = place_order_once(shop, wanted, NOW)
    complete(shop, elsewhere.id)
    return Month(served, cancelled, missed, still_open, elsewhere.id)


def settle(factory: sessionmaker[Session], code: str = "test", when: date = DECEMBER) -> Settlement:
    with factory() as session:
        return month_settlement(session, get_canteen(session, code), when)


def test_each_category_row_has_every_part_to_the_fen(
    shop: sessionmaker[Session], month: Month
) -> None:
    """The categories are those the subsidy was taken under; the money is the orders' own."""
    settlement = settle(shop)
    rows = {row.category: row for row in settlement.rows}
    assert [r.category for r in settlement.rows] == [
        "dibao", "tekun", "gaoling", "shineng", "general", NO_SUBSIDY,
    ]  # fmt: skip
    assert rows["gaoling"].money == Money(1200, 360, 0, 840, 0, 0)
    assert rows["dibao"].money == Money(1200, 500, 300, 0, 0, 400)
    assert rows["tekun"].money == Money(1200, 800, 0, 100, 300, 0)
    assert rows["general"].money == Money(150, 100, 0, 0, 0, 50)
    assert rows["shineng"].money == Money(2500, 600, 0, 0, 0, 1900)
    assert rows[NO_SUBSIDY].money == Money(150, 0, 0, 150, 0, 0)
    assert rows["gaoling"].label == "高龄" and rows[NO_SUBSIDY].label == "无补贴"
    assert all(row.meals == 1 and row.elders == 1 for row in settlement.rows)


def test_the_rows_add_up_to_the_total_and_the_total_balances(
    shop: sessionmaker[Session], month: Month
) -> None:
    settlement = settle(shop)
    assert settlement.total.money == total(row.money for row in settlement.rows)
    assert settlement.total.money == Money(6400, 2360, 300, 1090, 300, 2350)
    assert settlement.total.money.balanced and settlement.unbalanced == []
    assert settlement.total.meals == sum(row.meals for row in settlement.rows) == 6
    assert settlement.total.elders == 5  # 王秀兰 ate twice
    with shop() as session:
        for meal in settlement.meals:
            order = session.get(Order, meal.order_id)
            assert order is not None
            assert meal.money.family_card_fen + meal.money.charity_card_fen == order.card_fen


def test_only_served_meals_count(shop: sessionmaker[Session], month: Month) -> None:
    """Cancelled, missed, still open and other canteens' orders are not in the settlement."""
    counted = {meal.order_id for meal in settle(shop).meals}
    assert counted == set(month.served.values())
    assert not {month.cancelled, month.missed, month.still_open, month.elsewhere} & counted
    other = settle(shop, "other")
    assert [m.order_id for m in other.meals] == [month.elsewhere]


def test_the_settlement_agrees_with_the_monthly_report(
    shop: sessionmaker[Session], month: Month
) -> None:
    """The same rule of what is served: the report's ``all`` row has the same money."""
    settlement = settle(shop)
    with shop() as session:
        report = monthly_report(session, DECEMBER)
    (row,) = [r for r in report if r["canteen"] == "test" and r["category"] == "all"]
    money = settlement.total.money
    assert row["meals_served"] == settlement.total.meals
    assert (row["price_fen"], row["subsidy_fen"], row["voucher_fen"]) == (
        money.price_fen,
        money.subsidy_fen,
        money.voucher_fen,
    )
    assert (row["family_card_fen"], row["charity_card_fen"], row["paid_on_day_fen"]) == (
        money.family_card_fen,
        money.charity_card_fen,
        money.paid_on_day_fen,
    )


def test_another_month_is_empty(shop: sessionmaker[Session], month: Month) -> None:
    for when in (date(2026, 11, 1), date(2027, 1, 1)):
        empty = settle(shop, when=when)
        assert empty.meals == [] and empty.rows == [] and empty.claims == []
        assert empty.total.money == Money() and empty.total.meals == 0


def test_the_claim_sheet_ties_every_fen_of_subsidy_to_one_order(
    shop: sessionmaker[Session], month: Month
) -> None:
    settlement = settle(shop)
    claims = settlement.claims
    assert len({c.order_id for c in claims}) == len(claims) == 5
    assert month.served["none"] not in {c.order_id for c in claims}
    assert sum(c.money.subsidy_fen for c in claims) == settlement.total.money.subsidy_fen
    with shop() as session:
        for claim in claims:
            order = session.get(Order, claim.order_id)
            assert order is not None and order.status == "completed"
            assert (order.subsidy_fen, order.date, order.meal) == (
                claim.money.subsidy_fen,
                claim.day,
                claim.meal,
            )
            person = session.get(Person, order.elder_id)
            assert person is not None and claim.elder == person.name
    assert {c.dishes for c in claims} >= {"红烧肉×1", "手把肉×1", "米饭×1"}


def test_card_money_that_does_not_match_its_order_is_shown(
    shop: sessionmaker[Session], month: Month
) -> None:
    """A card transaction changed by hand: the order is listed as unbalanced, not hidden."""
    order_id = month.served["tekun"]
    with unit_of_work(shop) as session:
        session.execute(
            update(CardTransaction)
            .where(CardTransaction.order_id == order_id)
            .values(amount_fen=CardTransaction.amount_fen - 1)
        )
    settlement = settle(shop)
    assert settlement.unbalanced == [order_id]
    assert not settlement.total.money.balanced


def test_an_elders_statement(shop: sessionmaker[Session], month: Month) -> None:
    with shop() as session:
        canteen = get_canteen(session, "test")
        wang = session.scalar(select(Person.id).where(Person.name == "王秀兰"))
        bater = session.scalar(select(Person.id).where(Person.name == "巴特尔"))
        family = session.scalar(select(Person.id).where(Person.name == "李娜"))
        assert wang is not None and bater is not None and family is not None
        statement = elder_statement(session, canteen, wang, DECEMBER)
        missed = elder_statement(session, canteen, bater, DECEMBER)
        november = elder_statement(session, canteen, wang, date(2026, 11, 1))
        stranger = elder_statement(session, canteen, family, DECEMBER)
        nobody = elder_statement(session, canteen, 999_999, DECEMBER)
    assert statement is not None and statement.elder == "王秀兰"
    assert [m.order_id for m in statement.meals] == [month.served["gaoling"], month.served["none"]]
    assert statement.total == Money(1350, 360, 0, 990, 0, 0)
    assert statement.missed == []
    assert missed is not None and missed.meals == []
    assert [m.order_id for m in missed.missed] == [month.missed]
    assert missed.missed_total.price_fen == 500
    assert november is not None and november.meals == [] and november.total == Money()
    assert stranger is None and nobody is None  # never ate here: no name given away


def test_summarise_is_pure_and_sorted() -> None:
    meals = [
        Meal(3, LUNCH_DAY, "lunch", 7, "乙", "general", "米饭×1", Money(150, 100, 0, 0, 0, 50)),
        Meal(1, LUNCH_DAY, "lunch", 8, "甲", "dibao", "红烧肉×1", Money(1200, 500, 0, 0, 0, 700)),
        Meal(2, LUNCH_DAY, "dinner", 8, "甲", "dibao", "米饭×1", Money(150, 0, 0, 0, 0, 149)),
    ]
    settlement = summarise(Settlement("t", "测试", DECEMBER, meals))
    assert [r.category for r in settlement.rows] == ["dibao", "general"]
    assert settlement.rows[0].meals == 2 and settlement.rows[0].elders == 1
    assert [e.elder for e in settlement.elders] == ["乙", "甲"]
    assert settlement.unbalanced == [2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12", date(2026, 12, 1)),
        (" 2026-01 ", date(2026, 1, 1)),
        ("2016-12", date(2016, 12, 1)),
    ],
)
def test_parse_month(text: str, expected: date) -> None:
    assert parse_month(text, date(2026, 12, 15)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "bad"),
        ("十二月", "bad"),
        ("2026-13", "bad"),
        ("2026-00", "bad"),
        ("2026-1", "bad"),
        ("2026-12-01", "bad"),
        ("0000-01", "bad"),
        ("<script>", "bad"),
        ("9" * 500, "bad"),
        ("2027-01", "future"),
        ("9999-12", "future"),
        ("2016-11", "too_early"),
        ("1900-01", "too_early"),
    ],
)
def test_parse_month_refuses(text: str, code: str) -> None:
    with pytest.raises(MonthError) as refused:
        parse_month(text, date(2026, 12, 15))
    assert refused.value.code == code
    assert (refused.value.earliest, refused.value.latest) == (date(2016, 12, 1), DECEMBER)


def test_add_months() -> None:
    assert add_months(DECEMBER, 1) == date(2027, 1, 1)
    assert add_months(DECEMBER, -12) == date(2025, 12, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
