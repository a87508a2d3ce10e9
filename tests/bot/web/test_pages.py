"""What the pages show: the board (orders per meal with their moves, portions to cook, sold-out
warnings), the kitchen sheet and its A4 print view, an order's history, the region dashboard
and the audit log, each for whom it is meant."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session, sessionmaker

from bot.web import pages
from menus.db import unit_of_work
from menus.menu_store import get_canteen
from menus.orders import set_status
from menus.vocab import Actor, Fulfillment, OrderStatus
from tests.bot.web.conftest import Console, csrf_of
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_board_shows_orders_counts_and_warnings(console: Console) -> None:
    console.place("刘德福", [("手把肉", 3)])
    console.place("赵桂芝", [("红烧肉", 2)], Fulfillment.DELIVERY)
    page = console.signed_in("cook").get("/canteens/test/board")
    text = _text(page.text)
    assert "午餐" in text and "供餐 11:30–13:00" in text
    assert "手把肉 已售罄" in text
    assert "红烧肉 3 份" in text and "手把肉 3 份" in text
    assert "王秀兰" in text and "刘德福" in text and "赵桂芝" in text
    assert f"确认接单：{console.order_id}号 王秀兰" in page.text
    assert f"开始做：{console.order_id}号 王秀兰" in page.text
    assert "这一餐还没有订单" in text  # dinner


def test_board_buttons_follow_the_state_machine(shop: sessionmaker[Session]) -> None:
    order = place(shop, BEFORE_LUNCH, "赵桂芝", fulfillment=Fulfillment.DELIVERY)
    with unit_of_work(shop) as session:
        set_status(session, order.id, OrderStatus.PREPARING, BEFORE_LUNCH, actor=Actor.SYSTEM)
    with shop() as session:
        canteen = get_canteen(session, "test")
        lunch = next(m for m in pages.board(session, canteen, LUNCH_DAY) if m.meal == "lunch")
    (row,) = lunch.orders
    assert [m.to for m in row.moves] == ["out_for_delivery"]
    assert [m.label for m in row.moves] == ["出发送餐"]


def test_another_day(console: Console) -> None:
    client = console.signed_in("manager")
    text = _text(client.get("/canteens/test/board?date=2026-12-02").text)
    assert "12月2日" in text and "王秀兰" not in text
    assert "12月1日（今天）" in _text(client.get("/canteens/test/board?date=junk").text)


def test_kitchen_sheet_and_its_print_view(console: Console) -> None:
    console.place("赵桂芝", [("红烧肉", 2)], Fulfillment.DELIVERY)
    client = console.signed_in("delivery")
    text = _text(client.get("/canteens/test/kitchen?date=2026-12-01&meal=lunch").text)
    assert "午餐 厨房单" in text and "红烧肉 3" in text
    assert "新华东街社区（1 单）" in text and "13904710003" in text
    printed = client.get("/canteens/test/kitchen/print?date=2026-12-01&meal=lunch")
    assert printed.status_code == 200
    assert "/static/print.css" in printed.text and 'class="top"' not in printed.text
    css = client.get("/static/print.css").text
    assert "size: A4" in css


def test_order_history(console: Console) -> None:
    client = console.signed_in("manager")
    token = csrf_of(client.get("/canteens/test/board").text)
    client.post(
        f"/canteens/test/orders/{console.order_id}/status", data={"csrf": token, "to": "confirmed"}
    )
    text = _text(client.get(f"/canteens/test/orders/{console.order_id}").text)
    assert "王秀兰" in text and "已下单 已确认" in text and "张建国" in text


def test_region_dashboard_counts(console: Console) -> None:
    with unit_of_work(console.factory) as session:
        for step in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED):
            set_status(session, console.order_id, step, BEFORE_LUNCH, actor=Actor.SYSTEM)
    console.place("刘德福", [("米饭", 1)])
    page = console.signed_in("supervisor").get("/region")
    row = re.search(r"测试社区老年食堂</a></th>(.*?)</tr>", page.text)
    assert row is not None
    assert re.findall(r">(\d+)<", row.group(1)) == ["150102", "2", "1", "1", "0", "0"]
    assert "/canteens/test/board" in page.text


def test_audit_log_for_managers_and_supervisors(console: Console) -> None:
    client = console.signed_in("cook")
    token = csrf_of(client.get("/canteens/test/board").text)
    client.post(
        f"/canteens/test/orders/{console.order_id}/status", data={"csrf": token, "to": "confirmed"}
    )
    for who in ("manager", "supervisor"):
        text = _text(console.signed_in(who).get("/audit").text)
        assert "李厨师 测试社区老年食堂 改订单状态" in text, who
        assert "王秀兰 已下单 → 已确认" in text
        assert "新建账号" in text and "李厨师（厨师）" in text
    assert "李厨师" not in _text(console.signed_in("other_manager").get("/audit").text)
    assert "外厨师（厨师）" in _text(console.signed_in("other_manager").get("/audit").text)
