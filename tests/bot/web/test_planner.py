"""The menu planner's pages: the week as a grid of days and meals (dishes, price, caps,
orders, closed days), copying last week with a preview and then a confirm (through the menu
import, audited, never touching a menu with orders, refused when the plan changed since the
preview), one meal changed a dish at a time under the import's rules, and days marked closed
(refused, with how many orders, when a day has any). Cooks and supervisors read; a bad week is
answered in words; a form without its CSRF token changes nothing."""

from __future__ import annotations

import re
from datetime import date

import httpx
from sqlalchemy import select
from starlette.testclient import TestClient

from menus.db import unit_of_work
from menus.menu_store import import_menu_file, load_menus
from menus.menufile import parse_menu_bytes
from menus.models import AuditEntry, CanteenClosure
from tests.bot.web.conftest import Console, csrf_of
from tests.menus.helpers import row_counts

PLANNER = "/canteens/test/planner"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _post(client: TestClient, path: str, data: dict[str, str]) -> httpx.Response:
    token = csrf_of(client.get("/login").text)
    return client.post(f"{PLANNER}/{path}", data={"csrf": token, **data})


def _after(client: TestClient, answer: httpx.Response) -> str:
    """The page a change sends back to, as text (its flash message first)."""
    assert answer.status_code == 303, answer.text
    return _text(client.get(answer.headers["location"]).text)


