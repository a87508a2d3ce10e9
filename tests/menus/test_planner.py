"""The menu planner: weeks read and written as people do, the copy plan (pure), copying last
week through the menu import (never onto a menu that exists, and not when the plan changed
since its preview), and one meal changed a dish at a time under the import's rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.closures import Closure, close
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import get_canteen, import_menu_file, load_menus
from menus.menufile import MenuFileError, parse_menu_bytes
from menus.models import Dish
from menus.planner import (
    Cell,
    CellChange,
    Edit,
    Fate,
    Line,
    Week,
    changed_dishes,
    copy_last_week,
    copy_plan,
    edit_cell,
    parse_cap,
    parse_week,
    plan_copy,
    read_week,
    week_label,
    week_of,
)
from menus.vocab import MealSlot
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place, row_counts

B, L, D = MealSlot.BREAKFAST, MealSlot.LUNCH, MealSlot.DINNER
W49 = date(2026, 11, 30)  # Monday of the test menus' week (12-01 is a Tuesday)
W50 = date(2026, 12, 7)
TODAY = LUNCH_DAY


# ------------------------------------------------------------------------------ weeks


def test_the_week_of_a_day_starts_on_monday() -> None:
    assert week_of(date(2026, 12, 1)) == W49
    assert week_of(W49) == W49 and week_of(date(2026, 12, 6)) == W49
    assert week_of(date(2026, 12, 7)) == W50
    assert week_of(date(2027, 1, 1)) == date(2026, 12, 28)  # ISO week 53 of 2026


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("", W49),
        ("2026-W49", W49),
        ("2026-W50", W50),
        ("  2026-W9 ", date(2026, 2, 23)),
        ("2026-12-03", W49),
        ("2026-W53", date(2026, 12, 28)),
        ("2027-W01", date(2027, 1, 4)),
    ],
)
def test_a_week_is_written_as_an_iso_week_or_a_day_in_it(text: str, monday: date) -> None:
    assert parse_week(text, TODAY) == monday


@pytest.mark.parametrize(
    "text", ["2025-W53", "2026-W00", "2026-W60", "下周", "2026-13-01", "0001-01-01", "9999-W52"]
)
def test_a_bad_week_is_refused_in_words(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_week(text, TODAY)
    assert caught.value.code == "bad_week"
    assert "请写成 2026-W49 这样" in caught.value.message("zh")


def test_week_labels_round_trip() -> None:
    for monday in (W49, W50, date(2026, 12, 28), date(2027, 1, 4)):
        assert parse_week(week_label(monday), TODAY) == monday
    assert week_label(W49) == "2026-W49" and week_label(date(2026, 2, 23)) == "2026-W09"


# ---------------------------------------------------------------------- the copy plan


def _cell(day: date, meal: MealSlot, *dishes: tuple[str, int | None], orders: int = 0) -> Cell:
    lines = tuple(Line(name, 1000, cap, cap) for name, cap in dishes)
    return Cell(day, meal, lines, orders=orders)


def test_the_copy_plan_adds_keeps_and_names_its_conflicts() -> None:
    """Last week (W49) onto W50, seen on W50's Tuesday: Monday is past; Tuesday's lunch is
    already the same; Wednesday's dinner is another menu with orders (kept); Thursday is
    closed; breakfast is no longer served; Friday and Saturday are added."""
    last = [
        _cell(W49, L, ("红烧肉", 40)),
        _cell(W49 + timedelta(days=1), L, ("红烧肉", 40), ("米饭", None)),
        _cell(W49 + timedelta(days=2), D, ("饺子", None)),
        _cell(W49 + timedelta(days=3), L, ("面条", None)),
        _cell(W49 + timedelta(days=4), B, ("小米粥", None)),
        _cell(W49 + timedelta(days=4), L, ("手把肉", 3), ("米饭", None)),
        _cell(W49 + timedelta(days=5), L, ("鸡蛋羹", 10)),
    ]
    closed = Closure(1, W50 + timedelta(days=3), None, "停水", "张建国")
    this = Week(
        W50,
        [L, D],
        {
            (W50 + timedelta(days=1), L): _cell(
                W50 + timedelta(days=1), L, ("红烧肉", 40), ("米饭", None)
            ),
            (W50 + timedelta(days=2), D): _cell(
                W50 + timedelta(days=2), D, ("包子", None), orders=2
            ),
        },
        [closed],
    )
    plan = plan_copy(W50, last, this, [L, D], W50 + timedelta(days=1))
    fates = [(e.day.day, e.meal.value, e.fate) for e in plan.entries]
    assert fates == [
        (7, "lunch", Fate.PAST),
        (8, "lunch", Fate.SAME),
        (9, "dinner", Fate.KEEP),
        (10, "lunch", Fate.CLOSED),
        (11, "breakfast", Fate.NOT_SERVED),
        (11, "lunch", Fate.ADD),
        (12, "lunch", Fate.ADD),
    ]
    assert [e.source.dishes for e in plan.added] == [
        (("手把肉", 3), ("米饭", None)),
        (("鸡蛋羹", 10),),
    ]
    kept = plan.kept[1]
    assert kept.target is not None and kept.target.orders == 2
    assert [e.fate for e in plan.conflicts] == [Fate.PAST, Fate.CLOSED, Fate.NOT_SERVED]
    closed_entry = plan.conflicts[1]
    assert closed_entry.target is not None and closed_entry.target.closure == closed


def test_the_fingerprint_changes_with_either_week() -> None:
    last = [_cell(W49, L, ("红烧肉", 40))]
    empty = Week(W50, [L], {})
    before = plan_copy(W50, last, empty, [L], TODAY).fingerprint()
    assert plan_copy(W50, last, empty, [L], TODAY).fingerprint() == before
    other_cap = [_cell(W49, L, ("红烧肉", 30))]
    assert plan_copy(W50, other_cap, empty, [L], TODAY).fingerprint() != before
    planned = Week(W50, [L], {(W50, L): _cell(W50, L, ("米饭", None))})
    assert plan_copy(W50, last, planned, [L], TODAY).fingerprint() != before


def test_an_empty_last_week_plans_nothing() -> None:
    plan = plan_copy(W50, [], Week(W50, [L], {}), [L], TODAY)
    assert plan.entries == () and plan.added == []


# -------------------------------------------------------------------- one meal's dishes


def test_changed_dishes_adds_removes_and_caps() -> None:
    menu = [("红烧肉", 40), ("米饭", None)]
    library = ["红烧肉", "米饭", "鸡蛋羹"]
    added = changed_dishes(menu, CellChange(Edit.ADD, "鸡蛋羹", 20), library)
    assert added == [("红烧肉", 40), ("米饭", None), ("鸡蛋羹", 20)]
    assert changed_dishes(menu, CellChange(Edit.REMOVE, "红烧肉"), library) == [("米饭", None)]
    capped = changed_dishes(menu, CellChange(Edit.CAP, "红烧肉", None), library)
    assert capped == [("红烧肉", None), ("米饭", None)]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (CellChange(Edit.ADD, "龙虾"), "planner_unknown_dish"),
        (CellChange(Edit.ADD, "米饭"), "planner_dish_on_menu"),
        (CellChange(Edit.REMOVE, "鸡蛋羹"), "planner_dish_not_on_menu"),
        (CellChange(Edit.CAP, "鸡蛋羹", 3), "planner_dish_not_on_menu"),
    ],
)
def test_changed_dishes_refuses_what_cannot_be(change: CellChange, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        changed_dishes([("红烧肉", 40), ("米饭", None)], change, ["红烧肉", "米饭", "鸡蛋羹"])
    assert caught.value.code == code


def test_the_last_dish_is_not_taken_off() -> None:
    with pytest.raises(DomainError) as caught:
        changed_dishes([("米饭", None)], CellChange(Edit.REMOVE, "米饭"), ["米饭"])
    assert "请把它设为休息" in caught.value.message("zh")


@pytest.mark.parametrize(("text", "cap"), [("", None), (" 30 ", 30), ("0", 0), ("100000", 100000)])
def test_a_cap_is_typed_as_a_whole_number_or_left_empty(text: str, cap: int | None) -> None:
    assert parse_cap(text) == cap


@pytest.mark.parametrize("text", ["-1", "1.5", "三十", "100001", "1e3", "９９９９９９９"])
def test_a_bad_cap_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_cap(text)
    assert caught.value.code == "planner_bad_cap"


# ------------------------------------------------------------------- from the store


def _week(factory: sessionmaker[Session], monday: date) -> Week:
    with factory() as session:
        return read_week(session, get_canteen(session, "test"), monday)


def _copy(factory: sessionmaker[Session], monday: date, fingerprint: str | None = None) -> object:
    with unit_of_work(factory) as session:
        canteen = get_canteen(session, "test")
        if fingerprint is None:
            fingerprint = copy_plan(session, canteen, monday, TODAY).fingerprint()
        return copy_last_week(session, canteen, monday, TODAY, fingerprint)


def test_the_week_is_read_with_caps_orders_and_closures(shop: sessionmaker[Session]) -> None:
    place(shop, BEFORE_LUNCH, "王秀兰", [("红烧肉", 2)])
    with unit_of_work(shop) as session:
        close(session, get_canteen(session), date(2026, 12, 4), None, "停水", None, BEFORE_LUNCH)
    week = _week(shop, W49)
    assert week.meals == [B, L, D]
    lunch = week.cell(LUNCH_DAY, L)
    assert lunch.orders == 1
    assert lunch.lines[0] == Line("红烧肉", 1200, 40, 38, 2)
    assert lunch.lines[1] == Line("手把肉", 2500, 3, 3, 0)
    assert week.cell(date(2026, 12, 4), L).closure is not None
    assert week.day_closure(date(2026, 12, 4)) is not None
    assert week.cell(date(2026, 12, 3), L).lines == ()


def test_copying_last_week_publishes_the_same_dishes_and_caps(
    shop: sessionmaker[Session],
) -> None:
    with shop() as session:
        before = {
            d.name: (d.aliases, d.name_mn, d.nutrition) for d in session.scalars(select(Dish))
        }
    copied = _copy(shop, W50)
    assert copied.summary.menus_added == 4 and copied.summary.dishes_added == 0  # type: ignore[attr-defined]
    week = _week(shop, W50)
    assert week.cell(date(2026, 12, 8), L).dishes == (
        ("红烧肉", 40),
        ("手把肉", 3),
        ("鸡蛋羹", None),
        ("米饭", None),
    )
    assert week.cell(date(2026, 12, 8), B).dishes == (("小米粥", None), ("鸡蛋羹", None))
    assert week.cell(date(2026, 12, 9), L).dishes == (
        ("红烧肉", 40),
        ("鸡蛋羹", None),
        ("米饭", None),
    )
    with shop() as session:
        after = {d.name: (d.aliases, d.name_mn, d.nutrition) for d in session.scalars(select(Dish))}
    assert after == before  # the dishes themselves are untouched
    unchanged = row_counts(shop)
    with pytest.raises(DomainError) as caught:
        _copy(shop, W50)  # everything is now the same: nothing to copy
    assert caught.value.code == "nothing_to_copy"
    assert row_counts(shop) == unchanged


def test_a_stale_preview_copies_nothing(shop: sessionmaker[Session]) -> None:
    with shop() as session:
        shown = copy_plan(session, get_canteen(session), W50, TODAY).fingerprint()
    with unit_of_work(shop) as session:  # meanwhile someone publishes a menu on 12-08
        text = "canteen,date,meal,dish,price\ntest,2026-12-08,lunch,米饭,1.5\n"
        import_menu_file(session, parse_menu_bytes(text.encode(), "m.csv"), "m.csv")
    before = row_counts(shop)
    with pytest.raises(DomainError) as caught:
        _copy(shop, W50, shown)
    assert caught.value.code == "plan_changed"
    assert row_counts(shop) == before


def test_copying_never_touches_a_menu_with_orders_nor_the_past(
    shop: sessionmaker[Session],
) -> None:
    """W48 (published in the past) onto W49, seen on 12-01: 11-30 is past; 12-01's lunch has
    an order and another menu (kept as it is); 12-03 gets its copy."""
    w48 = """canteen,date,meal,dish,price,portions
