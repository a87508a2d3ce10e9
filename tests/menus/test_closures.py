"""Closed days (休息): a closed day or meal offers no menu and takes no order, a day with
orders is never closed (the manager is told how many), a menu file cannot publish onto a
closed meal, reopening brings the menu back; and the next meal an elder can still order."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import DEFAULT_SLOTS, TZ, SlotTimes
from menus.closures import (
    MAX_REASON,
    close,
    closure_of,
    closures_between,
    next_open_meal,
    next_open_meal_at,
    reopen,
)
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import get_canteen, import_menu_file, load_menus
from menus.menufile import MenuFileError, parse_menu_bytes
from menus.orders import cancel_order
from menus.vocab import Actor, MealSlot
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place, row_counts

TOMORROW = LUNCH_DAY + timedelta(days=1)  # 12-02: a lunch menu, no orders
L, D, B = MealSlot.LUNCH, MealSlot.DINNER, MealSlot.BREAKFAST


def _close(
    factory: sessionmaker[Session],
    day: date,
    meal: MealSlot | None = None,
    reason: str = "停水",
    now: datetime = BEFORE_LUNCH,
) -> int:
    with unit_of_work(factory) as session:
        return close(session, get_canteen(session, "test"), day, meal, reason, None, now).id


def _refusal(factory: sessionmaker[Session], *args: object, **kwargs: object) -> DomainError:
    before = row_counts(factory)
    with pytest.raises(DomainError) as caught:
        _close(factory, *args, **kwargs)  # type: ignore[arg-type]
    assert row_counts(factory) == before
    return caught.value


def _offered(factory: sessionmaker[Session], day: date) -> list[str]:
    with factory() as session:
        return [m.meal for m in load_menus(session, None, day)]


def test_a_closed_day_offers_no_menu_and_takes_no_order(shop: sessionmaker[Session]) -> None:
    assert _offered(shop, TOMORROW) == ["lunch"]
    _close(shop, TOMORROW, reason="春节")
    assert _offered(shop, TOMORROW) == []
    with shop() as session:  # the menu rows stay: the planner shows them, marked
        kept = load_menus(session, None, TOMORROW, include_closed=True)
        assert [m.meal for m in kept] == ["lunch"]
        closure = closure_of(session, get_canteen(session).id, TOMORROW, L)
    assert closure is not None and closure.reason == "春节" and closure.meal is None
    before = row_counts(shop)
    with pytest.raises(DomainError) as caught:
        place(shop, BEFORE_LUNCH, "刘德福", day=TOMORROW)
    assert caught.value.code == "canteen_closed"
    assert (
        caught.value.message("zh")
        == "2026-12-02午餐食堂休息（春节），不供餐。请订别的日子或别的餐。"
    )
    assert row_counts(shop) == before


def test_reopening_brings_the_menu_back(shop: sessionmaker[Session]) -> None:
    closure_id = _close(shop, TOMORROW)
    with unit_of_work(shop) as session:
        reopened = reopen(session, get_canteen(session), closure_id, BEFORE_LUNCH)
    assert reopened.reason == "停水"
    assert _offered(shop, TOMORROW) == ["lunch"]
    place(shop, BEFORE_LUNCH, "刘德福", day=TOMORROW)
    with unit_of_work(shop) as session, pytest.raises(DomainError) as caught:
        reopen(session, get_canteen(session), closure_id, BEFORE_LUNCH)
    assert caught.value.code == "closure_unknown"


def test_one_meal_closed_leaves_the_others(shop: sessionmaker[Session]) -> None:
    """Dinner of 12-01 closes (no dinner orders); lunch, with an order, stays offered."""
    place(shop, BEFORE_LUNCH, "王秀兰")
    _close(shop, LUNCH_DAY, D, "晚上停电")
    assert _offered(shop, LUNCH_DAY) == ["breakfast", "lunch"]
    place(shop, BEFORE_LUNCH, "刘德福")
    with pytest.raises(DomainError) as caught:
        place(shop, BEFORE_LUNCH, "赵桂芝", [("鸡蛋羹", 1)], meal=D)
    assert caught.value.code == "canteen_closed"


def test_a_day_with_orders_is_not_closed_and_the_manager_is_told_how_many(
    shop: sessionmaker[Session],
) -> None:
    place(shop, BEFORE_LUNCH, "王秀兰")
    place(shop, BEFORE_LUNCH, "刘德福")
    refused = _refusal(shop, LUNCH_DAY, reason="春节")
    assert refused.code == "closure_has_orders" and refused.params["count"] == 2
    text = refused.message("zh")
    assert text.startswith("12月1日已经有 2 份订单，不能设为休息，什么都没有改。")
    assert "请先联系这些老人" in text
    lunch = _refusal(shop, LUNCH_DAY, L)
    assert lunch.message("zh").startswith("12月1日午餐已经有 2 份订单")
    assert _offered(shop, LUNCH_DAY) == ["breakfast", "lunch", "dinner"]  # nothing cancelled


def test_cancelled_orders_do_not_keep_a_day_open(shop: sessionmaker[Session]) -> None:
    """A cancelled order is no meal anyone counts on; its menu line stays (history)."""
    order = place(shop, BEFORE_LUNCH, "王秀兰")
    with unit_of_work(shop) as session:
        cancel_order(session, order.id, BEFORE_LUNCH, actor=Actor.SELF)
    _close(shop, LUNCH_DAY, L)
    assert _offered(shop, LUNCH_DAY) == ["breakfast", "dinner"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((LUNCH_DAY - timedelta(days=1),), "closure_past"),
        ((TOMORROW, None, ""), "closure_reason"),
        ((TOMORROW, None, "   "), "closure_reason"),
        ((TOMORROW, None, "春" * (MAX_REASON + 1)), "closure_reason"),
        ((TOMORROW, None, "停\x00水"), "closure_reason"),
        ((date(1, 1, 1),), "closure_past"),
    ],
)
def test_bad_closures_are_refused_politely(
    shop: sessionmaker[Session], args: tuple[object, ...], code: str
) -> None:
    refused = _refusal(shop, *args)
    assert refused.code == code
    assert "什么都没有改" in refused.message("zh") or code == "closure_past"


def test_a_meal_closed_twice_or_inside_a_closed_day_is_refused(
    shop: sessionmaker[Session],
) -> None:
    _close(shop, TOMORROW, L, "停水")
    assert _refusal(shop, TOMORROW, L).code == "closure_exists"
    _close(shop, TOMORROW, None, "春节")  # the whole day takes the meal's place
    with shop() as session:
        found = closures_between(session, [get_canteen(session).id], TOMORROW, TOMORROW)
    assert [(c.meal, c.reason) for c in next(iter(found.values()))] == [(None, "春节")]
    refused = _refusal(shop, TOMORROW, D)
    assert refused.code == "closure_exists" and "春节" in refused.message("zh")


def test_a_meal_the_canteen_does_not_serve_is_not_closed(shop: sessionmaker[Session]) -> None:
    lunch_only = """
