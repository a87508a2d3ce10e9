"""The settlement pages (结算): the month per category with totals, the claim sheet downloads
(formula-safe), an elder's statement, bad months answered in words, and who is refused."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from menus.claim_sheet import BOM, CLAIM_HEADER
from menus.db import unit_of_work
from menus.models import OrderItem, Person
from menus.orders import set_status
from menus.vocab import Fulfillment, OrderStatus
from tests.bot.web.conftest import Console, person_id
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import row_counts

PAGE = "/canteens/test/settlement"
EVIL_NAME = "=cmd|' /C calc'!A0"
EVIL_DISH = "@SUM(1+1)"


def complete(console: Console, order_id: int, delivery: bool = False) -> None:
    last = OrderStatus.OUT_FOR_DELIVERY if delivery else OrderStatus.READY
    for step in (OrderStatus.CONFIRMED, OrderStatus.PREPARING, last, OrderStatus.COMPLETED):
        with unit_of_work(console.factory) as session:
            set_status(session, order_id, step, BEFORE_LUNCH)


@pytest.fixture
def served(console: Console) -> Console:
    """December with three meals served (高龄 on the family card, 低保 with a voucher, 特困 on
    both cards) and one still open."""
    complete(console, console.order_id)  # 王秀兰, 红烧肉
    complete(console, console.place("刘德福", [("红烧肉", 1)]))
    complete(console, console.place("赵桂芝", [("红烧肉", 1)], Fulfillment.DELIVERY), True)
    console.place("李建军", [("米饭", 1)])
    return console


def _evil(console: Console) -> None:
    """An elder's name and a dish name that a spreadsheet would run."""
    with unit_of_work(console.factory) as session:
        session.execute(update(Person).where(Person.name == "刘德福").values(name=EVIL_NAME))
        session.execute(
            update(OrderItem).where(OrderItem.dish_name == "红烧肉").values(dish_name=EVIL_DISH)
        )


def test_the_manager_sees_the_month_per_category(served: Console) -> None:
    page = served.signed_in("manager").get(PAGE)
    assert page.status_code == 200
    text = page.text
    assert "2026年12月 结算" in text
    for label in ("低保", "特困", "高龄", "合计"):
        assert f'<th scope="row">{label}</th>' in text
    # 36.00 price = 16.60 subsidy + 3.00 voucher + 9.40 family card + 3.00 charity + 4.00 paid
    assert '<td class="num">36.00</td><td class="num">16.60</td><td class="num">3.00</td>' in text
    assert '<td class="num">9.40</td><td class="num">3.00</td><td class="num">4.00</td>' in text
    assert "claims.xlsx?month=2026-12" in text and "claims.csv?month=2026-12" in text
    wang = person_id(served.factory, "王秀兰")
    assert f"{PAGE}/elders/{wang}?month=2026-12" in text
    assert "李建军" not in text  # his order is still open
    assert "13904710001" not in text and "新华东街社区3号楼" not in text
    assert '<input id="month" name="month" type="month" value="2026-12"' in text
    assert "只读" not in text


def test_the_supervisor_reads_it_and_finds_it_on_the_dashboard(served: Console) -> None:
    client = served.signed_in("supervisor")
    assert f'href="{PAGE}"' in client.get("/region").text
    page = client.get(PAGE)
    assert page.status_code == 200 and "只读" in page.text and "16.60" in page.text
    assert '<form method="post"' not in page.text.split("</header>", 1)[1]


def test_navigation_links_only_for_those_who_may(served: Console) -> None:
    assert f'href="{PAGE}"' in served.signed_in("manager").get("/canteens/test/board").text
    cook_board = served.signed_in("cook").get("/canteens/test/board").text
    assert "/settlement" not in cook_board


def test_an_empty_month(served: Console) -> None:
    page = served.signed_in("manager").get(PAGE + "?month=2026-11")
    assert page.status_code == 200
    assert "这个月还没有已完成的订单" in page.text and "下个月" in page.text