def _plan(html: str) -> str:
    found = re.search(r'name="plan" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def _meals(console: Console, day: date, *, include_closed: bool = False) -> list[str]:
    with console.factory() as session:
        menus = load_menus(session, None, day, include_closed=include_closed)
        return [
            f"{m.meal}:" + "、".join(i.dish.name for i in m.items)
            for m in menus
            if m.canteen.code == "test"
        ]


def _audit(console: Console, action: str) -> list[AuditEntry]:
    with console.factory() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_the_week_grid_shows_every_meal_with_prices_caps_and_orders(console: Console) -> None:
    client = console.signed_in("manager")
    page = client.get(f"{PLANNER}?week=2026-W49")
    assert page.status_code == 200
    text = _text(page.text)
    assert "菜单计划 · 2026年第49周（11月30日—12月6日）" in text
    assert "11月30日 周一 12月1日 周二 12月2日 周三" in text
    lunch = _text(re.search(r'id="cell-2026-12-01-lunch".*?</td>', page.text, re.S).group(0))
    assert "红烧肉 12.00元 限40份（已订1份）" in lunch and "米饭 1.50元 不限量" in lunch
    assert "1 份订单" in lunch
    assert 'href="/canteens/test/planner?week=2026-W48"' in page.text
    assert 'href="/canteens/test/planner?week=2026-W50"' in page.text
    assert 'aria-label="改：12月1日 周二 午餐"' in page.text
    assert 'aria-label="改：11月30日 周一 午餐"' not in page.text  # the past
    assert "复制上周的菜单到这一周" in text and "设为休息" in text
    assert "测试社区老年食堂 菜单计划" in text  # the navigation link
    same = client.get(f"{PLANNER}?week=2026-12-03")  # a day of the week names it too
    assert "2026年第49周" in _text(same.text)
    assert "2026年第49周" in _text(client.get(PLANNER).text)  # this week


def test_cooks_and_supervisors_read_the_plan_without_forms(console: Console) -> None:
    for who in ("cook", "delivery", "supervisor"):
        page = console.signed_in(who).get(f"{PLANNER}?week=2026-W49")
        assert page.status_code == 200, who
        assert "只读" in page.text and "红烧肉 12.00元 限40份" in _text(page.text)
        assert "/planner/close" not in page.text and "/planner/copy" not in page.text
        cell = console.signed_in(who).get(f"{PLANNER}/cell?date=2026-12-01&meal=lunch")
        assert cell.status_code == 200 and 'action="/canteens/test/planner/cell"' not in cell.text
    for who in ("community", "other_cook", "other_manager", "other_supervisor"):
        assert console.signed_in(who).get(PLANNER).status_code == 403, who


def test_a_bad_week_is_answered_in_words(console: Console) -> None:
    client = console.signed_in("manager")
    for bad in ("2026-W60", "next", "0001-01-01", "2025-W53"):
        page = client.get(f"{PLANNER}?week={bad}")
        assert page.status_code == 400, bad
        assert "不是一个星期。请写成 2026-W49 这样" in _text(page.text)
        assert 'href="/canteens/test/planner"' in page.text
    assert client.get(f"{PLANNER}/copy?week=nope").status_code == 400
    assert client.get(f"{PLANNER}/cell?date=2026-13-01&meal=lunch").status_code == 404
    assert client.get(f"{PLANNER}/cell?date=2026-12-01&meal=supper").status_code == 404


def test_copying_last_week_is_previewed_then_confirmed_and_audited(console: Console) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    preview = client.get(f"{PLANNER}/copy?week=2026-W50")
    assert preview.status_code == 200
    text = _text(preview.text)
    assert "还没有复制" in text and "会新增的菜单（4 个）" in text
    assert "12月8日 周二 午餐 ：红烧肉（限40份）、手把肉（限3份）、鸡蛋羹、米饭" in text
    assert "已经有、保留不动的（0 个）" in text and "不能复制的（0 个）" in text
    assert row_counts(console.factory) == before  # the preview keeps nothing
    answer = client.post(
        f"{PLANNER}/copy",
        data={"csrf": csrf_of(preview.text), "week": "2026-W50", "plan": _plan(preview.text)},
    )
    assert answer.headers["location"] == f"{PLANNER}?week=2026-W50"
    page = _after(client, answer)
    assert "已把上周的菜单复制到这一周：新增菜单4个。" in page
    assert _meals(console, date(2026, 12, 8)) == [
        "breakfast:小米粥、鸡蛋羹",
        "lunch:红烧肉、手把肉、鸡蛋羹、米饭",
        "dinner:鸡蛋羹、小米粥、米饭",
    ]
    (entry,) = _audit(console, "menu.copy_week")
    assert (entry.actor_name, entry.target, entry.detail["menus_added"]) == (
        "张建国",
        "week:2026-W50",
        4,
    )
    assert "复制上周菜单 week:2026-W50 2026-12-08至2026-12-09：从上周复制了4个菜单" in _text(
        client.get("/audit").text
    )
    again = client.get(f"{PLANNER}/copy?week=2026-W50")  # all the same now: nothing to confirm
    assert "会新增的菜单（0 个）" in _text(again.text) and 'name="plan"' not in again.text


def test_copying_keeps_a_menu_with_orders_and_says_so(console: Console) -> None:
    """W48 onto W49 (this week): 11-30 is past, 12-01's lunch has an order (kept as it is,
    said in Chinese), 12-03 is added."""
    w48 = "canteen,date,meal,dish,price,portions\ntest,2026-11-23,lunch,米饭,1.5,\n"
    w48 += "test,2026-11-24,lunch,手把肉,25,5\ntest,2026-11-26,lunch,鸡蛋羹,5,20\n"
    with unit_of_work(console.factory) as session:
        import_menu_file(session, parse_menu_bytes(w48.encode(), "w48.csv"), "w48")
    client = console.signed_in("manager")
    preview = client.get(f"{PLANNER}/copy?week=2026-W49")
    text = _text(preview.text)
    assert "12月3日 周四 午餐 ：鸡蛋羹（限20份）" in text
    assert (
        "12月1日 周二 午餐 ：本周已有别的菜单（红烧肉（限40份）、手把肉（限3份）、鸡蛋羹、米饭），"
        "保留不动。已经有1份订单，不会改动。"
    ) in text
    assert "11月30日 周一 午餐 （上周：米饭）：这一天已经过去，不能再发布菜单。" in text
    page = _after(
        client,
        client.post(
            f"{PLANNER}/copy",
            data={"csrf": csrf_of(preview.text), "week": "2026-W49", "plan": _plan(preview.text)},
        ),
    )
    assert "新增菜单1个" in page
    assert _meals(console, date(2026, 12, 1))[1] == "lunch:红烧肉、手把肉、鸡蛋羹、米饭"
    assert _meals(console, date(2026, 12, 3)) == ["lunch:鸡蛋羹"]


def test_a_copy_whose_plan_changed_since_its_preview_copies_nothing(console: Console) -> None:
    client = console.signed_in("manager")
    preview = client.get(f"{PLANNER}/copy?week=2026-W50")
    with unit_of_work(console.factory) as session:  # meanwhile, a menu file for 12-08
        text = "canteen,date,meal,dish,price\ntest,2026-12-08,lunch,米饭,1.5\n"
        import_menu_file(session, parse_menu_bytes(text.encode(), "m.csv"), "m.csv")
    before = row_counts(console.factory)
    answer = client.post(
        f"{PLANNER}/copy",
        data={"csrf": csrf_of(preview.text), "week": "2026-W50", "plan": _plan(preview.text)},
    )
    assert answer.headers["location"] == f"{PLANNER}/copy?week=2026-W50"
    page = _after(client, answer)
    assert "预览之后，上周或本周的菜单有了变化，什么都没有复制" in page
    assert "12月8日 周二 午餐 ：本周已有别的菜单（米饭），保留不动。" in page  # the new preview
    assert row_counts(console.factory) == before


def test_a_form_without_its_csrf_token_changes_nothing(console: Console) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    for path, data in (
        ("copy", {"week": "2026-W50", "plan": "x"}),
        ("cell", {"date": "2026-12-02", "meal": "lunch", "edit": "add", "dish": "手把肉"}),
        ("close", {"date": "2026-12-02", "meal": "day", "reason": "停水"}),
        ("reopen", {"closure": "1"}),
    ):
        answer = client.post(f"{PLANNER}/{path}", data=data)
        assert answer.status_code == 403 and "表单已经过期" in answer.text, path
    assert row_counts(console.factory) == before


def test_one_meal_is_changed_a_dish_at_a_time_and_audited(console: Console) -> None:
    client = console.signed_in("manager")
    cell = "cell?date=2026-12-02&meal=lunch"
    page = _text(client.get(f"{PLANNER}/{cell}").text)
    assert "12月2日 周三 午餐的菜（3 道）" in page and "手把肉（25.00元）" in page
    base = {"date": "2026-12-02", "meal": "lunch"}
    added = _after(
        client, _post(client, "cell", {**base, "edit": "add", "dish": "手把肉", "cap": "5"})
    )
    assert "12月2日 周三 午餐：加上了手把肉（限5份）。" in added
    capped = _after(
        client, _post(client, "cell", {**base, "edit": "cap", "dish": "红烧肉", "cap": ""})
    )
    assert "12月2日 周三 午餐：红烧肉改为不限量。" in capped
    removed = _after(client, _post(client, "cell", {**base, "edit": "remove", "dish": "鸡蛋羹"}))
    assert "12月2日 周三 午餐：去掉了鸡蛋羹。" in removed
    assert _meals(console, date(2026, 12, 2)) == ["lunch:红烧肉、米饭、手把肉"]
    entries = _audit(console, "menu.cell")
    assert [e.target for e in entries] == ["menu:2026-12-02:lunch"] * 3
    assert "修改一餐的菜单 menu:2026-12-02:lunch 12月2日 周三 午餐：去掉了鸡蛋羹。" in _text(
        client.get("/audit").text
    )
    new = {"date": "2026-12-05", "meal": "dinner", "edit": "add", "dish": "米饭"}
    _after(client, _post(client, "cell", new))  # a meal with no menu gets one
    assert _meals(console, date(2026, 12, 5)) == ["dinner:米饭"]


def test_a_meal_with_orders_keeps_what_is_ordered(console: Console) -> None:
    """王秀兰 ordered 红烧肉 for today's lunch: it cannot go, nor its cap below 1."""
    client = console.signed_in("manager")
    page = _text(client.get(f"{PLANNER}/cell?date=2026-12-01&meal=lunch").text)
    assert "这一餐已经有1份订单：有人订了的菜不能去掉" in page and "有人订了，不能去掉" in page
    before = row_counts(console.factory)
    base = {"date": "2026-12-01", "meal": "lunch"}
    for data, said in (
        (
            {**base, "edit": "remove", "dish": "红烧肉"},
            "菜单没有改：12月1日 周二 午餐：少了“红烧肉”，可它已经有人订了（1份），请留着它。",
        ),
        (
            {**base, "edit": "cap", "dish": "红烧肉", "cap": "0"},
            "菜单没有改：12月1日 周二 午餐：已经订出1份，不能限量为0份。",
        ),
        ({**base, "edit": "cap", "dish": "红烧肉", "cap": "很多"}, "份数“很多”不对"),
        ({**base, "edit": "add", "dish": "龙虾"}, "本食堂的菜品里没有“龙虾”"),
        (
            {"date": "2026-11-30", "meal": "lunch", "edit": "add", "dish": "米饭"},
            "菜单没有改：2026-11-30已经过去了。",
        ),
    ):
        answer = _post(client, "cell", data)
        assert said in _after(client, answer), data
        assert row_counts(console.factory) == before, data


def test_a_day_is_closed_with_a_reason_and_reopened(console: Console) -> None:
    client = console.signed_in("manager")
    closed = _after(
        client,
        _post(
            client,
            "close",
            {"date": "2026-12-02", "meal": "day", "reason": "春节", "week": "2026-W49"},
        ),
    )
    assert "12月2日 周三已设为休息（春节）。" in closed
    assert "12月2日 周三 休息：春节 12月3日 周四" in closed  # the column is marked
    assert "12月2日 周三 休息：春节（张建国设的）" in closed
    assert _meals(console, date(2026, 12, 2)) == []  # nothing offered to elders
    assert _meals(console, date(2026, 12, 2), include_closed=True) == ["lunch:红烧肉、鸡蛋羹、米饭"]
    (entry,) = _audit(console, "menu.close")
    assert entry.detail["reason"] == "春节"
    assert "设为休息 closure:" in _text(client.get("/audit").text)
    with console.factory() as session:
        closure_id = session.scalar(select(CanteenClosure.id))
    assert closure_id is not None
    reopened = _after(
        client, _post(client, "reopen", {"closure": str(closure_id), "week": "2026-W49"})
    )
    assert "12月2日 周三已取消休息。" in reopened
    assert _meals(console, date(2026, 12, 2)) == ["lunch:红烧肉、鸡蛋羹、米饭"]
    assert len(_audit(console, "menu.reopen")) == 1
    dinner = _after(
        client,
        _post(client, "close", {"date": "2026-12-01", "meal": "dinner", "reason": "晚上停电"}),
    )
    assert "12月1日 周二 晚餐已设为休息（晚上停电）。" in dinner
    assert _meals(console, date(2026, 12, 1)) == [
        "breakfast:小米粥、鸡蛋羹",
        "lunch:红烧肉、手把肉、鸡蛋羹、米饭",
    ]


def test_a_day_with_orders_is_not_closed_and_the_manager_is_told(console: Console) -> None:
    console.place("刘德福", [("手把肉", 1)])
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    for data, said in (
        (
            {"date": "2026-12-01", "meal": "day", "reason": "停水"},
            "12月1日已经有 2 份订单，不能设为休息，什么都没有改。请先联系这些老人",
        ),
        (
            {"date": "2026-12-01", "meal": "lunch", "reason": "停水"},
            "12月1日午餐已经有 2 份订单，不能设为休息",
        ),
        ({"date": "2026-12-02", "meal": "day", "reason": ""}, "请写休息的原因"),
        ({"date": "2026-11-30", "meal": "day", "reason": "停水"}, "11月30日已经过去了"),
        ({"date": "", "meal": "day", "reason": "停水"}, "请填写日期"),
        ({"date": "2026-12-02", "meal": "supper", "reason": "停水"}, "没有“supper”这一餐"),
    ):
        answer = _post(client, "close", data)
        assert said in _after(client, answer), data
        assert row_counts(console.factory) == before, data
    assert _meals(console, date(2026, 12, 1))[1].startswith("lunch:")


def test_a_change_to_no_such_meal_or_edit_is_not_found(console: Console) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    for data in (
        {"date": "2026-13-01", "meal": "lunch", "edit": "add", "dish": "米饭"},
        {"date": "2026-12-02", "meal": "supper", "edit": "add", "dish": "米饭"},
        {"date": "2026-12-02", "meal": "lunch", "edit": "rename", "dish": "米饭"},
    ):
        assert _post(client, "cell", data).status_code == 404, data
    assert _post(client, "reopen", {"closure": "abc"}).status_code == 303
    assert "没有找到这个休息安排" in _text(client.get(PLANNER).text)
    assert row_counts(console.factory) == before
