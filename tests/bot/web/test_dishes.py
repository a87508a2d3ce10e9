"""The dish library's pages: every dish with price, nutrition, allergens, tags, aliases and
both Mongolian scripts as stored; the manager changes a dish through the menu file's checks
(problems in Chinese next to their fields, nothing stored), every change in the audit log; the
others read or are refused as the menu page; a form without its CSRF token changes nothing."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import select
from starlette.testclient import TestClient

from menus.models import AuditEntry, Dish
from tests.bot.web.conftest import Console, csrf_of
from tests.menus.helpers import row_counts

DISHES = "/canteens/test/dishes"
MONG_FVS = "ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ ᠬᠣᠭᠣᠯᠠ\u180b"


def _dish_id(console: Console, name: str) -> int:
    with console.factory() as session:
        found = session.scalar(select(Dish.id).where(Dish.name == name))
    assert found is not None
    return found


def _stored(console: Console, name: str) -> Dish:
    with console.factory() as session:
        dish = session.scalar(select(Dish).where(Dish.name == name))
        assert dish is not None
        session.expunge(dish)
        return dish


def _form(html: str) -> dict[str, str]:
    """The dish form's fields as the page fills them."""
    return {
        name: value.replace("&amp;", "&")
        for name, value in re.findall(
            r'<input id="f-[a-z_]+" name="([a-z_]+)"[^>]*value="([^"]*)"', html
        )
    }


def _post(client: TestClient, dish_id: int, **changes: str) -> httpx.Response:
    page = client.get(f"{DISHES}/{dish_id}").text
    data = {**_form(page), **changes, "csrf": csrf_of(page)}
    return client.post(f"{DISHES}/{dish_id}", data=data)


def test_the_library_lists_every_dish_with_both_scripts(console: Console) -> None:
    page = console.signed_in("cook").get(DISHES)
    assert page.status_code == 200
    text = page.text
    for name in ("红烧肉", "手把肉", "鸡蛋羹", "小米粥", "米饭"):
        assert f">{name}</a>" in text
    assert '<span class="mn-mong" lang="mn-Mong">ᠤᠯᠠᠭᠠᠨ ᠰᠢᠷᠠᠭᠰᠠᠨ ᠮᠢᠬᠠ</span>' in text
    assert '<span class="mn-cyrl" lang="mn-Cyrl">улаан шарсан мах</span>' in text
    assert "红烧五花肉" in text and "热量520千卡" in text and "脂肪42克" in text
    assert "猪肉" in text and "大豆" in text and "清真" in text  # tags and allergens in words
    assert "只读" in text and 'method="post"' not in text.split("</header>")[1]
    assert "菜品库" in text and 'href="/canteens/test/dishes"' in text  # in the menu bar


def test_the_manager_changes_a_dish_and_it_is_audited(console: Console) -> None:
    client = console.signed_in("manager")
    dish_id = _dish_id(console, "红烧肉")
    answer = _post(client, dish_id, price="13", aliases="红烧五花肉、东坡肉", sugar_g="")
    assert answer.status_code == 303
    page = client.get(answer.headers["location"]).text
    assert "已保存“红烧肉”" in page and "价格（元）：12 → 13" in page
    assert "别名：红烧五花肉 → 红烧五花肉、东坡肉" in page and "糖（克）：9 → （空）" in page
    dish = _stored(console, "红烧肉")
    assert dish.price_fen == 1300 and dish.aliases == ["红烧五花肉", "东坡肉"]
    assert "sugar_g" not in dish.nutrition and dish.nutrition["kcal"] == 520
    with console.factory() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "menu.dish"))
    assert entry.actor_name == "张建国" and entry.target == f"dish:{dish_id}"
    assert entry.detail["text"].startswith("红烧肉：价格（元）：12 → 13")
    log = client.get("/audit").text
    assert "修改菜品" in log and "红烧肉：价格（元）：12 → 13" in log