canteen:
  code: small
  name: 小食堂
  region: "150102"
  modes: [dine_in]
  slots: {lunch: {cutoff: "09:30"}}
dishes: [{name: 面条, price: 8}]
"""
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(lunch_only.encode(), "s.yaml"), "s")
    with unit_of_work(shop) as session, pytest.raises(DomainError) as caught:
        close(session, get_canteen(session, "small"), TOMORROW, D, "停水", None, BEFORE_LUNCH)
    assert caught.value.code == "closure_meal_not_served"


def test_a_menu_file_cannot_publish_onto_a_closed_meal(shop: sessionmaker[Session]) -> None:
    _close(shop, TOMORROW + timedelta(days=1), None, "春节")
    text = "canteen,date,meal,dish,price\ntest,2026-12-03,lunch,米饭,1.5\n"
    before = row_counts(shop)
    with pytest.raises(MenuFileError) as caught, unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(text.encode(), "m.csv"), "m.csv")
    assert caught.value.lines("zh") == [
        "m.csv：菜单（2026-12-03 lunch）这一餐食堂休息（春节），不能发布菜单；"
        "要供餐，请先在菜单计划里取消休息。"
    ]
    assert row_counts(shop) == before


SLOTS = {MealSlot(meal): times for meal, times in DEFAULT_SLOTS.items()}
MON = date(2026, 12, 7)
EARLY = datetime(2026, 12, 7, 6, 0, tzinfo=TZ)


def test_the_next_open_meal_skips_closed_meals_and_days_without_a_menu() -> None:
    closed = {(MON, L), (MON, D), (MON + timedelta(days=1), B)}
    menus = {(MON + timedelta(days=d), m) for d in range(3) for m in (L, D)}
    found = next_open_meal(
        (MON, B), SLOTS, lambda d, m: (d, m) in closed, lambda d, m: (d, m) in menus, EARLY
    )
    assert found == (MON + timedelta(days=1), L)


def test_the_next_open_meal_skips_meals_past_their_cut_off() -> None:
    lunch_closed = datetime(2026, 12, 7, 10, 0, tzinfo=TZ)  # lunch's cut-off 09:30 has passed
    found = next_open_meal((MON, B), SLOTS, lambda d, m: False, lambda d, m: True, lunch_closed)
    assert found == (MON, D)


def test_no_open_meal_within_two_weeks_is_none() -> None:
    only_lunch = {L: SlotTimes(*DEFAULT_SLOTS["lunch"].__dict__.values())}
    assert next_open_meal((MON, L), only_lunch, lambda d, m: True, lambda d, m: True, EARLY) is None


def test_the_next_open_meal_from_the_store(shop: sessionmaker[Session]) -> None:
    """12-01 dinner closed: after 12-01 lunch comes 12-02 lunch (there is no 12-02 dinner)."""
    _close(shop, LUNCH_DAY, D)
    with shop() as session:
        canteen = get_canteen(session)
        assert next_open_meal_at(session, canteen, (LUNCH_DAY, L), BEFORE_LUNCH) == (TOMORROW, L)