def test_the_csv_download_is_formula_safe_and_adds_up(served: Console) -> None:
    _evil(served)
    answer = served.signed_in("manager").get(PAGE + "/claims.csv?month=2026-12")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="subsidy-claims-2026-12.csv"')
    assert answer.headers["cache-control"] == "no-store"
    text = answer.content.decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows[0] == list(CLAIM_HEADER)
    assert len(rows) == 4
    assert sum(Decimal(row[7]) for row in rows[1:]) == Decimal("16.60")
    cells = [cell for row in rows for cell in row]
    assert "'" + EVIL_NAME in cells and f"'{EVIL_DISH}×1" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "13904710002" not in text and "海东路社区" not in text  # name only


def test_the_xlsx_download_is_formula_safe_and_adds_up(served: Console) -> None:
    _evil(served)
    answer = served.signed_in("supervisor").get(PAGE + "/claims.xlsx?month=2026-12")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "filename*=UTF-8''test-" in answer.headers["content-disposition"]
    book = load_workbook(io.BytesIO(answer.content))
    claims = list(book["补贴申领明细"].iter_rows(values_only=True))
    assert len(claims) == 5  # header, three orders, total
    assert Decimal(str(claims[-1][7])) == Decimal("16.60")
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert "'" + EVIL_NAME in texts and f"'{EVIL_DISH}×1" in texts
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_an_elders_statement(served: Console) -> None:
    client = served.signed_in("manager")
    wang = person_id(served.factory, "王秀兰")
    page = client.get(f"{PAGE}/elders/{wang}?month=2026-12")
    assert page.status_code == 200
    assert "王秀兰 · 2026年12月 对账单" in page.text
    assert "红烧肉×1" in page.text and "8.40" in page.text and "3.60" in page.text
    assert "13904710001" not in page.text
    assert client.get(f"{PAGE}/elders/{wang}").status_code == 200  # this month
    family = person_id(served.factory, "李娜")  # never ate here
    assert client.get(f"{PAGE}/elders/{family}?month=2026-12").status_code == 404
    assert client.get(f"{PAGE}/elders/999999?month=2026-12").status_code == 404
    assert client.get(f"{PAGE}/elders/abc?month=2026-12").status_code == 404
    assert client.get("/canteens/nowhere/settlement").status_code == 404


@pytest.mark.parametrize(
    ("month", "words"),
    [
        ("garbage", "不是一个月份"),
        ("2026-13", "不是一个月份"),
        ("<script>alert(1)</script>", "不是一个月份"),
        ("9" * 3000, "不是一个月份"),
        ("1999-01", "最近十年"),
        ("2027-01", "2027年1月还没有到"),
        ("9999-12", "还没有到"),
    ],
)
@pytest.mark.parametrize("path", ["", "/claims.xlsx", "/claims.csv", "/elders/{wang}"])
def test_a_bad_month_is_answered_in_words(
    served: Console, month: str, words: str, path: str
) -> None:
    client = served.signed_in("manager")
    url = PAGE + path.format(wang=person_id(served.factory, "王秀兰"))
    answer = client.get(url, params={"month": month})
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert words in answer.text and "看2026年12月的结算" in answer.text
    assert "<script>alert" not in answer.text


@pytest.mark.parametrize(
    "who", ["cook", "delivery", "community", "other_manager", "other_cook", "other_supervisor"]
)
def test_others_are_refused_every_settlement_page(served: Console, who: str) -> None:
    client = served.signed_in(who)
    wang = person_id(served.factory, "王秀兰")
    before = row_counts(served.factory)
    for path in ("", "/claims.xlsx", "/claims.csv", f"/elders/{wang}"):
        answer = client.get(PAGE + path + "?month=2026-12")
        assert answer.status_code == 403, (who, path)
        assert "没有权限" in answer.text and "16.60" not in answer.text
        bad = client.get(PAGE + path + "?month=garbage")
        assert bad.status_code == 403, (who, path)  # refused before the month is read
    assert row_counts(served.factory) == before


def test_nobody_signed_in_goes_to_the_login(served: Console) -> None:
    answer = served.client().get(PAGE + "/claims.csv?month=2026-12")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")
