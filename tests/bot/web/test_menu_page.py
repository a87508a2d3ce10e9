"""The menu page: the published menus of the coming days, and a manager's upload of a menu file
(YAML, CSV or .xlsx) — every problem said in Mandarin and nothing published, or a preview, then
发布 through the store's import with an audit entry. Cooks only look; staff of another canteen
are refused; a file too big or not a spreadsheet is refused politely; so is a form without its
CSRF token."""

from __future__ import annotations

import logging
import re
from datetime import date

import httpx
import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from bot.web import uploads
from bot.web.uploads import PendingUploads, capped_body
from menus.menu_store import load_menus
from menus.models import AuditEntry
from menus.versions import MENUS, version
from tests.bot.web.conftest import Console, csrf_of
from tests.menus.helpers import row_counts
from tests.menus.workbooks import from_csv

GOOD = """canteen,date,meal,dish,price,portions
test,2026-12-03,lunch,红烧肉,13,30
test,2026-12-03,lunch,米饭,1.5,
test,2026-12-03,dinner,小米粥,2,
"""
BAD = GOOD.replace("米饭,1.5", "米饭,一块五")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MENU = "/canteens/test/menu"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def upload(
    client: TestClient, data: bytes, name: str = "menu.xlsx", *, csrf: bool = True
) -> httpx.Response:
    """Post a file through the menu page's form, as a browser does."""
    form = {"csrf": csrf_of(client.get("/login").text)} if csrf else {}
    return client.post(f"{MENU}/upload", data=form, files={"file": (name, data, XLSX)})


def token_of(html: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def lunch_on_3rd(console: Console) -> list[str]:
    with console.factory() as session:
        menus = load_menus(session, None, date(2026, 12, 3))
        return [f"{m.meal}:{i.dish.name}" for m in menus for i in m.items]


def test_the_menu_page_shows_the_coming_days(console: Console) -> None:
    page = console.signed_in("cook").get(MENU)
    assert page.status_code == 200
    text = _text(page.text)
    assert "12月1日 周二 午餐" in text and "12月2日 周三 午餐" in text
    assert "红烧肉 12.00 限40份" in text and "手把肉 25.00 限3份" in text
    assert "/menu/upload" not in page.text  # a cook looks only
    assert "测试社区老年食堂 菜单" in page.text  # the navigation link


def test_a_bad_row_is_said_in_mandarin_and_nothing_is_published(console: Console) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    answer = upload(client, from_csv(BAD))
    assert answer.status_code == 400
    text = _text(answer.text)
    assert "文件有1个问题，什么都没有发布" in text
    assert "menu.xlsx 第3行：dishes[1]（米饭）的价格是“一块五”，不是钱数" in text
    assert row_counts(console.factory) == before
    assert lunch_on_3rd(console) == []


def test_a_good_file_is_previewed_then_published_and_audited(
    console: Console, caplog: pytest.LogCaptureFixture
) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    with caplog.at_level(logging.DEBUG):
        preview = upload(client, from_csv(GOOD), "十二月菜单.xlsx")
    assert preview.status_code == 200
    html = preview.text
    text = _text(html)
    assert "新菜单预览" in text and "还没有发布" in text
    assert "发布后：新增菜品0道，更新3道；新增菜单2个，替换菜单0个。" in text
    assert "12月3日 周四 午餐 · 2 道菜 新菜单" in text
    assert "红烧肉 13.00 限30份 原价12.00元" in text and "米饭 1.50 不限量" in text
    assert row_counts(console.factory) == before  # the preview keeps nothing
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "十二月" not in logged and "红烧肉" not in logged and "bytes" in logged
    published = client.post(
        f"{MENU}/publish", data={"csrf": csrf_of(html), "token": token_of(html)}
    )
    assert published.status_code == 303 and published.headers["location"] == MENU
    page = _text(client.get(MENU).text)
    assert "菜单已发布：新增菜品0道，更新3道；新增菜单2个，替换菜单0个。" in page
    assert "12月3日 周四 午餐" in page and "红烧肉 13.00 限30份" in page
    assert lunch_on_3rd(console) == ["lunch:红烧肉", "lunch:米饭", "dinner:小米粥"]
    with console.factory() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "menu.publish"))
        # running bots in other processes learn the menu from its version
        assert version(session, MENUS) == before["store_versions"][0][1] + 1
    assert entry is not None and (entry.actor_name, entry.target) == ("张建国", "canteen:test")
    assert entry.detail["first"] == "2026-12-03" and entry.detail["menus_added"] == 2
    assert "十二月" not in str(entry.detail)
    audit = _text(client.get("/audit").text)
    assert "发布菜单" in audit and "2026-12-03至2026-12-03：新增菜品0道" in audit
    again = client.post(f"{MENU}/publish", data={"csrf": csrf_of(html), "token": token_of(html)})
    assert "预览已经过期" in _text(client.get(again.headers["location"]).text)


def test_a_replaced_menu_says_what_changes(console: Console) -> None:
    """Against the stored lunch of 12-02 (红烧肉, 鸡蛋羹, 米饭): 鸡蛋羹 goes, 小米粥 comes."""
    changed = "canteen,date,meal,dish,price\ntest,2026-12-02,lunch,红烧肉,12\n"
    changed += "test,2026-12-02,lunch,小米粥,2\ntest,2026-12-02,lunch,米饭,1.5\n"
    answer = upload(console.signed_in("manager"), changed.encode(), "m.csv")
    text = _text(answer.text)
    assert "12月2日 周三 午餐 · 3 道菜 替换原菜单" in text
    assert "小米粥 2.00 不限量 新加" in text and "去掉：鸡蛋羹" in text


