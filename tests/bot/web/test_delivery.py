"""The delivery list (送餐单): a meal's deliveries by community in the canteen's walking order,
what to bring and collect at each stop; its A4 print view with a box to tick and each round's
total; the walking order changed by plain forms (no script needed), kept for later meals and
audited without the address; refusals in words that change nothing; no address or phone in
the logs."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from menus.models import AuditEntry
from menus.vocab import Fulfillment
from tests.bot.web.conftest import Console, csrf_of, stop_of
from tests.menus.helpers import row_counts

LIST = "/canteens/test/delivery?date=2026-12-01&meal=lunch"
PRINT = "/canteens/test/delivery/print?date=2026-12-01&meal=lunch"
ADDRESSES = (
    "新华东街社区8号楼301室",
    "新华东街社区1号楼",
    "海东路社区5号楼101室",
    "海东路社区9号楼",
)
PHONES = ("13904710003", "13904710006", "13904710002", "13904710005")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _deliveries(console: Console) -> None:
    """Two stops in 新华东街社区 (赵桂芝, then 陈国强) and two in 海东路社区 (刘德福, 巴特尔,
    who speaks Mongolian)."""
    console.place("赵桂芝", [("红烧肉", 2)], Fulfillment.DELIVERY)
    console.place("陈国强", [("鸡蛋羹", 1), ("米饭", 1)], Fulfillment.DELIVERY)
    console.place("刘德福", [("米饭", 2)], Fulfillment.DELIVERY)
    console.place("巴特尔", [("鸡蛋羹", 1)], Fulfillment.DELIVERY)


def _post(client: TestClient, path: str, **data: str) -> Any:
    token = csrf_of(client.get("/login").text)
    return client.post(path, data={"csrf": token, "date": "2026-12-01", "meal": "lunch", **data})


def _order_shown(html: str) -> list[str]:
    return re.findall(r'<td class="num">\d+</td>\s*<td>([^<]+)', html)


def test_the_list_by_community_with_what_to_bring_and_collect(console: Console) -> None:
    _deliveries(console)
    page = console.signed_in("delivery").get(LIST)
    assert page.status_code == 200
    text = _text(page.text)
    assert "12月1日午餐 送餐单" in text
    assert "共 4 站，2 个社区" in text
    assert text.index("第1个社区：新华东街社区") < text.index("第2个社区：海东路社区")
    assert _order_shown(page.text) == ["赵桂芝", "陈国强", "刘德福", "巴特尔"]
    assert "新华东街社区8号楼301室 13904710003 红烧肉×2" in text
    assert "巴特尔 讲蒙古语" in text
    assert "已付：补贴" in text  # what the subsidy paid, beside what to collect
    assert "新华东街社区合计 2 站 红烧肉×2、米饭×1、鸡蛋羹×1" in text
    assert "上移：新华东街社区第2站 陈国强" in page.text
    assert "下移：新华东街社区第1站 赵桂芝" in page.text
    assert "上移：新华东街社区第1站 赵桂芝" not in page.text  # the first has no way up
    assert "社区上移：海东路社区" in page.text and "社区上移：新华东街社区" not in page.text
    kitchen = console.signed_in("delivery").get("/canteens/test/kitchen?meal=lunch").text
    assert "/canteens/test/delivery?date=2026-12-01&amp;meal=lunch" in kitchen


def test_delivery_staff_move_a_stop_and_it_is_kept_and_audited(console: Console) -> None:
    _deliveries(console)
    client = console.signed_in("delivery")
    stop = stop_of(client.get(LIST).text, "陈国强")
    answer = _post(client, "/canteens/test/delivery/stops", stop=stop, direction="up")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{LIST}#stop-{stop}"
    page = client.get(LIST)
    assert "已把陈国强移到新华东街社区第1站，以后的送餐单都按这个顺序。" in page.text
    assert _order_shown(page.text) == ["陈国强", "赵桂芝", "刘德福", "巴特尔"]
    # the sheet the kitchen prints follows, and so does a cook's view of it
    assert _order_shown(console.signed_in("cook").get(PRINT).text)[:2] == ["陈国强", "赵桂芝"]
    with console.factory() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "route.stop")).one()
    assert entry.actor_name == "王送餐" and entry.target.startswith("elder:")
    assert entry.detail == {
        "elder": "陈国强",
        "community": "新华东街社区",
        "before": 2,
        "after": 1,
        "date": "2026-12-01",
        "meal": "lunch",
    }
    audit = _text(console.signed_in("manager").get("/audit").text)
    assert "调整送餐顺序" in audit
    assert "陈国强：新华东街社区第2站 → 第1站（在2026-12-01午餐的送餐单上）" in audit
    assert not any(a in audit or a in str(entry.detail) for a in ADDRESSES + PHONES)


def test_the_manager_moves_a_community(console: Console) -> None:
    _deliveries(console)
    client = console.signed_in("manager")
    answer = _post(
        client, "/canteens/test/delivery/communities", community="海东路社区", direction="up"
    )
    assert answer.status_code == 303
    page = client.get(LIST)
    assert "已把海东路社区移到第1个社区" in page.text
    assert _order_shown(page.text) == ["刘德福", "巴特尔", "赵桂芝", "陈国强"]
    assert "调整社区顺序" in _text(client.get("/audit").text)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"who": "赵桂芝", "direction": "up"}, "赵桂芝已经是新华东街社区的第一站了"),
        ({"who": "巴特尔", "direction": "down"}, "巴特尔已经是海东路社区的最后一站了"),
        ({"who": "赵桂芝", "direction": "jump"}, "只能上移或下移"),
        ({"stop": "1-" + "0" * 32, "direction": "up"}, "这一站已经不在12月1日午餐的送餐单上了"),
        ({"stop": "<script>", "direction": "up"}, "这一站已经不在12月1日午餐的送餐单上了"),
        ({"who": "赵桂芝", "direction": "up", "date": "2026-13-01"}, "“2026-13-01”不是日期"),
        ({"who": "赵桂芝", "direction": "up", "meal": "supper"}, "没有“supper”这一餐"),
        ({"community": "新华东街社区", "direction": "up"}, "新华东街社区已经排在最前面了"),
        ({"community": "远郊村", "direction": "down"}, "12月1日午餐没有送到“远郊村”的餐"),
    ],
)
def test_a_refused_move_says_why_and_changes_nothing(
    console: Console, data: dict[str, str], said: str
) -> None:
    _deliveries(console)
    client = console.signed_in("delivery")
    form = dict(data)
    if "who" in form:
        form["stop"] = stop_of(client.get(LIST).text, form.pop("who"))
    path = "/canteens/test/delivery/" + ("communities" if "community" in form else "stops")
    before = row_counts(console.factory)
    answer = _post(client, path, **form)
    assert answer.status_code == 303
    assert "#" not in answer.headers["location"]
    page = client.get(answer.headers["location"])
    assert 'role="alert"' in page.text and said in page.text
    assert row_counts(console.factory) == before


@pytest.mark.parametrize("who", ["cook", "supervisor"])
def test_readers_see_the_list_without_buttons(console: Console, who: str) -> None:
    _deliveries(console)
    page = console.signed_in(who).get(LIST)
    assert page.status_code == 200
    assert "只读" in page.text and "陈国强" in page.text
    assert "/delivery/stops" not in page.text and "/delivery/communities" not in page.text


def test_the_print_view_fits_a4_with_a_box_to_tick_and_each_rounds_total(
    console: Console,
) -> None:
    _deliveries(console)
    client = console.signed_in("delivery")
    printed = client.get(PRINT)
    assert printed.status_code == 200
    html = printed.text
    assert 'class="top"' not in html and "/static/print.css" in html  # no navigation
    assert html.count('class="box"') == 4  # a box to tick at every stop
    text = _text(html)
    assert "1. 新华东街社区（2 站）" in text and "2. 海东路社区（2 站）" in text
    assert "海东路社区合计 2 站 米饭×2、鸡蛋羹×1" in text
    assert all(phone in text for phone in PHONES) and all(a in text for a in ADDRESSES)
    assert "巴特尔 讲蒙古语" in text
    css = client.get("/static/print.css").text
    assert "size: A4" in css and "table.route { table-layout: fixed; }" in css
    assert "break-inside: avoid" in css


def test_an_empty_meal_says_so(console: Console) -> None:
    client = console.signed_in("delivery")
    for path in (LIST, PRINT):
        assert "这一餐没有送餐。" in client.get(path.replace("lunch", "dinner")).text


def test_no_address_or_phone_reaches_the_logs(
    console: Console, caplog: pytest.LogCaptureFixture
) -> None:
    """Showing, printing, moving and a refused move, logged at every level."""
    _deliveries(console)
    with caplog.at_level(logging.DEBUG):
        client = console.signed_in("delivery")
        stop = stop_of(client.get(LIST).text, "巴特尔")
        client.get(PRINT)
        _post(client, "/canteens/test/delivery/stops", stop=stop, direction="up")
        _post(client, "/canteens/test/delivery/stops", stop=stop, direction="nowhere")
        refused = console.signed_in("community")
        assert refused.get(LIST).status_code == 403
        _post(refused, "/canteens/test/delivery/stops", stop=stop, direction="up")
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert logged  # something was logged (the refusal, the requests)
    assert not any(a in logged for a in ADDRESSES + PHONES)