test,2026-11-23,lunch,米饭,1.5,
test,2026-11-24,lunch,手把肉,25,5
test,2026-11-26,lunch,鸡蛋羹,5,20
"""
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(w48.encode(), "w48.csv"), "w48")
    place(shop, BEFORE_LUNCH, "王秀兰")
    with shop() as session:
        plan = copy_plan(session, get_canteen(session), W49, TODAY)
    assert [(e.day.day, e.fate) for e in plan.entries] == [
        (30, Fate.PAST),
        (1, Fate.KEEP),
        (3, Fate.ADD),
    ]
    assert plan.kept[0].target is not None and plan.kept[0].target.orders == 1
    _copy(shop, W49)
    week = _week(shop, W49)
    assert week.cell(LUNCH_DAY, L).dishes[0] == ("红烧肉", 40)  # untouched
    assert week.cell(date(2026, 12, 3), L).dishes == (("鸡蛋羹", 20),)
    assert week.cell(W49, L).lines == ()


def _edit(factory: sessionmaker[Session], day: date, meal: MealSlot, change: CellChange) -> None:
    with unit_of_work(factory) as session:
        edit_cell(session, get_canteen(session, "test"), day, meal, change, TODAY)


def test_one_meal_is_changed_a_dish_at_a_time(shop: sessionmaker[Session]) -> None:
    day = date(2026, 12, 2)
    _edit(shop, day, L, CellChange(Edit.ADD, "手把肉", 5))
    _edit(shop, day, L, CellChange(Edit.CAP, "红烧肉", 25))
    _edit(shop, day, L, CellChange(Edit.REMOVE, "鸡蛋羹"))
    assert _week(shop, W49).cell(day, L).dishes == (("红烧肉", 25), ("米饭", None), ("手把肉", 5))
    _edit(shop, date(2026, 12, 3), D, CellChange(Edit.ADD, "鸡蛋羹"))  # a new menu
    with shop() as session:
        (menu,) = load_menus(session, None, date(2026, 12, 3))
        assert [i.dish.name for i in menu.items] == ["鸡蛋羹"]


def test_a_meal_with_orders_keeps_its_ordered_dishes_and_portions(
    shop: sessionmaker[Session],
) -> None:
    place(shop, BEFORE_LUNCH, "王秀兰", [("红烧肉", 2)])
    before = row_counts(shop)
    for change, said in (
        (CellChange(Edit.REMOVE, "红烧肉"), "少了“红烧肉”，可它已经有人订了（2份），请留着它。"),
        (CellChange(Edit.CAP, "红烧肉", 1), "已经订出2份，不能限量为1份。"),
    ):
        with pytest.raises(MenuFileError) as caught:
            _edit(shop, LUNCH_DAY, L, change)
        assert [p.says("zh") for p in caught.value.problems] == [said]
        assert row_counts(shop) == before
    _edit(shop, LUNCH_DAY, L, CellChange(Edit.CAP, "红烧肉", 2))  # down to what is ordered
    assert _week(shop, W49).cell(LUNCH_DAY, L).lines[0] == Line("红烧肉", 1200, 2, 0, 2)


def test_a_past_or_closed_meal_or_one_not_served_is_not_changed(
    shop: sessionmaker[Session],
) -> None:
    with unit_of_work(shop) as session:
        close(session, get_canteen(session), date(2026, 12, 2), L, "停水", None, BEFORE_LUNCH)
    unchanged = row_counts(shop)
    with pytest.raises(MenuFileError) as past:
        _edit(shop, date(2026, 11, 30), L, CellChange(Edit.ADD, "米饭"))
    assert [p.says("zh") for p in past.value.problems] == ["2026-11-30已经过去了。"]
    with pytest.raises(MenuFileError) as closed:
        _edit(shop, date(2026, 12, 2), L, CellChange(Edit.ADD, "手把肉"))
    assert "这一餐食堂休息（停水）" in closed.value.problems[0].says("zh")
    assert row_counts(shop) == unchanged
    lunch_only = "canteen:\n  code: small\n  name: 小食堂\n  region: '150102'\n"
    lunch_only += "  modes: [dine_in]\n  slots: {lunch: {cutoff: '09:30'}}\n"
    lunch_only += "dishes: [{name: 面条, price: 8}]\n"
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(lunch_only.encode(), "s.yaml"), "s")
    before = row_counts(shop)
    with pytest.raises(DomainError) as caught, unit_of_work(shop) as session:
        change = CellChange(Edit.ADD, "面条")
        edit_cell(session, get_canteen(session, "small"), date(2026, 12, 3), D, change, TODAY)
    assert caught.value.code == "planner_meal_not_served"
    assert row_counts(shop) == before
