"""休息 in the chat: asked for the menu of a day or meal the canteen has closed, an elder hears
that it is closed and why, and the next meal that can still be ordered (in Mandarin, and in
Mongolian in the script they write); an order for it is refused at once, the dishes kept and
the meal asked again, nothing ordered; a meal asked for without a day passes over a closed
day."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.closures import close
from menus.db import unit_of_work
from menus.menu_store import get_canteen, import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import Person
from menus.orders import list_orders
from menus.vocab import MealSlot
from tests.conftest import BEFORE_LUNCH

TODAY, TOMORROW = date(2026, 12, 1), date(2026, 12, 2)
MORE = "canteen,date,meal,dish,price\ntest,2026-12-03,lunch,米饭,1.5\n"


@pytest.fixture
def ids(shop: sessionmaker[Session]) -> dict[str, int]:
    """The people by name, with a lunch menu on 12-03 too (the next open meal after 12-02)."""
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(MORE.encode(), "m.csv"), "m.csv")
    with shop() as session:
        return {p.name: p.id for p in session.scalars(select(Person))}


def _close(shop: sessionmaker[Session], day: date, meal: MealSlot | None, reason: str) -> None:
    with unit_of_work(shop) as session:
        close(session, get_canteen(session, "test"), day, meal, reason, None, BEFORE_LUNCH)


def test_the_menu_of_a_closed_day_says_why_and_the_next_meal(
    shop: sessionmaker[Session], ids: dict[str, int]
) -> None:
    _close(shop, TOMORROW, None, "春节")
    reply = Dialogue(shop).handle(ids["王秀兰"], "明天吃什么", BEFORE_LUNCH).text
    assert reply == "明天食堂休息（春节），不做饭。下一顿能订的是后天午饭。", reply


def test_a_closed_meal_leaves_the_day_s_other_meals(
    shop: sessionmaker[Session], ids: dict[str, int]
) -> None:
    _close(shop, TODAY, MealSlot.DINNER, "晚上停电")
    dialogue = Dialogue(shop)
    dinner = dialogue.handle(ids["王秀兰"], "今天晚饭吃什么", BEFORE_LUNCH).text
    assert dinner == "今天晚饭食堂休息（晚上停电），不做饭。下一顿能订的是明天午饭。", dinner
    lunch = dialogue.handle(ids["刘德福"], "今天中午吃什么", BEFORE_LUNCH).text
    assert "红烧肉" in lunch and "休息" not in lunch, lunch


def test_an_order_for_a_closed_meal_is_refused_at_once_and_nothing_is_ordered(
    shop: sessionmaker[Session], ids: dict[str, int]
) -> None:
    _close(shop, TOMORROW, None, "停水")
    dialogue = Dialogue(shop)
    reply = dialogue.handle(ids["王秀兰"], "明天中午要一份红烧肉", BEFORE_LUNCH)
    assert reply.text.startswith("明天午饭食堂休息（停水），不做饭。下一顿能订的是后天午饭。")
    assert reply.text.endswith("是中午，还是晚上？"), reply.text
    with shop() as session:
        assert list_orders(session, elder_id=ids["王秀兰"]) == []


def test_the_meal_answered_after_a_closed_one_is_on_the_day_of_the_meal_offered(
    shop: sessionmaker[Session], ids: dict[str, int]
) -> None:
    """明天休息，下一顿能订的是后天午饭。是中午，还是晚上？ → 中午: 12-03, not today."""
    _close(shop, TOMORROW, None, "停水")
    dialogue = Dialogue(shop)
    dialogue.handle(ids["王秀兰"], "明天中午要一份米饭", BEFORE_LUNCH)
    reply = dialogue.handle(ids["王秀兰"], "中午", BEFORE_LUNCH).text
    assert "今天" not in reply and "明天" not in reply, reply


def test_a_meal_said_without_a_day_passes_over_a_closed_day(
    shop: sessionmaker[Session], ids: dict[str, int]
) -> None:
    """After lunch's cut-off the next lunch is tomorrow's; tomorrow is closed, so 12-03."""
    _close(shop, TOMORROW, None, "春节")
    late = BEFORE_LUNCH.replace(hour=10)
    reply = Dialogue(shop).handle(ids["王秀兰"], "我要订午饭，红烧肉一份", late).text
    assert "给您订后天的" in reply and "休息" not in reply, reply


def test_a_mongolian_elder_hears_it_in_the_script_he_writes(
    shop: sessionmaker[Session], ids: dict[str, int]
) -> None:
    _close(shop, TOMORROW, None, "春节")
    dialogue = Dialogue(shop)
    traditional = dialogue.handle(ids["巴特尔"], "ᠮᠠᠷᠭᠠᠰᠢ ᠶᠠᠮᠠᠷ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠶᠢᠨ᠎ᠠ ᠪᠤᠢ?", BEFORE_LUNCH)
    assert "ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠠᠮᠠᠷᠠᠨ᠎ᠠ (春节)" in traditional.text, traditional.text
    assert "ᠳᠠᠷᠠᠭᠠᠴᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠬᠤ ᠬᠣᠭᠣᠯᠠ" in traditional.text
    cyrillic = dialogue.handle(ids["巴特尔"], "Маргааш ямар хоол байна вэ?", BEFORE_LUNCH)
    assert "хоолны газар амарна (春节)" in cyrillic.text, cyrillic.text
    assert "Дараагийн захиалж болох хоол" in cyrillic.text
