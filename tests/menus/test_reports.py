"""The kitchen sheet and the monthly service counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.menu_store import get_canteen
from menus.orders import cancel_order, set_status
from menus.reports import kitchen_sheet, monthly_report, report_csv
from menus.vocab import Fulfillment, MealSlot, OrderStatus
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place

NOW = BEFORE_LUNCH


def _complete(factory: sessionmaker[Session], order_id: int, delivery: bool = False) -> None:
    last = OrderStatus.OUT_FOR_DELIVERY if delivery else OrderStatus.READY
    for step in (OrderStatus.CONFIRMED, OrderStatus.PREPARING, last, OrderStatus.COMPLETED):
        with unit_of_work(factory) as session:
            set_status(session, order_id, step, NOW)


def test_kitchen_sheet_counts_portions_and_groups_deliveries(shop: sessionmaker[Session]) -> None:
    """Cancelled orders are not cooked; deliveries are listed by community."""
    place(shop, NOW, "王秀兰", [("鸡蛋羹", 2)], fulfillment=Fulfillment.DELIVERY)
    place(shop, NOW, "赵桂芝", [("鸡蛋羹", 1), ("米饭", 1)], fulfillment=Fulfillment.DELIVERY)
    place(shop, NOW, "刘德福", [("红烧肉", 1)], fulfillment=Fulfillment.DELIVERY)
    place(shop, NOW, "巴特尔", [("米饭", 1)], fulfillment=Fulfillment.DINE_IN)
    gone = place(shop, NOW, "陈国强", [("红烧肉", 3)])
    with unit_of_work(shop) as session:
        cancel_order(session, gone.id, NOW)
    with shop() as session:
        sheet = kitchen_sheet(session, get_canteen(session), LUNCH_DAY, MealSlot.LUNCH)
    assert sheet.portions == {"鸡蛋羹": 3, "红烧肉": 1, "米饭": 2}
    assert (sheet.orders, sheet.pickup, sheet.dine_in) == (4, 0, 1)
    assert list(sheet.delivery) == ["新华东街社区", "海东路社区"]
    assert [s.elder for s in sheet.delivery["新华东街社区"]] == ["王秀兰", "赵桂芝"]
    assert sheet.delivery["海东路社区"][0].phone == "13904710002"


def test_monthly_report_counts_served_meals_by_category(shop: sessionmaker[Session]) -> None:
    """刘德福 (低保+高龄) counts in both category rows and once in ``all``; money only for
    meals served; cancellations and misses are counted apart."""
    served = place(shop, NOW, "刘德福", [("红烧肉", 1)])
    _complete(shop, served.id)
    charity = place(shop, NOW, "赵桂芝", [("红烧肉", 1)], fulfillment=Fulfillment.DELIVERY)
    _complete(shop, charity.id, delivery=True)
    missed = place(shop, NOW, "王秀兰", [("米饭", 1)])
    for step in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.MISSED):
        with unit_of_work(shop) as session:
            set_status(session, missed.id, step, NOW)
    cancelled = place(shop, NOW, "李建军", [("米饭", 1)])
    with unit_of_work(shop) as session:
        cancel_order(session, cancelled.id, NOW)

    with shop() as session:
        rows = {r["category"]: r for r in monthly_report(session, date(2026, 12, 1))}
    everyone = rows["all"]
    assert (everyone["orders"], everyone["meals_served"]) == (4, 2)
    assert (everyone["cancelled"], everyone["missed"]) == (1, 1)
    assert everyone["elders"] == 4
    assert everyone["subsidy_fen"] == served.subsidy_fen + charity.subsidy_fen
    assert everyone["voucher_fen"] == served.voucher_fen
    assert (everyone["family_card_fen"], everyone["charity_card_fen"]) == (100, 300)
    assert everyone["price_fen"] == (
        everyone["subsidy_fen"]
        + everyone["voucher_fen"]
        + everyone["family_card_fen"]
        + everyone["charity_card_fen"]
        + everyone["paid_on_day_fen"]
    )
    assert rows["dibao"]["meals_served"] == rows["gaoling"]["meals_served"] >= 1
    assert rows["general"]["cancelled"] == 1  # 李建军 has no category
    with shop() as session:
        assert monthly_report(session, date(2026, 11, 1)) == []
    assert report_csv([]).startswith('"month","canteen","category",')


def test_report_csv_cells_cannot_start_a_formula() -> None:
    """Every report cell is escaped as OWASP recommends (a leading quote before = + - @, and
    every cell in double quotes); numbers and plain words stay as they are."""
    row = {"month": "2026-12", "canteen": "=HYPERLINK(\"http://x\")", "category": "@SUM(1)",
           "elders": 3, "orders": None, "price_fen": 1200}  # fmt: skip
    lines = report_csv([row]).splitlines()
    assert lines[1] == (
        '"2026-12","\'=HYPERLINK(""http://x"")","\'@SUM(1)","3","","","","1200","","","","","",'
        '"",""'
    )


def test_report_csv_cells_are_quoted_against_another_separator() -> None:
    """A spreadsheet that splits at ``;`` (many locales) sees ``食堂;=1+2`` as one quoted cell,
    not a second cell starting a formula (OWASP: wrap every cell in double quotes)."""
    row = {"month": "2026-12", "canteen": "食堂;=1+2", "category": "general"}
    line = report_csv([row]).splitlines()[1]
    assert line.startswith('"2026-12","食堂;=1+2","general",')