def test_an_unchanged_form_stores_nothing(console: Console) -> None:
    client = console.signed_in("manager")
    before = row_counts(console.factory)
    answer = _post(client, _dish_id(console, "手把肉"))
    assert "没有改动" in client.get(answer.headers["location"]).text
    assert row_counts(console.factory) == before


def test_mongolian_in_both_scripts_survives_the_form(console: Console) -> None:
    """A narrow no-break space and a variation selector come back exactly as sent, and the
    page sent back again changes nothing."""
    client = console.signed_in("manager")
    dish_id = _dish_id(console, "米饭")
    answer = _post(client, dish_id, name_mn=MONG_FVS, name_mn_cyrl="цагаан будаа")
    assert answer.status_code == 303
    assert _stored(console, "米饭").name_mn == MONG_FVS
    page = client.get(f"{DISHES}/{dish_id}").text
    assert f'lang="mn-Mong">{MONG_FVS}</span>' in page
    assert f'value="{MONG_FVS}"' in page
    again = _post(client, dish_id)
    assert "没有改动" in client.get(again.headers["location"]).text


def test_problems_are_said_in_chinese_by_their_fields(console: Console) -> None:
    client = console.signed_in("manager")
    dish_id = _dish_id(console, "红烧肉")
    before = row_counts(console.factory)
    answer = _post(
        client, dish_id, price="-3", name_mn="hong", tags="Pork", kcal="很多", aliases="米饭"
    )
    assert answer.status_code == 400
    text = answer.text
    assert "有5个问题，什么都没有保存" in text
    assert "价格（元）不能是负数" in text
    assert "蒙古文名（传统蒙古文）应该用传统蒙古文书写" in text
    assert "标签里有“Pork”" in text and "热量（千卡）应该是数字" in text
    assert "别名“米饭”已经被“米饭”用了" in text
    assert (
        'id="f-price" name="price" type="text" inputmode="decimal" value="-3" aria-invalid="true"'
        in text
    )
    assert 'value="很多"' in text  # the form as sent, to fix
    assert row_counts(console.factory) == before
    assert _stored(console, "红烧肉").price_fen == 1200


def test_a_form_without_its_token_changes_nothing(console: Console) -> None:
    client = console.signed_in("manager")
    dish_id = _dish_id(console, "红烧肉")
    page = client.get(f"{DISHES}/{dish_id}").text
    before = row_counts(console.factory)
    answer = client.post(f"{DISHES}/{dish_id}", data={**_form(page), "price": "1"})
    assert answer.status_code == 403 and "表单已经过期" in answer.text
    forged = client.post(f"{DISHES}/{dish_id}", data={**_form(page), "price": "1", "csrf": "x"})
    assert forged.status_code == 403
    assert row_counts(console.factory) == before


def test_the_supervisor_reads_and_cannot_change(console: Console) -> None:
    client = console.signed_in("supervisor")
    dish_id = _dish_id(console, "红烧肉")
    page = client.get(f"{DISHES}/{dish_id}")
    assert page.status_code == 200 and "只读" in page.text and 'name="price"' not in page.text
    token = csrf_of(page.text)
    before = row_counts(console.factory)
    answer = client.post(f"{DISHES}/{dish_id}", data={"csrf": token, "price": "1"})
    assert answer.status_code == 403
    assert row_counts(console.factory) == before


def test_another_canteens_dish_is_not_found_here(console: Console) -> None:
    client = console.signed_in("manager")
    other = _dish_id(console, "羊肉面")
    assert client.get(f"{DISHES}/{other}").status_code == 404
    page = client.get(f"{DISHES}/{_dish_id(console, '米饭')}").text
    before = row_counts(console.factory)
    answer = client.post(f"{DISHES}/{other}", data={**_form(page), "csrf": csrf_of(page)})
    assert answer.status_code == 404
    assert row_counts(console.factory) == before