def test_a_yaml_file_of_another_canteen_is_refused(console: Console) -> None:
    other = "canteen,date,meal,dish,price\nother,2026-12-03,lunch,羊肉面,10\n"
    answer = upload(console.signed_in("manager"), other.encode(), "m.csv")
    assert answer.status_code == 400
    assert "是“other”，可这里是“test”的菜单页" in answer.text


def test_publishing_checks_the_stored_orders_again(console: Console) -> None:
    """A cap below what is already ordered (王秀兰's 红烧肉 today) is the store's to refuse."""
    capped = "canteen,date,meal,dish,price,portions\ntest,2026-12-01,lunch,红烧肉,12,0\n"
    capped += "test,2026-12-01,lunch,手把肉,25,\ntest,2026-12-01,lunch,鸡蛋羹,5,\n"
    capped += "test,2026-12-01,lunch,米饭,1.5,\n"
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    answer = upload(client, capped.encode(), "m.csv")
    assert answer.status_code == 400
    assert "不能限量为0份" in answer.text
    assert row_counts(console.factory) == before


@pytest.mark.parametrize("who", ["cook", "other_manager", "supervisor", "community"])
def test_only_the_canteens_manager_may_upload_or_publish(console: Console, who: str) -> None:
    manager = console.signed_in("manager")
    html = upload(manager, from_csv(GOOD)).text
    client = console.signed_in(who)
    before = row_counts(console.factory)
    assert upload(client, from_csv(GOOD)).status_code == 403
    token = csrf_of(client.get("/login").text)
    answer = client.post(f"{MENU}/publish", data={"csrf": token, "token": token_of(html)})
    assert answer.status_code == 403
    assert row_counts(console.factory) == before and lunch_on_3rd(console) == []


def test_another_session_cannot_publish_a_managers_preview(console: Console) -> None:
    """The token is bound to the browser session that uploaded the file."""
    html = upload(console.signed_in("manager"), from_csv(GOOD)).text
    other = console.signed_in("manager")
    token = csrf_of(other.get(MENU).text)
    answer = other.post(f"{MENU}/publish", data={"csrf": token, "token": token_of(html)})
    assert answer.status_code == 303
    assert "预览已经过期或不是您上传的" in other.get(MENU).text
    assert lunch_on_3rd(console) == []


def test_other_canteens_staff_cannot_see_the_menu(console: Console) -> None:
    assert console.signed_in("other_cook").get(MENU).status_code == 403
    page = console.signed_in("supervisor").get(MENU)
    assert page.status_code == 200 and "只读" in page.text and "/menu/upload" not in page.text
    assert console.signed_in("other_supervisor").get(MENU).status_code == 403


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("menu.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不是 Excel 表格（.xlsx）"),
        ("menu.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不是文字文件"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不是菜单文件"),
        ("menu.xlsx", b"", "请先选一个菜单文件"),
    ],
)
def test_what_is_not_a_menu_file_is_refused(
    console: Console, name: str, data: bytes, said: str
) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    answer = upload(client, data, name)
    assert answer.status_code == 400
    assert said in answer.text
    assert row_counts(console.factory) == before


def test_a_file_too_big_is_refused_politely(console: Console) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    big = b"PK\x03\x04" + b"0" * (uploads.BODY_LIMIT + 10)
    answer = upload(client, big)
    assert answer.status_code == 413
    assert "文件太大了：菜单文件最多 2 MB" in answer.text
    just_over = b"PK\x03\x04" + b"0" * uploads.MAX_FILE_BYTES
    answer = upload(client, just_over)
    assert answer.status_code == 413 and "文件太大了" in answer.text
    assert row_counts(console.factory) == before


def test_an_upload_without_its_csrf_token_is_refused(console: Console) -> None:
    client = console.signed_in("manager")
    answer = upload(client, from_csv(GOOD), csrf=False)
    assert answer.status_code == 403
    assert "什么都没有改" in answer.text
    html = upload(client, from_csv(GOOD)).text
    answer = client.post(f"{MENU}/publish", data={"token": token_of(html)})
    assert answer.status_code == 403 and lunch_on_3rd(console) == []


async def test_a_body_is_measured_as_it_arrives() -> None:
    """A declared length over the limit is refused unread; an undeclared one as it grows."""

    async def chunks(count: int, size: int = 500_000):  # type: ignore[no-untyped-def]
        for _ in range(count):
            yield b"x" * size

    assert await capped_body(chunks(1), None) == b"x" * 500_000
    assert await capped_body(chunks(5), None) is None
    assert await capped_body(chunks(0), str(uploads.DRAIN_LIMIT + 1)) is None


def test_pending_files_expire_and_belong_to_one_session_and_canteen() -> None:
    from datetime import timedelta

    from tests.conftest import BEFORE_LUNCH

    kept = PendingUploads(most=2)
    token = kept.keep("me", "test", "m.csv", b"x", BEFORE_LUNCH)
    assert kept.get(token, "me", "test", BEFORE_LUNCH) is not None
    assert kept.get(token, "you", "test", BEFORE_LUNCH) is None
    assert kept.get(token, "me", "other", BEFORE_LUNCH) is None
    assert kept.get(token, "me", "test", BEFORE_LUNCH + timedelta(minutes=31)) is None
    first = kept.keep("me", "test", "m.csv", b"x", BEFORE_LUNCH)
    second = kept.keep("me", "test", "m.csv", b"y", BEFORE_LUNCH)  # replaces the first
    assert kept.get(first, "me", "test", BEFORE_LUNCH) is None
    assert kept.get(second, "me", "test", BEFORE_LUNCH) is not None
